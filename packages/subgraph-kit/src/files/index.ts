export * from './kit';
export * from './storage';
export * from './tokens';
export * from './transfer';
export * from './routes';
