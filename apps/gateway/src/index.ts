export { createServer, type GatewayDeps } from './server';
export { fetchWithTimeout } from './subgraph-source';
export { SUPERGRAPH_FILE, readSupergraph } from './supergraph-file';
