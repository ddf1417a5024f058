import { type IncomingHttpHeaders, type Server, createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SUBGRAPH_NAMES, type SubgraphName, authEnv, demandEnv, loadConfig } from '@meritgraph/config';
import { createServer, readSupergraph } from '@meritgraph/gateway';
import { type Service, demandControlFrom, serviceAuth } from '@meritgraph/subgraph-kit';

/**
 * The gateway passes a subgraph's file URLs, the imports and their templates on to the subgraph
 * that serves them, streamed, so that browsers and scripts use one origin. Each subgraph here is
 * a recorder that answers what reached it.
 */
interface Arrival {
  subgraph: SubgraphName;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  bytes: number;
}

describe('the gateway passes files, imports and templates through to their subgraph', () => {
  const arrivals: Arrival[] = [];
  const recorders: Server[] = [];
  let gateway: Service;
  let origin: string;
  const auth = serviceAuth(loadConfig(authEnv, {}));
  let urls: Record<SubgraphName, string>;

  beforeAll(async () => {
    urls = {} as Record<SubgraphName, string>;
    for (const subgraph of SUBGRAPH_NAMES) {
      const server = createHttpServer(async (req, res) => {
        let bytes = 0;
        for await (const chunk of req as AsyncIterable<Buffer>) bytes += chunk.length;
        arrivals.push({ subgraph, method: req.method!, path: req.url!, headers: req.headers, bytes });
        res.writeHead(201, { 'content-type': 'application/json', 'x-answered-by': subgraph });
        res.end(JSON.stringify({ subgraph, bytes }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      recorders.push(server);
      urls[subgraph] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    }
    gateway = await createServer({
      supergraphSdl: readSupergraph(),
      auth,
      subgraphUrls: urls,
    });
    origin = await gateway.start(0);
  });
  afterAll(async () => {
    await gateway?.stop();
    for (const server of recorders) if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => arrivals.splice(0));

  it('streams an upload to the submissions service under /files/, with the query string and every byte, and no token', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 7);
    const client = `Bearer ${await auth.client.signDev({ roles: ['SUBMITTER'], org: 'unit-1' })}`;
    const response = await fetch(`${origin}/files/submissions/upload/abc.def?x=1`, {
      method: 'PUT',
      headers: { authorization: client, cookie: 'session=1', 'content-type': 'application/pdf' },
      body,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-answered-by')).toBe('submissions');
    expect(arrivals).toEqual([
      expect.objectContaining({ subgraph: 'submissions', method: 'PUT', path: '/files/upload/abc.def?x=1', bytes: body.length }),
    ]);
    // The signed URL is the permission: the caller's token and cookies stop at the gateway.
    expect(arrivals[0]!.headers.authorization).toBeUndefined();
    expect(arrivals[0]!.headers.cookie).toBeUndefined();
    expect(arrivals[0]!.headers['content-type']).toBe('application/pdf');
  });

  it("sends an import on with the graph's own token for the caller, never the caller's", async () => {
    const client = `Bearer ${await auth.client.signDev({ roles: ['ADMIN'], sub: 'office-1' })}`;
    await fetch(`${origin}/imports/people?mode=dry-run`, { method: 'POST', headers: { authorization: client }, body: 'x' });
    const sent = arrivals[0]!.headers.authorization!;
    expect(sent).not.toBe(client);
    await expect(auth.internal.verify(sent.replace('Bearer ', ''), 'organizations')).resolves.toEqual(
      expect.objectContaining({ roles: ['ADMIN'], sub: 'office-1' }),
    );
  });

  it('refuses an import with a forged token with a coded 401, and forwards nothing', async () => {
    const response = await fetch(`${origin}/imports/people?mode=commit`, {
      method: 'POST',
      headers: { authorization: 'Bearer forged.token.here' },
      body: 'x',
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(arrivals).toEqual([]);
  });

  it('sends each import and template to the subgraph that owns its kind', async () => {
    await fetch(`${origin}/imports/organizations?mode=dry-run`, { method: 'POST', body: 'x' });
    await fetch(`${origin}/imports/experts?mode=commit`, { method: 'POST', body: 'xy' });
    await fetch(`${origin}/templates/enrolments.xlsx`);
    expect(arrivals.map((a) => [a.subgraph, a.method, a.path, a.bytes])).toEqual([
      ['organizations', 'POST', '/imports/organizations?mode=dry-run', 1],
      ['expert-review', 'POST', '/imports/experts?mode=commit', 2],
      ['organizations', 'GET', '/templates/enrolments.xlsx', 0],
    ]);
  });

  it.each([
    ['a subgraph that keeps no files', '/files/expert-review/download/abc'],
    ['a file path with nothing after the subgraph', '/files/submissions'],
    ['an unknown import kind', '/imports/passwords'],
    ['a kind that is an inherited property name', '/imports/constructor'],
    ['an unknown template', '/templates/passwords.xlsx'],
    ['a template that is not a workbook', '/templates/people.csv'],
  ])('answers %s with a coded 404 and forwards nothing', async (_, path) => {
    const response = await fetch(`${origin}${path}`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('NOT_FOUND');
    expect(arrivals).toEqual([]);
  });

  it('answers a coded 502 naming the service when the subgraph does not answer', async () => {
    const response = await fetch(`${origin}/files/honors/download/abc`);
    expect(response.status).toBe(201);
    const honors = recorders[SUBGRAPH_NAMES.indexOf('honors')]!;
    await new Promise<void>((resolve) => honors.close(() => resolve()));
    const refused = await fetch(`${origin}/files/honors/download/abc`);
    expect(refused.status).toBe(502);
    expect(await refused.json()).toEqual({
      errors: [{ message: 'The honors service is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'honors' } }],
    });
  });

  it("spends the caller's hourly points on each import and file, and refuses with 429 RATE_LIMITED before forwarding once they are spent", async () => {
    // Small hourly budgets, so that the points an import or a file spends run out within the test.
    const demand = demandControlFrom(loadConfig(demandEnv, { RATE_POINTS_ORGANIZER: '100', RATE_POINTS_ANONYMOUS: '3' }));
    const budgeted = await createServer({ supergraphSdl: readSupergraph(), auth, subgraphUrls: urls, demand });
    const origin = await budgeted.start(0);
    const organizer = `Bearer ${await auth.client.signDev({ roles: ['ORGANIZER'], org: 'union-1', sub: 'union-clerk' })}`;
    const imports = [];
    for (let i = 0; i < 3; i++) {
      imports.push(
        await fetch(`${origin}/imports/enrolments?mode=dry-run`, { method: 'POST', headers: { authorization: organizer }, body: 'x' }),
      );
    }
    expect(imports.map((r) => r.status)).toEqual([201, 201, 429]);
    expect(((await imports[2]!.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
    const downloads = [];
    for (let i = 0; i < 4; i++) downloads.push((await fetch(`${origin}/files/submissions/download/a.b`)).status);
    expect(downloads).toEqual([201, 201, 201, 429]);
    expect(arrivals.map((a) => a.path)).toEqual([
      '/imports/enrolments?mode=dry-run',
      '/imports/enrolments?mode=dry-run',
      '/files/download/a.b',
      '/files/download/a.b',
      '/files/download/a.b',
    ]);
    await budgeted.stop();
  });
});
