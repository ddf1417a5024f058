import type { IncomingHttpHeaders } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { type Context, type Span, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { type GraphQLFieldResolver, type GraphQLSchema, defaultFieldResolver } from 'graphql';
import { currentRequest } from './request';

export const tracer = trace.getTracer('@meritgraph/subgraph-kit');

/** The trace a caller continues (W3C `traceparent`), or none: the context a request's spans start in. */
export const callerContext = (headers: IncomingHttpHeaders): Context => propagation.extract(context.active(), headers);

/**
 * Where a span started outside any resolver's belongs: below the operation's execution rather
 * than beside it. graphql-js resolves fields below the root in the request's own context, so
 * the statements their loaders send would otherwise hang from the HTTP request's span.
 */
export function executionContext(): Context {
  const active = context.active();
  const record = currentRequest();
  if (!record?.executeSpan || trace.getSpan(active) !== record.serverSpan) return active;
  return trace.setSpan(active, record.executeSpan);
}

/** Writes the active trace (W3C `traceparent`) into headers a request is sent with. */
export function injectTrace(headers: { set(name: string, value: string): unknown }): void {
  propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
}

/** Ends a span when `run`'s result settles, marking it failed if it throws or rejects. */
export function endWith<T>(span: Span, run: () => T): T {
  const fail = (error: unknown) => {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    span.end();
  };
  try {
    const result = run();
    if (result instanceof Promise) {
      return result.then(
        (value: unknown) => {
          span.end();
          return value;
        },
        (error: unknown) => {
          fail(error);
          throw error;
        },
      ) as T;
    }
    span.end();
    return result;
  } catch (error) {
    fail(error);
    throw error;
  }
}

/**
 * A span for the execution of each operation, and records what the access line and metrics
 * report: the operation's name and the codes of the errors answered.
 */
export const operationPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart({ request }) {
    const record = currentRequest();
    if (!record) return {};
    const index = record.operations.push(request.operationName ?? undefined) - 1;
    return {
      async didResolveOperation({ operation }) {
        record.operations[index] = operation?.name?.value;
      },
      async executionDidStart({ operation }) {
        const name = operation.name?.value;
        const span = tracer.startSpan(`graphql.execute ${operation.operation}${name ? ` ${name}` : ''}`, {
          attributes: { 'graphql.operation.type': operation.operation, ...(name ? { 'graphql.operation.name': name } : {}) },
        });
        if (!span.isRecording()) return;
        record.executeSpan = span;
        return {
          async executionDidEnd(error) {
            if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
            span.end();
          },
        };
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          const code = error.extensions?.code;
          if (typeof code === 'string') record.codes.add(code);
        }
      },
    };
  },
};

const TRACED = Symbol('traced');

/**
 * A span per root field (a query, a mutation, `_entities`), below the operation's; the SQL
 * its resolver sends hangs below it. Only root fields: a span per field would cost every
 * answer an allocation per value. Without a recording tracer nothing is started.
 */
export function traceRootFields(schema: GraphQLSchema): GraphQLSchema {
  if ((schema as { [TRACED]?: true })[TRACED]) return schema;
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const name = `${type.name}.${field.name}`;
      field.resolve = (source, args, ctx, info) => {
        const parent = currentRequest()?.executeSpan;
        if (!parent) return resolve(source, args, ctx, info);
        const span = tracer.startSpan(
          name,
          { attributes: { 'graphql.field.name': field.name, 'graphql.field.path': String(info.path.key) } },
          trace.setSpan(context.active(), parent),
        );
        return context.with(trace.setSpan(context.active(), span), () => endWith(span, () => resolve(source, args, ctx, info)));
      };
    }
  }
  Object.assign(schema, { [TRACED]: true });
  return schema;
}

/** The span of a request a service serves, in the trace its caller continues. */
export const serverSpan = (
  service: string,
  headers: IncomingHttpHeaders,
  method: string,
  path: string,
): { span: Span; context: Context } => {
  const parent = callerContext(headers);
  const span = tracer.startSpan(
    `${service} ${method} ${path}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'url.path': path, 'meritgraph.service': service } },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
};

/** The span of a fetch the gateway sends a subgraph. */
export const clientSpan = (subgraph: string): { span: Span; context: Context } => {
  const span = tracer.startSpan(`fetch ${subgraph}`, { kind: SpanKind.CLIENT, attributes: { 'graphql.subgraph': subgraph } });
  return { span, context: trace.setSpan(context.active(), span) };
};
