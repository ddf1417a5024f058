import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseStream } from 'csv-parse';
import { Workbook } from 'exceljs';
import { CONTEST_CODE, replayCopy } from '@meritgraph/contest-data';
import { dropMysqlDatabase } from '@meritgraph/db';
import type { Role } from '@meritgraph/domain';
import { DEFAULT_DEMAND_CONTROL } from '@meritgraph/subgraph-kit';
import { type GraphClient, type TestGraph, startGraph, throwawayLocation } from '../../src';

/** One change of a feed, as the read model's consumer applies it. */
interface FeedChange {
  position: string;
  entityType: string;
  entityId: string;
  version: number;
  change: string;
  state: Record<string, unknown> | null;
}
type Manager = TestGraph['subgraphs']['analytics']['db']['dataSource']['manager'];
// The read model's own projection, applied as its feed consumer applies it (@meritgraph/analytics does not export it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { applyChanges } = require(join(__dirname, '../../../../apps/analytics/src/projection/projections')) as {
  applyChanges(em: Manager, feed: string, changes: readonly FeedChange[]): Promise<number>;
};

interface Column {
  key: string;
  zh: string;
  en: string;
  kind: 'TEXT' | 'NUMBER' | 'DATETIME';
}
interface Table {
  columns: Column[];
  rows: (string | null)[][];
}
interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
}

const TABLE = `query($list: ExportList!, $contest: ID, $round: ID, $group: String, $name: String, $first: Int, $after: String) {
  analytics { table(list: $list, contest: $contest, round: $round, group: $group, name: $name, first: $first, after: $after) {
    columns { key zh en kind } rows endCursor hasMore totalCount } } }`;

type TablePage = Table & { endCursor: string | null; hasMore: boolean; totalCount: number | null };

/** Every page of a list through the GraphQL `table` API. */
async function tableOf(client: GraphClient, variables: Record<string, unknown>): Promise<Table & { totalCount: number | null }> {
  const pages: TablePage[] = [];
  for (let after: string | null = null; ;) {
    const data: { analytics: { table: TablePage } } = await client.data(TABLE, { ...variables, first: 1000, after });
    pages.push(data.analytics.table);
    if (!data.analytics.table.hasMore) break;
    after = data.analytics.table.endCursor;
  }
  return { columns: pages[0]!.columns, rows: pages.flatMap((p) => p.rows), totalCount: pages[0]!.totalCount };
}

interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string };
}

/** Every node of a transactional connection, page by page. */
async function nodesOf<T>(page: (after: string | null) => Promise<Connection<T>>): Promise<T[]> {
  const nodes: T[] = [];
  for (let after: string | null = null; ;) {
    const connection: Connection<T> = await page(after);
    nodes.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage) return nodes;
    after = connection.pageInfo.endCursor;
  }
}

interface Scorecard {
  total: number;
  decision: string | null;
  entry: { submission: { referenceNumber: string; title: string } };
  expert: { person: { name: string } };
}
interface ConferredHonor {
  certificateNumber: string;
  awardType: { nameZh: string };
  recipientName: string;
  organizationName: string;
  conferredOn: string;
}

const csvText = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The CSV as a spreadsheet reads it: a BOM, one header row "中文 / English", then the rows. */
function readCsv(body: Buffer): string[][] {
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(body.subarray(3), { relax_column_count: false }) as string[][];
}

async function readXlsx(body: Buffer, width: number): Promise<unknown[][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null));
  });
  return rows;
}

/** A table's rows as the CSV must hold them: the header row, then each value (empty for none, formulas defused). */
const csvOf = ({ columns, rows }: Table): string[][] => [
  columns.map((c) => `${c.zh} / ${c.en}`),
  ...rows.map((row) => row.map((v, i) => (v === null ? '' : columns[i]!.kind === 'NUMBER' ? v : csvText(v)))),
];

/** …and as the XLSX must hold them: numbers as numbers, empty cells for none. */
const xlsxOf = ({ columns, rows }: Table): unknown[][] => [
  columns.map((c) => `${c.zh} / ${c.en}`),
  ...rows.map((row) => row.map((v, i) => (v === null ? null : columns[i]!.kind === 'NUMBER' ? Number(v) : v))),
];

