export * from './data-source';
export * from './logger';
export * from './naming';
export * from './ids';
export * from './migrations';
export * from './hydrate';
export * from './locking';
export * from './like';
