import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replayCopy } from '@meritgraph/contest-data';
import { EXPERTS_SHEET, type ImportSheet, ORGANIZATIONS_SHEET, PEOPLE_SHEET } from '@meritgraph/domain';
import { XLSX_TYPE, readSheet } from '@meritgraph/subgraph-kit';
import { type TestGraph, startGraph, throwawayLocation } from '../../src';

jest.setTimeout(600_000);

const REGISTERS: [name: 'organizations' | 'people' | 'experts', sheet: ImportSheet][] = [
  ['organizations', ORGANIZATIONS_SHEET],
  ['people', PEOPLE_SHEET],
  ['experts', EXPERTS_SHEET],
];

/**
 * An office moving to a new installation: the 2019 registers of organizations, people and
 * experts, exported as the analytics exports give them, imported into an empty database as
 * they are, give the same records.
 */
describe('the 2019 registers round-trip through export and import', () => {
  let source: TestGraph;
  let target: TestGraph;
  const location = process.env.DATABASE_URL
    ? throwawayLocation()
    : { prefix: '', dataDir: mkdtempSync(join(tmpdir(), 'mg-round-trip-')), log: 'none' as const };

  const originOf = (graph: TestGraph) => new URL(graph.gatewayUrl).origin;
  const office = async (graph: TestGraph) => `Bearer ${await graph.auth.client.signDev({ roles: ['ADMIN'], sub: 'office-clerk' })}`;
  const exported = async (graph: TestGraph, name: string): Promise<Buffer> => {
    await graph.analytics.catchUp();
    const response = await fetch(`${originOf(graph)}/export/${name}.xlsx`, { headers: { authorization: await office(graph) } });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  /** The records of a register file as the import reads them, in an order-free form. */
  const records = async (sheet: ImportSheet, bytes: Buffer) => {
    const { rows, problems } = await readSheet(sheet, bytes);
    expect(problems).toEqual([]);
    return rows.map((r) => JSON.stringify(r.values)).sort();
  };
  const counts = async (graph: TestGraph) =>
    graph.gateway.data<Record<string, { totalCount: number }>>(
      `{ organizations { totalCount } people { totalCount } experts { totalCount } }`,
    );

  beforeAll(async () => {
    await replayCopy(location);
    source = await startGraph({ location });
    target = await startGraph();
  });
  afterAll(async () => {
    await target?.stop();
    await source?.stop();
  });

  it('imports each register into the empty installation, in one commit each, and exports the same records back', async () => {
    for (const [name, sheet] of REGISTERS) {
      const file = await exported(source, name);
      const response = await fetch(`${originOf(target)}/imports/${name}?mode=commit`, {
        method: 'POST',
        headers: { authorization: await office(target), 'content-type': XLSX_TYPE },
        body: new Uint8Array(file),
      });
      const answer = (await response.json()) as {
        report?: unknown;
        committed: boolean;
        created: number;
        rows: number;
        problems: unknown[];
      };
      const report = (answer.report ?? answer) as typeof answer;
      expect({ name, status: response.status, problems: report.problems?.slice(0, 5) }).toEqual({ name, status: 201, problems: [] });
      expect(report).toMatchObject({ committed: true });
      expect(report.created).toBe(report.rows);
      expect(await records(sheet, await exported(target, name))).toEqual(await records(sheet, file));
    }
    const [before, after] = [await counts(source), await counts(target)];
    expect(after).toEqual(before);
    expect(before.organizations!.totalCount).toBeGreaterThan(200);
    expect(before.people!.totalCount).toBeGreaterThan(1000);
    expect(before.experts!.totalCount).toBe(100);
  });
});
