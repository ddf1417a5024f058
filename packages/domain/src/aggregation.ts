import { type FieldProblem, InvalidInput } from './errors';

/**
 * Turning experts' scorecards into one figure per entry, and measuring how far the experts
 * agree with each other.
 *
 * Every figure these functions return is rounded to FIGURE_DECIMALS (4) decimal places,
 * half away from zero. Scores are stored as decimals, so a figure recomputed after a
 * database round-trip may differ in its last binary digits; rounding every published
 * figure the same way keeps two entries that really are level from looking different (and
 * two that differ from looking level), which matters because ranks and tie-breaks compare
 * these figures for equality. Intermediate arithmetic is never rounded, only results.
 *
 * Cards are also processed in a fixed order (entry, then expert) whatever order the caller
 * passes them in, so sums are added up identically on every run.
 */

export const AggregationMethod = {
  MEAN: 'MEAN',
  TRIMMED_MEAN: 'TRIMMED_MEAN',
  MEDIAN: 'MEDIAN',
  NORMALIZED: 'NORMALIZED',
} as const;
export type AggregationMethod = keyof typeof AggregationMethod;
export const AGGREGATION_METHODS = Object.values(AggregationMethod);

/** Default rounds trim the highest and lowest card only once an entry has five cards. */
export const DEFAULT_TRIM_MINIMUM = 5;

export const FIGURE_DECIMALS = 4;

/**
 * Rounds to FIGURE_DECIMALS places, half away from zero. Scaling through the decimal
 * string rather than multiplying by 10⁴ avoids binary surprises such as 1.00005 × 10⁴ =
 * 10000.499999…, which would otherwise round down.
 */
export function roundFigure(value: number): number {
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);
  // Below 10⁻⁶ JavaScript prints exponent notation, and such values round to 0 anyway;
  // above 10¹⁵ there are no decimals left to round.
  if (magnitude < 1e-6) return 0;
  if (magnitude >= 1e15) return value;
  const rounded = Number(`${Math.round(Number(`${magnitude}e${FIGURE_DECIMALS}`))}e-${FIGURE_DECIMALS}`);
  return rounded === 0 ? 0 : value < 0 ? -rounded : rounded;
}

export interface CardScore {
  entryId: string;
  expertId: string;
  /** The card's weighted total, 0..scoreMax. */
  total: number;
  /** Score per criterion code. */
  scores: Readonly<Record<string, number>>;
}

export interface AggregationOptions {
  method: AggregationMethod;
  /**
   * The trimmed mean drops one highest and one lowest card only when an entry has at least
   * this many cards (at least 3, so that something is left); below it, it equals the mean.
   */
  trimMinimum: number;
  /** The highest total a card can reach: Σ weight × maxScore over the round's criteria. */
  scoreMax: number;
}

export interface EntryAggregate {
  entryId: string;
  count: number;
  mean: number;
  trimmedMean: number;
  median: number;
  /** Mean of the entry's per-expert z-scores, mapped onto 0..scoreMax (see aggregateEntries). */
  normalized: number;
  /** The figure the round ranks by, per its method. */
  aggregate: number;
  /** Per-criterion mean over the entry's cards, for tie-breaks; keys in code order. */
  criterionMeans: Record<string, number>;
}

export interface ExpertStatistics {
  expertId: string;
  count: number;
  mean: number;
  /** Population standard deviation: an expert's cards are all of their scoring, not a sample. */
  stdDev: number;
}

