export * from './replay';
export { buildWorld, TRACKS, type World } from './world';
export * from './run';
