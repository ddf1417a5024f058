import { createHash } from 'node:crypto';
import { Factories, type GraphClient, type GraphResponse, type TestGraph, startGraph } from '../../src';

type Notice = {
  id: string;
  kind: string;
  status: string;
  title: string;
  body: string;
  bodyHtml: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  author: string;
  version: number;
};
const FIELDS = 'id kind status title body bodyHtml publishedAt withdrawnAt withdrawalReason author version';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'utf8');
const refusal = (r: GraphResponse<unknown>) => {
  const ext = r.errors?.[0]?.extensions as { code?: string; field?: string } | undefined;
  return { code: ext?.code, field: ext?.field };
};

describe('notices (通知公告): the office drafts, edits, publishes and withdraws; everyone reads what is published', () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let submitter: GraphClient;
  let origin: string;
  let contestId: string;
  let clock = new Date('2019-03-29T02:00:00.000Z');
  const tick = (hours: number) => {
    clock = new Date(clock.getTime() + hours * 3_600_000);
    graph.setNow(clock);
  };

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    origin = new URL(graph.gatewayUrl).origin;
    const make = new Factories(admin);
    const federation = await make.organization({ name: '上海市总工会', kind: 'TRADE_UNION_FEDERATION' });
    const { createContest } = await admin.data<{ createContest: { id: string } }>(
      `mutation($o: ID!) { createContest(input: { code: "notices-2019", name: "立功竞赛", year: 2019, organizerId: $o }) { id } }`,
      { o: federation.id },
    );
    contestId = createContest.id;
    await admin.data(`mutation($id: ID!) { changeContestStatus(id: $id, status: OPEN_FOR_SUBMISSIONS) { status } }`, { id: contestId });
    submitter = await graph.as('SUBMITTER', { org: federation.id });
    graph.setNow(clock);
  });
  afterAll(() => graph?.stop());

  const create = (client: GraphClient, input: Record<string, unknown>) =>
    client.request<{ createNotice: Notice }>(`mutation($input: CreateNoticeInput!) { createNotice(input: $input) { ${FIELDS} } }`, {
      input: { contestId, ...input },
    });
  const draft = async (title: string, kind = 'NOTICE', body = `${title}的正文`) => {
    const r = await create(admin, { kind, title, body });
    expect(r.errors).toBeUndefined();
    return r.data!.createNotice;
  };
  const publish = async (notice: Notice) =>
    (
      await admin.data<{ publishNotice: Notice }>(
        `mutation($id: ID!, $v: Int!) { publishNotice(id: $id, expectedVersion: $v) { ${FIELDS} } }`,
        {
          id: notice.id,
          v: notice.version,
        },
      )
    ).publishNotice;
  const read = async (id: string, client = admin) =>
    (await client.data<{ notice: Notice | null }>(`query($id: ID!) { notice(id: $id) { ${FIELDS} } }`, { id })).notice;
  const trail = async (id: string) =>
    (
      await admin.data<{ notice: { auditTrail: { nodes: { action: string }[] } } }>(
        `query($id: ID!) { notice(id: $id) { auditTrail { nodes { action } } } }`,
        { id },
      )
    ).notice.auditTrail.nodes.map((n) => n.action);
  const listed = async (client: GraphClient, args = '') =>
    (
      await client.data<{ notices: { nodes: { title: string; status: string; publishedAt: string | null }[]; totalCount: number } }>(
        `query($c: ID!) { notices(contestId: $c${args}) { totalCount nodes { title status publishedAt } } }`,
        { c: contestId },
      )
    ).notices;

  it('drafts, edits, publishes at the clock and withdraws with a reason, each step audited', async () => {
    const notice = await draft('关于开展立功竞赛的通知');
    expect(notice).toMatchObject({ status: 'DRAFT', publishedAt: null, author: '上海市总工会', version: 1 });
    tick(1);
    const { updateNotice: edited } = await admin.data<{ updateNotice: Notice }>(
      `mutation($id: ID!) { updateNotice(id: $id, expectedVersion: 1, input: { title: "关于开展2019年立功竞赛的通知", body: "# 通知\\n\\n各单位：" }) { ${FIELDS} } }`,
      { id: notice.id },
    );
    expect(edited).toMatchObject({ title: '关于开展2019年立功竞赛的通知', version: 2, bodyHtml: '<h1>通知</h1>\n<p>各单位：</p>\n' });
    tick(1);
    const published = await publish(edited);
    expect(published).toMatchObject({ status: 'PUBLISHED', publishedAt: clock.toISOString(), version: 3 });
    tick(24);
    const { withdrawNotice: withdrawn } = await admin.data<{ withdrawNotice: Notice }>(
      `mutation($id: ID!) { withdrawNotice(id: $id, expectedVersion: 3, reason: " 日期有误，更正后重发 ") { ${FIELDS} } }`,
      { id: notice.id },
    );
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', withdrawnAt: clock.toISOString(), withdrawalReason: '日期有误，更正后重发' });
    expect(await read(notice.id, graph.anonymous)).toBeNull();
    expect(await trail(notice.id)).toEqual(expect.arrayContaining(['notice.create', 'notice.update', 'notice.publish', 'notice.withdraw']));
  });

  it('shows anyone the published notices only, newest first, filtered by kind', async () => {
    const rules = await draft('申报规则', 'RULES');
    tick(1);
    await publish(rules);
    tick(24);
    const results = await draft('复赛入围名单', 'RESULTS');
    tick(1);
    await publish(results);
    await draft('尚未发布的公示', 'ANNOUNCEMENT');
    for (const client of [graph.anonymous, submitter]) {
      const seen = await listed(client);
      expect(seen.nodes.map((n) => n.title)).toEqual(['复赛入围名单', '申报规则']);
      expect(seen.nodes.every((n) => n.status === 'PUBLISHED')).toBe(true);
      // Asking for drafts does not show them to anyone but the office.
      expect((await listed(client, ', status: [DRAFT]')).nodes.map((n) => n.title)).toEqual(['复赛入围名单', '申报规则']);
      expect((await listed(client, ', kinds: [RULES]')).nodes.map((n) => n.title)).toEqual(['申报规则']);
    }
    const office = await listed(admin, ', status: [DRAFT]');
    expect(office.nodes.map((n) => n.title)).toEqual(['尚未发布的公示']);
    expect((await listed(admin, ', search: "名单"')).nodes.map((n) => n.title)).toEqual(['复赛入围名单']);
    const { contest } = await graph.anonymous.data<{ contest: { notices: { nodes: { title: string }[] } } }>(
      `query($c: ID!) { contest(id: $c) { notices(kinds: [RESULTS, RULES], first: 1) { nodes { title } } } }`,
      { c: contestId },
    );
    expect(contest.notices.nodes.map((n) => n.title)).toEqual(['复赛入围名单']);
  });

  it('refuses a notice from anyone but the office, and writes nothing', async () => {
    const before = (await listed(admin)).totalCount;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(refusal(await create(submitter, { kind: 'NOTICE', title: '冒名通知', body: '正文' }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(refusal(await create(graph.anonymous, { kind: 'NOTICE', title: '冒名通知', body: '正文' }))).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect((await listed(admin)).totalCount).toBe(before);
    expect((await listed(admin, ', search: "冒名"')).totalCount).toBe(0);
  });

  it('refuses to edit a published notice (INVALID_TRANSITION), and changes nothing', async () => {
    const notice = await publish(await draft('已发布的通知'));
    const audited = await trail(notice.id);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const r = await admin.request(
        `mutation($id: ID!, $v: Int!) { updateNotice(id: $id, expectedVersion: $v, input: { title: "改" }) { id } }`,
        {
          id: notice.id,
          v: notice.version,
        },
      );
      expect(refusal(r)).toEqual({ code: 'INVALID_TRANSITION', field: 'status' });
      expect(await read(notice.id)).toEqual(notice);
      expect(await trail(notice.id)).toEqual(audited);
    }
  });

  it('refuses a withdrawal without a reason (BAD_USER_INPUT naming reason), and changes nothing', async () => {
    const notice = await publish(await draft('待撤回的通知'));
    const audited = await trail(notice.id);
    for (const reason of ['', '   ', 'x'.repeat(501)]) {
      const r = await admin.request(
        `mutation($id: ID!, $v: Int!, $r: String!) { withdrawNotice(id: $id, expectedVersion: $v, reason: $r) { id } }`,
        {
          id: notice.id,
          v: notice.version,
          r: reason,
        },
      );
      expect(refusal(r)).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(await read(notice.id)).toEqual(notice);
      expect(await trail(notice.id)).toEqual(audited);
    }
  });

  it('refuses a change made against an old version (VERSION_CONFLICT), and changes nothing', async () => {
    const notice = await draft('并发编辑');
    await admin.data(`mutation($id: ID!) { updateNotice(id: $id, expectedVersion: 1, input: { body: "新正文" }) { id } }`, {
      id: notice.id,
    });
    const current = await read(notice.id);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const r = await admin.request(`mutation($id: ID!) { publishNotice(id: $id, expectedVersion: 1) { id } }`, { id: notice.id });
      expect(refusal(r)).toEqual({ code: 'VERSION_CONFLICT', field: 'expectedVersion' });
      expect(await read(notice.id)).toEqual(current);
    }
  });

  it('renders Markdown without scripts, event handlers or javascript: links', async () => {
    const body = [
      '# 申报须知',
      '',
      '<script>alert(1)</script>',
      '',
      '<img src=x onerror="alert(2)">',
      '',
      '[点我](javascript:alert(3)) 与 [官网](https://www.shzgh.org/)',
      '',
      '<a href="https://example.org" onclick="alert(4)">链接</a>',
    ].join('\n');
    const notice = await draft('安全渲染', 'RULES', body);
    expect(notice.body).toBe(body);
    // No script or image element, no event-handler attribute on any element, no javascript: link.
    expect(notice.bodyHtml).not.toMatch(/<script|<img/i);
    expect(notice.bodyHtml).not.toMatch(/<[^>]+\son\w+\s*=/i);
    expect(notice.bodyHtml).not.toMatch(/href\s*=\s*"\s*javascript:/i);
    expect(notice.bodyHtml).toContain('<h1>申报须知</h1>');
    expect(notice.bodyHtml).toContain('<a href="https://www.shzgh.org/" rel="noopener noreferrer">官网</a>');
    // Raw HTML is shown as text, escaped.
    expect(notice.bodyHtml).toContain('&lt;script&gt;');
  });

  it('keeps a draft deleted with nothing left, and refuses to delete a published one', async () => {
    const gone = await draft('要删除的草稿');
    expect(await admin.data(`mutation($id: ID!) { deleteNoticeDraft(id: $id) { id title } }`, { id: gone.id })).toEqual({
      deleteNoticeDraft: { id: gone.id, title: '要删除的草稿' },
    });
    expect(await read(gone.id)).toBeNull();
    const kept = await publish(await draft('不能删除'));
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(refusal(await admin.request(`mutation($id: ID!) { deleteNoticeDraft(id: $id) { id title } }`, { id: kept.id }))).toEqual({
        code: 'INVALID_TRANSITION',
        field: 'status',
      });
      expect(await read(kept.id)).toEqual(kept);
    }
  });

  describe('files', () => {
    const bytes = pdf('申报书模板');
    const upload = async (noticeId: string, fileName = '申报指南.pdf', body = bytes) => {
      const { createNoticeAttachmentUpload: ticket } = await admin.data<{ createNoticeAttachmentUpload: { uploadUrl: string } }>(
        `mutation($input: NoticeAttachmentUploadInput!) { createNoticeAttachmentUpload(input: $input) { uploadUrl } }`,
        { input: { noticeId, fileName, contentType: 'application/pdf', size: body.length, sha256: sha256(body) } },
      );
      expect(ticket.uploadUrl).toMatch(/^\/files\/organizations\/upload\//);
      return fetch(`${origin}${ticket.uploadUrl}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/pdf' },
        body: new Uint8Array(body),
      });
    };
    const files = async (id: string, client: GraphClient) =>
      (
        await client.data<{
          notice: { attachments: { id: string; fileName: string; size: number; sha256: string; downloadUrl: string | null }[] } | null;
        }>(`query($id: ID!) { notice(id: $id) { attachments { id fileName size sha256 downloadUrl } } }`, { id })
      ).notice?.attachments ?? null;

    it('uploads to a draft, serves it to the office only, then to anyone once published', async () => {
      const notice = await draft('申报指南', 'RULES');
      const put = await upload(notice.id);
      expect(put.status).toBe(201);
      const [file] = (await files(notice.id, admin))!;
      expect(file).toMatchObject({ fileName: '申报指南.pdf', size: bytes.length, sha256: sha256(bytes) });
      expect(await files(notice.id, graph.anonymous)).toBeNull();
      const officeDownload = await fetch(`${origin}${file!.downloadUrl}`);
      expect(officeDownload.status).toBe(200);
      expect(Buffer.from(await officeDownload.arrayBuffer())).toEqual(bytes);
      expect(await trail(notice.id)).toContain('notice.attach');

      await publish((await read(notice.id))!);
      const [open] = (await files(notice.id, graph.anonymous))!;
      const download = await fetch(`${origin}${open!.downloadUrl}`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toContain(encodeURIComponent('申报指南.pdf'));
      expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);

      // A published notice's files are fixed.
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const r = await admin.request(
          `mutation($id: ID!) { createNoticeAttachmentUpload(input: { noticeId: $id, fileName: "b.pdf", contentType: "application/pdf", size: 4 }) { uploadUrl } }`,
          { id: notice.id },
        );
        expect(refusal(r)).toEqual({ code: 'ATTACHMENT_LOCKED', field: 'noticeId' });
        const d = await admin.request(`mutation($id: ID!) { deleteNoticeAttachment(id: $id) { id } }`, { id: open!.id });
        expect(refusal(d)).toEqual({ code: 'ATTACHMENT_LOCKED', field: 'id' });
        expect((await files(notice.id, admin))!.map((f) => f.id)).toEqual([open!.id]);
      }
    });

    it("gives anonymous callers no way to a draft's file", async () => {
      const notice = await draft('内部草稿附件');
      expect((await upload(notice.id, '内部.pdf')).status).toBe(201);
      expect(await files(notice.id, graph.anonymous)).toBeNull();
      expect(await files(notice.id, submitter)).toBeNull();
      const listedFiles = await graph.anonymous.data<{ notices: { nodes: { id: string }[] } }>(
        `query($c: ID!) { notices(contestId: $c, status: [DRAFT]) { nodes { id } } }`,
        { c: contestId },
      );
      expect(listedFiles.notices.nodes.map((n) => n.id)).not.toContain(notice.id);
      // A URL not signed by the graph is refused.
      expect((await fetch(`${origin}/files/organizations/download/forged.token`)).status).toBe(403);
    });

    it('keeps nothing of a refused upload, and removes the bytes of a deleted draft', async () => {
      const stored = () => graph.files.organizations.storage.keys();
      const notice = await draft('存储检查');
      const before = await stored();
      const { createNoticeAttachmentUpload: ticket } = await admin.data<{ createNoticeAttachmentUpload: { uploadUrl: string } }>(
        `mutation($input: NoticeAttachmentUploadInput!) { createNoticeAttachmentUpload(input: $input) { uploadUrl } }`,
        {
          input: {
            noticeId: notice.id,
            fileName: 'a.pdf',
            contentType: 'application/pdf',
            size: bytes.length,
            sha256: sha256(pdf('other')),
          },
        },
      );
      const refused = await fetch(`${origin}${ticket.uploadUrl}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/pdf' },
        body: new Uint8Array(bytes),
      });
      expect(refused.status).toBe(422);
      expect(await stored()).toEqual(before);
      expect(await files(notice.id, admin)).toEqual([]);

      expect((await upload(notice.id)).status).toBe(201);
      expect(await stored()).toHaveLength(before.length + 1);
      await admin.data(`mutation($id: ID!) { deleteNoticeDraft(id: $id) { id title } }`, { id: notice.id });
      expect(await stored()).toEqual(before);
    });

    it('removes a draft file with its audit entry', async () => {
      const notice = await draft('可删附件');
      expect((await upload(notice.id)).status).toBe(201);
      const [file] = (await files(notice.id, admin))!;
      const { deleteNoticeAttachment } = await admin.data<{ deleteNoticeAttachment: { id: string } }>(
        `mutation($id: ID!) { deleteNoticeAttachment(id: $id) { id } }`,
        { id: file!.id },
      );
      expect(deleteNoticeAttachment.id).toBe(notice.id);
      expect(await files(notice.id, admin)).toEqual([]);
      expect(await trail(notice.id)).toContain('notice.detach');
      expect((await fetch(`${origin}${file!.downloadUrl}`)).status).toBe(404);
    });
  });
});
