import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Factories } from '@meritgraph/testing';
import type { Page } from 'playwright-core';
import { type ConsoleRun, startConsole } from '../console';
import { OPEN_ROUND_CRITERIA } from '../open-round';

jest.setTimeout(300_000);

type Id = { id: string };
type Ticket = { uploadUrl: string; method: string; contentType: string };
type GraphErrors = { errors?: { extensions?: { code?: string; field?: string } }[] };

/** A small PDF whose bytes say which file it is. */
const pdf = (label: string) =>
  Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'utf8');

const CONTENT = {
  summary: '以深度学习识别焊缝气孔、裂纹等缺陷，检测准确率达到 98%，已在三条产线应用。',
  achievementKind: 'TECHNOLOGY',
  keywords: ['机器视觉', '焊缝检测'],
  applicationEffect: '年减少返修成本约 300 万元。',
  teamMemberIds: [],
};

describe("a submission's files: the unit uploads and downloads, the assigned expert downloads under a neutral name, others are refused", () => {
  let run: ConsoleRun;
  let unit: string;
  let draftId: string;
  let expertId: string;
  let otherExpert: { id: string; personId: string };
  /** The blind round's entry assigned to the expert (with a file), and one the expert is not assigned to. */
  let entry: { id: string; referenceNumber: string; unitName: string };
  let strangerEntryId: string;
  const expertFile = pdf('expert-journey');

  /** A contest open for submissions now, with an AI track. */
  const openContest = async (code: string) => {
    const admin = run.graph.gateway;
    const now = Date.now();
    const { createContest } = await admin.data<{ createContest: Id }>(
      `mutation($code: String!, $o: DateTimeISO!, $c: DateTimeISO!) { createContest(input: { code: $code, name: "2026年职工技术创新成果评审（附件）",
        year: 2026, submissionOpensAt: $o, submissionClosesAt: $c }) { id } }`,
      { code, o: new Date(now - 3600_000).toISOString(), c: new Date(now + 30 * 86400_000).toISOString() },
    );
    const made = await admin.data<{ track: Id }>(
      `mutation($c: ID!) {
        track: createTrack(input: { contestId: $c, code: "AI", name: "人工智能与智能制造" }) { id }
        open: changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id }
      }`,
      { c: createContest.id },
    );
    return { contestId: createContest.id, trackId: made.track.id };
  };

  /** Uploads a file to a draft as the office does through the API: the declaration, then one PUT to the signed URL. */
  const uploadAsOffice = async (submissionId: string, fileName: string, bytes: Buffer) => {
    const { createAttachmentUpload: ticket } = await run.graph.gateway.data<{ createAttachmentUpload: Ticket }>(
      `mutation($input: AttachmentUploadInput!) { createAttachmentUpload(input: $input) { uploadUrl method contentType } }`,
      {
        input: {
          submissionId,
          fileName,
          contentType: 'application/pdf',
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
        },
      },
    );
    const response = await fetch(new URL(run.graph.gatewayUrl).origin + ticket.uploadUrl, {
      method: ticket.method,
      headers: { 'content-type': ticket.contentType },
      body: new Uint8Array(bytes),
    });
    expect(response.status).toBe(201);
  };

  beforeAll(async () => {
    run = await startConsole();
    const admin = run.graph.gateway;
    const make = new Factories(admin);
    const submitter = run.identities.find((i) => i.role === 'SUBMITTER')!;
    unit = submitter.claims.org!;
    expertId = run.identities.find((i) => i.role === 'EXPERT')!.claims.expert!;

    // The unit's draft, in a contest open now (2019 is closed after the replay).
    const mine = await openContest('files-unit');
    await make.enrol(mine.contestId, unit);
    const asUnit = await run.graph.as('SUBMITTER', submitter.claims);
    const { createSubmission } = await asUnit.data<{ createSubmission: Id }>(
      `mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id } }`,
      {
        input: {
          contestId: mine.contestId,
          organizationId: unit,
          trackId: mine.trackId,
          title: '焊接机器人视觉引导系统',
          leaderId: submitter.claims.sub,
          ...CONTENT,
        },
      },
    );
    draftId = createSubmission.id;

    // A blind round open now: attachments go only on drafts, and 2019's rounds are finalized, so a new contest is set up
    // as open-round.ts does, with the file uploaded before each achievement is submitted.
    const theirs = await openContest('files-expert');
    const other = await make.organization({ name: '智能装备研究院（附件）' });
    await make.enrol(theirs.contestId, other.id);
    const { createPerson } = await admin.data<{ createPerson: Id }>(
      `mutation($o: ID!) { createPerson(input: { name: "陈立新", organizationId: $o }) { id } }`,
      { o: other.id },
    );
    const references: string[] = [];
    for (const title of ['基于机器视觉的焊缝缺陷在线检测系统', '高压带电作业机器人']) {
      const { createSubmission: made } = await admin.data<{ createSubmission: Id }>(
        `mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id } }`,
        {
          input: {
            contestId: theirs.contestId,
            organizationId: other.id,
            trackId: theirs.trackId,
            title,
            leaderId: createPerson.id,
            ...CONTENT,
          },
        },
      );
      if (references.length === 0) await uploadAsOffice(made.id, '智能装备研究院申报书.pdf', expertFile);
      const { submitSubmission } = await admin.data<{ submitSubmission: { referenceNumber: string } }>(
        `mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 1) { referenceNumber } }`,
        { id: made.id },
      );
      references.push(submitSubmission.referenceNumber);
    }
    const { createReviewRound } = await admin.data<{ createReviewRound: Id }>(
      `mutation($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { id } }`,
      {
        input: {
          contestId: theirs.contestId,
          name: '复审',
          stage: 'EVALUATION',
          order: 1,
          criteria: OPEN_ROUND_CRITERIA,
          threshold: 50,
          blind: true,
          reviewDate: new Date(Date.now() + 14 * 86400_000).toISOString().slice(0, 10),
        },
      },
    );
    const roundId = createReviewRound.id;
    await admin.data(`mutation($r: ID!) { takeEntries(roundId: $r) { taken } }`, { r: roundId });
    const { reviewRound } = await admin.data<{ reviewRound: { entries: { nodes: { id: string; referenceNumber: string }[] } } }>(
      `query($r: ID!) { reviewRound(id: $r) { entries(first: 10) { nodes { id referenceNumber } } } }`,
      { r: roundId },
    );
    const entryOf = new Map(reviewRound.entries.nodes.map((e) => [e.referenceNumber, e.id]));
    entry = { id: entryOf.get(references[0]!)!, referenceNumber: references[0]!, unitName: other.name };
    strangerEntryId = entryOf.get(references[1]!)!;
    await admin.data(`mutation($e: ID!, $x: ID!) { assignExpert(entryId: $e, expertId: $x) { id } }`, { e: entry.id, x: expertId });
    const { experts } = await admin.data<{ experts: { nodes: { id: string; person: Id }[] } }>(
      `query { experts(track: "AI", first: 10) { nodes { id person { id } } } }`,
    );
    const another = experts.nodes.find((x) => x.id !== expertId)!;
    otherExpert = { id: another.id, personId: another.person.id };
    await admin.data(`mutation($r: ID!) { changeReviewRoundStatus(id: $r, status: OPEN) { id } }`, { r: roundId });
  });
  afterAll(() => run?.stop());

  const expectAccessible = async (page: Page) => expect(await run.accessibility(page)).toEqual([]);
  const stored = async () =>
    (
      await run.graph.gateway.data<{ submission: { status: string; attachments: { fileName: string; size: number; sha256: string }[] } }>(
        `query($id: ID!) { submission(id: $id) { status attachments { fileName size sha256 } } }`,
        { id: draftId },
      )
    ).submission;
  /** Clicks a row's download button and reads what the browser saved. */
  const download = async (page: Page, row: ReturnType<Page['locator']>) => {
    const [saved] = await Promise.all([page.waitForEvent('download'), row.locator('[data-testid="file-download"]').click()]);
    return { name: saved.suggestedFilename(), bytes: readFileSync((await saved.path())!) };
  };

  it('uploads a PDF to the draft with its checksum, lists it with its size, and downloads the same bytes', async () => {
    const bytes = pdf('unit-journey');
    const page = await run.open(`/unit/submissions/${draftId}`, 'SUBMITTER');
    await page.locator('[data-testid="unit-attachments"][data-editable="true"] [data-testid="files-none"]').waitFor();
    await expectAccessible(page);
    await page.locator('#files-input').setInputFiles({ name: '申报书.pdf', mimeType: 'application/pdf', buffer: bytes });
    await page.locator('[data-testid="upload"]').click();
    await page.locator('[data-testid="files-notice"]').waitFor();
    expect(await page.locator('[data-testid="upload-step"]').count()).toBe(0);
    const row = page.locator('[data-testid="file-row"][data-name="申报书.pdf"]');
    await row.waitFor();
    expect(await row.getAttribute('data-size')).toBe(String(bytes.length));
    await expect(row.textContent()).resolves.toContain(`${bytes.length} B`);
    expect((await stored()).attachments).toEqual([
      { fileName: '申报书.pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
    ]);
    await run.screenshot(page, 'files-unit-draft');
    await expectAccessible(page);

    const saved = await download(page, row);
    expect(saved.name).toBe('申报书.pdf');
    expect(saved.bytes.equals(bytes)).toBe(true);
    await page.context().close();
  });

  it('refuses a type that is not kept, from its code, and removes a file while the draft lasts', async () => {
    const page = await run.open(`/unit/submissions/${draftId}`, 'SUBMITTER');
    await page.locator('[data-testid="file-row"][data-name="申报书.pdf"]').waitFor();
    await page.locator('#files-input').setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('plain text') });
    await page.locator('[data-testid="upload"]').click();
    const refused = page.locator('[data-testid="files-refusal"] .refused[data-code="FILE_TYPE_NOT_ALLOWED"]');
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toContain('不支持此文件类型');
    await expectAccessible(page);

    await page.locator('#files-input').setInputFiles({ name: '附图.pdf', mimeType: 'application/pdf', buffer: pdf('second') });
    await page.locator('[data-testid="upload"]').click();
    const second = page.locator('[data-testid="file-row"][data-name="附图.pdf"]');
    await second.waitFor();
    expect((await stored()).attachments.map((a) => a.fileName)).toEqual(['申报书.pdf', '附图.pdf']);
    await page.getByRole('button', { name: '删除 附图.pdf' }).click();
    await second.waitFor({ state: 'detached' });
    await page.locator('[data-testid="files-notice"]').waitFor();
    expect((await stored()).attachments.map((a) => a.fileName)).toEqual(['申报书.pdf']);
    await page.context().close();
  });

  it('keeps the files fixed once the draft is submitted: the list only, saying so', async () => {
    const page = await run.open(`/unit/submissions/${draftId}`, 'SUBMITTER');
    await page.locator('[data-testid="file-row"][data-name="申报书.pdf"]').waitFor();
    await page.locator('[data-testid="submit-submission"]').click();
    await page.locator('[data-testid="submission-status"][data-status="SUBMITTED"]').waitFor();
    await page.locator('[data-testid="unit-attachments"][data-editable="false"] [data-testid="files-locked"]').waitFor();
    expect(await page.locator('[data-testid="upload-form"]').count()).toBe(0);
    expect(await page.locator('[data-testid="file-remove"]').count()).toBe(0);
    expect((await stored()).status).toBe('SUBMITTED');
    // The office cannot add a file to it through the API either.
    const answer = (await run.graph.gateway.request(
      `mutation($input: AttachmentUploadInput!) { createAttachmentUpload(input: $input) { uploadUrl } }`,
      { input: { submissionId: draftId, fileName: '补充.pdf', contentType: 'application/pdf', size: 10 } },
    )) as GraphErrors;
    expect(answer.errors?.[0]?.extensions?.code).toBe('ATTACHMENT_LOCKED');
    await run.screenshot(page, 'files-unit-submitted');
    await expectAccessible(page);
    await page.context().close();
  });

  it("lets the assigned expert of the open blind round download the entry's file under its neutral name", async () => {
    const page = await run.open(`/expert/entries/${entry.id}`, 'EXPERT');
    const row = page.locator('[data-testid="entry-attachments"] [data-testid="file-row"]');
    await row.waitFor();
    const neutral = `${entry.referenceNumber}-附件1.pdf`;
    expect(await row.getAttribute('data-name')).toBe(neutral);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(entry.unitName);
    expect(text).not.toContain('申报书');
    await run.screenshot(page, 'files-expert-entry');
    await expectAccessible(page);
    const saved = await download(page, row);
    expect(saved.name).toBe(neutral);
    expect(saved.bytes.equals(expertFile)).toBe(true);
    await page.context().close();
  });

  it('refuses the files to an expert not assigned to the entry, in the API and on the screen', async () => {
    const stranger = await run.graph.as('EXPERT', { expert: otherExpert.id, sub: otherExpert.personId });
    const answer = (await stranger.request(`query($e: ID!) { entry(id: $e) { id attachments { fileName downloadUrl } } }`, {
      e: entry.id,
    })) as GraphErrors & { data?: { entry: unknown } | null };
    expect(answer.data?.entry ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The development expert is not assigned to the round's other entry.
    const page = await run.open(`/expert/entries/${strangerEntryId}`, 'EXPERT');
    const refused = page.locator('.refused[data-code="FORBIDDEN"]');
    await refused.waitFor();
    await expect(refused.first().textContent()).resolves.toContain('您无权进行此操作或查看此内容');
    expect(await page.locator('[data-testid="file-row"]').count()).toBe(0);
    await run.screenshot(page, 'files-expert-refused');
    await expectAccessible(page);
    await page.context().close();
  });
});
