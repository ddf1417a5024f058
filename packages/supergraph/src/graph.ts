import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type AuthEnv, SUBGRAPH_NAMES, type SubgraphName, authEnv, loadConfig } from '@meritgraph/config';
import type { Identity, Role } from '@meritgraph/domain';
import { type DatabaseLocation, type OpenDatabase, dropMysqlDatabase, openDatabase } from '@meritgraph/db';
import type { AnalyticsService } from '@meritgraph/analytics';
import * as gateway from '@meritgraph/gateway';
import {
  type MailSender,
  type Notifier,
  type NotifierLogger,
  createNotifier,
  databaseSchema as notifierSchema,
} from '@meritgraph/notifier';
import {
  DEFAULT_WORK_BOUNDS,
  PeerClient,
  type DemandControlOptions,
  type FileKit,
  LocalStorage,
  type Logger,
  type Service,
  type ServiceAuth,
  serviceAuth,
  temporaryFileKit,
} from '@meritgraph/subgraph-kit';
import { GraphClient } from './client';
import { SUBGRAPH_MODULES } from './subgraphs';

export interface RunningSubgraph {
  service: Service;
  db: OpenDatabase;
  url: string;
}

/** The whole graph in one process: the five subgraphs and the gateway, on one clock. */
export interface InProcessGraph {
  /**
   * The gateway, as the contest office (ADMIN) calls it, with a development token. Unavailable
   * (reading it throws) when the graph trusts a provider's JWKS (options.auth.JWT_JWKS_URL).
   */
  gateway: GraphClient;
  /** The gateway, called with no token. */
  anonymous: GraphClient;
  /** The gateway, called with a development token for these roles and claims; rejects when the graph trusts a JWKS. */
  as(roles: Role | Role[], claims?: Omit<Identity, 'roles' | 'service'>): Promise<GraphClient>;
  /** The tokens of this graph, on this process's random stand-in secrets (DEV_JWT_SECRET, DEV_INTERNAL_SECRET). */
  auth: ServiceAuth;
  gatewayUrl: string;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** A client calling one subgraph directly, bypassing the gateway. */
  direct(subgraph: SubgraphName): GraphClient;
  /** SQL statements sent per subgraph since the last reset. */
  statements(): Record<SubgraphName, number>;
  resetStatements(): void;
  /** The analytics read model: catchUp reads every change feed to its head (the graph reads them only when asked, unless started with analytics.pollMs). */
  analytics: { catchUp(): Promise<void>; rebuild(): Promise<void> };
  /** Fixes the time the subgraphs judge rules at; null returns to the real clock. */
  setNow(at: Date | null): void;
  /** Where the subgraphs that keep files keep them: a temporary folder each, unless given (options.files). */
  files: Record<FileSubgraph, FileKit>;
  /** The notifier, when started with options.notifier: catchUp reads the feeds into notifications (unless it polls). */
  notifier?: Notifier;
  stop(): Promise<void>;
}

/**
 * A file kit whose files live in the location's data folder (<dataDir>/files/<subgraph>, as
 * DATA_DIR/files does for a service), so that data replayed into the location keeps them,
 * on SQLite and MySQL alike; a temporary folder when the location has none (':memory:').
 */
function keptBeside(location: DatabaseLocation, subgraph: FileSubgraph): FileKit {
  const kit = temporaryFileKit();
  if (location.dataDir === ':memory:') return kit;
  return { ...kit, storage: new LocalStorage(join(location.dataDir, 'files', subgraph)) };
}

/** The subgraphs that keep files. */
export type FileSubgraph = 'submissions' | 'honors' | 'organizations';

/**
 * Where a test graph keeps its data: in-memory SQLite by default; fresh MySQL databases,
 * dropped on stop, when DATABASE_URL is set (as CI does).
 */
export function throwawayLocation(): DatabaseLocation {
  const url = process.env.DATABASE_URL;
  return url
    ? { url, prefix: `mgtest_${randomBytes(4).toString('hex')}_`, dataDir: ':memory:', log: 'none' }
    : { prefix: '', dataDir: ':memory:', log: 'none' };
}

export interface GraphOptions {
  /** Where the data lives; a throwaway database (dropped on stop) when absent. */
  location?: DatabaseLocation;
  /** How long the gateway waits for a subgraph; bulk loads at scale need longer than a client would. */
  subgraphTimeoutMs?: number;
  /** The gateway's cost budgets and hourly points; the defaults when absent. */
  demand?: DemandControlOptions;
  /**
   * How often the analytics read model reads the change feeds (only when asked, analytics.catchUp,
   * when absent), and the fewest records of a cell it shows callers who may not see them.
   */
  analytics?: { pollMs?: number | null; minimumCell?: number };
  /** Where the services write their log lines (each names itself in `service`); the process's logger when absent. */
  logger?: Logger;
  /**
   * Whom the graph trusts for client tokens, over the stand-ins: a provider's JWKS (RS256), its
   * issuer and the audience. With a JWKS set the graph signs no development tokens, so `gateway`
   * and `as` are unavailable; tokens come from that provider.
   */
  auth?: Partial<Pick<AuthEnv, 'JWT_JWKS_URL' | 'JWT_ISSUER' | 'JWT_AUDIENCE'>>;
  /** Where the subgraphs that keep files keep them (an S3 bucket, a smaller limit…); a temporary folder each when absent. */
  files?: Partial<Record<FileSubgraph, FileKit>>;
  /** Runs the notifier on its own database, mailing through `mail`; it reads the feeds only when asked (notifier.catchUp) unless pollMs is given. */
  notifier?: { mail: MailSender; pollMs?: number | null; logger?: NotifierLogger };
}

