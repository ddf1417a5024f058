import { InvalidInput, type MeasureKind, measure, rankWithTies, suppressCell } from '@meritgraph/domain';
import type { CubeRecord } from './records';
import { type CubeDimension, type CubeFact, type CubeField, FACT_SHAPES, type SortDirection } from './model';

export interface MeasureSpec {
  kind: MeasureKind;
  field?: CubeField | null;
  percentile?: number | null;
}

export interface CubeFilterSpec {
  /** Per dimension, the values a record must have one of. */
  values: Partial<Record<CubeDimension, readonly (string | number)[]>>;
  /** Per yes/no field, whether it must be yes or no. */
  flags: Partial<Record<CubeField, boolean>>;
}

export interface OrderSpec {
  /** A measure, by its place in `measures` (0 first)… */
  measure?: number | null;
  /** …or a dimension of `groupBy`. */
  dimension?: CubeDimension | null;
  direction: SortDirection;
}

export interface CubeQuery {
  fact: CubeFact;
  measures: readonly MeasureSpec[];
  groupBy: readonly CubeDimension[];
  filter: CubeFilterSpec;
  orderBy: readonly OrderSpec[];
  first: number;
}

export interface CubeCell {
  group: Partial<Record<CubeDimension, string | number | null>>;
  /** Records in the cell; null when suppressed. */
  records: number | null;
  /** One figure per measure, in their order; nulls when suppressed. */
  values: (number | null)[];
  suppressed: boolean;
  /** The cell's standard competition rank by the first `orderBy`, among every cell. */
  rank: number;
}

export interface CubeAnswer {
  cells: CubeCell[];
  /** Cells before `first` cut them: the number of groups. */
  groups: number;
  /** Records the cube was built from. */
  records: number;
  /** Cells suppressed for having fewer records than the minimum. */
  suppressed: number;
}

export const MAX_GROUP_DIMENSIONS = 4;
/** The cells a cube returns at most. */
export const CUBE_FIRST_MAX = 1000;
export const MAX_MEASURES = 12;

/** Refuses a question the fact cannot answer, naming the argument. */
export function checkCubeQuery(query: CubeQuery): void {
  const shape = FACT_SHAPES[query.fact];
  const problems: { field: string; message: string }[] = [];
  if (!Number.isInteger(query.first) || query.first < 1 || query.first > CUBE_FIRST_MAX)
    problems.push({ field: 'first', message: `first must be 1 to ${CUBE_FIRST_MAX}` });
  if (query.measures.length === 0 || query.measures.length > MAX_MEASURES)
    problems.push({ field: 'measures', message: `give 1 to ${MAX_MEASURES} measures` });
  query.measures.forEach((m, i) => {
    if (m.kind === 'PERCENTILE' && !(typeof m.percentile === 'number' && m.percentile >= 0 && m.percentile <= 100))
      problems.push({ field: `measures[${i}].percentile`, message: 'PERCENTILE needs a percentile from 0 to 100' });
    if (m.kind === 'COUNT') return;
    if (!m.field) problems.push({ field: `measures[${i}].field`, message: `${m.kind} needs a field` });
    else if (!shape.fields.includes(m.field))
      problems.push({
        field: `measures[${i}].field`,
        message: `${query.fact} has no field ${m.field} (it has ${shape.fields.join(', ')})`,
      });
  });
  if (query.groupBy.length > MAX_GROUP_DIMENSIONS)
    problems.push({ field: 'groupBy', message: `group by at most ${MAX_GROUP_DIMENSIONS} dimensions` });
  if (new Set(query.groupBy).size !== query.groupBy.length) problems.push({ field: 'groupBy', message: 'a dimension is given twice' });
  for (const d of query.groupBy)
    if (!shape.dimensions.includes(d))
      problems.push({ field: 'groupBy', message: `${query.fact} has no dimension ${d} (it has ${shape.dimensions.join(', ')})` });
  for (const year of query.filter.values.YEAR ?? [])
    if (!(Number.isInteger(year) && Number(year) >= 1949 && Number(year) <= 2200))
      problems.push({ field: 'filter.year', message: 'years are 1949 to 2200' });
  for (const d of Object.keys(query.filter.values) as CubeDimension[])
    if (!shape.dimensions.includes(d)) problems.push({ field: 'filter', message: `${query.fact} cannot be filtered by ${d}` });
  for (const f of Object.keys(query.filter.flags) as CubeField[])
    if (!shape.fields.includes(f)) problems.push({ field: 'filter', message: `${query.fact} has no field ${f}` });
  query.orderBy.forEach((o, i) => {
    if ((o.measure == null) === (o.dimension == null))
      problems.push({ field: `orderBy[${i}]`, message: 'order by either a measure (its place) or a dimension' });
    else if (o.measure != null && (o.measure < 0 || o.measure >= query.measures.length))
      problems.push({ field: `orderBy[${i}].measure`, message: `a measure's place, 0 to ${query.measures.length - 1}` });
    else if (o.dimension != null && !query.groupBy.includes(o.dimension))
      problems.push({ field: `orderBy[${i}].dimension`, message: 'order by a dimension of groupBy' });
  });
  if (problems.length) throw new InvalidInput(problems);
}

