import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { replayCopy } from '@meritgraph/contest-data';
import { dropMysqlDatabase } from '@meritgraph/db';
import { EXPERTS_SHEET, type ImportSheet, ORGANIZATIONS_SHEET, PEOPLE_SHEET, type Role } from '@meritgraph/domain';
import { type CellValue, readSheet } from '@meritgraph/subgraph-kit';
import { Factories, type GraphClient, type TestGraph, startGraph, throwawayLocation } from '../../src';

interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string };
}

interface Unit {
  id: string;
  name: string;
  creditCode: string | null;
}
interface Organization extends Unit {
  shortName: string | null;
  kind: string;
  district: string | null;
  parent: Unit | null;
}
interface Person {
  name: string;
  position: string | null;
  organization: Unit | null;
}
interface Expert {
  title: string;
  expertise: string[];
  active: boolean;
  person: { name: string; organization: Unit | null } | null;
  affiliation: Unit | null;
}

type Values = Record<string, CellValue>;

const PAGES: Record<'organizations' | 'people' | 'experts', string> = {
  organizations: `query($after: String) { page: organizations(first: 100, after: $after) {
    nodes { id name shortName kind creditCode district parent { id name creditCode } } pageInfo { hasNextPage endCursor } } }`,
  people: `query($after: String) { page: people(first: 100, after: $after) {
    nodes { name position organization { id name creditCode } } pageInfo { hasNextPage endCursor } } }`,
  experts: `query($after: String) { page: experts(first: 100, after: $after) {
    nodes { title expertise active person { name organization { id name creditCode } } affiliation { id name creditCode } }
    pageInfo { hasNextPage endCursor } } }`,
};

/** Every record of a transactional list, page by page. */
async function everyNode<T>(client: GraphClient, list: keyof typeof PAGES): Promise<T[]> {
  const nodes: T[] = [];
  for (let after: string | null = null; ;) {
    const data: { page: Connection<T> } = await client.data(PAGES[list], { after });
    nodes.push(...data.page.nodes);
    if (!data.page.pageInfo.hasNextPage) return nodes;
    after = data.page.pageInfo.endCursor;
  }
}

/** A unit's name where the import looks it up by name: only when it has no credit code. */
const nameWithoutCode = (unit: Unit | null | undefined): string | null => (unit && !unit.creditCode ? unit.name : null);

/** The records as the import reads them back, in a comparable form that ignores order. */
const sorted = (records: readonly Values[]): string[] => records.map((r) => JSON.stringify(r)).sort();

/** The sheet's first two rows, as written. */
async function headerRowsOf(bytes: Buffer, width: number): Promise<unknown[][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  return [1, 2].map((r) => Array.from({ length: width }, (_, i) => sheet.getRow(r).getCell(i + 1).value ?? null));
}

