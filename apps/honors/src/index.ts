export { createServer, buildSchema, databaseSchema } from './server';
