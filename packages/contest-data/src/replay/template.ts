/**
 * A replay made once and copied many times. Where `REPLAY_TEMPLATES` names a folder (the test
 * run sets one), the first caller for a given set of options replays into template databases
 * and every caller, the first included, gets its own copy: SQLite files copied, or MySQL
 * tables copied inside the server. Callers in other processes wait for the template rather than
 * replaying again. Without the setting, each call replays, as replayInto does.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUBGRAPH_NAMES } from '@meritgraph/config';
import { type DatabaseLocation, copyMysqlDatabase, databaseTarget, dropMysqlDatabase } from '@meritgraph/db';
import { replayInto } from './run';

export interface TemplateOptions {
  scale?: number;
  seed?: number;
  years?: readonly number[];
}

/** How long a caller waits for another process's template. */
const WAIT_MS = 40 * 60_000;

const keyOf = (location: DatabaseLocation, options: TemplateOptions): string =>
  [location.url ? 'mysql' : 'sqlite', `s${options.scale ?? 1}`, `r${options.seed ?? 'default'}`, `y${(options.years ?? []).join('-')}`]
    .join('_')
    .replace(/[^a-z0-9_-]/gi, '');

export interface TemplateSource {
  /** The folder of the run's templates; REPLAY_TEMPLATES when absent. */
  root?: string;
  /** What makes a template; the replay itself when absent. */
  replay?: (location: DatabaseLocation, options: TemplateOptions) => Promise<unknown>;
}

/** Replays the contest into `location` (empty databases), from the run's template when there is one. */
export async function replayCopy(location: DatabaseLocation, options: TemplateOptions = {}, source: TemplateSource = {}): Promise<void> {
  const root = source.root ?? process.env.REPLAY_TEMPLATES ?? '';
  const replay = source.replay ?? replayInto;
  if (!root) {
    await replay(location, options);
    return;
  }
  const template = await templateOf(join(root, keyOf(location, options)), location, (made) => replay(made, options));
  for (const name of SUBGRAPH_NAMES) {
    const from = databaseTarget(name, template);
    const to = databaseTarget(name, location);
    if (from.kind === 'mysql' && to.kind === 'mysql') await copyMysqlDatabase(to.server, from.database, to.database);
    else if (from.kind === 'sqlite' && to.kind === 'sqlite' && to.file !== ':memory:') {
      mkdirSync(location.dataDir, { recursive: true });
      for (const suffix of ['', '-wal', '-shm']) if (existsSync(from.file + suffix)) copyFileSync(from.file + suffix, to.file + suffix);
    } else
      throw new Error(
        `A replay template cannot be copied into ${to.kind === 'sqlite' ? 'an in-memory database' : 'another kind of database'}`,
      );
  }
  // The files kept in the template's data folder (the notices' attachments), with the data.
  const files = join(template.dataDir, 'files');
  if (template.dataDir !== ':memory:' && location.dataDir !== ':memory:' && existsSync(files))
    cpSync(files, join(location.dataDir, 'files'), { recursive: true });
}

async function templateOf(
  dir: string,
  like: DatabaseLocation,
  make: (template: DatabaseLocation) => Promise<unknown>,
): Promise<DatabaseLocation> {
  const done = join(dir, 'template.json');
  const failed = join(dir, 'failed.txt');
  let owner = false;
  try {
    mkdirSync(dir, { recursive: false });
    owner = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (owner) {
    const template: DatabaseLocation = like.url
      ? { url: like.url, prefix: `mgtpl_${randomBytes(4).toString('hex')}_`, dataDir: join(dir, 'data'), log: 'none' }
      : { prefix: '', dataDir: join(dir, 'data'), log: 'none' };
    // Written first, so that the run's teardown finds a half-made template's databases too.
    writeFileSync(join(dir, 'location.json'), JSON.stringify(template));
    try {
      mkdirSync(template.dataDir);
      await make(template);
      writeFileSync(done, JSON.stringify(template));
      return template;
    } catch (error) {
      writeFileSync(failed, error instanceof Error ? (error.stack ?? error.message) : String(error));
      throw error;
    }
  }
  for (const started = Date.now(); Date.now() - started < WAIT_MS; await new Promise((resolve) => setTimeout(resolve, 250))) {
    if (existsSync(done)) return JSON.parse(readFileSync(done, 'utf8')) as DatabaseLocation;
    if (existsSync(failed)) throw new Error(`The replay template failed in another process:\n${readFileSync(failed, 'utf8')}`);
  }
  throw new Error(`The replay template at ${dir} was not ready within ${WAIT_MS / 60_000} minutes`);
}

/** Removes every template under `root`: its files, and its MySQL databases. */
export async function removeReplayTemplates(root: string): Promise<void> {
  if (!existsSync(root)) return;
  for (const key of readdirSync(root)) {
    const file = join(root, key, 'location.json');
    if (!existsSync(file)) continue;
    const template = JSON.parse(readFileSync(file, 'utf8')) as DatabaseLocation;
    for (const name of SUBGRAPH_NAMES) {
      const target = databaseTarget(name, template);
      if (target.kind === 'mysql') await dropMysqlDatabase(target.server, target.database);
    }
  }
  rmSync(root, { recursive: true, force: true });
}
