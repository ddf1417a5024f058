export * from './replay';
export * from './identities';
