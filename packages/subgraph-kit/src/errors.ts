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
/** What a refusal by a limit or a budget tells the client: the limit, the value found, when to come back. */
const REFUSAL_FIGURES = ['limit', 'actual', 'estimated', 'maximum', 'resetAt'];

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
        const extensions = pick(formatted.extensions, ['code', 'field', 'details', 'serviceName', ...REFUSAL_FIGURES]);
        if (code === 'BAD_USER_INPUT' && extensions.field === undefined) {
          const field = variableField(formatted.message);
          if (field) extensions.field = field;
        }
        return { ...base, extensions };
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

/**
 * The input field a variable coercion error is about, read from GraphQL's message
 * (`Variable "$input" got invalid value Infinity at "input.leadership"; …`): the path in the
 * variable, named as the services name fields (those of an `input` variable bare, as
 * `leadership`), or the variable itself when its whole value is wrong.
 */
export function variableField(message: string): string | undefined {
  const found =
    /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" (?:got invalid value .*? at "([^"]+)";|got invalid value|of (?:required|non-null) type)/su.exec(
      message,
    );
  if (!found) return undefined;
  const path = found[2] ?? found[1]!;
  return path.startsWith('input.') ? path.slice('input.'.length) : path;
}

function pick(source: Record<string, unknown> | undefined, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (source?.[k] !== undefined) out[k] = source[k];
  return out;
}
