// The in-process graph and its client are runtime code (the replay runs on them); tests reach them through this package.
export {
  GraphClient,
  type GraphError,
  type GraphResponse,
  type InProcessGraph,
  type InProcessGraph as TestGraph,
  type RunningSubgraph,
  type GraphOptions,
  startGraph,
  throwawayLocation,
} from '@meritgraph/supergraph';
export * from './factories';
