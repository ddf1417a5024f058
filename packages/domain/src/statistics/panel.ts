import { kendallsW, roundFigure } from '../aggregation';
import { type FieldProblem, InvalidInput } from '../errors';
import { type Rating, byText, checkedRatings, sum } from './ratings';

export interface IntraclassCorrelation {
  /** ICC(2,1): two-way random effects, absolute agreement, single rater. */
  icc21: number | null;
  /** ICC(3,1): two-way mixed effects, consistency, single rater. */
  icc31: number | null;
  items: number;
  raters: number;
}

/**
 * How far raters agree when every rater scored every item (a final-round panel), as the
 * intraclass correlations of Shrout & Fleiss (1979). `matrix` is items × raters: one row per
 * item, one column per rater. With n items, k raters, row means ȳᵢ., column means ȳ.ⱼ and
 * grand mean ȳ:
 *
 *   BMS = k Σ (ȳᵢ. − ȳ)² / (n − 1)                      between items
 *   JMS = n Σ (ȳ.ⱼ − ȳ)² / (k − 1)                      between raters
 *   EMS = (SS total − SS items − SS raters) / ((n − 1)(k − 1))
 *   ICC(2,1) = (BMS − EMS) / (BMS + (k − 1) EMS + k (JMS − EMS) / n)
 *   ICC(3,1) = (BMS − EMS) / (BMS + (k − 1) EMS)
 *
 * ICC(3,1) asks whether raters order the items alike (a judge 10 points harsher on every item
 * still agrees perfectly); ICC(2,1) also counts such level differences against agreement,
 * which is what matters when one judge's score is taken as the item's score. 1 is perfect
 * agreement; 0 or below, disagreement as large as the differences between items.
 *
 * Null figures with fewer than 2 items or 2 raters, or when the scores do not vary enough to
 * say (a denominator of zero). Rounded to four decimals. Refused (BAD_USER_INPUT): rows of
 * unequal length or values that are not finite numbers (`matrix[i]`).
 */
export function intraclassCorrelation(matrix: readonly (readonly number[])[]): IntraclassCorrelation {
  const n = matrix.length;
  const k = matrix[0]?.length ?? 0;
  const problems: FieldProblem[] = [];
  matrix.forEach((row, i) => {
    if (row.length !== k) problems.push({ field: `matrix[${i}]`, message: `must hold all ${k} raters' scores, like the first item` });
    else if (!row.every((v) => typeof v === 'number' && Number.isFinite(v)))
      problems.push({ field: `matrix[${i}]`, message: 'must hold finite numbers only' });
  });
  if (problems.length > 0) throw new InvalidInput(problems);
  const result = (icc21: number | null, icc31: number | null): IntraclassCorrelation => ({ icc21, icc31, items: n, raters: k });
  if (n < 2 || k < 2) return result(null, null);

  const grand = sum(matrix.map((row) => sum(row))) / (n * k);
  const rowMeans = matrix.map((row) => sum(row) / k);
  const columnMeans = Array.from({ length: k }, (_, j) => sum(matrix.map((row) => row[j]!)) / n);
  const ssTotal = sum(matrix.map((row) => sum(row.map((y) => (y - grand) ** 2))));
  const ssItems = k * sum(rowMeans.map((m) => (m - grand) ** 2));
  const ssRaters = n * sum(columnMeans.map((m) => (m - grand) ** 2));
  const bms = ssItems / (n - 1);
  const jms = ssRaters / (k - 1);
  // Clamped at 0: when rows and columns explain everything, rounding may leave −1e-15.
  const ems = Math.max(0, ssTotal - ssItems - ssRaters) / ((n - 1) * (k - 1));

  const ratio = (denominator: number): number | null => (roundFigure(denominator) === 0 ? null : roundFigure((bms - ems) / denominator));
  return result(ratio(bms + (k - 1) * ems + (k * (jms - ems)) / n), ratio(bms + (k - 1) * ems));
}

export interface CompleteMatrix {
  /** items × raters, rows in `items` order and columns in `raters` order. */
  matrix: number[][];
  raters: string[];
  items: string[];
}

/**
 * The part of a set of cards where a panel scored every entry: the raters who scored every
 * item that appears in the cards, and their scores as an items × raters matrix (the shape
 * intraclassCorrelation takes; kendallsW takes its transpose, raters × items).
 *
 * Every item is kept, since each kept rater scored all of them; the raters who missed any
 * item are dropped whole, because a partial column would not fit a complete design and
 * inventing their missing scores would invent agreement. Dropping items instead would let
 * one absent judge shrink the entries the figure speaks for. Null when no rater scored every
 * item (or there are no cards). Items and raters are sorted by id.
 *
 * Refused (BAD_USER_INPUT): a missing id, a score that is not a finite number, or a rater
 * scoring the same item twice (`cards[i]…`).
 */
export function completeMatrix(cards: readonly Rating[]): CompleteMatrix | null {
  const sorted = checkedRatings(cards);
  const items = [...new Set(sorted.map((r) => r.itemId))].sort(byText);
  const scores = new Map<string, Map<string, number>>();
  for (const r of sorted) {
    const own = scores.get(r.raterId) ?? new Map<string, number>();
    own.set(r.itemId, r.score);
    scores.set(r.raterId, own);
  }
  const raters = [...scores.keys()].filter((raterId) => scores.get(raterId)!.size === items.length).sort(byText);
  if (raters.length === 0) return null;
  return { matrix: items.map((itemId) => raters.map((raterId) => scores.get(raterId)!.get(itemId)!)), raters, items };
}

export interface PanelAgreement {
  /** Distinct items in the cards. */
  items: number;
  /** Distinct raters in the cards. */
  raters: number;
  /** Raters who scored every item: the columns the figures below are computed on. */
  ratersCompared: number;
  icc21: number | null;
  icc31: number | null;
  kendallsW: number | null;
  /** Every rater scored every item, so the figures speak for the whole panel. */
  complete: boolean;
}

/**
 * How far a panel agrees, on the complete part of its cards (completeMatrix): ICC(2,1),
 * ICC(3,1) and Kendall's W over the raters who scored every item. `complete` says whether
 * that is every rater; when it is not, the figures leave out the raters who missed an item
 * (ratersCompared says how many are in), and they are null when fewer than two raters scored
 * every item. Refused as completeMatrix.
 */
export function panelAgreement(cards: readonly Rating[]): PanelAgreement {
  const complete = completeMatrix(cards);
  const items = new Set(cards.map((c) => c.itemId)).size;
  const raters = new Set(cards.map((c) => c.raterId)).size;
  const compared = complete?.raters.length ?? 0;
  const figures =
    complete && compared >= 2
      ? {
          ...intraclassCorrelation(complete.matrix),
          kendallsW: kendallsW(complete.raters.map((_, j) => complete.matrix.map((row) => row[j]!))),
        }
      : { icc21: null, icc31: null, kendallsW: null };
  return {
    items,
    raters,
    ratersCompared: compared,
    icc21: figures.icc21,
    icc31: figures.icc31,
    kendallsW: figures.kendallsW,
    complete: items > 0 && compared === raters,
  };
}
