export * from './storage';
export * from './tokens';
