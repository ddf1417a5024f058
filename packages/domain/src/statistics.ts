/**
 * The figures the analytics subgraph answers dimensional questions with: measures over a
 * cube cell's records, histograms, time-series buckets, competition ranks, how harsh each
 * judge is next to co-raters, how far a panel agrees, and which small cells to suppress.
 *
 * Pure functions, no I/O and no clock. Every published figure is rounded as in aggregation.ts
 * (roundFigure, four decimals), and bad input is refused with BAD_USER_INPUT naming the field.
 */
export { type Rating } from './statistics/ratings';
export * from './statistics/measure';
export * from './statistics/harshness';
export * from './statistics/panel';
export * from './statistics/disclosure';
export * from './statistics/time';
