export * from './subgraphs';
export * from './compose';
export * from './client';
export * from './graph';
export * from './breaking-changes';
