export { createServer, fetchWithTimeout, type GatewayDeps } from './server';
export { SUPERGRAPH_FILE, apiSchema, breakingChanges, composeSupergraph, readSupergraph, subgraphSdls } from './supergraph';
