import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../../src';

type Evidence = { fileName: string; size: number; sha256: string; downloadUrl: string | null } | null;

/** A prior honor's proof can be a file: a certificate's scan, uploaded by the unit until the office verifies the honor. */
describe("a prior honor's proof as a file", () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let unit: GraphClient;
  let stranger: GraphClient;
  let origin: string;
  let submissionId: string;

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    origin = new URL(graph.gatewayUrl).origin;
    const make = new Factories(admin);
    const contest = await make.contest({ code: 'evidence-2019' });
    const own = (await make.organization({ name: '上海电气', kind: 'ENTERPRISE' })).id;
    const other = (await make.organization({ name: '宝武钢铁', kind: 'ENTERPRISE' })).id;
    await make.enrol(contest.id, own);
    submissionId = (await make.submission({ contestId: contest.id, organizationId: own, title: '百万千瓦级核电机组' })).id;
    unit = await graph.as('SUBMITTER', { org: own, sub: 'unit-clerk' });
    stranger = await graph.as('SUBMITTER', { org: other });
  });
  afterAll(() => graph?.stop());

  const record = async () =>
    (
      await unit.data<{ recordPriorHonor: { id: string } }>(
        `mutation($s: ID!) { recordPriorHonor(input: { submissionId: $s, level: NATIONAL, name: "国家科学技术进步奖二等奖", issuer: "国务院", year: 2017 }) { id } }`,
        { s: submissionId },
      )
    ).recordPriorHonor.id;
  const ask = (client: GraphClient, priorHonorId: string, bytes: Buffer) =>
    client.request<{ createPriorHonorEvidenceUpload: { uploadUrl: string } }>(
      `mutation($input: EvidenceUploadInput!) { createPriorHonorEvidenceUpload(input: $input) { uploadUrl } }`,
      { input: { priorHonorId, fileName: '获奖证书.pdf', contentType: 'application/pdf', size: bytes.length } },
    );
  const put = (url: string, body: Buffer) =>
    fetch(`${origin}${url}`, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(body) });
  const evidenceOf = async (client: GraphClient, id: string): Promise<Evidence> => {
    const { submission } = await client.data<{ submission: { priorHonors: { id: string; evidenceFile: Evidence }[] } }>(
      `query($s: ID!) { submission(id: $s) { priorHonors { id evidenceFile { fileName size sha256 downloadUrl } } } }`,
      { s: submissionId },
    );
    return submission.priorHonors.find((p) => p.id === id)?.evidenceFile ?? null;
  };
  const code = (r: GraphResponse<unknown>) => r.errors?.[0]?.extensions?.code;

  it('takes the unit’s certificate scan, serves it to the office, and replaces it with a newer one', async () => {
    const id = await record();
    const first = Buffer.from('%PDF-1.4\n% 证书\n%%EOF\n');
    const ticket = await ask(unit, id, first);
    expect(ticket.errors).toBeUndefined();
    expect(ticket.data!.createPriorHonorEvidenceUpload.uploadUrl).toMatch(/^\/files\/honors\/upload\//);
    expect((await put(ticket.data!.createPriorHonorEvidenceUpload.uploadUrl, first)).status).toBe(201);
    const seen = await evidenceOf(admin, id);
    expect(seen).toMatchObject({ fileName: '获奖证书.pdf', size: first.length });
    const download = await fetch(`${origin}${seen!.downloadUrl}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(first);
    const keys = await graph.files.honors.storage.keys();
    expect(keys).toHaveLength(1);

    const second = Buffer.from('%PDF-1.4\n% 证书（盖章）\n%%EOF\n');
    expect((await put((await ask(unit, id, second)).data!.createPriorHonorEvidenceUpload.uploadUrl, second)).status).toBe(201);
    expect(await evidenceOf(admin, id)).toMatchObject({ size: second.length });
    const now = await graph.files.honors.storage.keys();
    expect(now).toHaveLength(1);
    expect(now).not.toEqual(keys);
  });

  it("refuses another unit's upload and a verified honor's, and stores nothing", async () => {
    const id = await record();
    const bytes = Buffer.from('%PDF-1.4\n%%EOF\n');
    const before = await graph.files.honors.storage.keys();
    expect(code(await ask(stranger, id, bytes))).toBe('FORBIDDEN');
    const ticket = (await ask(unit, id, bytes)).data!.createPriorHonorEvidenceUpload;
    await admin.data(`mutation($id: ID!) { verifyPriorHonor(id: $id) { verified } }`, { id });
    const late = await put(ticket.uploadUrl, bytes);
    expect(late.status).toBe(409);
    expect(((await late.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('ATTACHMENT_LOCKED');
    expect(code(await ask(unit, id, bytes))).toBe('ATTACHMENT_LOCKED');
    expect(await evidenceOf(admin, id)).toBeNull();
    expect(await graph.files.honors.storage.keys()).toEqual(before);
  });

  it('removes an unverified proof file with its stored bytes', async () => {
    const id = await record();
    const bytes = Buffer.from('%PDF-1.4\n% 待删除\n%%EOF\n');
    await put((await ask(unit, id, bytes)).data!.createPriorHonorEvidenceUpload.uploadUrl, bytes);
    const before = (await graph.files.honors.storage.keys()).length;
    expect(code(await stranger.request(`mutation($id: ID!) { removePriorHonorEvidence(priorHonorId: $id) { id } }`, { id }))).toBe(
      'FORBIDDEN',
    );
    expect(await graph.files.honors.storage.keys()).toHaveLength(before);
    const removed = await unit.request(`mutation($id: ID!) { removePriorHonorEvidence(priorHonorId: $id) { id } }`, { id });
    expect(removed.errors).toBeUndefined();
    expect(await evidenceOf(admin, id)).toBeNull();
    expect(await graph.files.honors.storage.keys()).toHaveLength(before - 1);
  });
});
