import { performance } from 'node:perf_hooks';
import { type Context, SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { DataSource, QueryRunner } from 'typeorm';

/** What a statement was, for metrics: its verb, so that the label set stays small. */
export type StatementKind = 'select' | 'insert' | 'update' | 'delete' | 'transaction' | 'other';

/** Told of every statement a data source sends: its kind, how long it took, and whether it failed. */
export type StatementObserver = (kind: StatementKind, seconds: number, failed: boolean) => void;

const tracer = trace.getTracer('@meritgraph/db');

const VERB = /^\s*(\w+)/;
const KINDS: Record<string, StatementKind> = {
  select: 'select',
  with: 'select',
  insert: 'insert',
  update: 'update',
  delete: 'delete',
  begin: 'transaction',
  start: 'transaction',
  commit: 'transaction',
  rollback: 'transaction',
  savepoint: 'transaction',
  release: 'transaction',
};

export function statementKind(query: string): StatementKind {
  const verb = VERB.exec(query)?.[1]?.toLowerCase() ?? '';
  return KINDS[verb] ?? 'other';
}

interface Instrumented {
  observers: Set<StatementObserver>;
  parent: () => Context;
  system: 'sqlite' | 'mysql';
  namespace: string;
}

const instrumented = new WeakMap<DataSource, Instrumented>();
const WRAPPED = Symbol('traced');

/**
 * Wraps each query runner the data source hands out, for both drivers (the SQLite driver's one
 * runner and MySQL's pooled ones): every statement is a span, a child of whatever span is
 * active when it is sent (the resolver's), with its parameterized SQL and never its values;
 * and each observer is told how long it took. With no OpenTelemetry SDK registered the span
 * is a no-op. Wrapping the runner rather than listening to TypeORM's query events times the
 * statement itself, including a statement refused before it was sent, without pairing events.
 * `parent` may say where a statement's span belongs instead of the active context.
 */
export function instrumentStatements(dataSource: DataSource, observer?: StatementObserver, options: { parent?: () => Context } = {}): void {
  let state = instrumented.get(dataSource);
  if (!state) {
    const type = dataSource.options.type;
    state = {
      observers: new Set(),
      parent: () => context.active(),
      system: type === 'better-sqlite3' ? 'sqlite' : 'mysql',
      namespace: String(dataSource.options.database ?? ''),
    };
    instrumented.set(dataSource, state);
    const driver = dataSource.driver;
    const create = driver.createQueryRunner.bind(driver);
    const found = state;
    driver.createQueryRunner = (mode) => wrapRunner(create(mode), found);
  }
  if (observer) state.observers.add(observer);
  if (options.parent) state.parent = options.parent;
}

/** Stops telling this observer (the service that registered it has stopped). */
export function forgetStatementObserver(dataSource: DataSource, observer: StatementObserver): void {
  instrumented.get(dataSource)?.observers.delete(observer);
}

function wrapRunner(runner: QueryRunner, state: Instrumented): QueryRunner {
  const marked = runner as QueryRunner & { [WRAPPED]?: true };
  if (marked[WRAPPED]) return runner;
  marked[WRAPPED] = true;
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = (async (...args: unknown[]) => {
    const sql = typeof args[0] === 'string' ? args[0] : '';
    const kind = statementKind(sql);
    const span = tracer.startSpan(
      `${kind.toUpperCase()} ${state.system}`,
      {
        kind: SpanKind.CLIENT,
        attributes: { 'db.system.name': state.system, 'db.namespace': state.namespace, 'db.query.text': sql },
      },
      state.parent(),
    );
    const started = performance.now();
    let failed = false;
    try {
      return await query(...args);
    } catch (error) {
      failed = true;
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
      const seconds = (performance.now() - started) / 1000;
      for (const observe of state.observers) observe(kind, seconds, failed);
    }
  }) as QueryRunner['query'];
  return runner;
}

/** Connections of a data source's pool: open, idle among them, callers waiting for one, and the most it opens. */
export interface PoolStats {
  open: number;
  idle: number;
  waiting: number;
  max: number;
}

interface Mysql2Pool {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

/**
 * The pool as it stands. SQLite has one connection, open while the data source is. mysql2
 * keeps its counts in fields of its pool (read by shape: they are not part of its typings).
 */
export function poolStats(dataSource: DataSource): PoolStats {
  if (!dataSource.isInitialized) return { open: 0, idle: 0, waiting: 0, max: 0 };
  const pool = (dataSource.driver as { pool?: Mysql2Pool }).pool;
  if (!pool) return { open: 1, idle: 0, waiting: 0, max: 1 };
  return {
    open: pool._allConnections?.length ?? 0,
    idle: pool._freeConnections?.length ?? 0,
    waiting: pool._connectionQueue?.length ?? 0,
    max: pool.config?.connectionLimit ?? 0,
  };
}
