import { roundFigure } from '../aggregation';
import { type FieldProblem, InvalidInput } from '../errors';

/** Cells built from fewer records than this are suppressed unless the caller sets another minimum. */
export const SUPPRESSION_DEFAULT = 5;

/**
 * Whether a cell must be hidden because it is built from too few records: true when it holds
 * at least 1 and fewer than `minimum` records.
 *
 * The rule is k-anonymity's, with k = minimum: a figure published for a cell must rest on at
 * least k records, so it cannot be read back to one judge's scorecard or one unit's entry (a
 * mean over two cards, with one of them known, gives away the other). An empty cell is shown:
 * its count of 0 says that nothing happened, not what any one record holds. The rule works
 * cell by cell; when a total is published beside its cells, a suppressed cell can be worked
 * out by subtraction, so the caller hides totals (or a second cell) where that would happen.
 *
 * Refused (BAD_USER_INPUT): a count that is not a whole number ≥ 0 (`count`), a minimum that
 * is not a whole number ≥ 1 (`minimum`).
 */
export function suppressCell(count: number, minimum: number = SUPPRESSION_DEFAULT): boolean {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(count) || count < 0) problems.push({ field: 'count', message: 'must be a whole number of at least 0' });
  if (!Number.isInteger(minimum) || minimum < 1) problems.push({ field: 'minimum', message: 'must be a whole number of at least 1' });
  if (problems.length > 0) throw new InvalidInput(problems);
  return count > 0 && count < minimum;
}

export const RankDirection = {
  /** The highest value ranks first. */
  DESC: 'DESC',
  /** The lowest value ranks first. */
  ASC: 'ASC',
} as const;
export type RankDirection = keyof typeof RankDirection;
export const RANK_DIRECTIONS: readonly RankDirection[] = Object.values(RankDirection);

/**
 * Ranks by standard competition ranking ("1224"): equal values share the best rank of their
 * group, and the ranks after the group skip as many places as it holds, so a rank always says
 * how many did better (rank 4 = three ahead). Returns one rank per value, in the order given.
 * Values level to four decimals (roundFigure) are equal, as everywhere figures are compared.
 *
 * Refused (BAD_USER_INPUT): a value that is not a finite number (`values[i]`), an unknown
 * direction (`direction`).
 */
export function rankWithTies(values: readonly number[], direction: RankDirection): number[] {
  const problems: FieldProblem[] = [];
  if (!(RANK_DIRECTIONS as readonly string[]).includes(direction))
    problems.push({ field: 'direction', message: `must be one of ${RANK_DIRECTIONS.join(', ')}` });
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) problems.push({ field: `values[${i}]`, message: 'must be a finite number' });
  });
  if (problems.length > 0) throw new InvalidInput(problems);

  const sign = direction === RankDirection.DESC ? -1 : 1;
  const keys = values.map((v) => sign * roundFigure(v));
  const order = keys.map((key, i) => ({ key, i })).sort((a, b) => a.key - b.key || a.i - b.i);
  const ranks = new Array<number>(values.length);
  order.forEach(({ key, i }, position) => {
    ranks[i] = position > 0 && order[position - 1]!.key === key ? ranks[order[position - 1]!.i]! : position + 1;
  });
  return ranks;
}