/** Synthetic records for the read model, applied as its feed consumer applies the feeds. */
async function seedContest(graph: TestGraph, submissions: number): Promise<string> {
  const em = graph.subgraphs.analytics.db.dataSource.manager;
  const id = randomUUID();
  const at = '2031-03-01T08:00:00.000Z';
  const change = (entityType: string, state: Record<string, unknown>, position: number): FeedChange => ({
    position: String(position),
    entityType,
    entityId: String(state.id),
    version: 1,
    change: 'created',
    state,
  });
  const contest = { id, code: `SYN-${id.slice(0, 8)}`, name: '模拟导出竞赛', year: 2031, status: 'REVIEWING' };
  await applyChanges(em, 'organizations', [change('Contest', { ...contest, submissionOpensAt: at, submissionClosesAt: at }, 1)]);
  const unit = randomUUID();
  for (let start = 0; start < submissions; start += 2000) {
    const changes = Array.from({ length: Math.min(2000, submissions - start) }, (_, j) => {
      const n = start + j + 1;
      return change(
        'Submission',
        {
          id: randomUUID(),
          contestId: id,
          trackId: null,
          organizationId: unit,
          referenceNumber: `2031-SYN-${String(n).padStart(5, '0')}`,
          title: `模拟成果 ${n}，含逗号与"引号"`,
          status: 'SUBMITTED',
          achievementKind: 'TECHNOLOGY',
          teamSize: 3,
          createdAt: at,
          submittedAt: at,
          withdrawnAt: null,
        },
        n,
      );
    });
    await applyChanges(em, 'submissions', changes);
  }
  return id;
}

/**
 * Downloads an export as it streams while sampling the heap: a CSV is parsed as it arrives
 * (its records counted, never held whole); an XLSX is kept as the bytes it is, to read back
 * once the sampling ends.
 */
async function streamed(url: string, bearer: string): Promise<{ records: number; growth: number; file: Buffer }> {
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  try {
    const response = await fetch(url, { headers: { authorization: `Bearer ${bearer}` } });
    expect(response.status).toBe(200);
    const csv = url.includes('.csv');
    let records = 0;
    const chunks: Buffer[] = [];
    const parser = parseStream({ bom: true });
    parser.on('data', () => (records += 1));
    const ended = new Promise((resolve, reject) => parser.on('end', resolve).on('error', reject));
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (csv) parser.write(Buffer.from(chunk));
      else chunks.push(Buffer.from(chunk));
    }
    parser.end();
    await ended;
    return { records, growth: peak - baseline, file: Buffer.concat(chunks) };
  } finally {
    clearInterval(sampler);
  }
}

const LISTS = ['submissions', 'leaderboard', 'scorecards', 'announced-honors', 'conferral-list', 'organizer-ranking', 'saved'] as const;
const ENUM: Record<(typeof LISTS)[number], string> = {
  submissions: 'SUBMISSIONS',
  leaderboard: 'LEADERBOARD',
  scorecards: 'SCORECARDS',
  'announced-honors': 'ANNOUNCED_HONORS',
  'conferral-list': 'CONFERRAL_LIST',
  'organizer-ranking': 'ORGANIZER_RANKING',
  saved: 'SAVED_CUBE',
};
const SAVED_QUERY = {
  fact: 'SCORECARD',
  measures: [{ kind: 'COUNT' }, { kind: 'MEAN', field: 'TOTAL' }],
  groupBy: ['TRACK', 'EXPERT_TITLE'],
  orderBy: [{ measure: 1, direction: 'DESC' }],
};
const SAVE = `mutation($name: String!, $query: CubeQueryInput!) { saveCubeQuery(name: $name, query: $query) { name fact owner } }`;
const SAVED_NAMES = `{ savedCubeQueries { name owner } }`;

