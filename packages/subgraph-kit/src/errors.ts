import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '@meritgraph/domain';

export interface ErrorLog {
  error(message: string, meta: Record<string, unknown>): void;
}

const consoleLog: ErrorLog = {
  error: (message, meta) => console.error(JSON.stringify({ level: 'error', message, ...meta })),
};

/**
 * The one error mapper, used by every subgraph and by the gateway:
 * - a DomainError becomes its code, message and offending field;
 * - GraphQL errors with a code (parse, validation, variable coercion, errors relayed from
 *   a subgraph) keep their code and message;
 * - anything else is logged with an id and masked, so stack traces and SQL never leave.
 */
export function createErrorFormatter(service: string, log: ErrorLog = consoleLog) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof DomainError) {
      return {
        ...base,
        message: original.message,
        extensions: {
          code: original.code,
          ...(original.field ? { field: original.field } : {}),
          ...(original.details ? { details: original.details } : {}),
        },
      };
    }

    const code = formatted.extensions?.code;
    const thrownByCode = original instanceof Error && !(original instanceof GraphQLError);
    if (!thrownByCode && typeof code === 'string') {
      if (code !== 'INTERNAL_SERVER_ERROR') {
        return { ...base, extensions: pick(formatted.extensions, ['code', 'field', 'details', 'serviceName']) };
      }
      if (typeof formatted.extensions?.errorId === 'string') {
        // Relayed from a subgraph that already masked and logged it: keep its reference.
        return { ...base, extensions: pick(formatted.extensions, ['code', 'errorId', 'serviceName']) };
      }
    }

    const errorId = randomUUID();
    log.error('unexpected error', {
      service,
      errorId,
      path: formatted.path,
      error: original instanceof Error ? { name: original.name, message: original.message, stack: original.stack } : String(original),
    });
    return {
      message: `Internal server error (reference ${errorId})`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
}

function pick(source: Record<string, unknown> | undefined, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (source?.[k] !== undefined) out[k] = source[k];
  return out;
}