const matches = (record: CubeRecord, filter: CubeFilterSpec): boolean =>
  (Object.entries(filter.values) as [CubeDimension, readonly (string | number)[]][]).every(([d, allowed]) =>
    allowed.some((value) => String(value) === String(record.dims[d] ?? '')),
  ) && (Object.entries(filter.flags) as [CubeField, boolean][]).every(([f, yes]) => (record.fields[f] ?? 0) === (yes ? 1 : 0));

const compare = (a: unknown, b: unknown): number => {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
};

/**
 * Answers a cube over records: filters them, groups them by the dimensions, takes each
 * measure of each group, suppresses the cells built from fewer than `minimumCell` records
 * (when `suppress`), ranks and orders the cells, and keeps the first `first`. The query is
 * one checkCubeQuery let through, before any record was read.
 */
export function answerCube(
  records: readonly CubeRecord[],
  query: CubeQuery,
  suppress: boolean,
  minimumCell: number,
  /** How a dimension's value sorts (an organization by its name, a track by its code); the value itself when absent. */
  labelOf: (dimension: CubeDimension, value: string | number | null | undefined) => string | number | null | undefined = (_d, v) => v,
): CubeAnswer {
  const kept = records.filter((r) => matches(r, query.filter));
  const groups = new Map<string, CubeRecord[]>();
  for (const record of kept) {
    const key = JSON.stringify(query.groupBy.map((d) => record.dims[d] ?? null));
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(record);
  }
  if (groups.size === 0 && query.groupBy.length === 0) groups.set('[]', []);
  let cells: CubeCell[] = [...groups.entries()].map(([key, list]) => {
    const values = JSON.parse(key) as (string | number | null)[];
    const group = Object.fromEntries(query.groupBy.map((d, i) => [d, values[i]]));
    const hidden = suppress && suppressCell(list.length, minimumCell);
    return {
      group,
      records: hidden ? null : list.length,
      values: query.measures.map((m) => {
        if (hidden) return null;
        if (m.kind === 'COUNT') return list.length;
        const figures = list.map((r) => r.fields[m.field!]).filter((v): v is number => v !== null && v !== undefined);
        return measure(m.kind, figures, { percentile: m.percentile ?? undefined });
      }),
      suppressed: hidden,
      rank: 1,
    };
  });
  const order: readonly OrderSpec[] = query.orderBy.length
    ? query.orderBy
    : query.groupBy.map((dimension): OrderSpec => ({ dimension, direction: 'ASC' }));
  const valueOf = (cell: CubeCell, o: OrderSpec) => (o.measure != null ? cell.values[o.measure] : cell.group[o.dimension!]);
  const sortOf = (cell: CubeCell, o: OrderSpec) => (o.measure != null ? valueOf(cell, o) : labelOf(o.dimension!, valueOf(cell, o)));
  // Cells equal on every key keep the order of their groups' labels, so an answer reads the same on every database.
  const tieBreak = (cell: CubeCell) => JSON.stringify(query.groupBy.map((d) => labelOf(d, cell.group[d]) ?? null));
  cells.sort((a, b) => {
    for (const o of order) {
      const va = sortOf(a, o);
      const vb = sortOf(b, o);
      // Empty figures go last whichever the direction.
      if (va === null || va === undefined || vb === null || vb === undefined) {
        const c = compare(va, vb);
        if (c) return c;
        continue;
      }
      const c = compare(va, vb) * (o.direction === 'DESC' ? -1 : 1);
      if (c) return c;
    }
    return compare(tieBreak(a), tieBreak(b)) || compare(JSON.stringify(a.group), JSON.stringify(b.group));
  });
  const key = order[0];
  // Cells rank by the first key's figure; cells without one rank after every cell with one.
  const figures = cells.map((c) => (key && key.measure != null ? c.values[key.measure] : null));
  const numeric = figures.map((v, i) => ({ v, i })).filter((x): x is { v: number; i: number } => typeof x.v === 'number');
  const ranks =
    key && key.measure != null
      ? rankWithTies(
          numeric.map((x) => x.v),
          key.direction,
        )
      : [];
  const rankOf = new Map(numeric.map((x, j) => [x.i, ranks[j]!]));
  cells = cells.map((c, i) => ({ ...c, rank: rankOf.get(i) ?? (key?.measure != null ? numeric.length + 1 : i + 1) }));
  return {
    cells: cells.slice(0, query.first),
    groups: cells.length,
    records: kept.length,
    suppressed: cells.filter((c) => c.suppressed).length,
  };
}
