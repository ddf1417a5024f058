import { AsyncLocalStorage } from 'node:async_hooks';
import type { Span } from '@opentelemetry/api';

/** What a service learns about one HTTP request while it serves it: what its access line and metrics report. */
export interface RequestRecord {
  readonly requestId: string;
  /** The name of each operation run (one, or one per operation of a batch); undefined for an anonymous one. */
  readonly operations: (string | undefined)[];
  /** The estimated cost demand control computed (summed over a batch). */
  cost?: number;
  /** The codes of the errors in the answer. */
  readonly codes: Set<string>;
  /** The references of masked errors (the service's own, or relayed from a subgraph). */
  readonly errorIds: string[];
  /** The subgraphs whose fetch failed (gateway). */
  readonly failedSubgraphs: Set<string>;
  /** The span of the HTTP request, in the caller's trace. */
  serverSpan?: Span;
  /** The operation's execution span, while a tracer records it: root fields hang below it. */
  executeSpan?: Span;
}

const current = new AsyncLocalStorage<RequestRecord>();

export const newRecord = (requestId: string): RequestRecord => ({
  requestId,
  operations: [],
  codes: new Set(),
  errorIds: [],
  failedSubgraphs: new Set(),
});

/** Runs `fn` as the work of one request, so that what it does is recorded for that request. */
export const recording = <R>(record: RequestRecord, fn: () => Promise<R>): Promise<R> => current.run(record, fn);

/** The record of the request being served here, if any. */
export const currentRequest = (): RequestRecord | undefined => current.getStore();

/** Records the estimated cost of an operation of the current request. */
export function recordCost(estimated: number): void {
  const record = current.getStore();
  if (record) record.cost = (record.cost ?? 0) + estimated;
}

/** Records that a subgraph's fetch failed for the current request. */
export function recordFailedSubgraph(subgraph: string): void {
  current.getStore()?.failedSubgraphs.add(subgraph);
}
