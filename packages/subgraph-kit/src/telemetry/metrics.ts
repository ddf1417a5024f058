import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { type DataSource } from 'typeorm';
import { type StatementObserver, instrumentStatements, poolStats } from '@meritgraph/db';
import { ERROR_CODES } from '@meritgraph/domain';

export const METRIC_PREFIX = 'meritgraph_';

/** The label of an operation sent without a name. */
export const ANONYMOUS_OPERATION = '(anonymous)';
/** The label of every operation name past the first `max` seen, so that callers cannot grow the label set. */
export const OTHER_OPERATION = '(other)';

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/**
 * Operation names as metric labels: the first `max` names a service sees keep their own
 * series, later ones count as `(other)`, so that random names cannot grow memory. Neither
 * label can be an operation's name (parentheses are no part of a GraphQL name).
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(readonly max = 100) {}

  label(name: string | undefined): string {
    if (name === undefined || name === '') return ANONYMOUS_OPERATION;
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max || !GRAPHQL_NAME.test(name)) return OTHER_OPERATION;
    this.seen.add(name);
    return name;
  }
}

/** The refusals of the armor: operation limits, demand control, rate budgets and bounded work. */
export const ARMOR_CODES: ReadonlySet<string> = new Set(
  Object.keys(ERROR_CODES).filter(
    (code) =>
      /^MAX_\w+_EXCEEDED$/.test(code) ||
      ['PAYLOAD_TOO_LARGE', 'COST_ESTIMATED_TOO_EXPENSIVE', 'RATE_LIMITED', 'RESULT_TOO_LARGE', 'DEADLINE_EXCEEDED'].includes(code),
  ),
);

/** How a request ended: answered without errors, with some, refused by the armor, or failed (no data, or HTTP 4xx/5xx). */
export type Outcome = 'ok' | 'partial' | 'rejected' | 'error';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const QUERY_SECONDS = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5];

/**
 * The metrics of one service, in a registry of its own (the in-process graph runs five
 * services in one process, so none uses prom-client's global registry); served on /metrics.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly operations = new OperationLabels();
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly requestDuration: Histogram<'operation' | 'outcome'>;
  readonly rejections: Counter<'reason'>;
  readonly estimatedCost: Histogram;
  private fetches?: { duration: Histogram<'subgraph'>; errors: Counter<'subgraph' | 'code'> };

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
    this.requests = new Counter({
      name: `${METRIC_PREFIX}requests_total`,
      help: 'GraphQL requests served, by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.requestDuration = new Histogram({
      name: `${METRIC_PREFIX}request_duration_seconds`,
      help: 'Time from a GraphQL request’s arrival to its answer, by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: SECONDS,
      registers,
    });
    this.rejections = new Counter({
      name: `${METRIC_PREFIX}armor_rejections_total`,
      help: 'Requests refused by the armor, by the code of the refusal',
      labelNames: ['reason'],
      registers,
    });
    this.estimatedCost = new Histogram({
      name: `${METRIC_PREFIX}estimated_cost`,
      help: 'Estimated cost of the operations demand control weighed',
      buckets: [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 50000, 100000],
      registers,
    });
  }

  /** The gateway's: each subgraph fetch's duration and failures. */
  subgraphFetches(): NonNullable<ServiceMetrics['fetches']> {
    return (this.fetches ??= {
      duration: new Histogram({
        name: `${METRIC_PREFIX}subgraph_fetch_duration_seconds`,
        help: 'Time the gateway waited for a subgraph’s answer, by subgraph',
        labelNames: ['subgraph'],
        buckets: SECONDS,
        registers: [this.registry],
      }),
      errors: new Counter({
        name: `${METRIC_PREFIX}subgraph_fetch_errors_total`,
        help: 'Subgraph fetches that failed (timeout, unavailable, other), by subgraph',
        labelNames: ['subgraph', 'code'],
        registers: [this.registry],
      }),
    });
  }

  /** A subgraph's: its database's statements and pool. Returns the observer the statements report to. */
  watchDatabase(dataSource: DataSource): StatementObserver {
    const duration = new Histogram<'statement' | 'outcome'>({
      name: `${METRIC_PREFIX}db_query_duration_seconds`,
      help: 'Time of each SQL statement, by its kind (select, insert, …) and outcome',
      labelNames: ['statement', 'outcome'],
      buckets: QUERY_SECONDS,
      registers: [this.registry],
    });
    new Gauge<'state'>({
      name: `${METRIC_PREFIX}db_pool_connections`,
      help: 'Database connections of the pool: open, idle among them, the most it opens, and callers waiting for one',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const stats = poolStats(dataSource);
        this.set({ state: 'open' }, stats.open);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'max' }, stats.max);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    });
    const observer: StatementObserver = (kind, seconds, failed) =>
      duration.observe({ statement: kind, outcome: failed ? 'error' : 'ok' }, seconds);
    instrumentStatements(dataSource, observer);
    return observer;
  }

  /**
   * A gauge of the service's own, read when /metrics is scraped: `read` gives each label
   * value's figure (the analytics read model's lag per feed, for one).
   */
  gauge(name: string, help: string, label: string, read: () => Promise<Record<string, number>>): void {
    new Gauge<string>({
      name: `${METRIC_PREFIX}${name}`,
      help,
      labelNames: [label],
      registers: [this.registry],
      async collect() {
        for (const [value, figure] of Object.entries(await read())) this.set({ [label]: value }, figure);
      },
    });
  }

  /** One served request. */
  observeRequest(operation: string, outcome: Outcome, seconds: number, codes: Iterable<string>, cost: number | undefined): void {
    this.requests.inc({ operation, outcome });
    this.requestDuration.observe({ operation, outcome }, seconds);
    for (const code of codes) if (ARMOR_CODES.has(code)) this.rejections.inc({ reason: code });
    if (cost !== undefined) this.estimatedCost.observe(cost);
  }
}
