import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPH_NAMES } from '@meritgraph/config';
import { type DatabaseLocation, databaseTarget } from '@meritgraph/db';
import { removeReplayTemplates, replayCopy } from '../src/replay/template';

/**
 * A replay made once per run and copied into each caller's databases. The replay here is a
 * stand-in that writes a marker into each subgraph's SQLite file and counts its runs.
 */
describe('a replay template', () => {
  let root: string;
  const dirs: string[] = [];
  const location = (): DatabaseLocation => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mg-template-test-'));
    dirs.push(dataDir);
    return { prefix: '', dataDir, log: 'none' };
  };
  const marker = (at: DatabaseLocation, name: string) => {
    const target = databaseTarget(name, at);
    return target.kind === 'sqlite' && existsSync(target.file) ? readFileSync(target.file, 'utf8') : null;
  };
  let runs = 0;
  const replay = async (at: DatabaseLocation, options: { years?: readonly number[] }) => {
    runs += 1;
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const name of SUBGRAPH_NAMES) {
      const target = databaseTarget(name, at);
      if (target.kind === 'sqlite') writeFileSync(target.file, `${name} ${(options.years ?? [2019]).join(',')} run ${runs}`);
    }
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'mg-templates-'));
    runs = 0;
  });
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('is replayed once for callers that ask at the same time, and each gets its own copy of every database', async () => {
    const [a, b, c] = [location(), location(), location()];
    await Promise.all([a, b, c].map((at) => replayCopy(at, {}, { root, replay })));
    expect(runs).toBe(1);
    for (const name of SUBGRAPH_NAMES) for (const at of [a, b, c]) expect(marker(at, name)).toBe(`${name} 2019 run 1`);
    writeFileSync(join(a.dataDir, 'honors.sqlite'), 'changed');
    expect(marker(b, 'honors')).toBe('honors 2019 run 1');
    await removeReplayTemplates(root);
  });

  it('keeps one template per set of options', async () => {
    const [a, b] = [location(), location()];
    await replayCopy(a, {}, { root, replay });
    await replayCopy(b, { years: [2019, 2020] }, { root, replay });
    expect(runs).toBe(2);
    expect(marker(b, 'organizations')).toBe('organizations 2019,2020 run 2');
    await removeReplayTemplates(root);
    expect(existsSync(root)).toBe(false);
  });

  it('fails every waiting caller with the replay’s own error, and copies nothing', async () => {
    const failing = async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      throw new Error('the replay broke at the final round');
    };
    const [a, b] = [location(), location()];
    const results = await Promise.allSettled([a, b].map((at) => replayCopy(at, {}, { root, replay: failing })));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    for (const r of results) expect(String((r as PromiseRejectedResult).reason)).toContain('the replay broke at the final round');
    expect(SUBGRAPH_NAMES.map((name) => marker(b, name))).toEqual(SUBGRAPH_NAMES.map(() => null));
    await removeReplayTemplates(root);
  });

  it('replays into the caller’s own databases when the run keeps no templates', async () => {
    const a = location();
    await replayCopy(a, {}, { root: '', replay });
    expect(marker(a, 'submissions')).toBe('submissions 2019 run 1');
  });
});
