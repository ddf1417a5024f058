import { buildSchema, parse, validate } from 'graphql';
import type { Operation } from './operations';

/** Each operation's problems against the client-facing schema (schema.graphql); none when all are valid. */
export function operationProblems(operations: readonly Operation[], schemaSdl: string): string[] {
  const schema = buildSchema(schemaSdl);
  return operations.flatMap((op) => validate(schema, parse(op.query)).map((error) => `${op.operationName}: ${error.message}`));
}

/** Throws when an operation does not fit the schema: the benchmark would measure refusals. */
export function validateOperations(operations: readonly Operation[], schemaSdl: string): void {
  const problems = operationProblems(operations, schemaSdl);
  if (problems.length) throw new Error(`Operations that do not fit schema.graphql:\n  ${problems.join('\n  ')}`);
}
