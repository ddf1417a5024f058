import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingHttpHeaders } from 'node:http';
import { type WorkEnv, loadConfig, workEnv } from '@meritgraph/config';
import { DomainError } from '@meritgraph/domain';
import type { BeforeQueryEvent, DataSource, EntitySubscriberInterface } from 'typeorm';
import type { RequestContext } from './context';
import { HttpError } from './http';
import { LoaderRegistry } from './loaders';

/**
 * Sent by the gateway with each subgraph request: the instant, in epoch milliseconds, at
 * which it stops waiting for the answer. Work done after it is thrown away, so the subgraph
 * stops there. The hosts' clocks must agree (NTP); a deadline can only shorten a request.
 */
export const DEADLINE_HEADER = 'x-meritgraph-deadline';

/** The header the gateway sends with a subgraph request it waits `timeoutMs` for. */
export const deadlineHeaders = (timeoutMs: number, now: number = Date.now()): Record<string, string> => ({
  [DEADLINE_HEADER]: String(Math.floor(now + timeoutMs)),
});

/** The deadline a request carries, or undefined when it carries none; a malformed one is refused. */
export function requestedDeadline(headers: IncomingHttpHeaders): number | undefined {
  const value = headers[DEADLINE_HEADER];
  if (value === undefined) return undefined;
  const deadline = typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(deadline)) throw new HttpError(400, 'BAD_REQUEST', `${DEADLINE_HEADER} must be epoch milliseconds`);
  return deadline;
}

/** How much work one request may make a subgraph do. */
export interface WorkBounds {
  /** Wall time from arrival; the gateway's deadline shortens it, never lengthens it. */
  executionTimeoutMs: number;
  /** Objects (values of object, interface or union type) one response may hold. */
  maxResponseObjects: number;
}

export const workFrom = (env: WorkEnv): WorkBounds => ({
  executionTimeoutMs: env.EXECUTION_TIMEOUT_MS,
  maxResponseObjects: env.MAX_RESPONSE_OBJECTS,
});

export const DEFAULT_WORK_BOUNDS: WorkBounds = workFrom(loadConfig(workEnv, {}));

/**
 * The work of one request: its deadline and the objects its response holds so far. Once
 * either is past, the request is stopped for good: every later check throws the reason, so
 * no resolver starts and no statement is sent. `signal` aborts with that reason too, for
 * work that can be cancelled (a fetch).
 */
export class RequestWork {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout | undefined;
  private objects = 0;

  constructor(
    readonly deadline: number,
    readonly maxObjects: number,
    private readonly now: () => number = Date.now,
  ) {
    const left = deadline - now();
    if (left > 0) {
      this.timer = setTimeout(() => this.stop(this.lateError()), left);
      this.timer.unref();
    }
  }

  /** The work of a request arriving now: the earlier of its own timeout and the deadline it carries. */
  static start(bounds: WorkBounds, requested?: number, now: () => number = Date.now): RequestWork {
    const own = now() + bounds.executionTimeoutMs;
    return new RequestWork(requested === undefined ? own : Math.min(own, requested), bounds.maxResponseObjects, now);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why the request was stopped, or undefined while it runs. */
  get stopped(): DomainError | undefined {
    return this.controller.signal.aborted ? (this.controller.signal.reason as DomainError) : undefined;
  }

  /** Throws the reason the request was stopped, if it was (or its deadline has just passed). */
  check(): void {
    if (!this.controller.signal.aborted && this.now() >= this.deadline) this.stop(this.lateError());
    const reason = this.stopped;
    if (reason) throw reason;
  }

  /** Counts objects into the response; past the bound the request stops with RESULT_TOO_LARGE. */
  add(objects: number): void {
    this.objects += objects;
    if (this.objects > this.maxObjects) {
      this.stop(
        new DomainError(
          'RESULT_TOO_LARGE',
          `The response would hold more than ${this.maxObjects} objects; ask for smaller pages`,
          undefined,
          {
            limit: this.maxObjects,
          },
        ),
      );
    }
    this.check();
  }

  /** The request is answered: nothing is left to stop. */
  finish(): void {
    clearTimeout(this.timer);
  }

  private stop(reason: DomainError): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }

  private lateError(): DomainError {
    return new DomainError('DEADLINE_EXCEEDED', 'The request ran past its deadline, so the subgraph stopped working on it', undefined, {
      deadline: new Date(this.deadline).toISOString(),
    });
  }
}

/** A subgraph's request context: what resolvers see, and what the kit keeps about the request. */
export interface SubgraphContext extends RequestContext {
  work: RequestWork;
  /** Called with a token the graph signed (see Caller). */
  internal: boolean;
}

/** The work of a context the kit built, or undefined (the gateway's, a spec's). */
export const workOf = (context: unknown): RequestWork | undefined => (context as Partial<SubgraphContext> | undefined)?.work;

/** Every batch a request's loaders send first checks that the request may still work. */
export class BoundedLoaderRegistry extends LoaderRegistry {
  constructor(private readonly work: RequestWork) {
    super();
  }

  override get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>) {
    return super.get<K, V>(name, async (keys) => {
      this.work.check();
      return batch(keys);
    });
  }
}

const current = new AsyncLocalStorage<RequestWork>();

/** Runs `fn` as the work of one request, so the statements it sends are checked against it. */
export const withinWork = <R>(work: RequestWork, fn: () => Promise<R>): Promise<R> => current.run(work, fn);

/** The work of the request being served here, if any: for calls it makes onwards (a peer read) to share its deadline. */
export const currentWork = (): RequestWork | undefined => current.getStore();

// Ending a transaction is never refused: a stopped request must still roll back what it began.
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE SAVEPOINT)\b/i;

class StatementGuard implements EntitySubscriberInterface {
  beforeQuery(event: BeforeQueryEvent): void {
    if (!TRANSACTION_CONTROL.test(event.query)) currentWork()?.check();
  }
}

/**
 * Refuses, before it is sent, every statement of a request that was stopped: the one check
 * that covers paginated reads and services' own queries as well as the loaders.
 */
export function guardStatements(dataSource: DataSource): void {
  if (!dataSource.subscribers.some((s) => s instanceof StatementGuard)) dataSource.subscribers.push(new StatementGuard());
}
