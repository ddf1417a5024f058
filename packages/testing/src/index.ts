export * from './client';
export * from './graph';
export * from './factories';
