import { ROLES, type Role } from '@meritgraph/domain';
import { readSupergraph } from '@meritgraph/gateway';
import { type RunningHiveGateway, startHiveGateway } from '@meritgraph/hive-gateway/runtime';
import { Factories, GraphClient, type GraphResponse, type TestGraph, startGraph } from '../../src';
import { type ReadmeOperation, readmeOperations } from './readme-operations';

/**
 * The committed supergraph served by Hive Gateway, configured with the platform's own token
 * code, answers the README's operations exactly as the platform's gateway does: for an
 * anonymous caller and for every role, on the same subgraphs.
 */

interface Caller {
  name: string;
  headers: Record<string, string>;
}

/** What a client can tell apart: the HTTP status, the data, and each error's code, path and message. */
function answer(response: GraphResponse<unknown>) {
  const errors = (response.errors ?? [])
    .map((e) => ({ code: e.extensions?.code, path: e.path, message: e.message }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { status: response.status, data: response.data, errors };
}

describe('the supergraph on Hive Gateway', () => {
  let graph: TestGraph;
  let hive: RunningHiveGateway;
  let callers: Caller[];
  const operations: ReadmeOperation[] = readmeOperations();

  beforeAll(async () => {
    graph = await startGraph();
    hive = await startHiveGateway({
      supergraphSdl: readSupergraph(),
      auth: graph.auth,
      subgraphUrls: Object.fromEntries(Object.entries(graph.subgraphs).map(([name, sub]) => [name, sub.url])),
    });

    // The README's contest in small: its code, the units its queries name, a submission, a round, an expert, an honor conferred.
    const admin = graph.gateway;
    const make = new Factories(admin);
    const union = (await make.organization({ name: '上海市医务工会', kind: 'INDUSTRY_UNION' })).id;
    const hospital = (await make.organization({ name: '复旦大学附属中山医院', kind: 'HOSPITAL', parentId: union })).id;
    const institute = (await make.organization({ name: '中国科学院上海应用物理研究所', kind: 'RESEARCH_INSTITUTE', parentId: union })).id;
    const contest = (await make.contest({ code: operations[0]!.variables.code as string, name: '聚力新科技，奋进新时代' })).id;
    await admin.data(
      `mutation($c: ID!) { createMilestone(input: { contestId: $c, date: "2019-03-29", kind: LAUNCH, title: "启动" }) { id } }`,
      {
        c: contest,
      },
    );
    // Like 2019, the contest checks its entries' form: the figures count the accepted ones.
    await admin.data(`mutation($c: ID!) { updateContest(id: $c, input: { requiresFormCheck: true }) { id } }`, { c: contest });
    await admin.data(`mutation($c: ID!) { changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id } }`, { c: contest });
    const track = await admin.data<{ createTrack: { id: string } }>(
      `mutation($c: ID!) { createTrack(input: { contestId: $c, code: "BIOMED", name: "生物医药" }) { id } }`,
      { c: contest },
    );
    const person = await admin.data<{ createPerson: { id: string } }>(
      `mutation($o: ID!) { createPerson(input: { name: "卢超", organizationId: $o }) { id } }`,
      { o: hospital },
    );
    await make.enrol(contest, hospital);
    const submission = await admin.data<{ createSubmission: { id: string } }>(
      `mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id } }`,
      {
        input: {
          contestId: contest,
          organizationId: hospital,
          trackId: track.createTrack.id,
          leaderId: person.createPerson.id,
          title: '隧道内镜技术治疗胃肠道及其腔外病变的新应用',
          summary: '经隧道内镜治疗胃肠道及其腔外病变。',
          achievementKind: 'PROCESS',
          keywords: ['内镜'],
          applicationEffect: '已推广应用。',
        },
      },
    );
    await admin.data(`mutation($s: ID!) { submitSubmission(id: $s, expectedVersion: 1) { id } }`, { s: submission.createSubmission.id });
    await admin.data(`mutation($s: ID!) { acceptSubmissions(inputs: [{ id: $s, expectedVersion: 2 }]) { id } }`, {
      s: submission.createSubmission.id,
    });
    await make.reviewRound({ contestId: contest, name: '初审' });
    const expert = await admin.data<{ createExpert: { id: string } }>(
      `mutation($p: ID!) { createExpert(input: { personId: $p, expertise: ["BIOMED"], title: CHIEF_PHYSICIAN }) { id } }`,
      { p: person.createPerson.id },
    );
    const honor = await make.honor({
      contestId: contest,
      awardTypeCode: 'MAY_DAY_AWARD',
      recipientKind: 'ORGANIZATION',
      recipientId: institute,
    });
    await admin.data(`mutation($ids: [ID!]!) { proposeHonors(ids: $ids) { id } }`, { ids: [honor.id] });
    graph.setNow(new Date('2019-11-29T02:00:00Z'));
    await admin.data(`mutation($ids: [ID!]!) { announceHonors(ids: $ids) { id } }`, { ids: [honor.id] });
    graph.setNow(new Date('2019-12-09T02:00:00Z'));
    await admin.data(
      `mutation($ids: [ID!]!) { conferHonors(ids: $ids, input: { decisionNumber: "沪工总〔2020〕1号", conferredOn: "2020-01-15" }) { id } }`,
      {
        ids: [honor.id],
      },
    );

    const claims: Record<Role, Record<string, string>> = {
      ADMIN: { sub: 'office-admin' },
      ORGANIZER: { sub: 'union-organizer', org: union },
      SUBMITTER: { sub: 'hospital-submitter', org: hospital },
      EXPERT: { sub: 'expert-lu', expert: expert.createExpert.id },
      ANALYST: { sub: 'analyst' },
      AGENCY: { sub: 'agency' },
    };
    callers = [
      { name: 'anonymous', headers: {} },
      ...(await Promise.all(
        ROLES.map(async (role) => ({
          name: role,
          headers: { authorization: `Bearer ${await graph.auth.client.signDev({ roles: [role], ...claims[role] })}` },
        })),
      )),
    ];
  });
  afterAll(async () => {
    await hive?.stop();
    await graph?.stop();
  });

  const ask = (url: string, caller: Caller, operation: ReadmeOperation) =>
    new GraphClient(url, caller.headers).request(operation.query, operation.variables);

  it('reads the four operations of the README, the figures query first, with the variables it documents', () => {
    expect(operations.map((o) => o.name)).toEqual(['Figures', 'Leaderboard', 'Story', 'OrganizationHonors']);
    expect(operations[0]!.variables).toEqual({ code: '2019-sci-tech' });
  });

  it('gives every caller the same answers as the platform gateway, for every README operation', async () => {
    const differences: string[] = [];
    for (const caller of callers) {
      for (const operation of operations) {
        const [ours, theirs] = await Promise.all([ask(graph.gatewayUrl, caller, operation), ask(hive.url, caller, operation)]);
        if (JSON.stringify(answer(ours)) !== JSON.stringify(answer(theirs))) {
          differences.push(
            `${caller.name} ${operation.name}:\n  ours   ${JSON.stringify(answer(ours))}\n  theirs ${JSON.stringify(answer(theirs))}`,
          );
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it('has answers worth comparing: the office sees the contest, the public its honors and refusals for the rest', async () => {
    const [figures, , story, honors] = operations;
    const admin = callers.find((c) => c.name === 'ADMIN')!;
    const anonymous = callers.find((c) => c.name === 'anonymous')!;
    const office = await ask(hive.url, admin, figures!);
    expect(office.errors).toBeUndefined();
    expect(office.data).toMatchObject({
      contest: {
        participantCount: 1,
        submissions: { totalCount: 1 },
        honorsSummary: { counts: [{ awardType: { code: 'MAY_DAY_AWARD' }, status: 'CONFERRED', count: 1 }] },
      },
      experts: { totalCount: 1 },
    });
    const achievement = await ask(hive.url, admin, story!);
    expect(achievement.data).toMatchObject({
      contest: {
        submissions: {
          nodes: [{ title: '隧道内镜技术治疗胃肠道及其腔外病变的新应用', organization: { parent: { name: '上海市医务工会' } } }],
        },
      },
    });
    const publicHonors = await ask(hive.url, anonymous, honors!);
    expect(publicHonors.data).toMatchObject({
      organizations: { nodes: [{ honors: [{ status: 'CONFERRED', decisionNumber: '沪工总〔2020〕1号' }] }] },
    });
    const publicFigures = await ask(hive.url, anonymous, figures!);
    expect(publicFigures.errors?.map((e) => [e.extensions?.code, e.path])).toContainEqual(['FORBIDDEN', ['experts']]);
  });

  it('never hands one caller the answer fetched for another, when both ask the same at the same time', async () => {
    const admin = callers.find((c) => c.name === 'ADMIN')!;
    const anonymous = callers.find((c) => c.name === 'anonymous')!;
    const query = `{ experts(first: 1) { totalCount } }`;
    const leaked: unknown[] = [];
    let served = 0;
    for (let round = 0; round < 20; round++) {
      // Ten identical requests at once, the office's and the public's interleaved: the fetches Hive Gateway may merge.
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => {
          const caller = i % 2 ? anonymous : admin;
          return new GraphClient(hive.url, caller.headers)
            .request<{ experts: { totalCount: number } | null }>(query)
            .then((r) => ({ caller, r }));
        }),
      );
      for (const { caller, r } of answers) {
        if (caller === admin) served += r.data?.experts?.totalCount === 1 ? 1 : 0;
        else if (r.data?.experts) leaked.push(r.data);
      }
    }
    expect(served).toBe(100);
    expect(leaked).toEqual([]);
  });

  it('refuses a forged token with 401 UNAUTHENTICATED on both, never serving it as anonymous', async () => {
    const forged = {
      name: 'forged',
      headers: { authorization: `Bearer ${(await graph.auth.client.signDev({ roles: ['ADMIN'] })).slice(0, -4)}AAAA` },
    };
    const [ours, theirs] = await Promise.all([ask(graph.gatewayUrl, forged, operations[0]!), ask(hive.url, forged, operations[0]!)]);
    expect(answer(theirs)).toEqual(answer(ours));
    expect(theirs.status).toBe(401);
    expect(theirs.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(theirs.data).toBeUndefined();
  });
});
