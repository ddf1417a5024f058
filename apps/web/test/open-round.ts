/**
 * An OPEN review round for a journey to score in: after the replay every 2019 round is
 * finalized, so a new contest is set up through the API as the office would — a track, an
 * enrolled unit with a submitted achievement, a round with criteria taking it in, opened, and
 * the entry assigned to the expert named.
 */
import { Factories } from '@meritgraph/testing';
import type { ConsoleRun } from './console';

/** Three criteria weighing 0.4, 0.35 and 0.25; feasibility is marked out of 40 (highest total 85). */
export const OPEN_ROUND_CRITERIA = [
  { code: 'INNOVATION', name: '创新性', weight: 0.4, maxScore: 100 },
  { code: 'BENEFIT', name: '经济社会效益', weight: 0.35, maxScore: 100 },
  { code: 'FEASIBILITY', name: '推广可行性', weight: 0.25, maxScore: 40 },
];

export interface OpenRoundOptions {
  /** The contest's code (unique per run); "open-round" by default. */
  code?: string;
  /** Whether the round hides the unit and people from its experts; true by default. */
  blind?: boolean;
  /** The round's stage; EVALUATION by default (SCREENING asks each scorecard for a decision). */
  stage?: 'SCREENING' | 'EVALUATION' | 'FINAL';
  /** The track's code, which the expert must judge; AI by default. */
  track?: string;
  /** The contest's name and the achievement's title, so that two set-ups read apart. */
  contestName?: string;
  title?: string;
  /** How many achievements of the unit the round takes in, each assigned to the expert; 1 by default. */
  entries?: number;
}

export interface OpenRound {
  contestId: string;
  contestCode: string;
  trackId: string;
  unitId: string;
  unitName: string;
  leaderId: string;
  submissionId: string;
  referenceNumber: string;
  title: string;
  roundId: string;
  /** The first entry and its assignment; every one of them below, in the order made. */
  entryId: string;
  assignmentId: string;
  entryIds: string[];
  assignmentIds: string[];
  referenceNumbers: string[];
  criteria: typeof OPEN_ROUND_CRITERIA;
}

type Id = { id: string };

/** A new contest whose one round is OPEN, with its one entry assigned to `expertId`. */
export async function openRoundFor(run: ConsoleRun, expertId: string, options: OpenRoundOptions = {}): Promise<OpenRound> {
  const admin = run.graph.gateway;
  const make = new Factories(admin);
  const code = options.code ?? 'open-round';
  const trackCode = options.track ?? 'AI';
  const stage = options.stage ?? 'EVALUATION';
  const now = Date.now();
  const { createContest } = await admin.data<{ createContest: Id }>(
    `mutation($code: String!, $name: String!, $o: DateTimeISO!, $c: DateTimeISO!) { createContest(input: { code: $code, name: $name, year: 2026,
      submissionOpensAt: $o, submissionClosesAt: $c }) { id } }`,
    {
      code,
      name: options.contestName ?? '2026年职工技术创新成果评审',
      o: new Date(now - 3600_000).toISOString(),
      c: new Date(now + 30 * 86400_000).toISOString(),
    },
  );
  const contestId = createContest.id;
  const { createTrack } = await admin.data<{ createTrack: Id }>(
    `mutation($c: ID!, $t: String!) { createTrack(input: { contestId: $c, code: $t, name: "人工智能与智能制造" }) { id } }`,
    { c: contestId, t: trackCode },
  );
  await admin.data(`mutation($c: ID!) { changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id } }`, { c: contestId });
  const unit = await make.organization({ name: `智能装备研究院（${code}）` });
  await make.enrol(contestId, unit.id);
  const { createPerson } = await admin.data<{ createPerson: Id }>(
    `mutation($o: ID!) { createPerson(input: { name: "陈立新", organizationId: $o }) { id } }`,
    { o: unit.id },
  );
  const title = options.title ?? '基于机器视觉的焊缝缺陷在线检测系统';
  const submissionIds: string[] = [];
  const referenceNumbers: string[] = [];
  for (let i = 0; i < (options.entries ?? 1); i++) {
    const { createSubmission } = await admin.data<{ createSubmission: Id }>(
      `mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id } }`,
      {
        input: {
          contestId,
          organizationId: unit.id,
          trackId: createTrack.id,
          title: i === 0 ? title : `${title}（第${i + 1}项）`,
          summary: '以深度学习识别焊缝气孔、裂纹等缺陷，检测准确率达到 98%，已在三条产线应用。',
          achievementKind: 'TECHNOLOGY',
          keywords: ['机器视觉', '焊缝检测'],
          applicationEffect: '年减少返修成本约 300 万元。',
          leaderId: createPerson.id,
          teamMemberIds: [],
        },
      },
    );
    const { submitSubmission } = await admin.data<{ submitSubmission: { referenceNumber: string } }>(
      `mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 1) { referenceNumber } }`,
      { id: createSubmission.id },
    );
    submissionIds.push(createSubmission.id);
    referenceNumbers.push(submitSubmission.referenceNumber);
  }
  const { createReviewRound } = await admin.data<{ createReviewRound: Id }>(
    `mutation($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { id } }`,
    {
      input: {
        contestId,
        name: '复审',
        stage,
        order: 1,
        criteria: OPEN_ROUND_CRITERIA,
        // Screening advances by the experts' decisions, other stages by a threshold.
        ...(stage === 'SCREENING' ? {} : { threshold: 50 }),
        blind: options.blind ?? true,
        reviewDate: new Date(now + 14 * 86400_000).toISOString().slice(0, 10),
      },
    },
  );
  const roundId = createReviewRound.id;
  await admin.data(`mutation($r: ID!) { takeEntries(roundId: $r) { taken } }`, { r: roundId });
  const { reviewRound } = await admin.data<{ reviewRound: { entries: { nodes: { id: string; referenceNumber: string }[] } } }>(
    `query($r: ID!) { reviewRound(id: $r) { entries(first: 100) { nodes { id referenceNumber } } } }`,
    { r: roundId },
  );
  const entryOf = new Map(reviewRound.entries.nodes.map((e) => [e.referenceNumber, e.id]));
  const entryIds = referenceNumbers.map((ref) => entryOf.get(ref)!);
  const assignmentIds: string[] = [];
  for (const entryId of entryIds) {
    const { assignExpert } = await admin.data<{ assignExpert: Id }>(
      `mutation($e: ID!, $x: ID!) { assignExpert(entryId: $e, expertId: $x) { id } }`,
      { e: entryId, x: expertId },
    );
    assignmentIds.push(assignExpert.id);
  }
  await admin.data(`mutation($r: ID!) { changeReviewRoundStatus(id: $r, status: OPEN) { id } }`, { r: roundId });
  return {
    contestId,
    contestCode: code,
    trackId: createTrack.id,
    unitId: unit.id,
    unitName: unit.name,
    leaderId: createPerson.id,
    submissionId: submissionIds[0]!,
    referenceNumber: referenceNumbers[0]!,
    title,
    roundId,
    entryId: entryIds[0]!,
    assignmentId: assignmentIds[0]!,
    entryIds,
    assignmentIds,
    referenceNumbers,
    criteria: OPEN_ROUND_CRITERIA,
  };
}
