import { type FieldProblem, InvalidInput } from '../errors';

/** One rater's score of one item: a judge's card total for an entry, or any such pair. */
export interface Rating {
  raterId: string;
  itemId: string;
  score: number;
}

export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

export const mean = (xs: readonly number[]): number => sum(xs) / xs.length;

/** The n − 1 standard deviation; NaN below two values (the caller decides what to report). */
export function sampleStdDev(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(sum(xs.map((x) => (x - m) ** 2)) / (xs.length - 1));
}

/**
 * Refuses ratings that would silently skew a figure: a missing id, a score that is not a
 * finite number, or one rater scoring one item twice (which would count them double).
 * Returns the ratings in item-then-rater order, so sums add up identically on every run.
 */
export function checkedRatings(ratings: readonly Rating[]): Rating[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  ratings.forEach((rating, i) => {
    if (!rating.raterId) problems.push({ field: `cards[${i}].raterId`, message: 'is required' });
    if (!rating.itemId) problems.push({ field: `cards[${i}].itemId`, message: 'is required' });
    if (typeof rating.score !== 'number' || !Number.isFinite(rating.score))
      problems.push({ field: `cards[${i}].score`, message: 'must be a finite number' });
    const pair = JSON.stringify([rating.itemId, rating.raterId]);
    if (seen.has(pair)) problems.push({ field: `cards[${i}]`, message: `rater ${rating.raterId} already scored item ${rating.itemId}` });
    seen.add(pair);
  });
  if (problems.length > 0) throw new InvalidInput(problems);
  return [...ratings].sort((a, b) => byText(a.itemId, b.itemId) || byText(a.raterId, b.raterId));
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
