import type { ErrorCode, FieldProblem } from './errors';
import type { ContestStatus, SubmissionStatus } from './model';
import { textCharacterProblem } from './text';

export const AchievementKind = {
  TECHNOLOGY: 'TECHNOLOGY',
  PRODUCT: 'PRODUCT',
  PLATFORM: 'PLATFORM',
  FACILITY: 'FACILITY',
  PROCESS: 'PROCESS',
  SOFTWARE: 'SOFTWARE',
  OTHER: 'OTHER',
} as const;
export type AchievementKind = keyof typeof AchievementKind;
export const ACHIEVEMENT_KINDS = Object.values(AchievementKind);

export interface SubmissionWindow {
  status: ContestStatus;
  submissionOpensAt: Date | null;
  submissionClosesAt: Date | null;
}

/**
 * Why a submission cannot be submitted now, or null: the contest must be open for
 * submissions, and `now` inside its window when it has one (both ends included).
 */
export function submissionWindowProblem(contest: SubmissionWindow, now: Date): { code: ErrorCode; message: string } | null {
  if (contest.status !== 'OPEN_FOR_SUBMISSIONS') {
    return { code: 'CONTEST_NOT_OPEN', message: `The contest is ${contest.status}, not open for submissions` };
  }
  const t = now.getTime();
  if (contest.submissionOpensAt && t < contest.submissionOpensAt.getTime()) {
    return { code: 'SUBMISSION_WINDOW_CLOSED', message: `Submissions open at ${contest.submissionOpensAt.toISOString()}` };
  }
  if (contest.submissionClosesAt && t > contest.submissionClosesAt.getTime()) {
    return { code: 'SUBMISSION_WINDOW_CLOSED', message: `Submissions closed at ${contest.submissionClosesAt.toISOString()}` };
  }
  return null;
}

/**
 * A draft, or an entry returned for revision, may be withdrawn at any time; an entry in the
 * contest (submitted, endorsed, accepted) only before review starts; a rejected or withdrawn
 * one never.
 */
export const canWithdraw = (submissionStatus: SubmissionStatus, contestStatus: ContestStatus): boolean =>
  submissionStatus === 'DRAFT' ||
  submissionStatus === 'RETURNED' ||
  ((submissionStatus === 'SUBMITTED' || submissionStatus === 'ENDORSED' || submissionStatus === 'ACCEPTED') &&
    (contestStatus === 'OPEN_FOR_SUBMISSIONS' || contestStatus === 'DRAFT'));

export interface SubmissionContent {
  trackId: string | null;
  title: string | null;
  summary: string | null;
  achievementKind: string | null;
  keywords: readonly string[];
  applicationEffect: string | null;
  leaderId: string | null;
}

/** Every field still missing before a draft can be submitted, each named. */
export function missingForSubmit(s: SubmissionContent): FieldProblem[] {
  const missing: FieldProblem[] = [];
  const need = (field: keyof SubmissionContent, present: boolean) => {
    if (!present) missing.push({ field, message: 'is required before submitting' });
  };
  need('trackId', !!s.trackId);
  need('title', !!s.title?.trim());
  need('summary', !!s.summary?.trim());
  need('achievementKind', !!s.achievementKind);
  need('keywords', s.keywords.length > 0);
  need('applicationEffect', !!s.applicationEffect?.trim());
  need('leaderId', !!s.leaderId);
  return missing;
}

/** The reference number of the n-th submitted entry of a track: 2019-AI-0042. */
export const referenceNumber = (year: number, trackCode: string, n: number): string => `${year}-${trackCode}-${String(n).padStart(4, '0')}`;

export interface Metric {
  name: string;
  value: number;
  unit: string;
}

/** A metric's value is a figure such as output in yuan or a count: at most 10^15 either way. */
export const METRIC_VALUE_LIMIT = 1e15;

/** Problems with keywords and metrics, each naming its list position. */
export function contentProblems(input: { metrics?: readonly Metric[] | null; keywords?: readonly string[] | null }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const characters = (field: string, value: string) => {
    const problem = textCharacterProblem(value);
    if (problem) problems.push({ field, message: problem });
  };
  (input.keywords ?? []).forEach((k, i) => {
    if (!k.trim() || [...k].length > 30) problems.push({ field: `keywords[${i}]`, message: 'must be 1 to 30 characters' });
    else characters(`keywords[${i}]`, k);
  });
  if ((input.keywords ?? []).length > 10) problems.push({ field: 'keywords', message: 'at most 10 keywords' });
  (input.metrics ?? []).forEach((m, i) => {
    if (!m.name.trim() || [...m.name].length > 60) problems.push({ field: `metrics[${i}].name`, message: 'must be 1 to 60 characters' });
    else characters(`metrics[${i}].name`, m.name);
    if (!Number.isFinite(m.value) || Math.abs(m.value) > METRIC_VALUE_LIMIT)
      problems.push({ field: `metrics[${i}].value`, message: `must be a number from -${METRIC_VALUE_LIMIT} to ${METRIC_VALUE_LIMIT}` });
    if ([...m.unit].length > 20) problems.push({ field: `metrics[${i}].unit`, message: 'must be at most 20 characters' });
    else characters(`metrics[${i}].unit`, m.unit);
  });
  return problems;
}
