import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import { type ASTNode, GraphQLError, type GraphQLFormattedError, Kind, type ValueNode, parse, visit } from 'graphql';
import { DomainError } from '@meritgraph/domain';
import { defaultLogger } from './telemetry/logger';
import { currentRequest } from './telemetry/request';

export interface ErrorLog {
  error(message: string, meta: Record<string, unknown>): void;
}

const processLog: ErrorLog = {
  error: (message, meta) => defaultLogger().error(meta, message),
};

/** What a refusal or an outage tells the client: the limit and the value found, when to come back, the subgraph that failed. */
const REFUSAL_FIGURES = ['limit', 'actual', 'estimated', 'maximum', 'resetAt', 'service'];

/**
 * The one error mapper, used by every subgraph and by the gateway:
 * - a DomainError becomes its code, message and offending field;
 * - GraphQL errors with a code (parse, validation, variable coercion, errors relayed from
 *   a subgraph) keep their code and message;
 * - anything else is logged with an id and masked, so stack traces and SQL never leave.
 */
export function createErrorFormatter(service: string, log: ErrorLog = processLog) {
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
        if (extensions.field === undefined) {
          const field = code === 'BAD_USER_INPUT' ? variableField(formatted.message) : argumentField(original);
          if (field) extensions.field = field;
          // A literal Int beyond 32 bits, or a Float beyond any number, is a number out of range like any other the services refuse.
          if (field && code === 'GRAPHQL_VALIDATION_FAILED' && NUMBER_OUT_OF_RANGE.test(formatted.message))
            extensions.code = 'BAD_USER_INPUT';
        }
        return { ...base, extensions };
      }
      if (typeof formatted.extensions?.errorId === 'string') {
        // Relayed from a subgraph that already masked and logged it: keep its reference.
        currentRequest()?.errorIds.push(formatted.extensions.errorId);
        return { ...base, extensions: pick(formatted.extensions, ['code', 'errorId', 'serviceName']) };
      }
    }

    const errorId = randomUUID();
    const request = currentRequest();
    request?.errorIds.push(errorId);
    log.error('unexpected error', {
      service,
      errorId,
      ...(request ? { requestId: request.requestId } : {}),
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

const NUMBER_OUT_OF_RANGE = /Int cannot represent non 32-bit signed integer value|Float cannot represent a non-finite value/;

/**
 * The input field a validation error about a literal argument value is about, found by its
 * position in the document, named as variableField names it (`startsOn`,
 * `quotaGroups[0].quota`, `quota`); undefined when the error is not at an argument's value.
 */
export function argumentField(error: unknown): string | undefined {
  const at = error instanceof GraphQLError ? error.nodes?.[0]?.loc?.start : undefined;
  if (at === undefined || !(error instanceof GraphQLError) || !error.source) return undefined;
  let document: ASTNode;
  try {
    document = parse(error.source);
  } catch {
    return undefined;
  }
  let found: string | undefined;
  const walk = (value: ValueNode, path: string) => {
    if (value.loc?.start === at) found ??= path;
    if (value.kind === Kind.OBJECT) for (const f of value.fields) walk(f.value, path ? `${path}.${f.name.value}` : f.name.value);
    if (value.kind === Kind.LIST) value.values.forEach((v, i) => walk(v, `${path}[${i}]`));
  };
  visit(document, {
    Argument(arg) {
      walk(arg.value, arg.name.value === 'input' && arg.value.kind === Kind.OBJECT ? '' : arg.name.value);
    },
  });
  return found;
}

function pick(source: Record<string, unknown> | undefined, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (source?.[k] !== undefined) out[k] = source[k];
  return out;
}
