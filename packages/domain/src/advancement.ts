import { roundFigure } from './aggregation';
import { type FieldProblem, InvalidInput } from './errors';
import type { ReviewStage, ReviewState } from './model';
import { byText } from './screening';

/**
 * Who goes on to the next stage: the screening vote, ranking by a tie-break chain,
 * quota seats per group of tracks, and the administrator's overrides.
 *
 * A tie is never broken silently. When entries that nothing in the chain separates
 * straddle a quota line, none of them advances and the tie is reported, so that a person
 * decides (with an override or a raised quota) and the decision is on record.
 */

export const TieBreak = {
  AGGREGATE: 'AGGREGATE',
  /** The mean of the round's highest-weighted criterion. */
  TOP_CRITERION: 'TOP_CRITERION',
  RECOMMEND_COUNT: 'RECOMMEND_COUNT',
  EARLIER_SUBMISSION: 'EARLIER_SUBMISSION',
} as const;
export type TieBreak = keyof typeof TieBreak;
export const TIE_BREAKS = Object.values(TieBreak);

export const DEFAULT_TIE_BREAKS: readonly TieBreak[] = ['AGGREGATE', 'TOP_CRITERION', 'RECOMMEND_COUNT', 'EARLIER_SUBMISSION'];

export interface QuotaGroup {
  /** e.g. 'IC+BIG_SCIENCE' */
  code: string;
  trackIds: readonly string[];
  quota: number;
}

export type AdvancementRule = { kind: 'QUOTA'; groups: readonly QuotaGroup[] } | { kind: 'THRESHOLD'; minimum: number };

export interface Candidate {
  entryId: string;
  trackId: string;
  aggregate: number;
  topCriterion: number;
  recommendCount: number;
  /** Earlier wins; an ISO string or a Date. */
  submittedAt: Date | string;
  /** False when eliminated in screening or left without scorecards: never takes a seat, ranked after the rest. */
  eligible: boolean;
}

export interface Override {
  entryId: string;
  outcome: 'ADVANCE' | 'ELIMINATE';
  reason: string;
}

export interface QuotaRaise {
  groupCode: string;
  /** The new quota, above the group's own. */
  quota: number;
  reason: string;
}

export interface RankedCandidate {
  entryId: string;
  groupCode: string | null;
  /** 1-based within the group; entries the whole chain cannot separate share a rank. */
  rank: number;
  advanced: boolean;
  overridden: Override | null;
  /**
   * The tie-break step that separated this entry from the next one in its group, for
   * display; null for the last entry, for one tied with the next on the whole chain, and
   * where the next entry is ineligible (eligibility is not a tie-break).
   */
  decidedBy: TieBreak | null;
}

export interface BoundaryTie {
  groupCode: string;
  quota: number;
  /** Tied on the whole chain and straddling the quota line; none of them advanced. */
  entryIds: string[];
  /** Seats still free for them. */
  seatsLeft: number;
}

export interface AdvancementResult {
  /** Groups in the rule's order, each in rank order; entries in no group last. */
  ranked: RankedCandidate[];
  /** Finalizing should wait until this is empty. */
  ties: BoundaryTie[];
  /** Per quota group, with the quota in force after any raise; empty for a threshold rule. */
  groups: { code: string; quota: number; candidates: number; advanced: number }[];
  /** Configuration a person must look at (an entry in no group, too many forced advances…); finalizing should wait for these too. */
  problems: { entryId?: string; groupCode?: string; message: string }[];
}

export interface AdvancementOptions {
  tieBreaks?: readonly TieBreak[];
  overrides?: readonly Override[];
  quotaRaises?: readonly QuotaRaise[];
}

/** A candidate with the figures it is compared on, rounded as published so that stored and recomputed values compare alike. */
interface Prepared {
  candidate: Candidate;
  aggregate: number;
  topCriterion: number;
  submittedMs: number;
}

