import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONTEST_CODE, configuredLocation, figuresTable, replayInto } from '@meritgraph/contest-data';

/** The repository root (this file runs from packages/bench/dist). */
export const ROOT = resolve(__dirname, '../../..');
/** Where the benchmark keeps its data sets, one folder of SQLite files per scale (git-ignored). */
export const BENCH_DIR = resolve(ROOT, '.bench');
export const dataDir = (scale: number): string => resolve(BENCH_DIR, `scale-${scale}`);

/** Written once a replay into the folder has finished: a folder without it holds an interrupted replay. */
const MARKER = 'replayed.json';

export interface DataSet {
  scale: number;
  dir: string;
  /** Seconds the replay took: just now, or when the folder was made. */
  replaySeconds: number;
  replayedNow: boolean;
  /** Whether the replay reached the report's figures (scaled). */
  figuresOk: boolean;
  replayedAt: string;
}

interface Marker {
  scale: number;
  seed: number;
  replaySeconds: number;
  figuresOk: boolean;
  replayedAt: string;
}

/**
 * The data set of one scale: the 2019 contest replayed through the API (the default seed) into
 * .bench/scale-<N> on embedded SQLite, unless a finished replay is there already (or `fresh`).
 * The replay prints each step as it goes, and a line every 30 s while a long step runs.
 */
export async function ensureData(scale: number, fresh: boolean, log: (line: string) => void): Promise<DataSet> {
  const dir = dataDir(scale);
  const markerFile = resolve(dir, MARKER);
  if (!fresh && existsSync(markerFile)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
    log(
      `scale ${scale}: the data set in ${dir} is there (replayed ${marker.replayedAt} in ${marker.replaySeconds.toFixed(0)} s); --fresh replays it again`,
    );
    return {
      scale,
      dir,
      replaySeconds: marker.replaySeconds,
      replayedNow: false,
      figuresOk: marker.figuresOk,
      replayedAt: marker.replayedAt,
    };
  }
  // Embedded SQLite in the folder, whatever DATABASE_URL the shell has.
  const location = configuredLocation({ DATA_DIR: dir });
  log(`scale ${scale}: replaying the 2019 contest into ${dir} (seed 2019)${scale > 1 ? '; this takes a while' : ''}`);
  const started = Date.now();
  const heartbeat = setInterval(() => log(`scale ${scale}: still replaying, ${elapsed(started)} so far`), 30_000);
  let run;
  try {
    // A folder without the marker holds an interrupted replay: it starts from scratch.
    run = await replayInto(location, { scale, fresh: true, log: (line) => log(`scale ${scale}: ${line}`) });
  } finally {
    clearInterval(heartbeat);
  }
  const replaySeconds = (Date.now() - started) / 1000;
  if (!run.result) throw new Error(`The replay into ${dir} found the contest already there after wiping it`);
  const { lines, ok } = figuresTable(run.result.figures, scale);
  for (const line of lines) log(`scale ${scale}: ${line}`);
  log(`scale ${scale}: replayed in ${elapsed(started)}${ok ? '' : ' — THE FIGURES DIFFER FROM THE REPORT’S (see ✗ above)'}`);
  const marker: Marker = { scale, seed: 2019, replaySeconds, figuresOk: ok, replayedAt: new Date().toISOString() };
  writeFileSync(markerFile, `${JSON.stringify(marker, null, 2)}\n`);
  return { scale, dir, replaySeconds, replayedNow: true, figuresOk: ok, replayedAt: marker.replayedAt };
}

export { CONTEST_CODE };

export function elapsed(since: number): string {
  const s = Math.round((Date.now() - since) / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
