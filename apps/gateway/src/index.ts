export { createServer, fetchWithTimeout, type GatewayDeps } from './server';
export { SUPERGRAPH_FILE, readSupergraph } from './supergraph-file';
