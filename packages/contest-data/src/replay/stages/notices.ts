import type { GraphClient } from '../host';
import type { Season } from '../season';

/**
 * The contest's notices (通知公告), published by the office through the gateway on the days
 * they went out: the launch notice at setup, the application rules with the guide at
 * enrolment, the finalists after the second round, the 公示 of the proposed honors with its
 * window, and the conferral decision. A later year's are named as synthetic, like its contest.
 */

type Kind = 'NOTICE' | 'RULES' | 'RESULTS' | 'ANNOUNCEMENT';

/** The bodies' limit is 20,000 characters; a list longer than this is cut with a note. */
const BODY_BUDGET = 18_000;

const GROUP_NAMES: Record<string, string> = { AI: '人工智能', BIOMED: '生物医药', 'IC+BIG_SCIENCE': '集成电路与大科学' };

/** "（模拟）" after a synthetic year's titles. */
const mark = (season: Season, title: string) => (season.synthetic ? `${title}（模拟）` : title);

/** A day as 2019年3月29日. */
const chineseDate = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** An instant in Beijing time, as 2019年12月6日 24:00 style: date and hh:mm. */
function beijing(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${chineseDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/**
 * A one-page PDF with these lines of ASCII text, laid out by hand: the guide attached to the
 * rules. Byte for byte the same every run.
 */
export function guidePdf(lines: readonly string[]): Buffer {
  const text = lines.map((l, i) => `BT /F1 12 Tf 72 ${760 - i * 18} Td (${l.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Drafts a notice, attaches its file, and publishes it at the platform's present time. */
async function publish(
  admin: GraphClient,
  contestId: string,
  notice: { kind: Kind; title: string; body: string },
  file?: { fileName: string; contentType: string; bytes: Buffer },
): Promise<string> {
  const { createNotice } = await admin.data<{ createNotice: { id: string; version: number } }>(
    `mutation($input: CreateNoticeInput!) { createNotice(input: $input) { id version } }`,
    { input: { contestId, ...notice } },
  );
  if (file) {
    const { createNoticeAttachmentUpload: ticket } = await admin.data<{ createNoticeAttachmentUpload: { uploadUrl: string } }>(
      `mutation($input: NoticeAttachmentUploadInput!) { createNoticeAttachmentUpload(input: $input) { uploadUrl } }`,
      { input: { noticeId: createNotice.id, fileName: file.fileName, contentType: file.contentType, size: file.bytes.length } },
    );
    const put = await fetch(`${new URL(admin.url).origin}${ticket.uploadUrl}`, {
      method: 'PUT',
      headers: { 'content-type': file.contentType },
      body: new Uint8Array(file.bytes),
    });
    if (put.status !== 201) throw new Error(`The notice's file was refused: ${put.status} ${await put.text()}`);
  }
  await admin.data(`mutation($id: ID!, $v: Int!) { publishNotice(id: $id, expectedVersion: $v) { id } }`, {
    id: createNotice.id,
    v: createNotice.version,
  });
  return createNotice.id;
}

/** 通知: the contest is launched, at its setup. */
export function publishLaunchNotice(admin: GraphClient, contestId: string, season: Season): Promise<string> {
  const launch = season.milestones.find((m) => m.kind === 'LAUNCH');
  return publish(admin, contestId, {
    kind: 'NOTICE',
    title: mark(season, `关于开展${season.name}的通知`),
    body: [
      '各区局（产业）工会：',
      '',
      `为${season.theme.replace(/^模拟数据（synthetic）：/, '')}，市总工会会同市科创办、市发改委、市经信委、市科委开展${season.name}。现将有关事项通知如下。`,
      '',
      '## 竞赛时间',
      '',
      `${chineseDate(season.startsOn)}至${chineseDate(season.endsOn)}。${launch ? `${chineseDate(launch.date)}举行${launch.title}。` : ''}`,
      '',
      '## 竞赛赛道',
      '',
      '- 集成电路',
      '- 人工智能',
      '- 生物医药',
      '- 大科学、大装置、大设施',
      '',
      '## 组织方式',
      '',
      '各区局（产业）工会动员所属园区、企业和科研院所参赛，并在平台上为参赛单位报名。',
      ...(season.synthetic ? ['', '> 本通知为模拟数据（synthetic），并非真实记录。'] : []),
    ].join('\n'),
  });
}

/** 规则: how to apply, with the guide attached, at enrolment. */
export function publishRules(admin: GraphClient, contestId: string, season: Season): Promise<string> {
  const closes = beijing(season.submissionClosesAt);
  return publish(
    admin,
    contestId,
    {
      kind: 'RULES',
      title: mark(season, `${season.year}年立功竞赛成果申报规则`),
      body: [
        '## 申报条件',
        '',
        '参赛单位经所在区局（产业）工会报名后，通过平台填报创新成果，每项成果须有负责人和应用成效说明。',
        '',
        '## 申报时间',
        '',
        `${beijing(season.submissionOpensAt)}起至${closes}（北京时间）止，逾期不予受理。`,
        '',
        '## 评审',
        '',
        `1. 初审（${chineseDate(season.rounds.screening)}）：剔除与三大产业关联度低或不符合竞赛条件的成果；`,
        `2. 第二轮评审（${chineseDate(season.rounds.evaluation)}）：按创新性、实用性、应用效果、推广前景评分，按产业组确定入围终评名单；`,
        `3. 终评（${chineseDate(season.rounds.final)}）：入围项目负责人现场答辩，评出优秀创新成果。`,
        '',
        '申报指南见附件。',
      ].join('\n'),
    },
    {
      fileName: `${season.year}年立功竞赛申报指南.pdf`,
      contentType: 'application/pdf',
      bytes: guidePdf([
        `${season.code}: application guide${season.synthetic ? ' (synthetic)' : ''}`,
        `Submissions open ${season.submissionOpensAt} and close ${season.submissionClosesAt}.`,
        'Tracks: IC, AI, BIOMED, BIG_SCIENCE.',
        `Rounds: screening ${season.rounds.screening}, evaluation ${season.rounds.evaluation}, final ${season.rounds.final}.`,
      ]),
    },
  );
}

/** 结果: the finalists after the second round, per quota group, as the round's published results give them. */
export async function publishFinalists(admin: GraphClient, contestId: string, season: Season, roundId: string): Promise<string> {
  type Row = {
    groupCode: string | null;
    rank: number | null;
    submission: { referenceNumber: string | null; title: string; organization: { name: string } | null } | null;
  };
  const rows: Row[] = [];
  let after: string | null = null;
  do {
    type Page = { reviewRound: { results: { nodes: Row[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
    const { reviewRound }: Page = await admin.data<{
      reviewRound: { results: { nodes: Row[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    }>(
      `query($id: ID!, $after: String) { reviewRound(id: $id) { results(outcome: ADVANCED, first: 100, after: $after) {
        nodes { groupCode rank submission { referenceNumber title organization { name } } } pageInfo { hasNextPage endCursor } } } }`,
      { id: roundId, after },
    );
    rows.push(...reviewRound.results.nodes);
    after = reviewRound.results.pageInfo.hasNextPage ? reviewRound.results.pageInfo.endCursor : null;
  } while (after);
  const groups = Object.keys(GROUP_NAMES).map((code) => ({
    code,
    rows: rows
      .filter((r) => r.groupCode === code)
      .sort((a, b) => (a.submission?.referenceNumber ?? '').localeCompare(b.submission?.referenceNumber ?? '')),
  }));
  const lines = [
    `经第二轮评审（${chineseDate(season.rounds.evaluation)}），共${rows.length}项成果入围终评，名单如下（按申报编号排列）。`,
    `终评会定于${chineseDate(season.rounds.final)}举行，请入围项目负责人做好现场答辩准备。`,
  ];
  let budget = BODY_BUDGET;
  for (const group of groups) {
    lines.push('', `## ${GROUP_NAMES[group.code]}组（${group.rows.length}项）`, '');
    for (const r of group.rows) {
      const line = `- ${r.submission?.referenceNumber ?? ''} ${r.submission?.title ?? ''}（${r.submission?.organization?.name ?? ''}）`;
      if (budget - line.length < 0) {
        lines.push('- ……（名单较长，其余从略）');
        break;
      }
      budget -= line.length;
      lines.push(line);
    }
  }
  return publish(admin, contestId, {
    kind: 'RESULTS',
    title: mark(season, `${season.year}年立功竞赛第二轮评审入围终评名单`),
    body: lines.join('\n'),
  });
}

/** 公示: the proposed honors are announced; the window's close comes from the honors service. */
export async function publishAnnouncement(admin: GraphClient, contestId: string, season: Season): Promise<string> {
  const { honors } = await admin.data<{ honors: { totalCount: number; nodes: { objectionsCloseAt: string | null }[] } }>(
    `query($c: ID!) { honors(contestId: $c, status: ANNOUNCED, first: 1) { totalCount nodes { objectionsCloseAt } } }`,
    { c: contestId },
  );
  const closes = honors.nodes[0]?.objectionsCloseAt;
  if (!closes) throw new Error('The honors were announced without a window');
  return publish(admin, contestId, {
    kind: 'ANNOUNCEMENT',
    title: mark(season, `${season.year}年立功竞赛拟表彰名单公示`),
    body: [
      `经评审表彰会研究，拟对${honors.totalCount}项（名）先进集体、先进个人和优秀创新成果予以表彰，现予公示。`,
      '',
      `**公示期**：自公示之日起5个工作日，至${beijing(closes)}（北京时间）止。`,
      '',
      '## 异议方式',
      '',
      '对公示对象有异议的，请于公示期内在平台“公示”页面对该表彰提出异议，写明事实和理由，并留下联系方式；逾期不再受理。',
      '',
      '拟表彰名单见平台“公示”页面。',
    ].join('\n'),
  });
}

/** 结果: the honors are conferred by the decision, at the ceremony. */
export function publishConferral(admin: GraphClient, contestId: string, season: Season, conferred: number): Promise<string> {
  const { decisionNumber, conferredOn, ceremony } = season.conferral;
  return publish(admin, contestId, {
    kind: 'RESULTS',
    title: mark(season, `关于表彰${season.year}年立功竞赛先进集体、先进个人和优秀创新成果的决定`),
    body: [
      `**${decisionNumber}**`,
      '',
      `公示期满无异议，经研究决定，对${conferred}项（名）先进集体、先进个人和优秀创新成果予以表彰，${chineseDate(conferredOn)}在${ceremony}上颁发。`,
      '',
      '表彰名单见平台“公示”页面的已授予名单。',
    ].join('\n'),
  });
}