function stepOrder(a: Prepared, b: Prepared, step: TieBreak): number {
  switch (step) {
    case 'AGGREGATE':
      return b.aggregate - a.aggregate;
    case 'TOP_CRITERION':
      return b.topCriterion - a.topCriterion;
    case 'RECOMMEND_COUNT':
      return b.candidate.recommendCount - a.candidate.recommendCount;
    case 'EARLIER_SUBMISSION':
      return a.submittedMs - b.submittedMs;
  }
}

const eligibilityOrder = (a: Prepared, b: Prepared): number => Number(b.candidate.eligible) - Number(a.candidate.eligible);

/** The first step that tells a and b apart, 'ELIGIBILITY' if only that does, or null when nothing does. */
function separatedBy(a: Prepared, b: Prepared, chain: readonly TieBreak[]): TieBreak | 'ELIGIBILITY' | null {
  if (eligibilityOrder(a, b) !== 0) return 'ELIGIBILITY';
  return chain.find((step) => stepOrder(a, b, step) !== 0) ?? null;
}

const level = (a: Prepared, b: Prepared, chain: readonly TieBreak[]): boolean => separatedBy(a, b, chain) === null;

interface Placed {
  prepared: Prepared;
  rank: number;
  decidedBy: TieBreak | null;
}

/**
 * Eligible entries first, then by the chain; entryId only fixes a display order among
 * entries the chain leaves level, which share a rank (1, 2, 2, 4).
 */
function rankGroup(members: readonly Prepared[], chain: readonly TieBreak[]): Placed[] {
  const sorted = [...members].sort((a, b) => {
    const eligibility = eligibilityOrder(a, b);
    if (eligibility !== 0) return eligibility;
    for (const step of chain) {
      const order = stepOrder(a, b, step);
      if (order !== 0) return order;
    }
    return byText(a.candidate.entryId, b.candidate.entryId);
  });
  const placed: Placed[] = [];
  sorted.forEach((prepared, i) => {
    const previous = placed[i - 1];
    const rank = previous && level(previous.prepared, prepared, chain) ? previous.rank : i + 1;
    const next = sorted[i + 1];
    const step = next ? separatedBy(prepared, next, chain) : null;
    placed.push({ prepared, rank, decidedBy: step === 'ELIGIBILITY' ? null : step });
  });
  return placed;
}

