import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../../src';

type Ticket = { uploadUrl: string; method: string; contentType: string; expiresAt: string; maxBytes: number };
type File = {
  id: string;
  position: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  downloadUrl: string | null;
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** A small PDF: the header and trailer a reader looks for around some text. */
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'utf8');

describe('attachments: a unit uploads the files of its draft, which are checked, stored, served by signed URL, and fixed once entered', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let submitter: GraphClient;
  let other: GraphClient;
  let analyst: GraphClient;
  let origin: string;
  let contestId: string;
  let unit: string;
  let trackId: string;
  let leaderId: string;
  const inside = new Date('2019-06-01T00:00:00.000Z');

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    origin = new URL(graph.gatewayUrl).origin;
    const make = new Factories(admin);
    const { createContest } = await admin.data<{ createContest: { id: string } }>(
      `mutation { createContest(input: { code: "files-2019", name: "Files", year: 2019, submissionOpensAt: "2019-04-01T00:00:00Z", submissionClosesAt: "2019-09-30T16:00:00Z" }) { id } }`,
    );
    contestId = createContest.id;
    const created = await admin.data<{ track: { id: string } }>(
      `mutation($c: ID!) { track: createTrack(input: { contestId: $c, code: "AI", name: "人工智能" }) { id } open: changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id } }`,
      { c: contestId },
    );
    trackId = created.track.id;
    unit = (await make.organization({ name: '复旦大学附属中山医院', kind: 'HOSPITAL' })).id;
    const elsewhere = (await make.organization({ name: '上海交通大学', kind: 'UNIVERSITY' })).id;
    await make.enrol(contestId, unit);
    await make.enrol(contestId, elsewhere);
    leaderId = (
      await admin.data<{ createPerson: { id: string } }>(
        `mutation($o: ID!) { createPerson(input: { name: "周平红", organizationId: $o }) { id } }`,
        {
          o: unit,
        },
      )
    ).createPerson.id;
    submitter = await graph.as('SUBMITTER', { org: unit, sub: 'unit-contact' });
    other = await graph.as('SUBMITTER', { org: elsewhere });
    analyst = await graph.as('ANALYST');
    graph.setNow(inside);
  });
  afterAll(() => graph?.stop());
  afterEach(() => graph.setNow(inside));

  const draft = async (title: string) =>
    (
      await submitter.data<{ createSubmission: { id: string } }>(
        `mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id } }`,
        { input: { contestId, organizationId: unit, title } },
      )
    ).createSubmission.id;
  /** Everything a draft needs to be entered. */
  const complete = () => ({
    trackId,
    leaderId,
    summary: '隧道内镜技术治疗胃肠道及其腔外病变。',
    achievementKind: 'TECHNOLOGY',
    keywords: ['内镜'],
    applicationEffect: '在412家医院推广应用。',
  });
  const ask = (client: GraphClient, input: Record<string, unknown>) =>
    client.request<{ createAttachmentUpload: Ticket }>(
      `mutation($input: AttachmentUploadInput!) { createAttachmentUpload(input: $input) { uploadUrl method contentType expiresAt maxBytes } }`,
      { input },
    );
  const ticketFor = async (submissionId: string, bytes: Buffer, extra: Record<string, unknown> = {}) => {
    const answer = await ask(submitter, {
      submissionId,
      fileName: '申报书.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      ...extra,
    });
    expect(answer.errors).toBeUndefined();
    return answer.data!.createAttachmentUpload;
  };
  const put = (url: string, body: Buffer, contentType = 'application/pdf') =>
    fetch(`${origin}${url}`, { method: 'PUT', headers: { 'content-type': contentType }, body: new Uint8Array(body) });
  const files = async (id: string, client: GraphClient = submitter) =>
    (
      await client.data<{ submission: { attachments: File[] } }>(
        `query($id: ID!) { submission(id: $id) { attachments { id position fileName contentType size sha256 downloadUrl } } }`,
        { id },
      )
    ).submission.attachments;
  const stored = () => graph.files.submissions.storage.keys();
  const staged = () => readdir(graph.files.submissions.staging).catch(() => []);
  const refusal = (r: GraphResponse<unknown>) => r.errors?.[0]?.extensions;
  const httpCode = async (response: Response) =>
    ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code;
  const pendingUploads = async () =>
    Number(
      ((await graph.subgraphs.submissions.db.dataSource.query('SELECT COUNT(*) AS n FROM attachment_upload')) as { n: number }[])[0]!.n,
    );

  it('uploads a PDF to a draft, measures it on the server, and serves it back under its name by a signed URL', async () => {
    const id = await draft('隧道内镜技术的新应用');
    const bytes = pdf('隧道内镜');
    const ticket = await ticketFor(id, bytes, { sha256: sha256(bytes) });
    expect(ticket).toMatchObject({ method: 'PUT', contentType: 'application/pdf', maxBytes: 50 * 1024 * 1024 });
    expect(ticket.uploadUrl).toMatch(/^\/files\/submissions\/upload\//);
    expect(new Date(ticket.expiresAt).getTime()).toBe(inside.getTime() + 15 * 60_000);
    const uploaded = await put(ticket.uploadUrl, bytes);
    expect(uploaded.status).toBe(201);
    const [file] = await files(id);
    expect(file).toMatchObject({
      position: 1,
      fileName: '申报书.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
    });
    expect(await stored()).toEqual([`${id}/${file!.id}`]);
    const download = await fetch(`${origin}${file!.downloadUrl}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="___.pdf"; filename*=UTF-8''${encodeURIComponent('申报书.pdf')}`,
    );
    expect(download.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
    const trail = await admin.data<{ submission: { auditTrail: { nodes: { action: string; actor: string }[] } } }>(
      `query($id: ID!) { submission(id: $id) { auditTrail { nodes { action actor } } } }`,
      { id },
    );
    expect(trail.submission.auditTrail.nodes).toContainEqual({ action: 'submission.attach', actor: 'unit-contact' });
  });

  it('refuses a bad declaration with a coded error naming the field, and issues no URL', async () => {
    const id = await draft('申报声明校验');
    const before = await pendingUploads();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ contentType: 'application/x-msdownload', fileName: 'setup.exe' }, 'FILE_TYPE_NOT_ALLOWED', 'contentType'],
      [{ contentType: 'application/pdf', fileName: '申报书.exe' }, 'FILE_TYPE_NOT_ALLOWED', 'fileName'],
      [{ size: 50 * 1024 * 1024 + 1 }, 'FILE_TOO_LARGE', 'size'],
      [{ fileName: '../../etc/passwd.pdf' }, 'BAD_USER_INPUT', 'fileName'],
      [{ sha256: 'ABC' }, 'BAD_USER_INPUT', 'sha256'],
    ];
    for (const [change, code, field] of cases) {
      const answer = await ask(submitter, {
        submissionId: id,
        fileName: '申报书.pdf',
        contentType: 'application/pdf',
        size: 10,
        ...change,
      });
      expect(refusal(answer)).toMatchObject({ code, field });
      expect(answer.data?.createAttachmentUpload ?? null).toBeNull();
    }
    expect(refusal(await ask(other, { submissionId: id, fileName: 'a.pdf', contentType: 'application/pdf', size: 10 }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await pendingUploads()).toBe(before);
    expect(await files(id)).toEqual([]);
  });

  it('refuses bytes that differ from the declaration, an altered, a spent or an expired URL, and stores nothing', async () => {
    const id = await draft('上传校验');
    const bytes = pdf('校验');
    const keysBefore = await stored();
    const short = await put((await ticketFor(id, bytes)).uploadUrl, bytes.subarray(1));
    expect([short.status, await httpCode(short)]).toEqual([422, 'FILE_SIZE_MISMATCH']);
    const long = await put((await ticketFor(id, bytes)).uploadUrl, Buffer.concat([bytes, Buffer.from('x')]));
    expect([long.status, await httpCode(long)]).toEqual([422, 'FILE_SIZE_MISMATCH']);
    const forged = Buffer.from(bytes);
    forged[0] = 0x25 ^ 1;
    const hashed = await put((await ticketFor(id, bytes, { sha256: sha256(bytes) })).uploadUrl, forged);
    expect([hashed.status, await httpCode(hashed)]).toEqual([422, 'FILE_HASH_MISMATCH']);
    const typed = await put((await ticketFor(id, bytes)).uploadUrl, bytes, 'text/html');
    expect([typed.status, await httpCode(typed)]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED']);
    const ticket = await ticketFor(id, bytes);
    const altered = ticket.uploadUrl.replace(/.(?=\.)/, (c) => (c === 'A' ? 'B' : 'A'));
    const tampered = await put(altered, bytes);
    expect([tampered.status, await httpCode(tampered)]).toEqual([403, 'URL_INVALID']);
    graph.setNow(new Date(inside.getTime() + 16 * 60_000));
    const late = await put(ticket.uploadUrl, bytes);
    expect([late.status, await httpCode(late)]).toEqual([410, 'URL_EXPIRED']);
    expect(await files(id)).toEqual([]);
    expect(await stored()).toEqual(keysBefore);
    expect(await staged()).toEqual([]);

    graph.setNow(inside);
    const good = await ticketFor(id, bytes);
    expect((await put(good.uploadUrl, bytes)).status).toBe(201);
    const again = await put(good.uploadUrl, bytes);
    expect([again.status, await httpCode(again)]).toEqual([403, 'URL_INVALID']);
    expect(await files(id)).toHaveLength(1);
  });

  it("removes a draft's file with its stored bytes; an entered submission's files are fixed", async () => {
    const id = await draft('隧道内镜技术治疗胃肠道及其腔外病变');
    for (const text of ['一', '二']) {
      const bytes = pdf(text);
      expect((await put((await ticketFor(id, bytes)).uploadUrl, bytes)).status).toBe(201);
    }
    const [first, second] = await files(id);
    const theirs = await other.request(`mutation($id: ID!) { deleteAttachment(id: $id) { id } }`, { id: first!.id });
    expect(refusal(theirs)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await files(id)).map((f) => f.id)).toEqual([first!.id, second!.id]);
    expect((await stored()).filter((k) => k.startsWith(id))).toHaveLength(2);
    const removed = await submitter.request(`mutation($id: ID!) { deleteAttachment(id: $id) { id } }`, { id: first!.id });
    expect(removed.errors).toBeUndefined();
    expect((await stored()).filter((k) => k.startsWith(id))).toEqual([`${id}/${second!.id}`]);
    expect(await fetch(`${origin}${first!.downloadUrl}`).then((r) => r.status)).toBe(404);

    await submitter.data(
      `mutation($id: ID!, $input: UpdateSubmissionInput!) { updateSubmission(id: $id, expectedVersion: 1, input: $input) { id } }`,
      {
        id,
        input: complete(),
      },
    );
    const entered = await submitter.request(`mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 2) { status } }`, { id });
    expect(entered.errors).toBeUndefined();
    const locked = await submitter.request(`mutation($id: ID!) { deleteAttachment(id: $id) { id } }`, { id: second!.id });
    expect(refusal(locked)).toMatchObject({ code: 'ATTACHMENT_LOCKED' });
    const more = await ask(submitter, { submissionId: id, fileName: '补充.pdf', contentType: 'application/pdf', size: 10 });
    expect(refusal(more)).toMatchObject({ code: 'ATTACHMENT_LOCKED', field: 'submissionId' });
    expect((await files(id)).map((f) => f.id)).toEqual([second!.id]);
    expect((await stored()).filter((k) => k.startsWith(id))).toEqual([`${id}/${second!.id}`]);
  });

  it('refuses an upload to a draft that was entered after its URL was issued, and keeps nothing', async () => {
    const id = await draft('签发后提交的草稿');
    const bytes = pdf('迟到');
    const ticket = await ticketFor(id, bytes);
    await submitter.data(
      `mutation($id: ID!, $input: UpdateSubmissionInput!) { updateSubmission(id: $id, expectedVersion: 1, input: $input) { id } }`,
      {
        id,
        input: complete(),
      },
    );
    await submitter.data(`mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 2) { status } }`, { id });
    const before = await stored();
    const late = await put(ticket.uploadUrl, bytes);
    expect([late.status, await httpCode(late)]).toEqual([409, 'ATTACHMENT_LOCKED']);
    expect(await files(id)).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  it('lets analysts see that a file exists but not open it; download URLs expire', async () => {
    const id = await draft('分析员不能下载');
    const bytes = pdf('分析');
    await put((await ticketFor(id, bytes)).uploadUrl, bytes);
    const [seen] = await files(id, analyst);
    expect(seen).toMatchObject({ fileName: '申报书.pdf', downloadUrl: null });
    const [mine] = await files(id);
    graph.setNow(new Date(inside.getTime() + 6 * 60_000));
    const expired = await fetch(`${origin}${mine!.downloadUrl}`);
    expect([expired.status, await httpCode(expired)]).toEqual([410, 'URL_EXPIRED']);
  });
});
