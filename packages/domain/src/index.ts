export * from './errors';
export * from './validation';
export * from './lifecycle';
export * from './model';
export * from './pagination';
export * from './credit-code';
export * from './text';
export * from './access';
