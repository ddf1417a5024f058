export { createServer, type GatewayDeps } from './server';
export { fetchWithTimeout } from './subgraph-source';
export { SUPERGRAPH_FILE, readSupergraph } from './supergraph-file';
export { PASS_THROUGH_POINTS } from './pass-through-routes';
