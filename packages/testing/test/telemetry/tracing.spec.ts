import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { SUBGRAPH_NAMES } from '@meritgraph/config';
import { type TestGraph, startGraph } from '../../src';
import { FIGURES, figuresContest } from './telemetry';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const contextManager = new AsyncLocalStorageContextManager();

/** The spans of one trace, with a way up from each to its parent. */
function traceOf(spans: ReadableSpan[], traceId: string) {
  const mine = spans.filter((s) => s.spanContext().traceId === traceId);
  const byId = new Map(mine.map((s) => [s.spanContext().spanId, s]));
  const parent = (s: ReadableSpan) => (s.parentSpanContext ? byId.get(s.parentSpanContext.spanId) : undefined);
  const ancestors = (s: ReadableSpan): ReadableSpan[] => {
    const up: ReadableSpan[] = [];
    for (let p = parent(s); p; p = parent(p)) up.push(p);
    return up;
  };
  return { spans: mine, parent, ancestors };
}

const serverOf = (name: string) => (s: ReadableSpan) => s.name === `${name} POST /graphql`;

describe('traces', () => {
  let graph: TestGraph;
  let code: string;

  beforeAll(async () => {
    context.setGlobalContextManager(contextManager.enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider);
    graph = await startGraph();
    code = await figuresContest(graph);
  });
  afterAll(async () => {
    await graph?.stop();
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });
  beforeEach(() => exporter.reset());

  it('follows the README’s figures query as one trace: gateway → each subgraph’s fetch → its resolvers → its SQL', async () => {
    const result = await graph.gateway.request(FIGURES, { code });
    expect(result.errors).toBeUndefined();

    const spans = exporter.getFinishedSpans();
    const gateways = spans.filter(serverOf('gateway'));
    expect(gateways).toHaveLength(1);
    const root = gateways[0]!;
    expect(root.parentSpanContext).toBeUndefined();
    const { spans: inTrace, parent, ancestors } = traceOf(spans, root.spanContext().traceId);
    // Nothing of the request fell out of its trace.
    expect(inTrace).toHaveLength(spans.length);
    expect(inTrace.find((s) => s.name === 'graphql.execute query Figures')).toBeDefined();

    for (const subgraph of SUBGRAPH_NAMES) {
      const served = inTrace.filter(serverOf(subgraph));
      expect(served.length).toBeGreaterThan(0);
      for (const server of served) {
        // Each subgraph request continues the gateway's fetch of it, inside the gateway's request.
        expect(parent(server)?.name).toBe(`fetch ${subgraph}`);
        expect(ancestors(server)).toContain(root);
      }
      const below = (s: ReadableSpan) => served.some((server) => ancestors(s).includes(server));
      const system = graph.subgraphs[subgraph].db.dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
      const statements = inTrace.filter((s) => s.attributes['db.system.name'] === system && below(s));
      expect({ subgraph, statements: statements.length > 0 }).toEqual({ subgraph, statements: true });
      // SQL hangs below the subgraph's execution of the operation (and below the root field whose resolver sent it, if one did).
      for (const statement of statements) expect(parent(statement)?.name).toMatch(/^(graphql\.execute query Figures__|Query\.)/);
      expect(statements.every((s) => typeof s.attributes['db.query.text'] === 'string')).toBe(true);
    }
    expect(inTrace.some((s) => s.name === 'Query.contest')).toBe(true);
    expect(inTrace.some((s) => s.name === 'Query._entities')).toBe(true);
  });

  it('continues the trace a client sends in traceparent, down to the subgraphs', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const spanId = '00f067aa0ba902b7';
    const client = graph.gateway.with({ traceparent: `00-${traceId}-${spanId}-01` });
    const result = await client.request('query One { organizations(first: 1) { totalCount } }');
    expect(result.errors).toBeUndefined();

    const spans = exporter.getFinishedSpans();
    const root = spans.find(serverOf('gateway'))!;
    expect(root.spanContext().traceId).toBe(traceId);
    expect(root.parentSpanContext?.spanId).toBe(spanId);
    const subgraph = spans.find(serverOf('organizations'))!;
    expect(subgraph.spanContext().traceId).toBe(traceId);
    expect(spans.every((s) => s.spanContext().traceId === traceId)).toBe(true);
  });

  it('starts a trace of its own for a malformed traceparent', async () => {
    const result = await graph.gateway
      .with({ traceparent: '00-not-a-trace-01' })
      .request('query One { organizations(first: 1) { totalCount } }');
    expect(result.errors).toBeUndefined();
    const root = exporter.getFinishedSpans().find(serverOf('gateway'))!;
    expect(root.parentSpanContext).toBeUndefined();
    expect(root.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});
