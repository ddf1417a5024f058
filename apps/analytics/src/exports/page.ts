import type { EntityManager } from 'typeorm';
import type { CursorValues } from '@meritgraph/domain';

/** One key of a list's order: a SQL expression that is never null, and whether it is a number or text. */
export interface OrderKey {
  sql: string;
  kind: 'number' | 'text';
}

/**
 * One list as a single SELECT: what it reads (FROM and joins), which rows (WHERE), what it
 * shows (aliased expressions) and its total order, whose last key is unique. Every `?`
 * takes the next parameter, FROM's first.
 */
export interface ListQuery {
  from: string;
  fromParams?: readonly unknown[];
  where: readonly string[];
  whereParams?: readonly unknown[];
  select: Readonly<Record<string, string>>;
  order: readonly OrderKey[];
}

export type RawRow = Record<string, unknown>;

export interface RawPage {
  rows: RawRow[];
  /** Each row's order keys, for its cursor. */
  keys: CursorValues[];
  hasMore: boolean;
  /** Rows of the whole list, when asked for (on a first page). */
  total: number | null;
}

/** `(a, b, id) > (after)`, spelled out so that SQLite and MySQL both take it. */
function keyset(order: readonly OrderKey[], after: CursorValues): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const clauses = order.map((key, i) => {
    const parts = order.slice(0, i).map((k, j) => {
      params.push(after[j]);
      return `${k.sql} = ?`;
    });
    params.push(after[i]);
    return `(${[...parts, `${key.sql} > ?`].join(' AND ')})`;
  });
  return { sql: `(${clauses.join(' OR ')})`, params };
}

/**
 * Reads one page of a list in one statement: the rows after `after` in the list's order, at
 * most `first` (one more is read to know whether more follow), and, when `count` is set,
 * the number of rows in the whole list from a window over the same statement.
 */
export async function readPage(
  em: EntityManager,
  query: ListQuery,
  first: number,
  after: CursorValues | null,
  count: boolean,
): Promise<RawPage> {
  const where = [...query.where];
  const params: unknown[] = [...(query.fromParams ?? []), ...(query.whereParams ?? [])];
  if (after) {
    const clause = keyset(query.order, after);
    where.push(clause.sql);
    params.push(...clause.params);
  }
  const columns = [
    ...Object.entries(query.select).map(([alias, sql]) => `${sql} AS ${alias}`),
    ...query.order.map((key, i) => `${key.sql} AS k_${i}`),
    ...(count ? ['COUNT(*) OVER () AS total_rows'] : []),
  ];
  const sql = [
    `SELECT ${columns.join(', ')}`,
    query.from,
    where.length ? `WHERE ${where.map((w) => `(${w})`).join(' AND ')}` : '',
    `ORDER BY ${query.order.map((k) => `${k.sql} ASC`).join(', ')}`,
    // `first` is a checked integer, written in rather than bound (MySQL takes no parameter here through every driver).
    `LIMIT ${Math.trunc(first) + 1}`,
  ].join(' ');
  const raw = (await em.query(sql, params)) as RawRow[];
  const rows = raw.slice(0, first);
  return {
    rows,
    keys: rows.map((row) => query.order.map((key, i) => (key.kind === 'number' ? Number(row[`k_${i}`]) : String(row[`k_${i}`])))),
    hasMore: raw.length > first,
    total: count ? Number(raw[0]?.total_rows ?? 0) : null,
  };
}

/** A text value as exported: null stays null. */
export const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** A number as exported, as JavaScript prints it. */
export const number = (value: unknown): string | null => (value === null || value === undefined ? null : String(Number(value)));

/** A time as exported: ISO 8601 in UTC (SQLite hands back its UTC text, MySQL a Date). */
export function instant(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const textValue = String(value);
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(textValue) ? textValue : `${textValue.replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? textValue : date.toISOString();
}
