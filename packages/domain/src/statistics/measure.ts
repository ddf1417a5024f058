import { roundFigure } from '../aggregation';
import { type FieldProblem, InvalidInput } from '../errors';
import { sampleStdDev, sum } from './ratings';

/**
 * The figures a cube cell can show for the records that fall into it.
 *
 * COUNT counts the records; SUM, MEAN, MIN and MAX are the usual ones; MEDIAN and
 * PERCENTILE interpolate between the closest ranks; RATE is the share of records that are
 * yes (1 or true), as a fraction 0..1; STDDEV is the sample standard deviation (n − 1, as
 * SQL's STDDEV and Excel's STDEV.S), since a cell's records are taken as a sample of what the
 * contest could have produced.
 */
export const MeasureKind = {
  COUNT: 'COUNT',
  SUM: 'SUM',
  MEAN: 'MEAN',
  MEDIAN: 'MEDIAN',
  MIN: 'MIN',
  MAX: 'MAX',
  PERCENTILE: 'PERCENTILE',
  RATE: 'RATE',
  STDDEV: 'STDDEV',
} as const;
export type MeasureKind = keyof typeof MeasureKind;
export const MEASURE_KINDS: readonly MeasureKind[] = Object.values(MeasureKind);

export interface MeasureOptions {
  /** For PERCENTILE only: which percentile, 0..100 (50 is the median). */
  percentile?: number | null;
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * The p-th percentile (0..100) of values sorted ascending, by linear interpolation between
 * the closest ranks: h = (n − 1)·p/100, then x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). This is
 * Hyndman & Fan's definition 7, R's default and Excel's PERCENTILE.INC: the 0th percentile is
 * the minimum, the 100th the maximum, and every answer lies between two observed values.
 */
