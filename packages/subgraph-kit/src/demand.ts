import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLSchema, parse } from 'graphql';
import { Redis } from 'ioredis';
import { type RateLimiterLike, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { type DemandEnv, demandEnv, loadConfig } from '@meritgraph/config';
import { type Identity, ROLES, type Role } from '@meritgraph/domain';
import type { RequestContext } from './context';
import { CostModel, CostPlanCache } from './cost';
import { HttpError, type RequestedOperation } from './http';
import { recordCost } from './telemetry/request';

/** Who is budgeted: each role, and anonymous callers (per client address). */
export type Budgeted = Role | 'ANONYMOUS';
export const BUDGETED: readonly Budgeted[] = ['ANONYMOUS', ...ROLES];

export interface DemandControlOptions {
  /** `enforce` refuses; `measure` only records what it would refuse. */
  mode: 'enforce' | 'measure';
  /** The largest estimated cost of one operation, per role. */
  maxCost: Record<Budgeted, number>;
  /** Points per hour, per role; an operation spends a point per 100 of its estimated cost, at least one. */
  pointsPerHour: Record<Budgeted, number>;
  /** Shares the hourly budgets between replicas; in memory when absent. */
  redisUrl?: string;
  /** Where the budgets live in Redis; replicas that share budgets share it. */
  keyPrefix?: string;
}

/** The budgets as a service's environment sets them (COST_BUDGET_<ROLE>, RATE_POINTS_<ROLE>, DEMAND_CONTROL, REDIS_URL). */
export function demandControlFrom(env: DemandEnv): DemandControlOptions {
  const per = (prefix: string) =>
    Object.fromEntries(BUDGETED.map((who) => [who, env[`${prefix}_${who}` as keyof DemandEnv] as number])) as Record<Budgeted, number>;
  return { mode: env.DEMAND_CONTROL, maxCost: per('COST_BUDGET'), pointsPerHour: per('RATE_POINTS'), redisUrl: env.REDIS_URL };
}

/** The budgets of a service started with no environment. */
export const DEFAULT_DEMAND_CONTROL: DemandControlOptions = demandControlFrom(loadConfig(demandEnv, {}));

/** The caller's budget: that of its most generous role. */
const budgetOf = (identity: Identity, table: Record<Budgeted, number>): { who: Budgeted; value: number } => {
  const roles: readonly Budgeted[] = identity.roles.length ? identity.roles : ['ANONYMOUS'];
  return roles.reduce((best, who) => (table[who] > best.value ? { who, value: table[who] } : best), { who: roles[0]!, value: -1 });
};

/** Points an operation spends: GitHub's unit, a point per hundred objects it may return, at least one. */
export const pointsFor = (estimated: number): number => Math.max(1, Math.ceil(estimated / 100));

/** A request context that knows where its caller calls from. */
export interface AddressedContext extends RequestContext {
  clientAddress: string;
}

/** Whose hourly budget a request spends: the signed-in caller's (by `sub`), or an anonymous caller's address. */
export const budgetKey = ({ identity, clientAddress }: AddressedContext): string =>
  identity.roles.length ? `sub:${identity.sub ?? identity.roles.join('+')}` : `addr:${clientAddress}`;

/** The header a client sends to read `extensions.cost` in the answer. */
export const COST_HEADER = 'x-meritgraph-cost';

interface Spent {
  estimated: number;
  maximum: number;
  limit: number;
  remaining: number;
  resetAt: Date;
}

/**
 * Demand control and rate budgets for one service: each operation's cost is estimated from
 * the schema's @cost and @listSize and the request's variables before it runs; over the
 * caller's maximum it is refused with COST_ESTIMATED_TOO_EXPENSIVE, and it spends points of
 * the caller's hourly budget (429 RATE_LIMITED when they are spent). Answers carry the
 * RateLimit-* headers, and `extensions.cost` when the client asks with `x-meritgraph-cost: on`.
 */
export class DemandControl<TContext extends RequestContext = RequestContext> {
  private plans?: CostPlanCache;
  private readonly limiters: Record<Budgeted, RateLimiterLike>;
  private readonly redis?: Redis;
  /** Operations over a maximum, by role, whether refused or (in `measure` mode) only counted. */
  readonly overBudget: Partial<Record<Budgeted, number>> = {};

  constructor(
    private readonly options: DemandControlOptions,
    /** The key of a caller's hourly budget; anonymous callers are told apart by client address. */
    private readonly keyOf: (context: TContext) => string,
    /** Callers outside demand control (a subgraph's own graph, whose gateway already budgeted them). */
    private readonly exempt: (context: TContext) => boolean = () => false,
  ) {
    if (options.redisUrl)
      this.redis = new Redis(options.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
    const limiter = (who: Budgeted): RateLimiterLike => {
      const opts = { keyPrefix: `${options.keyPrefix ?? 'meritgraph:rate'}:${who}`, points: options.pointsPerHour[who], duration: 3600 };
      return this.redis ? new RateLimiterRedis({ storeClient: this.redis, ...opts }) : new RateLimiterMemory(opts);
    };
    this.limiters = Object.fromEntries(BUDGETED.map((who) => [who, limiter(who)])) as Record<Budgeted, RateLimiterLike>;
  }

  /** The schema operations are costed against, and the SDL whose @cost and @listSize weigh its fields; until then nothing is costed. */
  useSchema(schema: GraphQLSchema, sdl: string): this {
    this.plans = new CostPlanCache(new CostModel(schema, sdl));
    return this;
  }

  async close(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }

  /**
   * Admits an HTTP batch as a whole: the sum of its operations' estimated costs must stay
   * within the caller's maximum for one operation, or none of them runs. Each operation still
   * spends its own points when it runs. Documents that do not parse are left to their own error.
   */
  readonly admitBatch = async (context: TContext, operations: RequestedOperation[]): Promise<void> => {
    if (!this.plans || this.exempt(context)) return;
    let estimated = 0;
    for (const operation of operations) {
      let document: DocumentNode;
      try {
        document = parse(operation.query);
      } catch {
        continue;
      }
      try {
        estimated += this.plans.plan(operation.query, document, operation.operationName).estimate(operation.variables ?? {});
      } catch {
        // An operation the schema cannot cost (unknown fields, a missing operation name) fails validation when it runs.
      }
    }
    const max = budgetOf(context.identity, this.options.maxCost);
    if (estimated <= max.value) return;
    this.overBudget[max.who] = (this.overBudget[max.who] ?? 0) + 1;
    if (this.options.mode !== 'enforce') return;
    throw new HttpError(
      400,
      'COST_ESTIMATED_TOO_EXPENSIVE',
      `The batch's estimated cost of ${estimated} is over the maximum of ${max.value} for this caller; none of its operations ran`,
      { estimated, maximum: max.value },
    );
  };

  plugin(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async () => {
        let spent: Spent | undefined;
        let plan: ReturnType<CostPlanCache['plan']> | undefined;
        return {
          didResolveOperation: async (ctx) => {
            if (!this.plans || this.exempt(ctx.contextValue) || !ctx.document) return;
            plan = this.plans.plan(ctx.source ?? '', ctx.document, ctx.operationName);
            const estimated = plan.estimate(ctx.request.variables ?? {});
            recordCost(estimated);
            const max = budgetOf(ctx.contextValue.identity, this.options.maxCost);
            if (estimated > max.value) {
              this.overBudget[max.who] = (this.overBudget[max.who] ?? 0) + 1;
              if (this.options.mode === 'enforce') {
                throw new GraphQLError(
                  `The operation's estimated cost of ${estimated} is over the maximum of ${max.value} for this caller`,
                  {
                    extensions: { code: 'COST_ESTIMATED_TOO_EXPENSIVE', estimated, maximum: max.value, http: { status: 400 } },
                  },
                );
              }
            }
            spent = await this.spend(ctx, estimated, max.value);
          },
          willSendResponse: async ({ response, request }) => {
            if (spent) {
              response.http.headers.set('ratelimit-limit', String(spent.limit));
              response.http.headers.set('ratelimit-remaining', String(spent.remaining));
              response.http.headers.set('ratelimit-reset', String(Math.max(0, Math.ceil((spent.resetAt.getTime() - Date.now()) / 1000))));
            }
            if (spent && plan && request.http?.headers.get(COST_HEADER) === 'on' && response.body.kind === 'single') {
              const result = response.body.singleResult;
              result.extensions = {
                ...result.extensions,
                cost: {
                  estimated: spent.estimated,
                  actual: plan.actual(result.data),
                  maximum: spent.maximum,
                  points: pointsFor(spent.estimated),
                },
              };
            }
          },
        };
      },
    };
  }

  /**
   * Spends `points` of the caller's hourly budget for work outside GraphQL (an import, a file
   * moved through the gateway); refused before the work starts with 429 RATE_LIMITED when they
   * are spent.
   */
  async spendOutside(context: TContext, points: number): Promise<void> {
    if (this.exempt(context)) return;
    const who = budgetOf(context.identity, this.options.pointsPerHour).who;
    try {
      await this.limiters[who].consume(this.keyOf(context), points);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      if (this.options.mode === 'measure') return;
      const resetAt = new Date(Date.now() + error.msBeforeNext);
      throw new HttpError(
        429,
        'RATE_LIMITED',
        `The hourly budget of ${this.options.pointsPerHour[who]} points is spent; it renews at ${resetAt.toISOString()}`,
        {
          resetAt: resetAt.toISOString(),
        },
      );
    }
  }

  private async spend(ctx: GraphQLRequestContext<TContext>, estimated: number, maximum: number): Promise<Spent> {
    const who = budgetOf(ctx.contextValue.identity, this.options.pointsPerHour).who;
    const limiter = this.limiters[who];
    const limit = this.options.pointsPerHour[who];
    const key = this.keyOf(ctx.contextValue);
    try {
      const res = await limiter.consume(key, pointsFor(estimated));
      return { estimated, maximum, limit, remaining: res.remainingPoints, resetAt: new Date(Date.now() + res.msBeforeNext) };
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const resetAt = new Date(Date.now() + error.msBeforeNext);
      if (this.options.mode === 'measure') return { estimated, maximum, limit, remaining: 0, resetAt };
      throw new GraphQLError(`The hourly budget of ${limit} points is spent; it renews at ${resetAt.toISOString()}`, {
        extensions: {
          code: 'RATE_LIMITED',
          resetAt: resetAt.toISOString(),
          http: {
            status: 429,
            headers: new Map([
              ['ratelimit-limit', String(limit)],
              ['ratelimit-remaining', '0'],
              ['ratelimit-reset', String(Math.ceil(error.msBeforeNext / 1000))],
              ['retry-after', String(Math.ceil(error.msBeforeNext / 1000))],
            ]),
          },
        },
      });
    }
  }
}
