export { createServer, buildSchema, databaseSchema, type HonorsDeps } from './server';
