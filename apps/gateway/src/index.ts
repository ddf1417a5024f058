export { createServer, fetchWithTimeout, type GatewayDeps } from './server';
export { SUPERGRAPH_FILE, composeSupergraph, readSupergraph, subgraphSdls } from './supergraph';