describe('register exports', () => {
  let graph: TestGraph;
  let origin: string;
  const location = process.env.DATABASE_URL
    ? throwawayLocation()
    : { prefix: '', dataDir: mkdtempSync(join(tmpdir(), 'mg-register-exports-')), log: 'none' as const };
  const token = (roles: Role[]) => graph.auth.client.signDev({ roles, sub: `${roles.join('-').toLowerCase()}-register-exporter` });
  const download = async (path: string, bearer: string) => {
    const response = await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  };

  /** A register downloaded as XLSX by the office, checked to be headed as its import sheet, and read back as the import reads it. */
  async function exported(name: string, sheet: ImportSheet): Promise<Values[]> {
    const file = await download(`/export/${name}.xlsx`, await token(['ADMIN']));
    expect(file.status).toBe(200);
    expect(await headerRowsOf(file.body, sheet.columns.length)).toEqual([sheet.columns.map((c) => c.zh), sheet.columns.map((c) => c.en)]);
    const { rows, problems } = await readSheet(sheet, file.body);
    expect(problems).toEqual([]);
    return rows.map((r) => r.values);
  }

  beforeAll(async () => {
    await replayCopy(location);
    graph = await startGraph({ location });
    // 2019's records all have credit codes and experts work at their own units: a few more
    // give parents and units found by name, contact data that stays out, and an affiliation elsewhere.
    const make = new Factories(graph.gateway);
    const uncoded = await make.organization({ name: '无信用代码测试单位', district: '浦东新区' });
    const coded = await make.organization({ name: '有信用代码测试子单位', parentId: uncoded.id, creditCode: make.creditCode() });
    const person = await graph.gateway.data<{ createPerson: { id: string } }>(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      { input: { name: '王测试', organizationId: uncoded.id, position: '高级工程师', phone: '13800000000', email: 'wang@example.cn' } },
    );
    await graph.gateway.data(`mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`, {
      input: {
        personId: person.createPerson.id,
        affiliationId: coded.id,
        title: 'SENIOR_ENGINEER',
        expertise: ['BIG_SCIENCE', 'IC'],
        active: false,
      },
    });
    await graph.analytics.catchUp();
    origin = graph.gatewayUrl.replace(/\/graphql$/, '');
  }, 600_000);
  afterAll(async () => {
    await graph?.stop();
    for (const { db } of Object.values(graph?.subgraphs ?? {}))
      if (db.target.kind === 'mysql') await dropMysqlDatabase(db.target.server, db.target.database);
  });

  it('the organization register exports as the import sheet reads it, one row per organization, parents first', async () => {
    const organizations = await everyNode<Organization>(await graph.as('ADMIN'), 'organizations');
    expect(organizations.length).toBeGreaterThan(0);
    const rows = await exported('organizations', ORGANIZATIONS_SHEET);
    expect(rows).toHaveLength(organizations.length);
    const expected = organizations.map((o) => ({
      name: o.name,
      shortName: o.shortName,
      kind: o.kind,
      creditCode: o.creditCode,
      district: o.district,
      parentCreditCode: o.parent?.creditCode ?? null,
      parentName: nameWithoutCode(o.parent),
    }));
    expect(sorted(rows)).toEqual(sorted(expected));
    expect(rows.filter((r) => r.parentName).length).toBeGreaterThan(0);
    // Every parent comes before its children, so an import finds it made.
    const byCode = new Map(rows.map((r, i) => [r.creditCode, i]));
    const byName = new Map(rows.flatMap((r, i) => (r.creditCode ? [] : [[r.name, i] as const])));
    rows.forEach((row, i) => {
      if (row.parentCreditCode) expect(byCode.get(row.parentCreditCode)).toBeLessThan(i);
      if (row.parentName) expect(byName.get(row.parentName)).toBeLessThan(i);
    });
  });

  it('the people register exports every person with their unit, and no contact data', async () => {
    const people = await everyNode<Person>(await graph.as('ADMIN'), 'people');
    expect(people.length).toBeGreaterThan(0);
    const rows = await exported('people', PEOPLE_SHEET);
    expect(rows).toHaveLength(people.length);
    const expected = people.map((p) => ({
      name: p.name,
      organizationCreditCode: p.organization?.creditCode ?? null,
      organizationName: nameWithoutCode(p.organization),
      position: p.position,
      phone: null,
      email: null,
    }));
    expect(sorted(rows)).toEqual(sorted(expected));
    expect(rows.filter((r) => r.organizationName).length).toBeGreaterThan(0);
  });

  it('the expert pool exports with titles, track codes primary first, affiliations and whether each is active', async () => {
    const experts = await everyNode<Expert>(await graph.as('ADMIN'), 'experts');
    expect(experts.length).toBeGreaterThan(0);
    const rows = await exported('experts', EXPERTS_SHEET);
    expect(rows).toHaveLength(experts.length);
    const expected = experts.map((x) => ({
      name: x.person?.name ?? null,
      organizationCreditCode: x.person?.organization?.creditCode ?? null,
      organizationName: nameWithoutCode(x.person?.organization),
      title: x.title,
      expertise: x.expertise.length ? x.expertise : null,
      affiliationCreditCode: x.affiliation && x.affiliation.id !== x.person?.organization?.id ? x.affiliation.creditCode : null,
      active: x.active,
    }));
    expect(sorted(rows)).toEqual(sorted(expected));
    expect(rows).toContainEqual(expect.objectContaining({ name: '王测试', expertise: ['BIG_SCIENCE', 'IC'], active: false }));
    expect(rows.filter((r) => r.affiliationCreditCode).length).toBeGreaterThan(0);
  });

  it('an analyst exports organizations and experts, but people only the office: an analyst is refused with FORBIDDEN and no file', async () => {
    const analyst = await token(['ANALYST']);
    for (const name of ['organizations', 'experts']) expect((await download(`/export/${name}.csv`, analyst)).status).toBe(200);
    for (const format of ['csv', 'xlsx']) {
      const refused = await download(`/export/people.${format}`, analyst);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
      expect(refused.headers.get('content-disposition')).toBeNull();
      const body = JSON.parse(refused.body.toString('utf8')) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('FORBIDDEN');
    }
    const submitter = await token(['SUBMITTER']);
    for (const name of ['organizations', 'people', 'experts']) expect((await download(`/export/${name}.xlsx`, submitter)).status).toBe(403);
  });

  it('a register takes no contest, and the same rows come back after the read model is rebuilt from zero', async () => {
    const admin = await token(['ADMIN']);
    const refused = await download('/export/organizations.csv?contest=x', admin);
    expect(refused.status).toBe(400);
    const before = await Promise.all(
      (['organizations', 'people', 'experts'] as const).map(async (name) =>
        (await download(`/export/${name}.csv`, admin)).body.toString('utf8'),
      ),
    );
    await graph.analytics.rebuild();
    const after = await Promise.all(
      (['organizations', 'people', 'experts'] as const).map(async (name) =>
        (await download(`/export/${name}.csv`, admin)).body.toString('utf8'),
      ),
    );
    expect(after).toEqual(before);
    expect(
      before[0]!
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .slice(0, 2),
    ).toEqual([ORGANIZATIONS_SHEET.columns.map((c) => c.zh).join(','), ORGANIZATIONS_SHEET.columns.map((c) => c.en).join(',')]);
  }, 600_000);
});
