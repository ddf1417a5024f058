import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { SpanStatusCode, context } from '@opentelemetry/api';
import type { DataSource } from 'typeorm';
import { forgetStatementObserver, instrumentStatements } from '@meritgraph/db';
import { type Logger, REQUEST_ID_HEADER, defaultLogger, requestIdOf } from './logger';
import { ANONYMOUS_OPERATION, ARMOR_CODES, type Outcome, ServiceMetrics } from './metrics';
import { type RequestRecord, newRecord, recording } from './request';
import { clientSpan, endWith, executionContext, serverSpan } from './tracing';

/** How a service reports: the logger its lines go to (each service logs as a child with its name). */
export interface TelemetryOptions {
  /** The logger lines are written to; the process's (LOG_LEVEL on standard output) when absent. */
  logger?: Logger;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** How a request ended, from its status and the codes of its errors. */
export function outcomeOf(status: number, record: RequestRecord): Outcome {
  for (const code of record.codes) if (ARMOR_CODES.has(code)) return 'rejected';
  if (status >= 400) return 'error';
  return record.codes.size > 0 ? 'partial' : 'ok';
}

/**
 * Operations the graph's own services send several times a second (the analytics read model
 * polling the change feeds): answered well, their access lines are at debug level, so they do
 * not drown the others; failures are logged as any request's.
 */
export const ROUTINE_OPERATIONS: ReadonlySet<string> = new Set(['ChangeFeed']);

/**
 * The telemetry of one service: its logger, its metrics (served on /metrics), and a trace,
 * an access line and the request metrics for every GraphQL request it serves.
 */
export class ServiceTelemetry {
  readonly logger: Logger;
  readonly metrics = new ServiceMetrics();
  private readonly watched: { dataSource: DataSource; observer: ReturnType<ServiceMetrics['watchDatabase']> }[] = [];

  constructor(
    readonly service: string,
    options: TelemetryOptions = {},
  ) {
    this.logger = (options.logger ?? defaultLogger()).child({ service });
  }

  /** Where the error mapper writes masked errors. */
  readonly errorLog = {
    error: (message: string, { service: _named, ...meta }: Record<string, unknown>) => this.logger.error(meta, message),
  };

  /** Reports a database's statements (a span each, and their durations) and pool. */
  watchDatabase(dataSource: DataSource): void {
    instrumentStatements(dataSource, undefined, { parent: executionContext });
    this.watched.push({ dataSource, observer: this.metrics.watchDatabase(dataSource) });
  }

  /** Stops reporting the databases (the service stops). */
  close(): void {
    for (const { dataSource, observer } of this.watched.splice(0)) forgetStatementObserver(dataSource, observer);
  }

  /**
   * Wraps an HTTP handler: /metrics answers the service's metrics; a request to `graphqlPath`
   * gets its id (the caller's x-request-id, checked, or a new one, echoed in the answer), a
   * server span in the caller's trace, and, once answered, its access line and metrics.
   */
  observe(graphqlPath: string, handler: Handler): Handler {
    return async (req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/metrics' && req.method === 'GET') return this.serveMetrics(res);
      if (path !== graphqlPath) return handler(req, res);
      const started = performance.now();
      const record = newRecord(requestIdOf(req.headers));
      res.setHeader(REQUEST_ID_HEADER, record.requestId);
      const { span, context: traced } = serverSpan(this.service, req.headers, req.method ?? 'GET', path);
      record.serverSpan = span;
      try {
        await context.with(traced, () => recording(record, () => handler(req, res)));
      } finally {
        const status = res.statusCode;
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.setAttribute('http.response.status_code', status);
        span.end();
        this.report(record, status, (performance.now() - started) / 1000, span.spanContext().traceId, span.isRecording());
      }
    };
  }

  /** Times a subgraph fetch in its own span and counts it (gateway). */
  fetch<T>(subgraph: string, run: () => Promise<T>, failure: (error: unknown) => string): Promise<T> {
    const { duration, errors } = this.metrics.subgraphFetches();
    const started = performance.now();
    const { span, context: traced } = clientSpan(subgraph);
    return context
      .with(traced, () => endWith(span, run))
      .catch((error: unknown) => {
        errors.inc({ subgraph, code: failure(error) });
        throw error;
      })
      .finally(() => duration.observe({ subgraph }, (performance.now() - started) / 1000));
  }

  private async serveMetrics(res: ServerResponse): Promise<void> {
    const body = await this.metrics.registry.metrics();
    res.writeHead(200, { 'content-type': this.metrics.registry.contentType });
    res.end(body);
  }

  private report(record: RequestRecord, status: number, seconds: number, traceId: string, traced: boolean): void {
    const names = record.operations.length ? record.operations : [undefined];
    const operation = names.length === 1 ? this.metrics.operations.label(names[0]) : 'batch';
    const outcome = outcomeOf(status, record);
    this.metrics.observeRequest(operation, outcome, seconds, record.codes, record.cost);
    const routine = outcome === 'ok' && names.every((name) => name !== undefined && ROUTINE_OPERATIONS.has(name));
    const level = status >= 500 ? 'error' : routine ? 'debug' : 'info';
    if (!this.logger.isLevelEnabled(level)) return;
    this.logger[level](
      {
        requestId: record.requestId,
        ...(traced ? { traceId } : {}),
        operation: names.map((name) => (name === undefined ? ANONYMOUS_OPERATION : name.slice(0, 100))).join(','),
        durationMs: Math.round(seconds * 10000) / 10,
        cost: record.cost ?? null,
        status,
        outcome,
        errorCodes: [...record.codes],
        errorIds: record.errorIds,
        failedSubgraphs: [...record.failedSubgraphs],
      },
      'request',
    );
  }
}
