export * from './sample';
