import { type FieldProblem, InvalidInput } from './errors';
import type { ReviewStage } from './model';
import { Decision, EliminationReason } from './screening';
import { roundFigure } from './aggregation';
import { textCharacterProblem } from './text';

/** One thing a round scores, e.g. 创新性 (innovation) weighted 0.3 out of 100. */
export interface Criterion {
  code: string;
  name: string;
  weight: number;
  maxScore: number;
}

const CRITERION_CODE = /^[A-Z][A-Z0-9_]{0,19}$/;
/** Weights are entered as decimals (0.35); this absorbs binary rounding, not real mistakes. */
const WEIGHT_TOLERANCE = 1e-6;

/** Why a round's criteria cannot be used: codes, names, weights (summing to 1) and maxima. */
export function criteriaProblems(criteria: readonly Criterion[], field = 'criteria'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (criteria.length === 0) return [{ field, message: 'a round needs at least one criterion' }];
  if (criteria.length > 20) return [{ field, message: 'at most 20 criteria' }];
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    const at = `${field}[${i}]`;
    if (!CRITERION_CODE.test(c.code))
      problems.push({ field: `${at}.code`, message: 'must be 1–20 upper-case letters, digits or _, starting with a letter' });
    else if (seen.has(c.code)) problems.push({ field: `${at}.code`, message: `${c.code} is used twice` });
    seen.add(c.code);
    const name = c.name?.trim() ?? '';
    if (name.length === 0 || [...name].length > 60) problems.push({ field: `${at}.name`, message: 'must be 1–60 characters' });
    else if (textCharacterProblem(name)) problems.push({ field: `${at}.name`, message: textCharacterProblem(name)! });
    if (!Number.isFinite(c.weight) || c.weight <= 0 || c.weight > 1)
      problems.push({ field: `${at}.weight`, message: 'must be more than 0 and at most 1' });
    if (!Number.isFinite(c.maxScore) || c.maxScore <= 0 || c.maxScore > 1000)
      problems.push({ field: `${at}.maxScore`, message: 'must be more than 0 and at most 1000' });
  });
  const sum = criteria.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  if (problems.length === 0 && Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
    problems.push({ field, message: `the weights must sum to 1 (they sum to ${roundFigure(sum)})` });
  }
  return problems;
}

/** The highest total a scorecard can reach: every criterion at its maximum. */
export const scoreMax = (criteria: readonly Criterion[]): number => roundFigure(criteria.reduce((s, c) => s + c.weight * c.maxScore, 0));

/** The criterion that weighs most (the first of equals), which breaks ties after the aggregate. */
export const topCriterion = (criteria: readonly Criterion[]): Criterion | undefined =>
  criteria.reduce<Criterion | undefined>((best, c) => (!best || c.weight > best.weight ? c : best), undefined);

export interface CriterionScore {
  criterion: string;
  score: number;
}

export interface ScoredCard {
  /** Score per criterion code, in the round's criterion order. */
  scores: Record<string, number>;
  /** The weighted sum, to 4 decimals. */
  total: number;
}

/**
 * Checks one scorecard against the round's criteria and weighs it. Every criterion must be
 * scored once, within 0..max; a problem names the criterion (`scores.INNOVATION`).
 */
export function scoreCard(criteria: readonly Criterion[], given: readonly CriterionScore[]): ScoredCard {
  const problems: FieldProblem[] = [];
  const byCode = new Map(criteria.map((c) => [c.code, c]));
  const scores = new Map<string, number>();
  for (const { criterion, score } of given) {
    const field = `scores.${criterion}`;
    const c = byCode.get(criterion);
    if (!c) problems.push({ field, message: `${criterion} is not a criterion of this round (${criteria.map((x) => x.code).join(', ')})` });
    else if (scores.has(criterion)) problems.push({ field, message: 'is scored twice' });
    else if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > c.maxScore) {
      problems.push({ field, message: `must be between 0 and ${c.maxScore}` });
    } else scores.set(criterion, score);
  }
  for (const c of criteria) {
    if (!scores.has(c.code) && !given.some((g) => g.criterion === c.code))
      problems.push({ field: `scores.${c.code}`, message: 'is required' });
  }
  if (problems.length) throw new InvalidInput(problems);
  const ordered = Object.fromEntries(criteria.map((c) => [c.code, scores.get(c.code)!]));
  return { scores: ordered, total: roundFigure(criteria.reduce((s, c) => s + c.weight * scores.get(c.code)!, 0)) };
}

/**
 * A screening scorecard carries a decision, and an elimination carries its reason; other
 * stages score only.
 */
export function decisionProblems(
  stage: ReviewStage,
  decision: Decision | null | undefined,
  reason: EliminationReason | null | undefined,
): FieldProblem[] {
  if (stage !== 'SCREENING') {
    return decision || reason
      ? [{ field: decision ? 'decision' : 'eliminationReason', message: 'only screening rounds take a decision' }]
      : [];
  }
  if (!decision) return [{ field: 'decision', message: `a screening scorecard needs a decision (${Object.keys(Decision).join(', ')})` }];
  if (decision === 'ELIMINATE' && !reason) {
    return [{ field: 'eliminationReason', message: `an elimination needs a reason (${Object.keys(EliminationReason).join(', ')})` }];
  }
  if (decision !== 'ELIMINATE' && reason) return [{ field: 'eliminationReason', message: 'only an elimination takes a reason' }];
  return [];
}
