export { createServer, buildSchema, databaseSchema, type SubmissionsDeps } from './server';
