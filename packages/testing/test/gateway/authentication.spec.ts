import { SignJWT } from 'jose';
import { DEV_JWT_SECRET, authEnv, loadConfig } from '@meritgraph/config';
import { Factories, type TestGraph, startGraph } from '../../src';

const env = loadConfig(authEnv, {});
const now = () => Math.floor(Date.now() / 1000);
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const sign = (claims: { aud?: string; exp?: number }, secret = DEV_JWT_SECRET) =>
  new SignJWT({ roles: ['ADMIN'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(env.JWT_ISSUER)
    .setAudience(claims.aud ?? env.JWT_AUDIENCE)
    .setExpirationTime(claims.exp ?? now() + 600)
    .sign(new TextEncoder().encode(secret));

describe('authentication at the gateway', () => {
  let graph: TestGraph;
  beforeAll(async () => (graph = await startGraph()));
  afterAll(() => graph?.stop());

  const withToken = (token: string) => graph.anonymous.with({ authorization: `Bearer ${token}` }).request('{ contests { totalCount } }');

  it.each([
    ['a forged (another secret)', () => sign({}, 'an-attacker-chosen-secret-of-enough-length')],
    ['an expired', () => sign({ exp: now() - 30 })],
    [
      'an alg none',
      async () =>
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ roles: ['ADMIN'], iss: env.JWT_ISSUER, aud: env.JWT_AUDIENCE, exp: now() + 600 })}.`,
    ],
    ['a wrong-audience', () => sign({ aud: 'another-service' })],
    ['a non-JWT', async () => 'garbage'],
  ])('%s token gets 401 UNAUTHENTICATED, never anonymous access', async (_name, make) => {
    const result = await withToken(await make());
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeUndefined();
  });

  it('a malformed Authorization header gets 401 too', async () => {
    const result = await graph.anonymous.with({ authorization: 'Basic YWRtaW46YWRtaW4=' }).request('{ contests { totalCount } }');
    expect(result.status).toBe(401);
  });

  it('a request with no token is served as anonymous', async () => {
    const result = await graph.anonymous.request('{ contests { totalCount } }');
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
  });

  it('a valid token is honored', async () => {
    const result = await graph.anonymous
      .with({ authorization: `Bearer ${await sign({})}` })
      .request(`mutation { createContest(input: { code: "auth-ok", name: "Token test", year: 2019 }) { code } }`);
    expect(result.errors).toBeUndefined();
  });
});

describe('subgraphs called directly, without the gateway', () => {
  let graph: TestGraph;
  let personId: string;
  let draftId: string;

  beforeAll(async () => {
    graph = await startGraph();
    const make = new Factories(graph.gateway);
    const contest = await make.contest();
    const unit = await make.organization();
    draftId = (await make.submission({ contestId: contest.id, organizationId: unit.id })).id;
    const { createPerson } = await graph.gateway.data<{ createPerson: { id: string } }>(
      `mutation($org: ID!) { createPerson(input: { name: "张三", organizationId: $org, phone: "13912345678", email: "zhang@example.org" }) { id } }`,
      { org: unit.id },
    );
    personId = createPerson.id;
    await make.honor({ contestId: contest.id, awardTypeCode: 'MAY_DAY_AWARD', recipientKind: 'ORGANIZATION', recipientId: unit.id });
  });
  afterAll(() => graph?.stop());

  const entity = (typename: string, id: string, fields: string) =>
    `{ _entities(representations: [{ __typename: "${typename}", id: "${id}" }]) { ... on ${typename} { ${fields} } } }`;
  const bearer = async (roles: ('ADMIN' | 'AGENCY')[]) => `Bearer ${await graph.auth.client.signDev({ roles })}`;

  it('without a token, organizations serves no contact data', async () => {
    const result = await graph.direct('organizations').request(entity('Person', personId, 'name phone email'));
    expect(result.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(result.data)).not.toMatch(/13912345678|zhang@example/);
  });

  it("with a client's ADMIN token, submissions still serves only what the public may see", async () => {
    const result = await graph
      .direct('submissions')
      .with({ authorization: await bearer(['ADMIN']) })
      .request(entity('Submission', draftId, 'title'));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(result.data)).not.toMatch(/Achievement/);
  });

  it('with a forged gateway token, the subgraph treats the caller as anonymous', async () => {
    const forged = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('meritgraph:gateway')
      .setAudience('meritgraph:submissions')
      .setExpirationTime(now() + 60)
      .sign(new TextEncoder().encode('not-the-internal-secret-but-long-enough'));
    const result = await graph
      .direct('submissions')
      .with({ authorization: `Bearer ${forged}` })
      .request(`{ submissions { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a gateway token addressed to one subgraph is worthless at another', async () => {
    const forOrganizations = await graph.auth.internal.forCaller({ roles: ['ADMIN'] }, 'organizations');
    const result = await graph
      .direct('submissions')
      .with({ authorization: `Bearer ${forOrganizations}` })
      .request(`{ submissions { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const rightOne = await graph.auth.internal.forCaller({ roles: ['ADMIN'] }, 'submissions');
    const allowed = await graph
      .direct('submissions')
      .with({ authorization: `Bearer ${rightOne}` })
      .request<{ submissions: { totalCount: number } }>(`{ submissions { totalCount } }`);
    expect(allowed.data?.submissions.totalCount).toBe(1);
  });

  it('honors accepts an AGENCY token directly, and serves it public records only', async () => {
    const agency = graph.direct('honors').with({ authorization: await bearer(['AGENCY']) });
    const honors = await agency.request<{ honors: { totalCount: number } }>(`{ honors { totalCount } }`);
    expect(honors.errors).toBeUndefined();
    expect(honors.data?.honors.totalCount).toBe(0); // the only honor is still NOMINATED
    const admin = graph.direct('honors').with({ authorization: await bearer(['ADMIN']) });
    expect((await admin.request<{ honors: { totalCount: number } }>(`{ honors { totalCount } }`)).data?.honors.totalCount).toBe(0);
    expect((await graph.gateway.request<{ honors: { totalCount: number } }>(`{ honors { totalCount } }`)).data?.honors.totalCount).toBe(1);
  });

  it('no subgraph accepts a write without the gateway', async () => {
    const result = await graph
      .direct('organizations')
      .with({ authorization: await bearer(['ADMIN']) })
      .request(`mutation { createContest(input: { code: "direct-write", name: "Direct", year: 2019 }) { id } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const check = await graph.gateway.data<{ contest: unknown }>(`{ contest(code: "direct-write") { id } }`);
    expect(check.contest).toBeNull();
  });
});
