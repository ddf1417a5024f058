export { type AnalyticsOptions, type AnalyticsService, DEFAULT_ANALYTICS, createServer, buildSchema, databaseSchema } from './server';
export { FEEDS, type FeedChange, type FeedName, applyChanges } from './projection/projections';
