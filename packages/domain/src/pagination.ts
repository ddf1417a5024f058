import { createHash } from 'node:crypto';
import { InvalidInput } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * A keyset cursor: the sort values of the last row seen, bound to the list it came from.
 * Opaque to clients (base64url JSON), so the order can gain columns without breaking them.
 */
export type CursorValues = readonly (string | number)[];

/** JSON with object keys sorted, so that equal values always print the same. */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What a cursor is bound to: the list (its query, or field and parent), its filter and its
 * order, as a short digest. Equal descriptions give equal fingerprints whatever their key
 * order; any difference in list, filter or order gives another.
 */
export function listFingerprint(list: unknown): string {
  return createHash('sha256').update(canonical(list)).digest('base64url').slice(0, 16);
}

/** A cursor for the row with these sort values, in the list with this fingerprint. */
export function encodeCursor(values: CursorValues, fingerprint = ''): string {
  return Buffer.from(JSON.stringify([fingerprint, values]), 'utf8').toString('base64url');
}

const isValues = (values: unknown, width: number): values is CursorValues =>
  Array.isArray(values) && values.length === width && values.every((v) => typeof v === 'string' || typeof v === 'number');

/**
 * The sort values of a cursor, refused as BAD_USER_INPUT on `after` unless this very list
 * made it: a cursor from another list, filter or order would continue at a row of another
 * sequence, silently skipping or repeating rows, so it is never accepted.
 */
export function decodeCursor(cursor: string, width: number, fingerprint = ''): CursorValues {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (!Array.isArray(decoded) || decoded.length !== 2 || typeof decoded[0] !== 'string' || !isValues(decoded[1], width)) {
    throw new InvalidInput([{ field: 'after', message: 'is not a cursor this list produced' }]);
  }
  if (decoded[0] !== fingerprint) {
    throw new InvalidInput([
      { field: 'after', message: 'is a cursor of another list, filter or order: ask again without after, with the same arguments' },
    ]);
  }
  return decoded[1];
}

/** Validates `first`: 1..100, default 20. */
export function pageSize(args: PageArgs): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InvalidInput([{ field: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  }
  return first;
}
