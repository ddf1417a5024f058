export * from './sheet';
export * from './route';
