import { DomainError, type FieldProblem } from './errors';
import type { HonorStatus } from './model';

/**
 * Honor rules: quotas with 差额推荐, the announcement window (公示) counted in working days
 * on a configurable calendar, and the ranking of organizing units.
 */

/** Nominations may exceed the quota by a fifth (差额推荐), so the reviewers have a choice. */
export const NOMINATION_MARGIN = 1.2;

/** How many nominations a quota allows: 120% of it, rounded down (43 → 51). */
export const nominationCap = (quota: number): number => Math.floor(quota * NOMINATION_MARGIN + 1e-9);

/** Honors that count against the quota once proposed: proposals can never exceed it. */
export const QUOTA_BOUND_STATUSES: readonly HonorStatus[] = ['PROPOSED', 'ANNOUNCED', 'CONFERRED'];

/** Honors that count against the nomination cap: every one not withdrawn. */
export const NOMINATION_STATUSES: readonly HonorStatus[] = ['NOMINATED', 'PROPOSED', 'ANNOUNCED', 'CONFERRED', 'REVOKED'];

export function quotaRefusal(kind: 'NOMINATE' | 'PROPOSE', quota: number | null, counted: number, adding = 1): DomainError | null {
  if (quota === null) return new DomainError('QUOTA_NOT_SET', 'No quota is set for this award type in the contest', 'awardTypeCode');
  const limit = kind === 'NOMINATE' ? nominationCap(quota) : quota;
  if (counted + adding <= limit) return null;
  return new DomainError(
    'QUOTA_EXCEEDED',
    kind === 'NOMINATE'
      ? `Nominations may reach 120% of the quota of ${quota} (${limit}); ${counted} are already in`
      : `Proposals may not exceed the quota of ${quota}; ${counted} are already proposed or awarded`,
    'awardTypeCode',
    { quota, limit, counted, adding },
  );
}

/** A day off on a weekday (法定节假日) or a working weekend day (调休). */
export interface CalendarDay {
  date: string;
  kind: 'HOLIDAY' | 'WORKDAY';
}

/** The State Council's holidays and make-up workdays, for the years a maintained source covers. */
export interface StatutoryCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  years: ReadonlySet<number>;
}

export interface WorkCalendar {
  /** The office's own days: they win over the statutory calendar. */
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  statutory?: StatutoryCalendar;
  /** Years the statutory calendar does not cover whose days the office confirmed it entered itself. */
  confirmedYears?: ReadonlySet<number>;
}

export const workCalendar = (
  days: readonly CalendarDay[],
  statutory?: StatutoryCalendar,
  confirmedYears: readonly number[] = [],
): WorkCalendar => ({
  holidays: new Set(days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date)),
  workdays: new Set(days.filter((d) => d.kind === 'WORKDAY').map((d) => d.date)),
  ...(statutory ? { statutory, confirmedYears: new Set(confirmedYears) } : {}),
});

/**
 * The years from `from` to `to` (dates) that a calendar with a statutory source can not count
 * on: neither covered by it nor confirmed by the office. A calendar without one counts on its
 * own days alone, and lacks nothing.
 */
export function uncoveredYears(from: string, to: string, calendar: WorkCalendar): number[] {
  if (!calendar.statutory) return [];
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    if (!calendar.statutory.years.has(y) && !calendar.confirmedYears?.has(y)) years.push(y);
  return years;
}

/** Announcements run on Beijing time, which has no daylight saving. */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The calendar date in Beijing at an instant. */
export const beijingDate = (at: Date): string => new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  if (calendar.statutory?.workdays.has(date)) return true;
  if (calendar.statutory?.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The last day of a window of `days` working days that starts the day after `from`. */
export function lastWorkingDay(from: string, days: number, calendar: WorkCalendar): string {
  let date = from;
  for (let counted = 0; counted < days;) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) counted += 1;
  }
  return date;
}

/**
 * The announcement window (公示期): from the announcement to the end of the fifth working
 * day after the day it was made, Beijing time. Objections are taken until `closesAt`;
 * conferral waits until then.
 */
export function announcementWindow(announcedAt: Date, calendar: WorkCalendar, days = 5): { closesAt: Date; lastDay: string } {
  const lastDay = lastWorkingDay(beijingDate(announcedAt), days, calendar);
  const missing = uncoveredYears(beijingDate(announcedAt), lastDay, calendar);
  if (missing.length)
    throw new DomainError(
      'CALENDAR_NOT_COVERED',
      `The working-day calendar of ${missing.join(', ')} is not known: the office enters its holidays and make-up workdays and confirms the year`,
      'ids',
      { years: missing },
    );
  return { lastDay, closesAt: new Date(Date.parse(`${lastDay}T00:00:00Z`) + DAY_MS - BEIJING_OFFSET_MS) };
}

/** The five dimensions an organizing unit is assessed on at the awards meeting. */
export const EVALUATION_DIMENSIONS = [
  { code: 'leadership', name: '组织领导' },
  { code: 'promotion', name: '推进举措' },
  { code: 'performance', name: '竞赛绩效' },
  { code: 'incentive', name: '激励机制' },
  { code: 'features', name: '竞赛特色' },
] as const;
export type EvaluationDimension = (typeof EVALUATION_DIMENSIONS)[number]['code'];
/** Each dimension is scored out of 20, so the total is out of 100. */
export const DIMENSION_MAX = 20;

export type EvaluationScores = Record<EvaluationDimension, number>;

export function evaluationProblems(scores: Partial<Record<string, unknown>>): FieldProblem[] {
  return EVALUATION_DIMENSIONS.flatMap(({ code }) => {
    const v = scores[code];
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= DIMENSION_MAX
      ? []
      : [{ field: code, message: `must be between 0 and ${DIMENSION_MAX}` }];
  });
}

