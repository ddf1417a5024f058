import { createHash } from 'node:crypto';
import { EXPERTS_SHEET, makeCreditCode } from '@meritgraph/domain';
import { type CellValue, XLSX_TYPE, writeSheet } from '@meritgraph/subgraph-kit';
import { Factories, type GraphClient, type TestGraph, startGraph } from '../../src';

type Report = {
  kind: string;
  sha256: string;
  rows: number;
  valid: number;
  committed: boolean;
  created: number;
  problems: { row: number; column: string | null; header: string | null; code: string }[];
};

/** The office imports its expert pool (百人评审专家库) from a sheet: people already registered, with their titles and expertise. */
describe('importing the expert pool from Excel', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let origin: string;
  const codes = { hospital: makeCreditCode('1', '2', '310104', '42500012'), university: makeCreditCode('1', '2', '310110', '42500013') };

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    origin = new URL(graph.gatewayUrl).origin;
    const make = new Factories(admin);
    const hospital = (await make.organization({ name: '复旦大学附属中山医院', kind: 'HOSPITAL', creditCode: codes.hospital })).id;
    const university = (await make.organization({ name: '同济大学', kind: 'UNIVERSITY', creditCode: codes.university })).id;
    for (const [name, org] of [
      ['周平红', hospital],
      ['樊嘉', hospital],
      ['李杰', university],
      ['王伟', university],
      ['王伟', university],
    ] as const) {
      await admin.data(`mutation($n: String!, $o: ID!) { createPerson(input: { name: $n, organizationId: $o }) { id } }`, {
        n: name,
        o: org,
      });
    }
  });
  afterAll(() => graph?.stop());

  const send = async (rows: Record<string, CellValue>[], mode: 'dry-run' | 'commit', roles: string[] = ['ADMIN']) => {
    const token = await graph.auth.client.signDev({ roles: roles as ['ADMIN'], sub: 'office-clerk' });
    const body = await writeSheet(EXPERTS_SHEET, rows);
    const response = await fetch(`${origin}/imports/experts?mode=${mode}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': XLSX_TYPE },
      body: new Uint8Array(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as Report & { report?: Report; errors?: { extensions: { code: string } }[] },
      sha256: createHash('sha256').update(body).digest('hex'),
    };
  };
  const pool = async () =>
    (
      await admin.data<{
        experts: {
          nodes: { title: string; expertise: string[]; active: boolean; person: { name: string }; affiliation: { name: string } }[];
        };
      }>(`{ experts(first: 100) { nodes { title expertise active person { name } affiliation { name } } } }`)
    ).experts.nodes;

  const good: Record<string, CellValue>[] = [
    { name: '周平红', organizationCreditCode: codes.hospital, title: 'CHIEF_PHYSICIAN', expertise: ['BIOMED'], active: true },
    {
      name: '李杰',
      organizationCreditCode: codes.university,
      title: 'PROFESSOR',
      expertise: ['AI', 'ICD'],
      affiliationCreditCode: codes.hospital,
    },
  ];

  it('reports a clean dry run and writes nothing, then imports every expert as the sheet has them, audited once with its sha256', async () => {
    const dry = await send(good, 'dry-run');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ kind: 'experts', rows: 2, valid: 2, committed: false, created: 0, problems: [], sha256: dry.sha256 });
    expect(await pool()).toEqual([]);
    const done = await send(good, 'commit');
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ committed: true, created: 2 });
    expect(await pool()).toEqual(
      expect.arrayContaining([
        {
          title: 'CHIEF_PHYSICIAN',
          expertise: ['BIOMED'],
          active: true,
          person: { name: '周平红' },
          affiliation: { name: '复旦大学附属中山医院' },
        },
        {
          title: 'PROFESSOR',
          expertise: ['AI', 'ICD'],
          active: true,
          person: { name: '李杰' },
          affiliation: { name: '复旦大学附属中山医院' },
        },
      ]),
    );
    const audit = (await graph.subgraphs['expert-review'].db.dataSource.query(
      `SELECT action, actor, entity_type AS entityType FROM audit_entry WHERE action = 'import.experts'`,
    )) as { action: string; actor: string; entityType: string }[];
    expect(audit).toEqual([{ action: 'import.experts', actor: 'office-clerk', entityType: 'Import' }]);
  });

  it('reports every bad row with its column and code in one dry run, and a commit of it writes nothing', async () => {
    const before = await pool();
    const rows: Record<string, CellValue>[] = [
      { name: '樊嘉', organizationCreditCode: codes.hospital, title: 'ACADEMICIAN', expertise: ['BIOMED'] },
      { name: '樊嘉', organizationCreditCode: '91310000MA1FL0000X', title: 'PROFESSOR', expertise: ['AI'] },
      { name: '无此人', organizationCreditCode: codes.hospital, title: 'PROFESSOR', expertise: ['AI'] },
      { name: '王伟', organizationCreditCode: codes.university, title: 'PROFESSOR', expertise: ['AI'] },
      { name: '王伟', organizationCreditCode: codes.university, title: 'ENGINEER', expertise: ['AI'] },
      { name: '王伟', organizationCreditCode: codes.university, title: 'PROFESSOR', expertise: ['ICD'] },
      { name: '周平红', organizationCreditCode: codes.hospital, title: 'PROFESSOR', expertise: ['AI'] },
      { name: '樊嘉', organizationCreditCode: codes.hospital, title: 'WIZARD', expertise: ['BIOMED'] },
      { name: '樊嘉', organizationCreditCode: codes.hospital, title: 'PROFESSOR', expertise: ['ai'] },
    ];
    const dry = await send(rows, 'dry-run');
    expect(dry.status).toBe(200);
    expect(dry.body.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [4, 'B', 'NOT_FOUND'],
      [5, 'A', 'NOT_FOUND'],
      // Two people are named 王伟 there: two rows take them in turn, a third finds none left.
      [8, 'A', 'BAD_USER_INPUT'],
      [9, 'A', 'ALREADY_EXISTS'],
      [10, 'D', 'BAD_USER_INPUT'],
      [11, 'E', 'BAD_USER_INPUT'],
    ]);
    expect(dry.body).toMatchObject({ rows: 9, valid: 3, committed: false });
    const refused = await send(rows, 'commit');
    expect(refused.status).toBe(422);
    expect(refused.body.errors![0]!.extensions.code).toBe('IMPORT_HAS_ERRORS');
    expect(await pool()).toEqual(before);
  });

  it('refuses anyone but the office, and reads nothing', async () => {
    const before = await pool();
    const refused = await send([{ ...good[0]!, name: '樊嘉' }], 'commit', ['SUBMITTER']);
    expect(refused.status).toBe(403);
    expect(refused.body.errors![0]!.extensions.code).toBe('FORBIDDEN');
    expect(await pool()).toEqual(before);
  });
});
