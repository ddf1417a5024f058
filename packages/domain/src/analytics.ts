import { type Identity, hasRole, readsEverything } from './access';

/** The facts the analytics read model counts. */
export const AnalyticsFact = {
  SUBMISSION: 'SUBMISSION',
  ENTRY: 'ENTRY',
  ASSIGNMENT: 'ASSIGNMENT',
  SCORECARD: 'SCORECARD',
  HONOR: 'HONOR',
  PRIOR_HONOR: 'PRIOR_HONOR',
  ORGANIZER_EVALUATION: 'ORGANIZER_EVALUATION',
} as const;
export type AnalyticsFact = keyof typeof AnalyticsFact;

/**
 * How much of a fact a caller's aggregates may draw on:
 * - `ALL`: every record (the office; analysts, except scorecards of rounds not yet finalized);
 * - `SUBTREE`: the records of the caller's organization and those below it (a mobilizing union);
 * - `PUBLIC`: the records the public may see (published results, public honors, entries in the contest: isEntered);
 * and whether the caller may see those records one by one. Where it may not, a cell built
 * from fewer than the minimum number of records is suppressed, so that an aggregate never
 * singles one out.
 */
export interface FactAccess {
  scope: 'ALL' | 'SUBTREE' | 'PUBLIC';
  /** Only scorecards of FINALIZED rounds (PUBLIC: published ones). */
  finalizedScoresOnly: boolean;
  /** Small cells are suppressed: the caller may not see the records one by one. */
  suppressSmallCells: boolean;
}

const PUBLIC_FACTS: readonly AnalyticsFact[] = ['SUBMISSION', 'ENTRY', 'SCORECARD', 'HONOR'];
const ORGANIZER_FACTS: readonly AnalyticsFact[] = ['SUBMISSION', 'ENTRY', 'SCORECARD', 'HONOR', 'PRIOR_HONOR', 'ORGANIZER_EVALUATION'];

/**
 * What `identity` may aggregate of `fact`; null when nothing (FORBIDDEN). Follows the
 * role rules: analysts read everything but unfinalized scorecards, a union reads its subtree
 * (scorecards and other callers' records only as aggregates), and everyone else reads what
 * is public, as aggregates.
 */
export function factAccess(identity: Identity, fact: AnalyticsFact): FactAccess | null {
  if (identity.service || hasRole(identity, 'ADMIN')) return { scope: 'ALL', finalizedScoresOnly: false, suppressSmallCells: false };
  if (readsEverything(identity)) return { scope: 'ALL', finalizedScoresOnly: true, suppressSmallCells: false };
  if (hasRole(identity, 'ORGANIZER') && identity.org) {
    if (!ORGANIZER_FACTS.includes(fact)) return null;
    return { scope: 'SUBTREE', finalizedScoresOnly: true, suppressSmallCells: fact === 'SCORECARD' };
  }
  if (!PUBLIC_FACTS.includes(fact)) return null;
  return { scope: 'PUBLIC', finalizedScoresOnly: true, suppressSmallCells: fact === 'SUBMISSION' || fact === 'SCORECARD' };
}
