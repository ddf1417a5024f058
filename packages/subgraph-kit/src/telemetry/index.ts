export * from './logger';
export * from './metrics';
export * from './request';
export * from './sdk';
export * from './service-telemetry';
export * from './tracing';
