export * from './args';
export * from './format';
export * from './operations';
export * from './proc';
export * from './schema-check';
export * from './stats';
export * from './parity';
