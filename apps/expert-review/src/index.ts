export { createServer, buildSchema, databaseSchema, type ExpertReviewDeps } from './server';
