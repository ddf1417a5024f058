import { DomainError, ErrorCode, InvalidInput } from './errors';
import { Lifecycle } from './lifecycle';
import type { ContestStatus, SubmissionStatus } from './model';

/**
 * The checks a contest puts a submission through before review (推荐 and 形式审查): its
 * mobilizing union endorses it or returns it for revision, then the office checks its form
 * and accepts or rejects it. A contest asks either, both or neither.
 */
export interface ContestChecks {
  /** The mobilizing union endorses each entry (推荐) or returns it for revision (退回修改). */
  endorsement: boolean;
  /** The office checks each entry's form (形式审查): accepted or rejected. */
  formCheck: boolean;
}

export const NO_CHECKS: ContestChecks = Object.freeze({ endorsement: false, formCheck: false });

/** The steps of the checks, as each is recorded. */
export const SubmissionCheckStep = {
  ENDORSED: 'ENDORSED',
  RETURNED: 'RETURNED',
  RESUBMITTED: 'RESUBMITTED',
  ACCEPTED: 'ACCEPTED',
  REJECTED: 'REJECTED',
} as const;
export type SubmissionCheckStep = keyof typeof SubmissionCheckStep;

/** Who took a step: the mobilizing union, or the contest office. */
export const SubmissionCheckActor = { UNIT: 'UNIT', UNION: 'UNION', OFFICE: 'OFFICE' } as const;
export type SubmissionCheckActor = keyof typeof SubmissionCheckActor;

const lifecycles = new Map<string, Lifecycle<SubmissionStatus>>();

/**
 * A submission's moves in a contest with these checks:
 * - SUBMITTED → ENDORSED | RETURNED when endorsement is asked; else SUBMITTED → ACCEPTED |
 *   REJECTED when the form check is;
 * - ENDORSED → ACCEPTED | REJECTED when the form check is asked;
 * - RETURNED → SUBMITTED (resubmitted, keeping its reference number);
 * - every status but REJECTED and WITHDRAWN may still be withdrawn (canWithdraw says until when);
 *   REJECTED and WITHDRAWN are final.
 */
export function submissionLifecycleFor(checks: ContestChecks): Lifecycle<SubmissionStatus> {
  const key = `${checks.endorsement}|${checks.formCheck}`;
  let lifecycle = lifecycles.get(key);
  if (!lifecycle) {
    const formCheck: SubmissionStatus[] = checks.formCheck ? ['ACCEPTED', 'REJECTED'] : [];
    lifecycle = new Lifecycle<SubmissionStatus>('Submission', 'DRAFT', {
      DRAFT: ['SUBMITTED', 'WITHDRAWN'],
      SUBMITTED: [...(checks.endorsement ? ['ENDORSED' as const, 'RETURNED' as const] : formCheck), 'WITHDRAWN'],
      ENDORSED: [...formCheck, 'WITHDRAWN'],
      RETURNED: ['SUBMITTED', 'WITHDRAWN'],
      ACCEPTED: ['WITHDRAWN'],
      REJECTED: [],
      WITHDRAWN: [],
    });
    lifecycles.set(key, lifecycle);
  }
  return lifecycle;
}

/** The status review takes entries in: ACCEPTED when the form check is asked, else ENDORSED when endorsement is, else SUBMITTED. */
export const intakeStatus = (checks: ContestChecks): SubmissionStatus =>
  checks.formCheck ? 'ACCEPTED' : checks.endorsement ? 'ENDORSED' : 'SUBMITTED';

/**
 * The statuses of an entry that is in the contest: submitted, and not returned, rejected or
 * withdrawn. A submitted entry awaiting its checks counts as entered (its unit entered it);
 * review takes only those that passed the contest's checks (intakeStatus).
 */
export const ENTERED_STATUSES: readonly SubmissionStatus[] = Object.freeze(['SUBMITTED', 'ENDORSED', 'ACCEPTED']);

/** Whether an entry in this status is entered in the contest (ENTERED_STATUSES). */
export const isEntered = (status: string): boolean => (ENTERED_STATUSES as readonly string[]).includes(status);

/** Whether a unit may edit its entry in this status, as it edits a draft: a draft, or an entry returned for revision. */
export const isEditableByUnit = (status: SubmissionStatus): boolean => status === 'DRAFT' || status === 'RETURNED';

/** Which check a target status belongs to: endorsement for ENDORSED and RETURNED, the form check for ACCEPTED and REJECTED. */
const checkOf = (to: SubmissionStatus): keyof ContestChecks | null =>
  to === 'ENDORSED' || to === 'RETURNED' ? 'endorsement' : to === 'ACCEPTED' || to === 'REJECTED' ? 'formCheck' : null;

/**
 * Throws INVALID_TRANSITION unless `from → to` is a move of a contest with these checks: a
 * step of a check the contest does not ask is refused as such.
 */
export function assertCheckMove(checks: ContestChecks, from: SubmissionStatus, to: SubmissionStatus): void {
  const check = checkOf(to);
  if (check && !checks[check]) {
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      check === 'endorsement' ? 'This contest asks no endorsement by the unions' : 'This contest asks no form check by the office',
      'status',
      { from, to, check },
    );
  }
  submissionLifecycleFor(checks).assert(from, to);
}

/**
 * The checks are taken before review: once the contest is reviewing (or closed) its entries
 * are fixed, and a step is REVIEW_STARTED, since it would change what review took in.
 */
export function assertChecksBeforeReview(contestStatus: ContestStatus): void {
  if (contestStatus === 'REVIEWING' || contestStatus === 'CLOSED') {
    throw new DomainError(ErrorCode.REVIEW_STARTED, `The contest is ${contestStatus}: its entries' checks are over`, 'status', {
      contestStatus,
    });
  }
}

/** The longest reason a return or a rejection may give. */
export const CHECK_REASON_MAX = 500;

/**
 * The reason of a return or a rejection, trimmed: 1 to 500 characters, else BAD_USER_INPUT
 * naming `reason`.
 */
export function checkReason(reason: string | null | undefined, field = 'reason'): string {
  const trimmed = (reason ?? '').trim();
  const length = [...trimmed].length;
  if (length < 1 || length > CHECK_REASON_MAX) {
    throw new InvalidInput([{ field, message: `must be 1 to ${CHECK_REASON_MAX} characters: the unit reads why` }]);
  }
  return trimmed;
}