/**
 * Starts the four subgraphs and the gateway in one process, with one clock they all judge
 * rules by. Tests run it on throwaway databases; the 2019 replay runs it on the data it
 * keeps, so that it can live through 2019 on that clock.
 */
export async function startGraph(options: GraphOptions = {}): Promise<InProcessGraph> {
  const throwaway = !options.location;
  const location = options.location ?? throwawayLocation();
  // No installation's secrets: the config's stand-ins, random in each process (so in each test file).
  const trusted = Object.fromEntries(Object.entries(options.auth ?? {}).filter(([, value]) => value !== undefined));
  const auth = serviceAuth(loadConfig(authEnv, trusted));
  const peers: Partial<Record<SubgraphName, string>> = {};
  let now: Date | null = null;
  const clock = () => now ?? new Date();
  const running = {} as Record<SubgraphName, RunningSubgraph>;
  const files: Record<FileSubgraph, FileKit> = {
    submissions: options.files?.submissions ?? temporaryFileKit(),
    honors: options.files?.honors ?? temporaryFileKit(),
    organizations: options.files?.organizations ?? keptBeside(location, 'organizations'),
  };
  let gatewayService: Service | undefined;
  let notifier: { service: Notifier; db: OpenDatabase } | undefined;
  const stop = async () => {
    await gatewayService?.stop();
    if (notifier) {
      await notifier.service.stop();
      await notifier.db.dataSource.destroy();
      if (throwaway && notifier.db.target.kind === 'mysql') await dropMysqlDatabase(notifier.db.target.server, notifier.db.target.database);
    }
    // Last started, first stopped: analytics reads the others' feeds until it stops.
    for (const name of [...SUBGRAPH_NAMES].reverse()) {
      const sub = running[name];
      if (!sub) continue;
      await sub.service.stop();
      if (throwaway && sub.db.target.kind === 'mysql') await dropMysqlDatabase(sub.db.target.server, sub.db.target.database);
    }
    for (const name of ['submissions', 'honors', 'organizations'] as const) if (!options.files?.[name]) await files[name].dispose?.();
  };
  const subgraphTimeoutMs = options.subgraphTimeoutMs ?? 15000;
  // A subgraph stops working on a request a little before the gateway stops waiting for it.
  const work = { ...DEFAULT_WORK_BOUNDS, executionTimeoutMs: Math.max(100, subgraphTimeoutMs - 500) };
  try {
    for (const name of SUBGRAPH_NAMES) {
      const db = await openDatabase(SUBGRAPH_MODULES[name].databaseSchema, location);
      const deps = {
        db,
        auth,
        peers,
        clock,
        work,
        // A read from another subgraph may take as long as the request it serves may run.
        peerTimeoutMs: work.executionTimeoutMs,
        logger: options.logger,
        analytics: { ...options.analytics, pollMs: options.analytics?.pollMs ?? null },
        files: name === 'submissions' || name === 'honors' || name === 'organizations' ? files[name] : undefined,
      };
      const service = await SUBGRAPH_MODULES[name].createServer(deps);
      running[name] = { service, db, url: '' };
      running[name].url = peers[name] = `${await service.start(0)}/graphql`;
    }
    gatewayService = await gateway.createServer({
      supergraphSdl: gateway.readSupergraph(),
      subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, running[n].url])) as Record<SubgraphName, string>,
      subgraphTimeoutMs,
      auth,
      demand: options.demand,
      logger: options.logger,
    });
    const gatewayUrl = `${await gatewayService.start(0)}/graphql`;
    if (options.notifier) {
      const db = await openDatabase(notifierSchema, location);
      const service = createNotifier({
        dataSource: db.dataSource,
        peers: (name) => new PeerClient('notifier', name, peers, auth.internal, work.executionTimeoutMs),
        mail: options.notifier.mail,
        clock,
        pollMs: options.notifier.pollMs ?? null,
        logger: options.notifier.logger,
      });
      notifier = { service, db };
      service.start();
    }
    const anonymous = new GraphClient(gatewayUrl);
    const as = async (roles: Role | Role[], claims: Omit<Identity, 'roles' | 'service'> = {}) =>
      anonymous.with({ authorization: `Bearer ${await auth.client.signDev({ ...claims, roles: [roles].flat() })}` });
    const office = options.auth?.JWT_JWKS_URL ? undefined : await as('ADMIN', { sub: 'office-admin' });
    const graph: InProcessGraph = {
      gateway: office as GraphClient,
      anonymous,
      as,
      auth,
      gatewayUrl,
      subgraphs: running,
      direct: (name) => new GraphClient(running[name].url),
      statements: () => Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, running[n].db.statements.count])) as Record<SubgraphName, number>,
      resetStatements: () => SUBGRAPH_NAMES.forEach((n) => running[n].db.statements.reset()),
      analytics: {
        catchUp: () => (running.analytics.service as AnalyticsService).consumer.catchUp(),
        rebuild: async () => {
          const { consumer } = running.analytics.service as AnalyticsService;
          await consumer.rebuild();
          await consumer.catchUp();
        },
      },
      setNow: (at) => {
        now = at;
      },
      files,
      notifier: notifier?.service,
      stop,
    };
    if (!office) {
      Object.defineProperty(graph, 'gateway', {
        enumerable: false,
        get() {
          throw new Error('This graph trusts a JWKS and signs no development tokens: call it with a token from that provider');
        },
      });
    }
    return graph;
  } catch (error) {
    await stop();
    throw error;
  }
}
