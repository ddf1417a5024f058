import { InvalidInput } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * A keyset cursor: the sort values of the last row seen. Opaque to clients (base64url JSON),
 * so the order can gain columns without breaking them.
 */
export type CursorValues = readonly (string | number)[];

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, width: number): CursorValues {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === width && values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return values;
    }
  } catch {
    // fall through to the coded refusal below
  }
  throw new InvalidInput([{ field: 'after', message: 'is not a cursor this list produced' }]);
}

/** Validates `first`: 1..100, default 20. */
export function pageSize(args: PageArgs): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InvalidInput([{ field: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  }
  return first;
}
