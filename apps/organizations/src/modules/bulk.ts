import { DomainError, ErrorCode, InvalidInput } from '@meritgraph/domain';

/** What the bulk mutations of this subgraph share: the batch's size, and every item judged as one alone would be. */

/** The most items one bulk mutation of this subgraph takes. */
export const MAX_BATCH = 500;
/** Rows per INSERT: well inside SQLite's and MySQL's limits on bound parameters. */
export const INSERT_BATCH = 200;

/** Refuses a bulk mutation's list unless it holds 1 to MAX_BATCH items. */
export function assertBatchSize(inputs: readonly unknown[], things: string): void {
  if (inputs.length === 0 || inputs.length > MAX_BATCH)
    throw new InvalidInput([{ field: 'inputs', message: `give 1 to ${MAX_BATCH} ${things}` }]);
}

/** One refused item of a bulk mutation, as BATCH_REFUSED lists it. */
export type BatchError = { index: number; code: string; field: string | null; message: string } & Record<string, unknown>;

/**
 * Judges every item of a batch in order. A refusal of one item alone is thrown as it is (a
 * batch of one reports its own error); otherwise every refusal is collected and thrown as
 * BATCH_REFUSED on `inputs`, `details.errors` naming each refused item (with every bad field of
 * an item's BAD_USER_INPUT as its `problems`).
 */
export function judgeEach<I, R>(
  inputs: readonly I[],
  things: string,
  identify: (input: I) => Record<string, unknown>,
  judge: (input: I, index: number) => R,
): R[] {
  const results: R[] = [];
  const errors: BatchError[] = [];
  inputs.forEach((input, index) => {
    try {
      results.push(judge(input, index));
    } catch (e) {
      if (!(e instanceof DomainError) || inputs.length === 1) throw e;
      const problems = Array.isArray(e.details?.problems) ? { problems: e.details.problems } : {};
      errors.push({ index, ...identify(input), code: e.code, field: e.field ?? null, message: e.message, ...problems });
    }
  });
  if (errors.length)
    throw new DomainError(
      ErrorCode.BATCH_REFUSED,
      `${errors.length} of ${inputs.length} ${things} were refused; none was saved`,
      'inputs',
      { errors },
    );
  return results;
}

/** The distinct non-empty strings among `values`, in first-seen order. */
export const distinct = (values: readonly (string | null | undefined)[]): string[] => [
  ...new Set(values.filter((v): v is string => typeof v === 'string' && v !== '')),
];
