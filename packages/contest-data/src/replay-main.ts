/**
 * npm run replay [-- --scale N] [--seed S] [--fresh]
 *
 * Replays the 2019 contest through the gateway into the platform's databases (embedded
 * SQLite in DATA_DIR, or MySQL/MariaDB when DATABASE_URL is set), printing each step with
 * its count and time, then the figures reached against the report's. Exits non-zero when
 * any figure differs.
 */
import { configuredLocation, figuresTable, replayInto } from './replay';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} takes a positive whole number`);
    process.exit(2);
  }
  return value;
}

async function main() {
  const scale = option('scale', 1);
  const seed = option('seed', 2019);
  const fresh = process.argv.includes('--fresh');
  const location = configuredLocation();
  const where = location.url
    ? `MySQL ${location.url.replace(/\/\/[^@]*@/, '//')} (databases ${location.prefix}*)`
    : `SQLite in ${location.dataDir}`;
  console.log(`Replaying the 2019 contest at scale ${scale} (seed ${seed}) into ${where}${fresh ? ', from scratch' : ''}\n`);
  const started = Date.now();
  const run = await replayInto(location, { scale, seed, fresh, log: (line) => console.log(line) });
  if (!run.replayed) {
    console.error(`The data already holds the 2019 contest; run with --fresh to replace it.`);
    process.exit(2);
  }
  const { lines, ok } = figuresTable(run.result!.figures, scale);
  console.log(`\nFigures reached (scale ${scale}), in ${((Date.now() - started) / 1000).toFixed(1)} s:\n${lines.join('\n')}`);
  if (!ok) {
    console.error('\nThe replay did not reach the report’s figures.');
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
