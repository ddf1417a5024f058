import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import {
  type ContestChecks,
  type Identity,
  type SubmissionCheckStep,
  type SubmissionStatus,
  assertAllowed,
  assertCheckMove,
  assertChecksBeforeReview,
  check,
  checkReason,
  forbidden,
  hasRole,
  notFound,
} from '@meritgraph/domain';
import { forUpdate, newId } from '@meritgraph/db';
import { noteChanges, recordAudit } from '@meritgraph/subgraph-kit';
import { type OrganizationsApi, enrolmentKey } from '../references/organizations-api';
import { SubmissionCheck } from './submission-check.entity';
import { INSERT_CHUNK, type SubmitRequest, assertBatchSize, judgeAll, refusalOf, versionConflict } from './submission-batch';
import { Submission } from './submission.entity';

/** What the checks ask of organizations: the contests' checks, and the enrolments a union mobilized. */
export type CheckFacts = Pick<OrganizationsApi, 'facts' | 'mobilizedEnrolments'>;

/** The checks a contest asks, as organizations says. */
export const checksOf = (contest: { requiresEndorsement?: boolean; requiresFormCheck?: boolean }): ContestChecks => ({
  endorsement: !!contest.requiresEndorsement,
  formCheck: !!contest.requiresFormCheck,
});

/** A step, as this service takes it: the status it moves to, what it records, the audit's action. */
interface Step {
  to: SubmissionStatus;
  step: SubmissionCheckStep;
  action: string;
  /** Endorsement is the mobilizing union's (or the office's); the form check the office's alone. */
  by: 'union' | 'office';
}

const STEPS = {
  endorse: { to: 'ENDORSED', step: 'ENDORSED', action: 'submission.endorse', by: 'union' },
  return: { to: 'RETURNED', step: 'RETURNED', action: 'submission.return', by: 'union' },
  accept: { to: 'ACCEPTED', step: 'ACCEPTED', action: 'submission.accept', by: 'office' },
  reject: { to: 'REJECTED', step: 'REJECTED', action: 'submission.reject', by: 'office' },
} as const satisfies Record<string, Step>;

/** Versions start at 1 and count every change. */
const VERSIONS = { min: 1, max: 2_147_483_647 };

/**
 * The checks of entries before review: the union that mobilized a unit endorses its entries
 * or returns them for revision, then the office accepts or rejects their form. Each step is
 * judged by the contest's checks (packages/domain endorsement.ts), quotes the version it was
 * read at, and writes the status, a SubmissionCheck and the audit entry in one transaction.
 */
