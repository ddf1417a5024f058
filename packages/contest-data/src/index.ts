export * from './sample';
export * from './replay';
