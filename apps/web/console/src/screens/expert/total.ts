/**
 * The live weighted total of a scorecard, as the graph computes it when the card is saved:
 * the formula of packages/domain/src/scoring.ts (scoreCard: Σ weight × score over the round's
 * criteria) rounded by packages/domain/src/aggregation.ts (roundFigure: 4 decimals, half away
 * from zero, through the decimal string). Copied here because the console bundle does not
 * load the domain package; the graph's total stays the one that counts.
 */
export interface CriterionRule {
  code: string;
  weight: number;
  maxScore: number;
}

const FIGURE_DECIMALS = 4;

/** packages/domain roundFigure. */
export function roundFigure(value: number): number {
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);
  if (magnitude < 1e-6) return 0;
  if (magnitude >= 1e15) return value;
  const rounded = Number(`${Math.round(Number(`${magnitude}e${FIGURE_DECIMALS}`))}e-${FIGURE_DECIMALS}`);
  return rounded === 0 ? 0 : value < 0 ? -rounded : rounded;
}

/** A typed score: a finite number within 0..max, or null (empty, not a number, out of range). */
export function scoreOf(text: string | undefined, maxScore: number): number | null {
  if (text === undefined || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= maxScore ? value : null;
}

/** The weighted total of the scores typed so far; null until every criterion holds a score within its range. */
export function weightedTotal(criteria: readonly CriterionRule[], typed: Record<string, string>): number | null {
  let sum = 0;
  for (const c of criteria) {
    const score = scoreOf(typed[c.code], c.maxScore);
    if (score === null) return null;
    sum += c.weight * score;
  }
  return roundFigure(sum);
}

/** The highest total a scorecard can reach (packages/domain scoreMax). */
export const scoreMax = (criteria: readonly CriterionRule[]): number =>
  roundFigure(criteria.reduce((s, c) => s + c.weight * c.maxScore, 0));

/** The scores as the API takes them: an empty criterion is left out, so the graph names it (scores.CODE is required). */
export const scoresInput = (criteria: readonly CriterionRule[], typed: Record<string, string>) =>
  criteria.flatMap((c) => {
    const text = (typed[c.code] ?? '').trim();
    return text === '' || !Number.isFinite(Number(text)) ? [] : [{ criterion: c.code, score: Number(text) }];
  });