function percentileOfSorted(sorted: readonly number[], p: number): number {
  const h = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * One figure over a cell's values, rounded to four decimals (roundFigure).
 *
 * A cell without records has no figure: null, except COUNT, which is 0. STDDEV is null for a
 * single record too, since one record has no spread to estimate. Values may be booleans,
 * counted as 1 (true) and 0 (false); RATE accepts only 0, 1 and booleans. The values are
 * sorted before anything is added up, so the same records give the same figure in any order.
 *
 * Refused (BAD_USER_INPUT): an unknown kind (`kind`), a value that is not a finite number
 * (`values[i]`), a RATE value other than 0/1 (`values[i]`), and for PERCENTILE a missing
 * percentile or one outside 0..100 (`percentile`).
 */
export function measure(kind: MeasureKind, values: readonly (number | boolean)[], options: MeasureOptions = {}): number | null {
  const problems: FieldProblem[] = [];
  if (!(MEASURE_KINDS as readonly string[]).includes(kind))
    problems.push({ field: 'kind', message: `must be one of ${MEASURE_KINDS.join(', ')}` });
  const numbers = values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
  numbers.forEach((v, i) => {
    if (!isFiniteNumber(v)) problems.push({ field: `values[${i}]`, message: 'must be a finite number or a boolean' });
    else if (kind === MeasureKind.RATE && v !== 0 && v !== 1)
      problems.push({ field: `values[${i}]`, message: 'must be 0, 1 or a boolean for a rate' });
  });
  const p = options.percentile;
  if (kind === MeasureKind.PERCENTILE && (!isFiniteNumber(p) || p < 0 || p > 100))
    problems.push({ field: 'percentile', message: 'must be a number from 0 to 100 for a percentile' });
  if (problems.length > 0) throw new InvalidInput(problems);

  const n = numbers.length;
  if (kind === MeasureKind.COUNT) return n;
  if (n === 0) return null;
  const sorted = [...numbers].sort((a, b) => a - b);
  switch (kind) {
    case MeasureKind.SUM:
      return roundFigure(sum(sorted));
    case MeasureKind.MEAN:
    case MeasureKind.RATE:
      return roundFigure(sum(sorted) / n);
    case MeasureKind.MEDIAN:
      return roundFigure(percentileOfSorted(sorted, 50));
    case MeasureKind.PERCENTILE:
      return roundFigure(percentileOfSorted(sorted, p!));
    case MeasureKind.MIN:
      return roundFigure(sorted[0]!);
    case MeasureKind.MAX:
      return roundFigure(sorted[n - 1]!);
    case MeasureKind.STDDEV:
      return n < 2 ? null : roundFigure(sampleStdDev(sorted));
  }
}

/** A histogram never has more buckets than this; a width that would need more is refused. */
export const MAX_HISTOGRAM_BUCKETS = 1000;

export interface HistogramOptions {
  /** Every bucket's width, > 0. */
  width: number;
  /** Where the first bucket starts; by default the largest multiple of width at or below the smallest value. */
  min?: number | null;
  /** Where the last bucket ends; by default the first bucket edge at or above the largest value. */
  max?: number | null;
}

export interface HistogramBucket {
  /** Inclusive. */
  from: number;
  /** Exclusive, except for the last bucket, which takes values equal to its end. */
  to: number;
  count: number;
}

/** A quotient that lands within rounding noise of a whole number is that number: 0.3 / 0.1 is bucket 3, not 2.9999…. */
function snap(q: number): number {
  const whole = Math.round(q);
  return Math.abs(q - whole) < 1e-9 ? whole : q;
}

/**
 * How many values fall into each fixed-width bucket [from, from + width), from the first
 * bucket to the last, empty ones in between included, so a chart shows its gaps.
 *
 * Buckets start at `min`, or else at the largest multiple of width at or below the smallest
 * value (scores 3..97 in buckets of 10 start at 0), and step by width. The last bucket is
 * closed: it ends at `max` when one is given (and may then be narrower than width), or else
 * at the first bucket edge at or above the largest value, and it takes values equal to its
 * end — scores 0..100 in buckets of 10 make ten buckets, the tenth [90, 100] holding the
 * 100s. Values below `min` or above `max` are left out. No values and no explicit range give
 * no buckets. Edges are rounded to four decimals.
 *
 * Refused (BAD_USER_INPUT): a width that is not a positive number, or one that would make
 * more than MAX_HISTOGRAM_BUCKETS buckets (`width`); a min or max that is not a finite number,
 * or a max below min (`min`, `max`); a value that is not a finite number (`values[i]`).
 */
export function histogram(values: readonly number[], options: HistogramOptions): HistogramBucket[] {
  const { width } = options;
  const min = options.min ?? null;
  const max = options.max ?? null;
  const problems: FieldProblem[] = [];
  if (!isFiniteNumber(width) || width <= 0) problems.push({ field: 'width', message: 'must be a number greater than 0' });
  if (min !== null && !isFiniteNumber(min)) problems.push({ field: 'min', message: 'must be a finite number' });
  if (max !== null && !isFiniteNumber(max)) problems.push({ field: 'max', message: 'must be a finite number' });
  else if (max !== null && isFiniteNumber(min) && max < min) problems.push({ field: 'max', message: 'must not be below min' });
  values.forEach((v, i) => {
    if (!isFiniteNumber(v)) problems.push({ field: `values[${i}]`, message: 'must be a finite number' });
  });
  if (problems.length > 0) throw new InvalidInput(problems);

  const kept = values.filter((v) => (min === null || v >= min) && (max === null || v <= max));
  if (kept.length === 0 && (min === null || max === null)) return [];
  // A reduce, not Math.min(...kept): spreading a long list overflows the stack.
  const start = min ?? Math.floor(snap(kept.reduce((a, b) => Math.min(a, b)) / width)) * width;
  const end = max ?? kept.reduce((a, b) => Math.max(a, b), start);
  const buckets = Math.max(1, Math.ceil(snap((end - start) / width)));
  if (!(buckets <= MAX_HISTOGRAM_BUCKETS)) {
    throw new InvalidInput([
      {
        field: 'width',
        message: `would make ${buckets} buckets, more than ${MAX_HISTOGRAM_BUCKETS}: choose a wider width or a narrower range`,
      },
    ]);
  }

  const counts = new Array<number>(buckets).fill(0);
  for (const v of kept) {
    const index = Math.min(buckets - 1, Math.floor(snap((v - start) / width)));
    counts[index] = counts[index]! + 1;
  }
  return counts.map((count, i) => ({
    from: roundFigure(start + i * width),
    to: roundFigure(i === buckets - 1 && max !== null ? max : start + (i + 1) * width),
    count,
  }));
}
