export { createServer, buildSchema, databaseSchema, type OrganizationsDeps } from './server';
