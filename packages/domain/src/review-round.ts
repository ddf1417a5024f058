import { DomainError, type FieldProblem } from './errors';
import type { ReviewStage, RoundStatus } from './model';
import { type AdvancementRule, TieBreak } from './advancement';
import { AggregationMethod } from './aggregation';
import { type Criterion, criteriaProblems, scoreMax } from './scoring';

/** How a round is judged, as the office configures it before opening it. */
export interface RoundConfig {
  stage: ReviewStage;
  criteria: readonly Criterion[];
  reviewersPerEntry: number;
  aggregationMethod: AggregationMethod;
  /** The trimmed mean drops the extremes only from this many scorecards up. */
  trimMinimum: number;
  /** Who advances: quota groups over tracks, or a threshold. Screening rounds advance by decisions. */
  advancement: AdvancementRule | null;
  tieBreaks: readonly TieBreak[];
  /** A screening entry passes when its PASS and RECOMMEND decisions exceed this share. */
  passShare: number;
}

/** Every problem with a round's configuration, given the tracks of its contest. */
export function roundConfigProblems(config: RoundConfig, contestTrackIds: readonly string[]): FieldProblem[] {
  const problems = criteriaProblems(config.criteria);
  const bad = (field: string, message: string) => problems.push({ field, message });
  if (!Number.isInteger(config.reviewersPerEntry) || config.reviewersPerEntry < 1 || config.reviewersPerEntry > 50) {
    bad('reviewersPerEntry', 'must be between 1 and 50');
  }
  if (!Object.values(AggregationMethod).includes(config.aggregationMethod))
    bad('aggregationMethod', `must be one of ${Object.values(AggregationMethod).join(', ')}`);
  if (!Number.isInteger(config.trimMinimum) || config.trimMinimum < 3 || config.trimMinimum > 50)
    bad('trimMinimum', 'must be between 3 and 50');
  if (!(config.passShare >= 0 && config.passShare < 1)) bad('passShare', 'must be at least 0 and below 1');
  const seenBreaks = new Set<string>();
  for (const t of config.tieBreaks) {
    if (!Object.values(TieBreak).includes(t)) bad('tieBreaks', `${t} is not a tie-break (${Object.values(TieBreak).join(', ')})`);
    else if (seenBreaks.has(t)) bad('tieBreaks', `${t} is listed twice`);
    seenBreaks.add(t);
  }
  const rule = config.advancement;
  if (!rule) return problems;
  if (rule.kind === 'THRESHOLD') {
    const max = problems.length === 0 ? scoreMax(config.criteria) : Infinity;
    if (!Number.isFinite(rule.minimum) || rule.minimum < 0 || rule.minimum > max) bad('threshold', `must be between 0 and ${max}`);
    return problems;
  }
  if (rule.groups.length === 0) bad('quotaGroups', 'needs at least one group');
  const codes = new Set<string>();
  const placed = new Map<string, string>();
  rule.groups.forEach((g, i) => {
    const at = `quotaGroups[${i}]`;
    if (!/^[A-Z][A-Z0-9_+]{0,39}$/.test(g.code)) bad(`${at}.code`, 'must be 1–40 upper-case letters, digits, _ or +');
    else if (codes.has(g.code)) bad(`${at}.code`, `${g.code} is used twice`);
    codes.add(g.code);
    if (!Number.isInteger(g.quota) || g.quota < 1 || g.quota > 1_000_000) bad(`${at}.quota`, 'must be a positive whole number');
    if (g.trackIds.length === 0) bad(`${at}.trackIds`, 'needs at least one track');
    for (const track of g.trackIds) {
      if (!contestTrackIds.includes(track)) bad(`${at}.trackIds`, `${track} is not a track of the contest`);
      else if (placed.has(track)) bad(`${at}.trackIds`, `the track is already in group ${placed.get(track)}`);
      placed.set(track, g.code);
    }
  });
  return problems;
}

/**
 * What must be settled before a round opens: a drafted round may lack its advancement rule,
 * but experts do not start scoring entries that nobody could advance by.
 */
export function openingProblems(config: Pick<RoundConfig, 'stage' | 'advancement'>, entries: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (config.stage !== 'SCREENING' && !config.advancement) {
    problems.push({ field: 'advancement', message: 'an evaluation or final round needs quota groups or a threshold before it opens' });
  }
  if (entries === 0) problems.push({ field: 'entries', message: 'take the entries in before opening the round' });
  return problems;
}

/** What the office and experts do to a round, each allowed only in some of its states. */
export type RoundActivity = 'CONFIGURE' | 'TAKE_ENTRIES' | 'ASSIGN' | 'SCORE';

const ALLOWED: Record<RoundActivity, readonly RoundStatus[]> = {
  CONFIGURE: ['DRAFT'],
  TAKE_ENTRIES: ['DRAFT'],
  // Panels and assignments may still change while experts score, e.g. to replace one who declined.
  ASSIGN: ['DRAFT', 'OPEN'],
  SCORE: ['OPEN'],
};

/**
 * Why `activity` is refused in a round in `status`, or null: after CLOSED nothing changes
 * (ROUND_CLOSED); scoring waits for OPEN (ROUND_NOT_OPEN); configuration and intake end
 * when the round opens (ROUND_ALREADY_OPEN).
 */
export function roundActivityRefusal(status: RoundStatus, activity: RoundActivity, field = 'roundId'): DomainError | null {
  if (ALLOWED[activity].includes(status)) return null;
  if (status === 'CLOSED' || status === 'FINALIZED') {
    return new DomainError('ROUND_CLOSED', `The round is ${status}: nothing in it can change`, field, { status });
  }
  if (status === 'DRAFT') return new DomainError('ROUND_NOT_OPEN', 'The round is not open for scoring yet', field, { status });
  return new DomainError('ROUND_ALREADY_OPEN', 'The round is open: its configuration and entries are fixed', field, { status });
}

export function assertRoundActivity(status: RoundStatus, activity: RoundActivity, field = 'roundId'): void {
  const refusal = roundActivityRefusal(status, activity, field);
  if (refusal) throw refusal;
}