export interface Agreement {
  measure: 'ICC(1)';
  /** Null when the design cannot say: fewer than 2 entries, no entry with 2+ cards, or no variance at all. */
  value: number | null;
  entries: number;
  raters: number;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const mean = (xs: readonly number[]): number => sum(xs) / xs.length;

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function populationStdDev(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(sum(xs.map((x) => (x - m) ** 2)) / xs.length);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

type Scored = Pick<CardScore, 'entryId' | 'expertId' | 'total'>;

/**
 * Refuses cards that would silently skew every figure: a missing id, a total that is not a
 * number, or the same expert scoring the same entry twice (which would count them double).
 * Returns the cards in entry-then-expert order.
 */
function checkedCards<T extends Scored>(cards: readonly T[]): T[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  cards.forEach((card, i) => {
    if (!card.entryId) problems.push({ field: `cards[${i}].entryId`, message: 'is required' });
    if (!card.expertId) problems.push({ field: `cards[${i}].expertId`, message: 'is required' });
    if (!Number.isFinite(card.total)) problems.push({ field: `cards[${i}].total`, message: 'must be a finite number' });
    const scores = (card as Partial<CardScore>).scores;
    if (scores) {
      for (const [code, score] of Object.entries(scores)) {
        if (!Number.isFinite(score)) problems.push({ field: `cards[${i}].scores.${code}`, message: 'must be a finite number' });
      }
    }
    const pair = JSON.stringify([card.entryId, card.expertId]);
    if (seen.has(pair)) problems.push({ field: `cards[${i}]`, message: `expert ${card.expertId} already scored entry ${card.entryId}` });
    seen.add(pair);
  });
  if (problems.length > 0) throw new InvalidInput(problems);
  return [...cards].sort((a, b) => byText(a.entryId, b.entryId) || byText(a.expertId, b.expertId));
}

/** Each expert's mean and spread, unrounded, for z-scores. */
function expertMoments(cards: readonly Scored[]): Map<string, { count: number; mean: number; stdDev: number }> {
  const moments = new Map<string, { count: number; mean: number; stdDev: number }>();
  for (const [expertId, own] of groupBy(cards, (c) => c.expertId)) {
    const totals = own.map((c) => c.total);
    moments.set(expertId, { count: totals.length, mean: mean(totals), stdDev: populationStdDev(totals) });
  }
  return moments;
}

/**
 * One aggregate per entry that has cards, sorted by entryId.
 *
 * NORMALIZED corrects for harsh and lenient experts: each card becomes the expert's
 * z-score, (total − expert's mean) / expert's standard deviation, taken over all of that
 * expert's cards in `cards`. An expert with a single card, or whose totals do not vary
 * (spread rounding to 0), says nothing about relative quality, so their cards count as
 * z = 0. The entry's mean z is mapped back onto the score range as
 * scoreMax/2 + z × scoreMax/6, clamped to [0, scoreMax]: an average card lands in the
 * middle and ±3 standard deviations reach the ends, so the figure reads like a score.
 */
export function aggregateEntries(cards: readonly CardScore[], options: AggregationOptions): EntryAggregate[] {
  const problems: FieldProblem[] = [];
  if (!AGGREGATION_METHODS.includes(options.method))
    problems.push({ field: 'method', message: `must be one of ${AGGREGATION_METHODS.join(', ')}` });
  if (!Number.isInteger(options.trimMinimum) || options.trimMinimum < 3)
    problems.push({ field: 'trimMinimum', message: 'must be an integer of at least 3' });
  if (!Number.isFinite(options.scoreMax) || options.scoreMax <= 0)
    problems.push({ field: 'scoreMax', message: 'must be a positive number' });
  if (problems.length > 0) throw new InvalidInput(problems);

  const sorted = checkedCards(cards);
  const moments = expertMoments(sorted);
  const { scoreMax } = options;

  const zScore = (card: CardScore): number => {
    const m = moments.get(card.expertId)!;
    return m.count < 2 || roundFigure(m.stdDev) === 0 ? 0 : (card.total - m.mean) / m.stdDev;
  };

  const result: EntryAggregate[] = [];
  for (const [entryId, own] of groupBy(sorted, (c) => c.entryId)) {
    const totals = own.map((c) => c.total);
    const count = totals.length;
    const plainMean = mean(totals);
    const trimmedMean = count >= options.trimMinimum ? (sum(totals) - Math.max(...totals) - Math.min(...totals)) / (count - 2) : plainMean;
    const meanZ = mean(own.map(zScore));
    const normalized = Math.min(scoreMax, Math.max(0, scoreMax / 2 + (meanZ * scoreMax) / 6));

    const figures = {
      mean: roundFigure(plainMean),
      trimmedMean: roundFigure(trimmedMean),
      median: roundFigure(median(totals)),
      normalized: roundFigure(normalized),
    };
    const aggregate = {
      MEAN: figures.mean,
      TRIMMED_MEAN: figures.trimmedMean,
      MEDIAN: figures.median,
      NORMALIZED: figures.normalized,
    }[options.method];

    // A criterion's mean is over the cards that scored it, so a card missing one code does
    // not drag that criterion towards zero.
    const codes = [...new Set(own.flatMap((c) => Object.keys(c.scores)))].sort(byText);
    const criterionMeans: Record<string, number> = {};
    for (const code of codes) {
      criterionMeans[code] = roundFigure(mean(own.filter((c) => code in c.scores).map((c) => c.scores[code]!)));
    }

    result.push({ entryId, count, ...figures, aggregate, criterionMeans });
  }
  return result;
}

/** Each expert's card count, mean total and population standard deviation, sorted by expertId. */
export function expertStatistics(cards: readonly Scored[]): ExpertStatistics[] {
  const moments = expertMoments(checkedCards(cards));
  return [...moments.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([expertId, m]) => ({ expertId, count: m.count, mean: roundFigure(m.mean), stdDev: roundFigure(m.stdDev) }));
}

/**
 * Inter-rater agreement as the one-way random-effects intraclass correlation ICC(1).
 *
 * Review rounds are incomplete designs: each entry is scored by its own handful of experts,
 * so rater effects cannot be separated from error and a one-way model (entries as groups)
 * is the honest one. With a groups of sizes nᵢ and N cards in all:
 *
 *   MSB = Σ nᵢ (ȳᵢ − ȳ)² / (a − 1)            between entries
 *   MSW = Σ Σ (yᵢⱼ − ȳᵢ)² / (N − a)           within entries
 *   k₀  = (N − Σ nᵢ² / N) / (a − 1)           effective cards per entry (= k when balanced)
 *   ICC(1) = (MSB − MSW) / (MSB + (k₀ − 1) MSW)
 *
 * 1 means the experts agree perfectly; 0 or below means their disagreement is as large as
 * the differences between entries. Entries with a single card still count towards MSB.
 */
export function agreement(cards: readonly Scored[]): Agreement {
  const sorted = checkedCards(cards);
  const groups = [...groupBy(sorted, (c) => c.entryId).values()].map((own) => own.map((c) => c.total));
  const raters = new Set(sorted.map((c) => c.expertId)).size;
  const a = groups.length;
  const n = sorted.length;
  const result = (value: number | null): Agreement => ({ measure: 'ICC(1)', value, entries: a, raters });
  if (a < 2 || n - a === 0) return result(null);

  const grand = mean(sorted.map((c) => c.total));
  const ssb = sum(groups.map((g) => g.length * (mean(g) - grand) ** 2));
  const ssw = sum(groups.map((g) => sum(g.map((y) => (y - mean(g)) ** 2))));
  const msb = ssb / (a - 1);
  const msw = ssw / (n - a);
  const k0 = (n - sum(groups.map((g) => g.length ** 2)) / n) / (a - 1);
  const denominator = msb + (k0 - 1) * msw;
  // Every card equal: there is neither agreement nor disagreement to measure.
  if (roundFigure(denominator) === 0) return result(null);
  return result(roundFigure((msb - msw) / denominator));
}

/** Ranks 1..n, tied values sharing the mean of the ranks they span; also Σ(t³ − t) over tie groups. */
function ranksWithTies(values: readonly number[]): { ranks: number[]; ties: number } {
  const order = values.map((v, i) => ({ v, i })).sort((x, y) => x.v - y.v);
  const ranks = new Array<number>(values.length);
  let ties = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const t = end - start + 1;
    const shared = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = shared;
    ties += t ** 3 - t;
    start = end + 1;
  }
  return { ranks, ties };
}

/**
 * Kendall's coefficient of concordance W, with the correction for ties, for a panel where
 * every member scores every entry (as in the final round). `matrix` is raters × entries.
 *
 * Each rater's scores become ranks (ties share their mean rank); with m raters, n entries,
 * Rⱼ the rank sum of entry j and Tᵢ = Σ(t³ − t) over rater i's groups of t tied scores:
 *
 *   W = 12 Σ (Rⱼ − m(n + 1)/2)² / (m²(n³ − n) − m Σ Tᵢ)
 *
 * 1 means identical rankings, 0 no common ranking at all. Whether high scores rank first or
 * last does not change W. Null with fewer than 2 raters or 2 entries, or when every rater
 * tied every entry (nothing was ranked).
 */
export function kendallsW(matrix: readonly (readonly number[])[]): number | null {
  const m = matrix.length;
  const n = matrix[0]?.length ?? 0;
  const problems: FieldProblem[] = [];
  matrix.forEach((row, i) => {
    if (row.length !== n) problems.push({ field: `matrix[${i}]`, message: `must score all ${n} entries, like the first rater` });
    else if (!row.every(Number.isFinite)) problems.push({ field: `matrix[${i}]`, message: 'must hold finite numbers only' });
  });
  if (problems.length > 0) throw new InvalidInput(problems);
  if (m < 2 || n < 2) return null;

  const rankSums = new Array<number>(n).fill(0);
  let tieTotal = 0;
  for (const row of matrix) {
    // Scores level to four decimals are ties, as everywhere else.
    const { ranks, ties } = ranksWithTies(row.map(roundFigure));
    ranks.forEach((r, j) => (rankSums[j] = rankSums[j]! + r));
    tieTotal += ties;
  }
  const expected = (m * (n + 1)) / 2;
  const s = sum(rankSums.map((r) => (r - expected) ** 2));
  const denominator = m * m * (n ** 3 - n) - m * tieTotal;
  if (denominator <= 0) return null;
  return roundFigure((12 * s) / denominator);
}