describe('analytics exports', () => {
  let graph: TestGraph;
  let origin: string;
  let contest: string;
  let evaluation: string;
  // The replay's databases: throwaway MySQL ones when DATABASE_URL is set (dropped after), else SQLite files of this run.
  const location = process.env.DATABASE_URL
    ? throwawayLocation()
    : { prefix: '', dataDir: mkdtempSync(join(tmpdir(), 'mg-exports-')), log: 'none' as const };
  const token = (roles: Role[], sub = `${roles.join('-').toLowerCase()}-exporter`, claims: { org?: string } = {}, ttl?: number) =>
    graph.auth.client.signDev({ roles, sub, ...claims }, ttl);
  const download = async (path: string, bearer?: string): Promise<Download> => {
    const response = await fetch(`${origin}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  };
  const json = (d: Download) => JSON.parse(d.body.toString('utf8')) as { errors: { extensions: { code: string; field?: string } }[] };
  /** The list's parameters: the 2019 contest, or its evaluation round. */
  const paramsOf = (list: (typeof LISTS)[number]): Record<string, string> =>
    list === 'saved' ? { name: 'scores-by-track' } : ['leaderboard', 'scorecards'].includes(list) ? { round: evaluation } : { contest };
  const pathOf = (list: (typeof LISTS)[number], format: 'csv' | 'xlsx') => {
    const params = paramsOf(list);
    return list === 'saved' ? `/export/saved/${params.name}.${format}` : `/export/${list}.${format}?${new URLSearchParams(params)}`;
  };

  beforeAll(async () => {
    await replayCopy(location);
    graph = await startGraph({ location });
    await graph.analytics.catchUp();
    origin = graph.gatewayUrl.replace(/\/graphql$/, '');
    const data = await graph.gateway.data<{ contest: { id: string; reviewRounds: { id: string; stage: string }[] } }>(
      `query($code: String!) { contest(code: $code) { id reviewRounds { id stage } } }`,
      { code: CONTEST_CODE },
    );
    contest = data.contest.id;
    evaluation = data.contest.reviewRounds.find((r) => r.stage === 'EVALUATION')!.id;
    // The 2019 replay ends with every honor conferred: a few under announcement give the 公示名单 rows.
    const honors = Array.from({ length: 3 }, (_, i) => ({
      position: String(i),
      entityType: 'Honor',
      entityId: randomUUID(),
      version: 1,
      change: 'created',
      state: null as Record<string, unknown> | null,
    })).map((c, i) => ({
      ...c,
      state: {
        id: c.entityId,
        contestId: contest,
        year: 2019,
        awardTypeCode: 'EXCELLENT_ACHIEVEMENT',
        recipientKind: 'SUBMISSION',
        recipientId: randomUUID(),
        recipientName: ['=SUM(A1:A9)', '张三, "李四"', '上海测试研究院'][i],
        organizationId: randomUUID(),
        organizationName: '上海测试研究院',
        status: 'ANNOUNCED',
        createdAt: '2019-12-01T02:00:00.000Z',
        announcedAt: '2019-12-02T02:00:00.000Z',
        objectionsCloseAt: '2019-12-09T10:00:00.000Z',
      },
    }));
    await applyChanges(graph.subgraphs.analytics.db.dataSource.manager, 'honors', honors);
    const analyst = await graph.as('ANALYST', { sub: 'analyst-saver' });
    await analyst.data(SAVE, { name: 'scores-by-track', query: { ...SAVED_QUERY, filter: { round: [evaluation] } } });
  }, 600_000);
  afterAll(async () => {
    await graph?.stop();
    for (const { db } of Object.values(graph?.subgraphs ?? {}))
      if (db.target.kind === 'mysql') await dropMysqlDatabase(db.target.server, db.target.database);
  });

  describe.each(['ADMIN', 'ANALYST'] as const)('as %s', (role) => {
    it.each(LISTS)('%s downloads as CSV and XLSX holding every row the table API lists, in its order', async (list) => {
      const bearer = await token([role]);
      const table = await tableOf(await graph.as(role), { list: ENUM[list], ...paramsOf(list) });
      expect(table.rows.length).toBeGreaterThan(0);
      expect(table.totalCount).toBe(table.rows.length);

      const csv = await download(pathOf(list, 'csv'), bearer);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toMatch(
        /^attachment; filename="[A-Za-z0-9._-]+\.csv"; filename\*=UTF-8''%[0-9A-F]{2}/,
      );
      expect(readCsv(csv.body)).toEqual(csvOf(table));

      const xlsx = await download(pathOf(list, 'xlsx'), bearer);
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(await readXlsx(xlsx.body, table.columns.length)).toEqual(xlsxOf(table));
    });
  });

  it('the evaluation round’s 1,470 scorecards export as the transactional API lists them', async () => {
    const nodes = await nodesOf<Scorecard>(async (after) => {
      const data: { reviewRound: { scorecards: Connection<Scorecard> } } = await graph.gateway.data(
        `query($id: ID!, $after: String) { reviewRound(id: $id) { scorecards(first: 100, after: $after) {
          nodes { total decision entry { submission { referenceNumber title } } expert { person { name } } }
          pageInfo { hasNextPage endCursor } } } }`,
        { id: evaluation, after },
      );
      return data.reviewRound.scorecards;
    });
    const cards = nodes.map((c) => [
      c.entry.submission.referenceNumber,
      c.entry.submission.title,
      c.expert.person.name,
      String(c.total),
      c.decision ?? '',
    ]);
    const csv = readCsv((await download(pathOf('scorecards', 'csv'), await token(['ANALYST']))).body).slice(1);
    expect(csv).toHaveLength(1470);
    const sorted = (rows: string[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sorted(csv)).toEqual(sorted(cards));
  });

  it('the conferral list holds the conferred honors the honors subgraph lists, in certificate order', async () => {
    const nodes = await nodesOf<ConferredHonor>(async (after) => {
      const data: { honors: Connection<ConferredHonor> } = await graph.gateway.data(
        `query($contest: ID!, $after: String) { honors(contestId: $contest, status: CONFERRED, first: 100, after: $after) {
          nodes { certificateNumber awardType { nameZh } recipientName organizationName conferredOn } pageInfo { hasNextPage endCursor } } }`,
        { contest, after },
      );
      return data.honors;
    });
    const honors = nodes.map((h) => [h.certificateNumber, h.awardType.nameZh, h.recipientName, h.organizationName, h.conferredOn]);
    const csv = readCsv((await download(pathOf('conferral-list', 'csv'), await token(['ANALYST']))).body).slice(1);
    expect(honors.length).toBeGreaterThan(100);
    expect(csv).toEqual([...honors].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0)).map((r) => r.map(csvText)));
  });

  it('streams 1,470 scorecards and 29,400 submissions page by page, CSV and XLSX, with the heap growing by less than 100 MB', async () => {
    const synthetic = await seedContest(graph, 29_400);
    const bearer = await token(['ANALYST'], 'analyst-bulk');
    const limit = 100 * 1024 * 1024;
    const cards = await streamed(`${origin}${pathOf('scorecards', 'csv')}`, bearer);
    expect(cards.records).toBe(1 + 1470);
    expect(cards.growth).toBeLessThan(limit);
    const big = await streamed(`${origin}/export/submissions.csv?contest=${synthetic}`, bearer);
    expect(big.records).toBe(1 + 29_400);
    expect(big.growth).toBeLessThan(limit);
    const cardsXlsx = await streamed(`${origin}${pathOf('scorecards', 'xlsx')}`, bearer);
    expect(cardsXlsx.growth).toBeLessThan(limit);
    expect(await readXlsx(cardsXlsx.file, 5)).toHaveLength(1 + 1470);
    const bigXlsx = await streamed(`${origin}/export/submissions.xlsx?contest=${synthetic}`, bearer);
    expect(bigXlsx.growth).toBeLessThan(limit);
    const sheet = await readXlsx(bigXlsx.file, 8);
    expect(sheet).toHaveLength(1 + 29_400);
    expect(sheet.at(-1)?.slice(0, 2)).toEqual(['2031-SYN-29400', '模拟成果 29400，含逗号与"引号"']);
  }, 300_000);

  it.each(['SUBMISSIONS', 'LEADERBOARD', 'SCORECARDS', 'CONFERRAL_LIST'])(
    'a page of %s costs the same statements whether it holds 10 rows or 1,000',
    async (list) => {
      const variables = { list, ...(list === 'SUBMISSIONS' || list === 'CONFERRAL_LIST' ? { contest } : { round: evaluation }) };
      const statementsFor = async (first: number) => {
        graph.resetStatements();
        const data: { analytics: { table: TablePage } } = await graph.gateway.data(TABLE, { ...variables, first });
        expect(data.analytics.table.rows.length).toBe(Math.min(first, data.analytics.table.totalCount!));
        return graph.statements();
      };
      const small = await statementsFor(10);
      const large = await statementsFor(1000);
      expect(large).toEqual(small);
      expect(small.analytics).toBeLessThanOrEqual(10);
      // Only the read model answers: the transactional subgraphs run no statement for an export.
      expect(small.submissions + small['expert-review'] + small.honors + small.organizations).toBe(0);
    },
  );

  it('pages follow each other by the cursor without gap or repeat; first outside 1..1000 and a foreign cursor are BAD_USER_INPUT', async () => {
    const whole = await tableOf(graph.gateway, { list: 'SCORECARDS', round: evaluation });
    const pages: (string | null)[][] = [];
    for (let after: string | null = null; ;) {
      const data: { analytics: { table: TablePage } } = await graph.gateway.data(TABLE, {
        list: 'SCORECARDS',
        round: evaluation,
        first: 97,
        after,
      });
      pages.push(...data.analytics.table.rows);
      if (!data.analytics.table.hasMore) break;
      after = data.analytics.table.endCursor;
    }
    expect(pages).toEqual(whole.rows);
    for (const first of [0, 1001]) {
      const answer = await graph.gateway.request(TABLE, { list: 'SCORECARDS', round: evaluation, first });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
    const other: { analytics: { table: TablePage } } = await graph.gateway.data(TABLE, { list: 'SUBMISSIONS', contest, first: 5 });
    const foreign = await graph.gateway.request(TABLE, { list: 'SCORECARDS', round: evaluation, after: other.analytics.table.endCursor });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('a union exports the submissions of its own subtree only', async () => {
    type Cells = { analytics: { cube: { cells: { group: { mobilizingUnion: { id: string } | null }; records: number }[] } } };
    const unions: Cells = await graph.gateway.data(
      `query($c: ID!) { analytics { cube(fact: SUBMISSION, measures: [{ kind: COUNT }], groupBy: [MOBILIZING_UNION], filter: { contest: [$c] },
        orderBy: [{ measure: 0, direction: DESC }]) { cells { group { mobilizingUnion { id } } records } } } }`,
      { c: contest },
    );
    const union = unions.analytics.cube.cells.find((c) => c.group.mobilizingUnion)!.group.mobilizingUnion!.id;
    const within: { analytics: { cube: { records: number } } } = await graph.gateway.data(
      `query($c: ID!, $u: ID!) { analytics { cube(fact: SUBMISSION, measures: [{ kind: COUNT }], filter: { contest: [$c], within: $u }) { records } } }`,
      { c: contest, u: union },
    );
    const all = await tableOf(graph.gateway, { list: 'SUBMISSIONS', contest });
    const csv = readCsv(
      (await download(pathOf('submissions', 'csv'), await token(['ORGANIZER'], 'union-exporter', { org: union }))).body,
    ).slice(1);
    expect(within.analytics.cube.records).toBeGreaterThan(0);
    expect(csv).toHaveLength(within.analytics.cube.records);
    expect(csv.length).toBeLessThan(all.rows.length);
    const admin = new Set(csvOf(all).map((r) => JSON.stringify(r)));
    for (const row of csv) expect(admin.has(JSON.stringify(row))).toBe(true);
  });

  it('the public exports the leaderboard of a published round, as the office sees it', async () => {
    const office = await tableOf(graph.gateway, { list: 'LEADERBOARD', round: evaluation });
    const answer = await download(pathOf('leaderboard', 'csv'));
    expect(answer.status).toBe(200);
    expect(readCsv(answer.body)).toEqual(csvOf(office));
  });

  describe('refusals answer JSON with their code before any byte of a file, and write nothing', () => {
    const refused = async (path: string, bearer: string | undefined, status: number, code: string, field?: string) => {
      graph.resetStatements();
      const answer = await download(path, bearer);
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.headers.get('content-disposition')).toBeNull();
      const [error] = json(answer).errors;
      expect(error?.extensions.code).toBe(code);
      if (field) expect(error?.extensions.field).toBe(field);
      return answer;
    };

    it('anonymous callers may not export scorecards (403), and no statement reads them', async () => {
      await refused(pathOf('scorecards', 'csv'), undefined, 403, 'FORBIDDEN');
      expect(graph.statements().analytics).toBe(0);
    });

    it('a union may not export scorecards either: it sees them only as aggregates', async () => {
      await refused(pathOf('scorecards', 'xlsx'), await token(['ORGANIZER'], 'union', { org: randomUUID() }), 403, 'FORBIDDEN');
    });

    it('anonymous callers may not export submissions, but do export the public conferral list', async () => {
      await refused(pathOf('submissions', 'csv'), undefined, 403, 'FORBIDDEN');
      const publicList = await download(pathOf('conferral-list', 'csv'));
      expect(publicList.status).toBe(200);
      expect(readCsv(publicList.body).length).toBeGreaterThan(100);
    });

    it('a round the read model does not know is 400 BAD_USER_INPUT on round', async () => {
      await refused(`/export/scorecards.csv?round=${randomUUID()}`, await token(['ANALYST']), 400, 'BAD_USER_INPUT', 'round');
    });

    it('a missing contest, or a parameter the list does not take, is 400 naming it', async () => {
      await refused('/export/submissions.csv', await token(['ANALYST']), 400, 'BAD_USER_INPUT', 'contest');
      await refused(
        `/export/submissions.csv?contest=${contest}&round=${evaluation}`,
        await token(['ANALYST']),
        400,
        'BAD_USER_INPUT',
        'round',
      );
    });

    it('an expired token is 401 UNAUTHENTICATED, never an anonymous export', async () => {
      await refused(pathOf('conferral-list', 'csv'), await token(['ANALYST'], 'late', {}, -60), 401, 'UNAUTHENTICATED');
    });

    it('an unknown list, or an unknown saved query, is 404', async () => {
      await refused('/export/everything.csv', await token(['ADMIN']), 404, 'NOT_FOUND');
      await refused('/export/saved/no-such-query.csv', await token(['ADMIN']), 404, 'NOT_FOUND');
    });

    it('the scorecards of a round not yet finalized are refused with ROUND_NOT_FINALIZED', async () => {
      const round = randomUUID();
      await applyChanges(graph.subgraphs.analytics.db.dataSource.manager, 'expert-review', [
        {
          position: '1',
          entityType: 'ReviewRound',
          entityId: round,
          version: 1,
          change: 'created',
          state: {
            id: round,
            contestId: contest,
            name: '模拟评审',
            stage: 'FINAL',
            roundOrder: 9,
            status: 'OPEN',
            blind: false,
            publishedAt: null,
          },
        },
      ]);
      await refused(`/export/scorecards.csv?round=${round}`, await token(['ADMIN']), 409, 'ROUND_NOT_FINALIZED', 'round');
    });
  });

  describe('saved cube queries', () => {
    const names = async () =>
      (await graph.gateway.data<{ savedCubeQueries: { name: string }[] }>(SAVED_NAMES)).savedCubeQueries.map((q) => q.name);

    it('a saved query exports the cells its cube gives the caller', async () => {
      const analyst = await graph.as('ANALYST');
      const { analytics } = await analyst.data<{ analytics: { cube: { cells: { records: number; values: number[] }[] } } }>(
        `query($round: ID!) { analytics { cube(fact: SCORECARD, measures: [{ kind: COUNT }, { kind: MEAN, field: TOTAL }], groupBy: [TRACK, EXPERT_TITLE],
          orderBy: [{ measure: 1, direction: DESC }], filter: { round: [$round] }) { cells { records values } } } }`,
        { round: evaluation },
      );
      const csv = readCsv((await download(pathOf('saved', 'csv'), await token(['ANALYST']))).body);
      expect(csv[0]).toEqual(['赛道 / Track', '专家职称 / Expert title', '记录数 / Records', '数量 / Count', '总分平均值 / Mean of total']);
      expect(csv.slice(1).map((r) => r.slice(2).map(Number))).toEqual(analytics.cube.cells.map((c) => [c.records, ...c.values]));
    });

    it.each([
      ['a union', ['ORGANIZER'] as Role[]],
      ['an expert', ['EXPERT'] as Role[]],
      ['an anonymous caller', [] as Role[]],
    ])('%s may not save a cube query, and nothing is saved', async (_who, roles) => {
      const before = await names();
      const client = roles.length ? await graph.as(roles, { sub: 'not-an-analyst' }) : graph.anonymous;
      const answer = await client.request(SAVE, { name: 'not-allowed', query: SAVED_QUERY });
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await names()).toEqual(before);
    });

    it('a bad name or a query the cube would refuse is BAD_USER_INPUT naming it, and nothing is saved', async () => {
      const analyst = await graph.as('ANALYST');
      const before = await names();
      const badName = await analyst.request(SAVE, { name: 'Scores by track!', query: SAVED_QUERY });
      expect(badName.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      const badQuery = await analyst.request(SAVE, { name: 'bad-query', query: { ...SAVED_QUERY, groupBy: ['AWARD_TYPE'] } });
      expect(badQuery.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query.groupBy' });
      const taken = await analyst.request(SAVE, { name: 'scores-by-track', query: SAVED_QUERY });
      expect(taken.errors?.[0]?.extensions?.code).toBe('ALREADY_EXISTS');
      expect(await names()).toEqual(before);
    });

    it('an analyst deletes its own saved query, not another’s; a union deletes none', async () => {
      const owner = await graph.as('ANALYST', { sub: 'analyst-owner' });
      await owner.data(SAVE, { name: 'to-delete', query: SAVED_QUERY });
      const DELETE = `mutation($name: String!) { deleteCubeQuery(name: $name) { name } }`;
      const other = await graph.as('ANALYST', { sub: 'analyst-other' });
      expect((await other.request(DELETE, { name: 'to-delete' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const union = await graph.as('ORGANIZER', { sub: 'union', org: randomUUID() });
      expect((await union.request(DELETE, { name: 'to-delete' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await names()).toContain('to-delete');
      expect(await owner.data(DELETE, { name: 'to-delete' })).toEqual({ deleteCubeQuery: { name: 'to-delete' } });
      expect(await names()).not.toContain('to-delete');
    });
  });
});

describe('an export within the hourly budget', () => {
  let graph: TestGraph;
  let synthetic: string;
  // A page of 500 rows is estimated at 561 (6 points): two pages fit in 13 points, the third does not.
  const demand = { ...DEFAULT_DEMAND_CONTROL, pointsPerHour: { ...DEFAULT_DEMAND_CONTROL.pointsPerHour, ANALYST: 13 } };
  beforeAll(async () => {
    graph = await startGraph({ demand });
    synthetic = await seedContest(graph, 3000);
  }, 120_000);
  afterAll(() => graph?.stop());

  it.each(['csv', 'xlsx'])(
    'a %s export stops when the points run out mid-export: the response is aborted and the refused page’s statement never runs',
    async (format) => {
      const origin = graph.gatewayUrl.replace(/\/graphql$/, '');
      const variables = { list: 'SUBMISSIONS', contest: synthetic, first: 500 };
      // One page's statements, by another analyst (its own budget).
      graph.resetStatements();
      await (await graph.as('ANALYST', { sub: `probe-${format}` })).data(TABLE, variables);
      const perPage = graph.statements().analytics;
      expect(perPage).toBeGreaterThan(0);

      graph.resetStatements();
      const bearer = await graph.auth.client.signDev({ roles: ['ANALYST'], sub: `exporter-${format}` });
      const url = `${origin}/export/submissions.${format}?contest=${synthetic}`;
      const response = await fetch(url, { headers: { authorization: `Bearer ${bearer}` } });
      expect(response.status).toBe(200);
      await expect(response.arrayBuffer()).rejects.toThrow();
      expect(graph.statements().analytics).toBe(2 * perPage);

      const again = await fetch(url, { headers: { authorization: `Bearer ${bearer}` } });
      expect(again.status).toBe(429);
      expect(again.headers.get('content-disposition')).toBeNull();
      expect(((await again.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('RATE_LIMITED');
      expect(again.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(graph.statements().analytics).toBe(2 * perPage);
    },
  );
});
