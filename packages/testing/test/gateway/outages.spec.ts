import { Factories, type GraphResponse, type TestGraph, startGraph } from '../../src';
import { answerWith, bringBack, hang, pointsIntoData, takeDown } from './outages';

const ORGANIZATIONS_ONLY = `{ organizations(first: 5) { totalCount nodes { id name } } }`;
const ONE_SUBMISSION = `query($id: ID!) { submission(id: $id) { title organization { name } honors { status } } }`;
const A_LIST = `query($code: String!) { contest(code: $code) { name submissions(first: 10) { nodes { title honors { status } } } } }`;

type Kind = 'organizations only' | 'one submission' | 'a list';
interface Sample {
  kind: Kind;
  startedAt: number;
  endedAt: number;
  result: GraphResponse<Record<string, unknown>>;
}

const TIMEOUT_MS = 4000;

describe('a subgraph that goes down under a steady stream of requests', () => {
  let graph: TestGraph;
  let submissionId: string;
  let contestCode: string;

  beforeAll(async () => {
    graph = await startGraph({ subgraphTimeoutMs: TIMEOUT_MS });
    const make = new Factories(graph.gateway);
    const contest = await make.contest();
    contestCode = contest.code;
    const unit = await make.organization({ name: '上海微系统与信息技术研究所', kind: 'RESEARCH_INSTITUTE' });
    submissionId = (await make.submission({ contestId: contest.id, organizationId: unit.id, title: '超导纳米线单光子探测器' })).id;
    await make.submission({ contestId: contest.id, organizationId: unit.id, title: '太赫兹量子级联激光器' });
  });
  afterAll(() => graph?.stop());

  const ask = async (kind: Kind): Promise<Sample> => {
    const startedAt = Date.now();
    const result =
      kind === 'organizations only'
        ? await graph.gateway.request(ORGANIZATIONS_ONLY)
        : kind === 'one submission'
          ? await graph.gateway.request(ONE_SUBMISSION, { id: submissionId })
          : await graph.gateway.request(A_LIST, { code: contestCode });
    return { kind, startedAt, endedAt: Date.now(), result };
  };

  it('answers the rest in full, names the missing subgraph within the timeout, and recovers by itself', async () => {
    const samples: Sample[] = [];
    let running = true;
    const worker = async () => {
      while (running) for (const kind of ['organizations only', 'one submission', 'a list'] as const) samples.push(await ask(kind));
    };
    const workers = [worker(), worker()];
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

    await pause(1000);
    const downAt = Date.now();
    const port = await takeDown(graph.subgraphs.honors);
    const downDone = Date.now();
    await pause(2000);
    const upAt = Date.now();
    await bringBack(graph.subgraphs.honors, port);
    const upDone = Date.now();
    await pause(1500);
    running = false;
    await Promise.all(workers);

    const before = samples.filter((s) => s.endedAt < downAt);
    const during = samples.filter((s) => s.startedAt > downDone && s.endedAt < upAt);
    const after = samples.filter((s) => s.startedAt > upDone);
    for (const phase of [before, during, after]) {
      for (const kind of ['organizations only', 'one submission', 'a list'])
        expect(phase.filter((s) => s.kind === kind).length).toBeGreaterThan(0);
    }

    // Before and after: every answer whole.
    for (const sample of [...before, ...after]) expect(sample.result.errors).toBeUndefined();

    // During: what honors does not serve is untouched.
    for (const sample of during.filter((s) => s.kind === 'organizations only')) {
      expect(sample.result.errors).toBeUndefined();
      expect((sample.result.data as { organizations: { totalCount: number } }).organizations.totalCount).toBeGreaterThan(0);
    }
    // What it does serve comes back as partial data and one error that names it, in time.
    for (const sample of during.filter((s) => s.kind !== 'organizations only')) {
      expect(sample.endedAt - sample.startedAt).toBeLessThan(TIMEOUT_MS);
      expect(sample.result.status).toBe(200);
      expect(sample.result.errors).toEqual([
        {
          message: expect.stringMatching(/honors service is unavailable/),
          path: sample.kind === 'one submission' ? ['submission'] : ['contest', 'submissions', 'nodes'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'honors' },
        },
      ]);
      expect(pointsIntoData(sample.result.data, sample.result.errors![0]!.path)).toBe(true);
    }
    const one = during.find((s) => s.kind === 'one submission')!.result.data;
    expect(one).toEqual({
      submission: { title: '超导纳米线单光子探测器', organization: { name: '上海微系统与信息技术研究所' }, honors: null },
    });
    const list = during.find((s) => s.kind === 'a list')!.result.data as { contest: { name: string; submissions: { nodes: unknown[] } } };
    expect(list.contest.submissions.nodes).toHaveLength(2);
    expect(list.contest.submissions.nodes).toEqual(
      expect.arrayContaining([
        { title: '超导纳米线单光子探测器', honors: null },
        { title: '太赫兹量子级联激光器', honors: null },
      ]),
    );
  });
});

