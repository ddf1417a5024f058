/**
 * Every refusal the platform makes carries a stable code. The subgraph kit turns a
 * DomainError into a GraphQL error with `extensions.code` (and `extensions.field` where one
 * input field is to blame); anything that is not a DomainError is masked.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode] | (string & {});

export interface FieldProblem {
  field: string;
  message: string;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Bad input: the first offending field is named, and every problem is listed. */
export class InvalidInput extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    const [first] = problems;
    super(ErrorCode.BAD_USER_INPUT, problems.map((p) => `${p.field}: ${p.message}`).join('; '), first?.field, {
      problems,
    });
  }
}

export const notFound = (entity: string, id: string, field = 'id'): DomainError =>
  new DomainError(ErrorCode.NOT_FOUND, `${entity} ${id} was not found`, field);

export const alreadyExists = (entity: string, field: string, value: string): DomainError =>
  new DomainError(ErrorCode.ALREADY_EXISTS, `${entity} with ${field} "${value}" already exists`, field);
