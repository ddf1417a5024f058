import { roundFigure } from '../aggregation';
import { type FieldProblem, InvalidInput } from '../errors';
import { type Rating, byText, checkedRatings, groupBy, mean, sampleStdDev } from './ratings';

/**
 * P(|T| < t) for Student's t with ν degrees of freedom, by the closed forms for whole ν
 * (Abramowitz & Stegun 26.7.3 and 26.7.4), with θ = atan(t/√ν) and c = cos θ:
 *
 *   ν = 1:     2θ/π
 *   ν odd:     (2/π)·(θ + sin θ·c·(1 + (2/3)c² + (2·4)/(3·5)c⁴ + … up to c^(ν−3)))
 *   ν even:    sin θ·(1 + (1/2)c² + (1·3)/(2·4)c⁴ + … up to c^(ν−2))
 *
 * Exact but for floating point, with no table and no series that fails at small ν.
 */
function centralProbability(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const c2 = Math.cos(theta) ** 2;
  const odd = df % 2 === 1;
  let term = 1;
  let series = 1;
  for (let k = odd ? 3 : 2; k <= df - 2; k += 2) {
    term *= ((k - 1) / k) * c2;
    series += term;
  }
  if (!odd) return Math.sin(theta) * series;
  if (df === 1) return (2 * theta) / Math.PI;
  return (2 / Math.PI) * (theta + Math.sin(theta) * Math.cos(theta) * series);
}

/**
 * The quantile of Student's t distribution: the t below which a share `probability` of the
 * distribution with `df` degrees of freedom lies. studentTQuantile(0.975, n − 1) is the
 * multiplier of a two-sided 95% confidence interval for a mean of n values: 12.706 for two
 * values, 2.776 for five, 2.228 for eleven, tending to the normal 1.960 as n grows.
 *
 * Solved by bisection on the exact distribution function, to about 12 significant digits
 * (not rounded: it is an intermediate, not a published figure).
 *
 * Refused (BAD_USER_INPUT): a probability outside (0, 1) (`probability`), or degrees of
 * freedom that are not a whole number of at least 1 (`df`).
 */
export function studentTQuantile(probability: number, df: number): number {
  const problems: FieldProblem[] = [];
  if (!(probability > 0 && probability < 1)) problems.push({ field: 'probability', message: 'must lie strictly between 0 and 1' });
  if (!Number.isInteger(df) || df < 1) problems.push({ field: 'df', message: 'must be a whole number of at least 1' });
  if (problems.length > 0) throw new InvalidInput(problems);
  if (probability === 0.5) return 0;
  // The distribution is symmetric: find the upper quantile and mirror it for the lower.
  const target = Math.abs(2 * probability - 1);
  let lo = 0;
  let hi = 1;
  while (centralProbability(hi, df) < target) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (centralProbability(mid, df) < target) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return probability > 0.5 ? t : -t;
}

export interface RaterHarshness {
  raterId: string;
  /** How many of the rater's items someone else scored too: the deviations the figures rest on. */
  items: number;
  /** Mean of (own score − mean of the other raters' scores of the same item); negative is harsher. Null with no shared item. */
  meanDeviation: number | null;
  /** Sample standard deviation of the deviations; null below two. */
  stdDev: number | null;
  /** The 95% confidence interval of meanDeviation (Student's t, two-sided); null below two deviations. */
  low: number | null;
  high: number | null;
}

/**
 * How harsh or lenient each rater is compared with the raters they shared items with.
 *
 * For every item a rater scored that at least one other rater also scored, the deviation is
 * the rater's score minus the mean of the other raters' scores of that item. A rater's
 * meanDeviation is the mean of those deviations: −4 means they scored, on average, 4 points
 * below their co-raters of the same entries; 0 means in line with them. Comparing with
 * co-raters of the same items, not with everyone's overall mean, keeps a judge who happened
 * to get the weaker entries from looking harsh.
 *
 * low and high bound the 95% confidence interval of the mean, meanDeviation ± t·s/√n with
 * Student's t at n − 1 degrees of freedom: an interval that includes 0 means the data do not
 * show the rater to differ from co-raters. A rater with no shared item is listed with
 * items 0 and null figures; with one shared item only meanDeviation is given.
 *
 * Sorted harshest first (most negative meanDeviation), raters without a figure last, ties by
 * raterId. Figures are rounded to four decimals. Refused (BAD_USER_INPUT): a missing id, a
 * score that is not a finite number, or a rater scoring the same item twice (`cards[i]…`).
 */
export function relativeHarshness(cards: readonly Rating[]): RaterHarshness[] {
  const deviations = new Map<string, number[]>();
  const sorted = checkedRatings(cards);
  for (const rating of sorted) deviations.set(rating.raterId, deviations.get(rating.raterId) ?? []);
  for (const own of groupBy(sorted, (r) => r.itemId).values()) {
    if (own.length < 2) continue;
    const total = own.reduce((s, r) => s + r.score, 0);
    for (const r of own) deviations.get(r.raterId)!.push(r.score - (total - r.score) / (own.length - 1));
  }

  const result = [...deviations.entries()].map(([raterId, ds]): RaterHarshness => {
    const n = ds.length;
    if (n === 0) return { raterId, items: 0, meanDeviation: null, stdDev: null, low: null, high: null };
    const m = mean(ds);
    if (n === 1) return { raterId, items: 1, meanDeviation: roundFigure(m), stdDev: null, low: null, high: null };
    const s = sampleStdDev(ds);
    const margin = (studentTQuantile(0.975, n - 1) * s) / Math.sqrt(n);
    return {
      raterId,
      items: n,
      meanDeviation: roundFigure(m),
      stdDev: roundFigure(s),
      low: roundFigure(m - margin),
      high: roundFigure(m + margin),
    };
  });
  return result.sort((a, b) => {
    if (a.meanDeviation === null || b.meanDeviation === null) {
      if (a.meanDeviation !== b.meanDeviation) return a.meanDeviation === null ? 1 : -1;
    } else if (a.meanDeviation !== b.meanDeviation) return a.meanDeviation - b.meanDeviation;
    return byText(a.raterId, b.raterId);
  });
}