describe('errors a subgraph reports inside an entity fetch', () => {
  let graph: TestGraph;
  let contestCode: string;

  beforeAll(async () => {
    graph = await startGraph();
    const make = new Factories(graph.gateway);
    const contest = await make.contest();
    contestCode = contest.code;
    const unit = await make.organization({ name: '上海天文台', kind: 'RESEARCH_INSTITUTE' });
    await make.submission({ contestId: contest.id, organizationId: unit.id, title: '射电望远镜终端' });
    await make.submission({ contestId: contest.id, organizationId: unit.id, title: '脉冲星导航' });
  });
  afterAll(() => graph?.stop());

  const entities = (body: { variables?: Record<string, unknown> }) => (body.variables?.representations as unknown[]).map(() => null);

  it('point at the entity’s place in the answer, with its index in the list', async () => {
    const restore = answerWith(graph.subgraphs.honors.service.http, (body) => ({
      data: { _entities: entities(body) },
      errors: [{ message: 'Not allowed', path: ['_entities', 1, 'honors'], extensions: { code: 'FORBIDDEN' } }],
    }));
    try {
      const result = await graph.gateway.request(A_LIST, { code: contestCode });
      expect(result.errors).toEqual([
        {
          message: 'Not allowed',
          path: ['contest', 'submissions', 'nodes', 1, 'honors'],
          extensions: { code: 'FORBIDDEN', serviceName: 'honors' },
        },
      ]);
      expect(pointsIntoData(result.data, ['contest', 'submissions', 'nodes', 1])).toBe(true);
    } finally {
      restore();
    }
  });

  it('lose a path that names no entity, rather than carry the planner’s `@` and `_entities` to the client', async () => {
    const restore = answerWith(graph.subgraphs.honors.service.http, () => ({
      data: null,
      errors: [{ message: 'Representations refused', path: ['_entities'], extensions: { code: 'BAD_USER_INPUT' } }],
    }));
    try {
      const result = await graph.gateway.request(A_LIST, { code: contestCode });
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]).toEqual({
        message: 'Representations refused',
        extensions: { code: 'BAD_USER_INPUT', serviceName: 'honors' },
      });
      const titles = (result.data as { contest: { submissions: { nodes: { title: string }[] } } }).contest.submissions.nodes.map(
        (n) => n.title,
      );
      expect(titles.sort()).toEqual(['射电望远镜终端', '脉冲星导航'].sort());
    } finally {
      restore();
    }
  });
});

describe('a subgraph that hangs', () => {
  const timeoutMs = 1500;
  let graph: TestGraph;
  let submissionId: string;

  beforeAll(async () => {
    graph = await startGraph({ subgraphTimeoutMs: timeoutMs });
    const make = new Factories(graph.gateway);
    const contest = await make.contest();
    const unit = await make.organization({ name: '上海光源', kind: 'RESEARCH_INSTITUTE' });
    submissionId = (await make.submission({ contestId: contest.id, organizationId: unit.id, title: '硬X射线自由电子激光' })).id;
  });
  afterAll(() => graph?.stop());

  it('is given up after the gateway’s deadline: the rest of the answer arrives with SUBGRAPH_TIMEOUT naming it', async () => {
    const release = hang(graph.subgraphs.honors.service.http);
    try {
      const started = Date.now();
      const [result, elsewhere] = await Promise.all([
        graph.gateway.request(ONE_SUBMISSION, { id: submissionId }),
        graph.gateway.request(ORGANIZATIONS_ONLY),
      ]);
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(timeoutMs - 100);
      expect(took).toBeLessThan(timeoutMs + 3000);
      expect(result.data).toEqual({ submission: { title: '硬X射线自由电子激光', organization: { name: '上海光源' }, honors: null } });
      expect(result.errors).toEqual([
        {
          message: expect.stringMatching(/honors service did not answer in time/),
          path: ['submission'],
          extensions: { code: 'SUBGRAPH_TIMEOUT', service: 'honors' },
        },
      ]);
      expect(elsewhere.errors).toBeUndefined();
    } finally {
      release();
    }
    const recovered = await graph.gateway.request(ONE_SUBMISSION, { id: submissionId });
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data).toEqual({ submission: { title: '硬X射线自由电子激光', organization: { name: '上海光源' }, honors: [] } });
  });

  it('names the subgraph of a root field that does not answer, pointing at that field', async () => {
    const release = hang(graph.subgraphs.submissions.service.http);
    try {
      const result = await graph.gateway.request(
        `query($id: ID!) { mine: submission(id: $id) { title } organizations(first: 1) { totalCount } }`,
        {
          id: submissionId,
        },
      );
      expect(result.data).toEqual({ mine: null, organizations: { totalCount: expect.any(Number) } });
      expect(result.errors).toEqual([
        { message: expect.any(String), path: ['mine'], extensions: { code: 'SUBGRAPH_TIMEOUT', service: 'submissions' } },
      ]);
    } finally {
      release();
    }
  });
});
