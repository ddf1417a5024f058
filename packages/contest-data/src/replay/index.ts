export * from './replay';
export { buildWorld, TRACKS, type World } from './world';