function checkedChain(chain: readonly TieBreak[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  chain.forEach((step, i) => {
    if (!TIE_BREAKS.includes(step)) problems.push({ field: `tieBreaks[${i}]`, message: `must be one of ${TIE_BREAKS.join(', ')}` });
    else if (chain.indexOf(step) !== i) problems.push({ field: `tieBreaks[${i}]`, message: `${step} is already in the chain` });
  });
  return problems;
}

function prepare(candidates: readonly Candidate[], problems: FieldProblem[]): Prepared[] {
  const seen = new Set<string>();
  return candidates.map((candidate, i) => {
    const field = (name: string) => `candidates[${i}].${name}`;
    if (!candidate.entryId) problems.push({ field: field('entryId'), message: 'is required' });
    else if (seen.has(candidate.entryId)) problems.push({ field: field('entryId'), message: `${candidate.entryId} is listed twice` });
    seen.add(candidate.entryId);
    if (!Number.isFinite(candidate.aggregate)) problems.push({ field: field('aggregate'), message: 'must be a finite number' });
    if (!Number.isFinite(candidate.topCriterion)) problems.push({ field: field('topCriterion'), message: 'must be a finite number' });
    if (!Number.isInteger(candidate.recommendCount) || candidate.recommendCount < 0) {
      problems.push({ field: field('recommendCount'), message: 'must be a whole number, 0 or more' });
    }
    const submittedMs = new Date(candidate.submittedAt).getTime();
    if (Number.isNaN(submittedMs)) problems.push({ field: field('submittedAt'), message: 'must be a date' });
    return { candidate, aggregate: roundFigure(candidate.aggregate), topCriterion: roundFigure(candidate.topCriterion), submittedMs };
  });
}

/**
 * Ranks the candidates and decides who advances.
 *
 * QUOTA: each candidate belongs to the group listing its track, and each group fills its
 * seats in rank order. Overrides are applied first: an ELIMINATE override takes the entry
 * out; an ADVANCE override seats it whatever its rank or eligibility, and its seat comes out
 * of the quota, so the lowest-ranked seats fall away rather than the quota being exceeded
 * (a QuotaRaise for the group lifts the quota to its value instead). More ADVANCE overrides
 * than the quota is reported as a problem; the forced entries still advance, the normal
 * seats are none. Entries level on the whole chain across the last seat are reported in
 * `ties` and none of them advances; an override for one of them, or a raise, settles it.
 *
 * THRESHOLD: every eligible entry whose aggregate reaches the minimum advances (no seats,
 * so no ties); overrides apply the same way; all candidates are ranked together.
 */
export function advance(candidates: readonly Candidate[], rule: AdvancementRule, options: AdvancementOptions = {}): AdvancementResult {
  const chain = options.tieBreaks ?? DEFAULT_TIE_BREAKS;
  const fieldProblems = checkedChain(chain);
  const prepared = prepare(candidates, fieldProblems);

  const overrides = new Map<string, Override>();
  (options.overrides ?? []).forEach((override, i) => {
    if (override.outcome !== 'ADVANCE' && override.outcome !== 'ELIMINATE') {
      fieldProblems.push({ field: `overrides[${i}].outcome`, message: 'must be ADVANCE or ELIMINATE' });
    }
    if (!override.reason?.trim()) fieldProblems.push({ field: `overrides[${i}].reason`, message: 'is required: an override is on record' });
    if (overrides.has(override.entryId))
      fieldProblems.push({ field: `overrides[${i}].entryId`, message: `${override.entryId} already has an override` });
    overrides.set(override.entryId, override);
  });
  (options.quotaRaises ?? []).forEach((raise, i) => {
    if (!Number.isInteger(raise.quota) || raise.quota < 0)
      fieldProblems.push({ field: `quotaRaises[${i}].quota`, message: 'must be a whole number' });
    if (!raise.reason?.trim()) fieldProblems.push({ field: `quotaRaises[${i}].reason`, message: 'is required: a raise is on record' });
  });
  if (rule.kind === 'THRESHOLD') {
    if (!Number.isFinite(rule.minimum)) fieldProblems.push({ field: 'minimum', message: 'must be a finite number' });
  } else {
    const codes = new Set<string>();
    const tracks = new Map<string, string>();
    rule.groups.forEach((group, i) => {
      if (!group.code) fieldProblems.push({ field: `groups[${i}].code`, message: 'is required' });
      else if (codes.has(group.code)) fieldProblems.push({ field: `groups[${i}].code`, message: `${group.code} is used twice` });
      codes.add(group.code);
      if (!Number.isInteger(group.quota) || group.quota < 0)
        fieldProblems.push({ field: `groups[${i}].quota`, message: 'must be a whole number, 0 or more' });
      for (const trackId of group.trackIds) {
        const owner = tracks.get(trackId);
        if (owner !== undefined && owner !== group.code) {
          fieldProblems.push({ field: `groups[${i}].trackIds`, message: `track ${trackId} is already in group ${owner}` });
        }
        tracks.set(trackId, group.code);
      }
    });
  }
  if (fieldProblems.length > 0) throw new InvalidInput(fieldProblems);

  const problems: AdvancementResult['problems'] = [];
  const known = new Set(candidates.map((c) => c.entryId));
  for (const override of overrides.values()) {
    if (!known.has(override.entryId))
      problems.push({ entryId: override.entryId, message: 'an override names an entry that is not a candidate; it was ignored' });
  }

  const toRanked = (placed: Placed, groupCode: string | null, advanced: boolean): RankedCandidate => ({
    entryId: placed.prepared.candidate.entryId,
    groupCode,
    rank: placed.rank,
    advanced,
    overridden: overrides.get(placed.prepared.candidate.entryId) ?? null,
    decidedBy: placed.decidedBy,
  });
  const forcedOutcome = (p: Prepared) => overrides.get(p.candidate.entryId)?.outcome;

  if (rule.kind === 'THRESHOLD') {
    if ((options.quotaRaises ?? []).length > 0) problems.push({ message: 'quota raises apply only to a quota rule; they were ignored' });
    const minimum = roundFigure(rule.minimum);
    const ranked = rankGroup(prepared, chain).map((placed) => {
      const forced = forcedOutcome(placed.prepared);
      const advanced = forced ? forced === 'ADVANCE' : placed.prepared.candidate.eligible && placed.prepared.aggregate >= minimum;
      return toRanked(placed, null, advanced);
    });
    return { ranked, ties: [], groups: [], problems };
  }

  const quotas = new Map(rule.groups.map((g) => [g.code, g.quota]));
  for (const raise of options.quotaRaises ?? []) {
    const own = rule.groups.find((g) => g.code === raise.groupCode);
    if (!own) {
      problems.push({ groupCode: raise.groupCode, message: 'a quota raise names a group the rule does not have; it was ignored' });
    } else if (raise.quota <= own.quota) {
      problems.push({ groupCode: raise.groupCode, message: `a raise must be above the group's quota of ${own.quota}; it was ignored` });
    } else {
      // Raises are on record one by one; the largest is the quota in force.
      quotas.set(own.code, Math.max(quotas.get(own.code)!, raise.quota));
    }
  }

  const groupOfTrack = new Map(rule.groups.flatMap((g) => g.trackIds.map((t) => [t, g.code] as const)));
  const members = new Map<string, Prepared[]>(rule.groups.map((g) => [g.code, []]));
  const ungrouped: Prepared[] = [];
  for (const p of prepared) {
    const code = groupOfTrack.get(p.candidate.trackId);
    if (code === undefined) ungrouped.push(p);
    else members.get(code)!.push(p);
  }

  const ranked: RankedCandidate[] = [];
  const ties: BoundaryTie[] = [];
  const groups: AdvancementResult['groups'] = [];

  for (const group of rule.groups) {
    const quota = quotas.get(group.code)!;
    const placed = rankGroup(members.get(group.code)!, chain);

    const forced = placed.filter((p) => forcedOutcome(p.prepared) === 'ADVANCE');
    if (forced.length > quota) {
      problems.push({
        groupCode: group.code,
        message: `${forced.length} entries are forced to advance but the quota is ${quota}: raise the quota or withdraw an override`,
      });
    }
    const seats = Math.max(0, quota - forced.length);
    const pool = placed.filter((p) => p.prepared.candidate.eligible && forcedOutcome(p.prepared) === undefined);

    let seated = pool.slice(0, seats);
    if (seats > 0 && pool.length > seats && level(pool[seats - 1]!.prepared, pool[seats]!.prepared, chain)) {
      let first = seats - 1;
      while (first > 0 && level(pool[first - 1]!.prepared, pool[first]!.prepared, chain)) first--;
      let last = seats;
      while (last + 1 < pool.length && level(pool[last]!.prepared, pool[last + 1]!.prepared, chain)) last++;
      ties.push({
        groupCode: group.code,
        quota,
        entryIds: pool.slice(first, last + 1).map((p) => p.prepared.candidate.entryId),
        seatsLeft: seats - first,
      });
      seated = pool.slice(0, first);
    }

    const advancing = new Set([...forced, ...seated]);
    for (const p of placed) ranked.push(toRanked(p, group.code, advancing.has(p)));
    groups.push({ code: group.code, quota, candidates: placed.length, advanced: advancing.size });
  }

  for (const p of rankGroup(ungrouped, chain)) {
    problems.push({
      entryId: p.prepared.candidate.entryId,
      message: `track ${p.prepared.candidate.trackId} is in no advancement group; the entry cannot advance`,
    });
    ranked.push(toRanked(p, null, false));
  }

  return { ranked, ties, groups, problems };
}

/** The review state an entry reaches at the end of a stage: advancing from the final means an excellent achievement. */
export function outcomeFor(stage: ReviewStage, advanced: boolean): Extract<ReviewState, 'ADVANCED' | 'ELIMINATED' | 'EXCELLENT'> {
  if (!advanced) return 'ELIMINATED';
  return stage === 'FINAL' ? 'EXCELLENT' : 'ADVANCED';
}
