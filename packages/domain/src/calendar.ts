/** Dates without a time of day are ISO strings, YYYY-MM-DD. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export const MilestoneKind = {
  LAUNCH: 'LAUNCH',
  PROMOTION_MEETING: 'PROMOTION_MEETING',
  EXCHANGE_MEETING: 'EXCHANGE_MEETING',
  REVIEW: 'REVIEW',
  FINAL_REVIEW: 'FINAL_REVIEW',
  AWARDS_MEETING: 'AWARDS_MEETING',
  CEREMONY: 'CEREMONY',
} as const;
export type MilestoneKind = keyof typeof MilestoneKind;
export const MILESTONE_KINDS = Object.values(MilestoneKind);

export interface ContestCalendar {
  year: number;
  startsOn?: string | null;
  endsOn?: string | null;
}

/**
 * A milestone falls in the contest's year, or inside its period when one is set: the 2019
 * contest's commendation ceremony is planned for January 2020, within its period.
 */
export function milestoneDateProblem(date: string, contest: ContestCalendar): string | null {
  if (!isIsoDate(date)) return 'must be a date (YYYY-MM-DD)';
  if (Number(date.slice(0, 4)) === contest.year) return null;
  if (contest.startsOn && contest.endsOn && date >= contest.startsOn && date <= contest.endsOn) return null;
  return `must fall in ${contest.year}${contest.startsOn && contest.endsOn ? ` or between ${contest.startsOn} and ${contest.endsOn}` : ''}`;
}

/** Why a contest's period or submission window is inconsistent, per field, or an empty list. */
export function contestCalendarProblems(contest: ContestCalendar & { submissionOpensAt?: Date | null; submissionClosesAt?: Date | null }) {
  const problems: { field: string; message: string }[] = [];
  for (const field of ['startsOn', 'endsOn'] as const) {
    const value = contest[field];
    if (value && !isIsoDate(value)) problems.push({ field, message: 'must be a date (YYYY-MM-DD)' });
  }
  if (contest.startsOn && contest.endsOn && isIsoDate(contest.startsOn) && isIsoDate(contest.endsOn) && contest.endsOn < contest.startsOn) {
    problems.push({ field: 'endsOn', message: 'must not be before startsOn' });
  }
  const { submissionOpensAt: opens, submissionClosesAt: closes } = contest;
  if ((opens && !closes) || (!opens && closes)) {
    problems.push({ field: opens ? 'submissionClosesAt' : 'submissionOpensAt', message: 'the submission window needs both ends' });
  } else if (opens && closes && closes.getTime() <= opens.getTime()) {
    problems.push({ field: 'submissionClosesAt', message: 'must be after submissionOpensAt' });
  }
  return problems;
}