export const evaluationTotal = (scores: EvaluationScores): number =>
  Math.round(EVALUATION_DIMENSIONS.reduce((s, d) => s + scores[d.code], 0) * 100) / 100;

/** Units that nothing in the ranking separates, straddling the places line of 优秀组织奖. */
export interface OrganizerTie {
  /** The rank they share. */
  rank: number;
  /** Sorted. */
  organizationIds: string[];
  /** The places left for them: fewer than they are. */
  seatsLeft: number;
}

/** The office's choice of which tied units take the seats left, for the line at `places`. */
export interface OrganizerTieDecision {
  places: number;
  tiedIds: readonly string[];
  chosenIds: readonly string[];
}

export type RankedOrganizer<T> = T & { total: number; rank: number; candidate: boolean; tied: boolean };

/**
 * Ranks organizing units by total, then by contest performance (竞赛绩效, what the contest
 * is for), then by organization and leadership; units equal on all three share a rank.
 * The first `places` places are the candidates for 优秀组织奖. Like advancement, a tie is
 * never broken silently: units sharing a rank across the line are none of them candidates
 * and the tie is reported, until the office's decision for exactly that tie (the same line,
 * the same units) names which take the seats left.
 */
export function rankOrganizers<T extends { organizationId: string; scores: EvaluationScores }>(
  evaluations: readonly T[],
  places: number,
  decision?: OrganizerTieDecision | null,
): { ranked: RankedOrganizer<T>[]; tie: OrganizerTie | null; decided: boolean } {
  const key = (e: T) => [evaluationTotal(e.scores), e.scores.performance, e.scores.leadership];
  const sorted = [...evaluations].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i]! - x[i]!;
    return a.organizationId.localeCompare(b.organizationId);
  });
  let rank = 0;
  const ranks = sorted.map((e, i) => {
    const same = i > 0 && key(sorted[i - 1]!).every((v, j) => v === key(e)[j]);
    if (!same) rank = i + 1;
    return rank;
  });
  const lineRank = places > 0 && places < sorted.length ? ranks[places]! : null;
  const straddles = lineRank !== null && ranks[places - 1] === lineRank;
  const tiedIds = straddles ? sorted.filter((_, i) => ranks[i] === lineRank).map((e) => e.organizationId) : [];
  const tie = straddles ? { rank: lineRank!, organizationIds: [...tiedIds].sort(), seatsLeft: places - (lineRank! - 1) } : null;
  const decided = tie !== null && !!decision && decisionFits(tie, places, decision);
  const ranked = sorted.map((e, i) => {
    const tied = tie !== null && ranks[i] === tie.rank;
    const candidate = tied ? decided && decision!.chosenIds.includes(e.organizationId) : ranks[i]! <= places;
    return { ...e, total: evaluationTotal(e.scores), rank: ranks[i]!, candidate, tied: tied && !decided };
  });
  return { ranked, tie, decided };
}

const decisionFits = (tie: OrganizerTie, places: number, d: OrganizerTieDecision) =>
  d.places === places &&
  d.tiedIds.length === tie.organizationIds.length &&
  [...d.tiedIds].sort().every((id, i) => id === tie.organizationIds[i]);

/** What is wrong with choosing `chosenIds` to take the seats of `tie`: exactly its seats left, from its units, each once. */
export function tieChoiceProblems(tie: OrganizerTie, chosenIds: readonly string[]): FieldProblem[] {
  if (new Set(chosenIds).size !== chosenIds.length) return [{ field: 'organizationIds', message: 'names a unit twice' }];
  const outside = chosenIds.filter((id) => !tie.organizationIds.includes(id));
  if (outside.length) return [{ field: 'organizationIds', message: `${outside.join(', ')} is not among the tied units` }];
  if (chosenIds.length !== tie.seatsLeft)
    return [{ field: 'organizationIds', message: `choose exactly ${tie.seatsLeft} of the ${tie.organizationIds.length} tied units` }];
  return [];
}

/** Levels of an honor an achievement already holds, highest first. */
export const PriorHonorLevel = {
  NATIONAL: 'NATIONAL',
  PROVINCIAL_MINISTERIAL: 'PROVINCIAL_MINISTERIAL',
  MUNICIPAL: 'MUNICIPAL',
  OTHER: 'OTHER',
} as const;
export type PriorHonorLevel = keyof typeof PriorHonorLevel;
export const PRIOR_HONOR_LEVELS = Object.values(PriorHonorLevel);

/** The highest of some levels, or null. */
export const highestLevel = (levels: readonly PriorHonorLevel[]): PriorHonorLevel | null =>
  PRIOR_HONOR_LEVELS.find((l) => levels.includes(l)) ?? null;

/** How an objection the office records reached it, outside the platform. */
export const ObjectionChannel = { LETTER: 'LETTER', PHONE: 'PHONE', EMAIL: 'EMAIL' } as const;
export type ObjectionChannel = keyof typeof ObjectionChannel;
export const OBJECTION_CHANNELS = Object.values(ObjectionChannel);

/**
 * Whether an objection received on `receivedOn` (a Beijing date) counts against the window of
 * an honor announced at `announcedAt` and taking objections until `closesAt`: from the day of
 * the announcement to the window's last day, and not after today.
 */
export function receivedWithinWindow(receivedOn: string, announcedAt: Date, closesAt: Date, now: Date): boolean {
  const lastDay = beijingDate(new Date(closesAt.getTime() - 1));
  return receivedOn >= beijingDate(announcedAt) && receivedOn <= lastDay && receivedOn <= beijingDate(now);
}

export const ObjectionStatus = { OPEN: 'OPEN', UPHELD: 'UPHELD', DISMISSED: 'DISMISSED' } as const;
export type ObjectionStatus = keyof typeof ObjectionStatus;
