import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPH_NAMES } from '@meritgraph/config';
import { databaseTarget, dropMysqlDatabase } from '@meritgraph/db';
import { startGraph } from '@meritgraph/supergraph';
import { CONTEST_CODE } from '../src/replay';
import { replayLocation, replayMain } from '../src/replay-main';

/**
 * `npm run replay` on data that already holds the contest, as a deployment's one-shot seed
 * step meets it on every start after the first: with --if-empty it succeeds doing nothing.
 */
describe('replay-main on data that already holds the 2019 contest', () => {
  const env: NodeJS.ProcessEnv = process.env.DATABASE_URL
    ? { DATABASE_URL: process.env.DATABASE_URL, DATABASE_PREFIX: `mgtest_${randomBytes(4).toString('hex')}_` }
    : { DATA_DIR: mkdtempSync(join(tmpdir(), 'mg-replay-main-')) };
  const location = replayLocation(env);
  const output: string[] = [];
  const io = { log: (line: string) => output.push(line), error: (line: string) => output.push(`error: ${line}`) };

  const contents = async () => {
    const graph = await startGraph({ location });
    try {
      return await graph.gateway.data<{ contests: { nodes: { code: string }[] }; organizations: { totalCount: number } }>(
        `{ contests(first: 10) { nodes { code } } organizations(first: 1) { totalCount } }`,
      );
    } finally {
      await graph.stop();
    }
  };

  beforeAll(async () => {
    const graph = await startGraph({ location });
    try {
      await graph.gateway.data(`mutation($input: CreateContestInput!) { createContest(input: $input) { id } }`, {
        input: { code: CONTEST_CODE, name: 'The 2019 contest, already loaded', year: 2019 },
      });
    } finally {
      await graph.stop();
    }
  }, 120_000);

  afterAll(async () => {
    if (!location.url) return rmSync(location.dataDir, { recursive: true, force: true });
    for (const name of SUBGRAPH_NAMES) {
      const target = databaseTarget(name, location);
      if (target.kind === 'mysql') await dropMysqlDatabase(target.server, target.database);
    }
  });

  beforeEach(() => {
    output.length = 0;
  });

  it('exits 0 with --if-empty, says so, and writes nothing', async () => {
    await expect(replayMain(['--if-empty'], env, io)).resolves.toBe(0);
    expect(output).toContain('The data already holds the 2019 contest; nothing to do.');
    expect(await contents()).toEqual({ contests: { nodes: [{ code: CONTEST_CODE }] }, organizations: { totalCount: 0 } });
  }, 120_000);

  it('exits 2 without it, pointing at --fresh, and writes nothing', async () => {
    await expect(replayMain([], env, io)).resolves.toBe(2);
    expect(output).toContain('error: The data already holds the 2019 contest; run with --fresh to replace it.');
    expect((await contents()).organizations.totalCount).toBe(0);
  }, 120_000);

  it('refuses --fresh with --if-empty before touching the data', async () => {
    await expect(replayMain(['--fresh', '--if-empty'], env, io)).resolves.toBe(2);
    expect(output).toEqual(['error: --fresh and --if-empty exclude each other']);
    expect((await contents()).contests.nodes).toEqual([{ code: CONTEST_CODE }]);
  }, 120_000);
});
