import {
  PeerClient,
  type SchemaDeps,
  type Service,
  type SubgraphDeps,
  buildFederatedSchema,
  subgraphServer,
} from '@meritgraph/subgraph-kit';
import { CubeResolver } from './cube/cube.resolver';
import { CubeService } from './cube/cube.service';
import { QuestionsResolver } from './cube/questions.resolver';
import { QuestionsService } from './cube/questions.service';
import { ExportResolver } from './exports/export.resolver';
import { ExportService } from './exports/export.service';
import { SavedQueriesResolver } from './exports/saved-queries.resolver';
import { SavedQueriesService } from './exports/saved-queries.service';
import { FeedConsumer } from './feeds/consumer';
import { AnalyticsStatusResolver } from './feeds/status.resolver';
import { ContestRef, ExpertRef, OrganizationRef, ReviewRoundRef, SubmissionRef, TrackRef } from './references';

export { schema as databaseSchema } from './database';

/** How the read model runs: how often it reads the feeds, and the smallest cell shown to callers who may not see the records. */
export interface AnalyticsOptions {
  /** Milliseconds between reads of the feeds; null reads only when asked (tests call catchUp). */
  pollMs: number | null;
  minimumCell: number;
}

export const DEFAULT_ANALYTICS: AnalyticsOptions = { pollMs: 500, minimumCell: 5 };

/** The analytics service: a subgraph, and the reader of the change feeds behind it. */
export interface AnalyticsService extends Service {
  consumer: FeedConsumer;
}

function schemaWith(consumer: FeedConsumer, options: AnalyticsOptions) {
  return ({ dataSource, clock }: SchemaDeps) => {
    const cubes = new CubeService(dataSource, options.minimumCell);
    const saved = new SavedQueriesService(dataSource, clock);
    return buildFederatedSchema({
      resolvers: [
        new CubeResolver(cubes),
        new QuestionsResolver(new QuestionsService(dataSource, options.minimumCell)),
        new AnalyticsStatusResolver(consumer),
        new ExportResolver(new ExportService(dataSource, cubes, saved)),
        new SavedQueriesResolver(saved),
      ],
      orphanedTypes: [ContestRef, TrackRef, ReviewRoundRef, OrganizationRef, ExpertRef, SubmissionRef],
    });
  };
}

const consumerOf = (deps: Pick<SchemaDeps, 'dataSource' | 'peers' | 'clock'>, pollMs: number | null) =>
  new FeedConsumer(deps.dataSource, (feed) => deps.peers(feed), deps.clock, { pollMs });

/** The subgraph's schema; needs a DataSource but not a connection, so composition can build it offline. */
export function buildSchema(deps: SchemaDeps) {
  return schemaWith(consumerOf(deps, null), DEFAULT_ANALYTICS)(deps);
}

/** The service: the subgraph on its database, reading the feeds from when it starts until it stops. */
export async function createServer(deps: SubgraphDeps & { analytics?: Partial<AnalyticsOptions> }): Promise<AnalyticsService> {
  const options = { ...DEFAULT_ANALYTICS, ...deps.analytics };
  const clock = deps.clock ?? (() => new Date());
  const peers = (target: string) => new PeerClient('analytics', target, deps.peers ?? {}, deps.auth.internal, deps.peerTimeoutMs);
  const consumer = consumerOf({ dataSource: deps.db.dataSource, peers, clock }, options.pollMs);
  const lag = {
    name: 'analytics_feed_lag_changes',
    help: 'Changes each subgraph’s feed had committed but the analytics read model had not applied, as of its last read',
    label: 'feed',
    read: async () => Object.fromEntries((await consumer.lag()).map((l) => [l.feed, l.lag])),
  };
  const service = await subgraphServer('analytics', schemaWith(consumer, options), { gauges: [lag] })(deps);
  return {
    ...service,
    consumer,
    start: async (port, host) => {
      const url = await service.start(port, host);
      consumer.start();
      return url;
    },
    stop: async () => {
      await consumer.stop();
      await service.stop();
    },
  };
}
