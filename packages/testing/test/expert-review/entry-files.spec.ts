import { createHash } from 'node:crypto';
import { type GraphClient, type TestGraph, startGraph } from '../../src';
import { type Expert, ext, reviewFixtures } from './review-fixtures';

type EntryFile = { position: number; fileName: string; contentType: string; size: number; sha256: string; downloadUrl: string | null };

const pdf = Buffer.from('%PDF-1.4\n% 隧道内镜技术申报书\n%%EOF\n', 'utf8');

describe("an entry's files: experts assigned to it open them while its round is open, under neutral names in a blind round", () => {
  let graph: TestGraph;
  let admin: GraphClient;
  let origin: string;
  let fx: ReturnType<typeof reviewFixtures>;
  let assigned: Expert;
  let unassigned: Expert;
  let stepsBack: Expert;
  const references: Record<'blind' | 'open', string> = { blind: '', open: '' };
  const entries: Record<'blind' | 'open', string> = { blind: '', open: '' };
  const rounds: Record<'blind' | 'open', string> = { blind: '', open: '' };

  beforeAll(async () => {
    graph = await startGraph();
    admin = graph.gateway;
    origin = new URL(graph.gatewayUrl).origin;
    fx = reviewFixtures(graph);
    const pool = (await fx.make.organization({ name: '专家库单位', kind: 'UNIVERSITY' })).id;
    assigned = await fx.expert('李评审', pool, ['AI']);
    unassigned = await fx.expert('王评审', pool, ['AI']);
    stepsBack = await fx.expert('赵评审', pool, ['AI']);
    const unit = await fx.unit('复旦大学附属中山医院', 'HOSPITAL');
    for (const [kind, blind] of [
      ['blind', true],
      ['open', false],
    ] as const) {
      const contest = await fx.contest(`files-${kind}`, ['AI']);
      await fx.make.enrol(contest.id, unit.id);
      const { createSubmission } = await admin.data<{ createSubmission: { id: string } }>(
        `mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id } }`,
        {
          input: {
            contestId: contest.id,
            organizationId: unit.id,
            title: '隧道内镜技术治疗胃肠道及其腔外病变',
            trackId: contest.tracks.AI,
            summary: '隧道内镜技术。',
            achievementKind: 'TECHNOLOGY',
            keywords: ['内镜'],
            applicationEffect: '在412家医院推广应用。',
            leaderId: unit.leaderId,
          },
        },
      );
      const { createAttachmentUpload: ticket } = await admin.data<{ createAttachmentUpload: { uploadUrl: string } }>(
        `mutation($input: AttachmentUploadInput!) { createAttachmentUpload(input: $input) { uploadUrl } }`,
        { input: { submissionId: createSubmission.id, fileName: '中山医院申报书.pdf', contentType: 'application/pdf', size: pdf.length } },
      );
      const put = await fetch(`${origin}${ticket.uploadUrl}`, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: pdf });
      expect(put.status).toBe(201);
      const { submitSubmission } = await admin.data<{ submitSubmission: { referenceNumber: string } }>(
        `mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 1) { referenceNumber } }`,
        { id: createSubmission.id },
      );
      references[kind] = submitSubmission.referenceNumber;
      rounds[kind] = await fx.round(contest, { name: kind, blind });
      expect((await fx.intake(rounds[kind])).errors).toBeUndefined();
      entries[kind] = (await fx.entriesOf(rounds[kind]))[0]!.id;
      for (const x of [assigned, stepsBack]) expect((await fx.assign(entries[kind], x.id)).errors).toBeUndefined();
      expect((await fx.moveRound(rounds[kind], 'OPEN')).errors).toBeUndefined();
    }
  });
  afterAll(() => graph?.stop());

  const filesOf = async (client: GraphClient, entryId: string) =>
    client.request<{ entry: { attachments: EntryFile[] | null } | null }>(
      `query($id: ID!) { entry(id: $id) { attachments { position fileName contentType size sha256 downloadUrl } } }`,
      { id: entryId },
    );

  it('gives an assigned expert of a blind round the file under a neutral name, with the same bytes', async () => {
    const answer = await filesOf(await fx.expertClient(assigned), entries.blind);
    expect(answer.errors).toBeUndefined();
    const [file] = answer.data!.entry!.attachments!;
    expect(file).toMatchObject({
      position: 1,
      fileName: `${references.blind}-附件1.pdf`,
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    const download = await fetch(`${origin}${file!.downloadUrl}`);
    expect(download.status).toBe(200);
    const disposition = download.headers.get('content-disposition')!;
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(`${references.blind}-附件1.pdf`);
    expect(disposition).not.toContain(encodeURIComponent('中山医院'));
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);
  });

  it('gives the original name in a round that is not blind, and to the office', async () => {
    const open = await filesOf(await fx.expertClient(assigned), entries.open);
    expect(open.data!.entry!.attachments!.map((f) => f.fileName)).toEqual(['中山医院申报书.pdf']);
    const office = await filesOf(admin, entries.blind);
    expect(office.data!.entry!.attachments!.map((f) => f.fileName)).toEqual(['中山医院申报书.pdf']);
    expect(office.data!.entry!.attachments![0]!.downloadUrl).toMatch(/^\/files\/submissions\/download\//);
  });

  it('refuses an unassigned expert, and one who stepped back, with FORBIDDEN and no URL', async () => {
    const { data } = await admin.request<{ entry: { assignments: { nodes: { id: string; expert: { id: string } }[] } } }>(
      `query($id: ID!) { entry(id: $id) { assignments { nodes { id expert { id } } } } }`,
      { id: entries.blind },
    );
    const own = data!.entry.assignments.nodes.find((a) => a.expert.id === stepsBack.id)!;
    const declined = await (
      await fx.expertClient(stepsBack)
    ).request(`mutation($id: ID!) { declineAssignment(id: $id, reason: "时间冲突，无法参加评审") { status } }`, { id: own.id });
    expect(declined.errors).toBeUndefined();
    for (const x of [unassigned, stepsBack]) {
      const answer = await filesOf(await fx.expertClient(x), entries.blind);
      expect(ext(answer)).toMatchObject({ code: 'FORBIDDEN' });
      expect(JSON.stringify(answer.data ?? null)).not.toContain('/files/');
    }
  });

  it('closes the files to the expert once the round closes', async () => {
    expect((await fx.moveRound(rounds.open, 'CLOSED')).errors).toBeUndefined();
    const answer = await filesOf(await fx.expertClient(assigned), entries.open);
    expect(ext(answer)).toMatchObject({ code: 'FORBIDDEN' });
  });
});
