export * from './replay';
export { buildWorld, TRACKS, type World } from './world';
export * from './run';
export * from './template';
export { FIRST_YEAR, LAST_YEAR, type Season, checkYears, parseYears, seasonCode, syntheticSeason } from './season';