export class SubmissionCheckService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: CheckFacts,
    private readonly clock: () => Date,
  ) {}

  endorseMany(identity: Identity, inputs: readonly SubmitRequest[]): Promise<Submission[]> {
    return this.take(identity, STEPS.endorse, inputs, null);
  }

  async return(identity: Identity, id: string, expectedVersion: number, reason: string): Promise<Submission> {
    return (await this.take(identity, STEPS.return, [{ id, expectedVersion }], reason))[0]!;
  }

  acceptMany(identity: Identity, inputs: readonly SubmitRequest[]): Promise<Submission[]> {
    return this.take(identity, STEPS.accept, inputs, null);
  }

  async reject(identity: Identity, id: string, expectedVersion: number, reason: string): Promise<Submission> {
    return (await this.take(identity, STEPS.reject, [{ id, expectedVersion }], reason))[0]!;
  }

  /**
   * One step for every entry of the list, all or none: the office may take any step; a
   * union's organizer only endorsement and return, on entries of units it mobilized in that
   * contest (else FORBIDDEN, as for an entry that does not exist). Organizations is asked
   * once per list; a list of one reports its own refusal, a longer one BATCH_REFUSED.
   */
  private async take(identity: Identity, step: Step, inputs: readonly SubmitRequest[], reason: string | null): Promise<Submission[]> {
    const office = hasRole(identity, 'ADMIN');
    const union = !office && step.by === 'union' && hasRole(identity, 'ORGANIZER') && !!identity.org;
    assertAllowed(office || union);
    assertBatchSize(inputs, 'submissions');
    const why = step.to === 'RETURNED' || step.to === 'REJECTED' ? checkReason(reason) : null;
    const early = inputs.map((input) =>
      refusalOf(() => check({ expectedVersion: input.expectedVersion }).int('expectedVersion', VERSIONS).done()),
    );
    const ids = [...new Set(inputs.filter((_, i) => !early[i]).map((input) => input.id))];
    const read = ids.length ? await this.dataSource.manager.findBy(Submission, { id: In(ids) }) : [];
    const contestIds = read.map((s) => s.contestId);
    const [facts, mobilized] = await Promise.all([
      this.organizations.facts({ contestIds, organizationIds: [], personIds: [] }),
      union ? this.organizations.mobilizedEnrolments(identity.org!, contestIds) : Promise.resolve(null),
    ]);
    const mayAct = (s: Submission | undefined): s is Submission =>
      !!s && (office || !!mobilized?.has(enrolmentKey(s.contestId, s.organizationId)));
    return this.dataSource.transaction(async (em) => {
      const rows = new Map(
        (ids.length ? await em.find(Submission, { where: { id: In(ids) }, ...forUpdate(em) }) : []).map((s) => [s.id, s] as const),
      );
      const movedHere = new Set<string>();
      const judged = judgeAll(
        inputs,
        (input, index) => {
          if (early[index]) throw early[index];
          const submission = rows.get(input.id);
          if (!mayAct(submission)) throw office ? notFound('Submission', input.id) : forbidden();
          const contest = facts.contests.get(submission.contestId);
          if (!contest) throw notFound('Contest', submission.contestId, 'contestId');
          assertChecksBeforeReview(contest.status);
          assertCheckMove(checksOf(contest), movedHere.has(submission.id) ? step.to : submission.status, step.to);
          if (submission.version !== input.expectedVersion) throw versionConflict(submission.version);
          movedHere.add(submission.id);
          return submission;
        },
        (input) => ({ id: input.id }),
        { things: 'submissions', none: 'none was changed' },
      );
      const now = this.clock();
      await moveTo(em, judged, step.to, now);
      const updated = new Map((await em.findBy(Submission, { id: In(judged.map((s) => s.id)) })).map((s) => [s.id, s]));
      const result = judged.map((s) => updated.get(s.id)!);
      await recordChecks(
        em,
        result.map((s) => ({
          submission: s,
          step: step.step,
          reason: why,
          actor: office ? 'OFFICE' : 'UNION',
          organizationId: office ? null : identity.org!,
        })),
        now,
      );
      await recordAudit(
        em,
        identity,
        now,
        judged.map((s, i) => ({
          action: step.action,
          entityType: 'Submission',
          entityId: s.id,
          before: { ...s },
          after: { ...result[i]! },
          reason: why,
        })),
      );
      return result;
    });
  }
}

/** The entries judged, moved to `to` in one UPDATE, each only at the version it was judged at (else VERSION_CONFLICT). */
async function moveTo(em: EntityManager, submissions: readonly Submission[], to: SubmissionStatus, at: Date) {
  const params: Record<string, unknown> = {};
  submissions.forEach((s, i) => Object.assign(params, { [`id${i}`]: s.id, [`v${i}`]: s.version }));
  const result = await em
    .createQueryBuilder()
    .update(Submission)
    .set({ status: to, updatedAt: at, version: () => 'version + 1' })
    .where(submissions.map((_, i) => `(id = :id${i} AND version = :v${i})`).join(' OR '))
    .setParameters(params)
    .execute();
  if (result.affected !== submissions.length) throw versionConflict(submissions[0]!.version);
}

/** A step to record of an entry, as it stands after the step. */
export interface CheckRecord {
  submission: Submission;
  step: SubmissionCheckStep;
  reason: string | null;
  actor: SubmissionCheck['actor'];
  organizationId: string | null;
}

/** The steps taken, one SubmissionCheck each (200 a statement), and each on the change feed. */
export async function recordChecks(em: EntityManager, records: readonly CheckRecord[], at: Date): Promise<void> {
  const rows = records.map((r) =>
    em.create(SubmissionCheck, {
      id: newId(),
      submissionId: r.submission.id,
      version: r.submission.version,
      step: r.step,
      reason: r.reason,
      at,
      actor: r.actor,
      organizationId: r.organizationId,
    }),
  );
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await em.insert(SubmissionCheck, rows.slice(i, i + INSERT_CHUNK));
  await noteChanges(
    em,
    rows.map((row) => ({ entityType: 'SubmissionCheck', entityId: row.id, change: `submission.check.${row.step.toLowerCase()}`, at })),
  );
}
