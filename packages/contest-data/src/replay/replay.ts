import type { GraphClient } from '@meritgraph/supergraph';
import { type ReplayHost, at } from './host';
import { type StepRecord, stepRecorder } from './steps';
import { MILESTONES, beginReview, closeContest, createContest, trackIds } from './stages/contest';
import { enrol } from './stages/enrolment';
import { runEvaluation } from './stages/evaluation';
import { createExperts } from './stages/experts';
import { runFinal } from './stages/final';
import { type HonorsPlan, runHonors } from './stages/honors';
import { createOrganizations, createPeople } from './stages/organizations';
import { evaluateOrganizers, recordPriorHonors } from './stages/prior-honors';
import type { ReviewContext } from './stages/round';
import { runScreening } from './stages/screening';
import { draftSubmissions, submitAll } from './stages/submissions';
import { REPORTED_EXCELLENT, TRACKS, buildWorld } from './world';

/**
 * The 2019 contest, replayed through the gateway's public API as its actors lived it: the
 * office sets the contest up, unions enrol their units, units submit, experts screen,
 * evaluate and judge the final, and the office advances entries by the rules. Nothing is
 * written to a table directly; every figure comes out of the real workflow.
 */

export type { ReplayHost };

export interface ReplayOptions {
  /** Multiplies the synthetic parts: units, achievements, experts and judges. */
  scale?: number;
  seed?: number;
  log?: (line: string) => void;
}

export const CONTEST_CODE = '2019-sci-tech';

export interface ReviewFigures {
  units: number;
  achievements: number;
  experts: number;
  judges: number;
  finalists: Record<'AI' | 'BIOMED' | 'IC+BIG_SCIENCE', number> & { total: number };
  excellent: Record<'AI' | 'BIOMED' | 'IC+BIG_SCIENCE', number> & { total: number };
  /** Of the excellent achievements, how many hold verified prior honors, by highest level. */
  excellentWithPriorHonors: { national: number; provincialMinisterial: number };
  /** Honors conferred, per award type. */
  conferred: Record<'MAY_DAY_MEDAL' | 'WORKER_PIONEER' | 'MAY_DAY_AWARD' | 'EXCELLENT_ORGANIZATION' | 'EXCELLENT_ACHIEVEMENT', number>;
  milestones: string[];
  /** The final's outcome for each achievement the report names among the excellent, by title. */
  reportedExcellent: Record<string, string>;
}

/** The figures the 2019 report gives, which the replay must reach. */
export type ContestFigures = ReviewFigures;

export interface ReplayResult {
  contestId: string;
  figures: ReviewFigures;
  steps: StepRecord[];
}

/** What the report's funnel says, at scale 1; the synthetic parts grow with the scale. */
export const expectedFigures = (scale = 1): ReviewFigures => ({
  units: 210 * scale,
  achievements: 294 * scale,
  experts: 100 * scale,
  judges: 31 * scale,
  finalists: { AI: 68 * scale, BIOMED: 68 * scale, 'IC+BIG_SCIENCE': 49 * scale, total: 185 * scale },
  excellent: { AI: 29 * scale, BIOMED: 35 * scale, 'IC+BIG_SCIENCE': 26 * scale, total: 90 * scale },
  excellentWithPriorHonors: { national: 13 * scale, provincialMinisterial: 50 * scale },
  conferred: {
    MAY_DAY_MEDAL: 43 * scale,
    WORKER_PIONEER: 25 * scale,
    MAY_DAY_AWARD: 11 * scale,
    EXCELLENT_ORGANIZATION: 10,
    EXCELLENT_ACHIEVEMENT: 90 * scale,
  },
  milestones: MILESTONES.map((m) => m.date),
  reportedExcellent: Object.fromEntries(REPORTED_EXCELLENT.map((title) => [title, 'EXCELLENT'])),
});

export async function replay2019(host: ReplayHost, options: ReplayOptions = {}): Promise<ReplayResult> {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 2019;
  const admin = host.gateway;
  const world = buildWorld(scale, seed);
  const steps: ReplayResult['steps'] = [];
  const step = stepRecorder(steps, options.log ?? (() => undefined));

  try {
    host.setNow(at('2019-03-01T01:00:00Z'));
    const orgId = await step('organizations', async () => ({ count: world.orgs.length, value: await createOrganizations(admin, world) }));
    const contestId = await step('contest, tracks and milestones', async () => ({
      count: 1 + TRACKS.length + MILESTONES.length,
      value: await createContest(admin, orgId, CONTEST_CODE),
    }));
    const trackId = await trackIds(admin, contestId);
    const personId = await step('people', async () => ({ count: world.people.length, value: await createPeople(admin, world, orgId) }));

    host.setNow(at('2019-04-01T01:00:00Z'));
    await step('enrolments by the mobilizing unions', async () => ({ count: await enrol(host, world, orgId, contestId), value: null }));
    const submissionId = await step('drafts by the units', async () => ({
      count: world.submissions.length,
      value: await draftSubmissions(host, world, orgId, personId, trackId, contestId),
    }));
    await step('submissions, April to September', async () => ({ count: await submitAll(host, world, orgId, submissionId), value: null }));

    host.setNow(at('2019-10-01T01:00:00Z'));
    await beginReview(admin, contestId);
    const expertId = await step('expert pool (百人评审专家库)', async () => ({
      count: world.experts.length,
      value: await createExperts(admin, world, personId, orgId),
    }));

    const review: ReviewContext = {
      contestId,
      world,
      scale,
      trackId,
      expertId,
      bySubmissionId: new Map(world.submissions.map((s) => [submissionId.get(s.key)!, s])),
      seed: seed * 7919 + scale,
      step,
    };
    await runScreening(host, review);
    await runEvaluation(host, review);
    const finalRoundId = await runFinal(host, review);

    const honors: HonorsPlan = { contestId, finalRoundId, world, scale, orgId, personId, submissionId, step };
    const excellent = await recordPriorHonors(host, honors);
    const ranking = await evaluateOrganizers(host, honors);
    await runHonors(host, honors, { excellent, ranking });
    host.setNow(at('2020-01-15T09:00:00Z'));
    await step('contest closed after the ceremony', async () => ({ count: 1, value: await closeContest(admin, contestId) }));

    const figures = await step('figures', async () => ({ count: 1, value: await readFigures(admin, contestId) }));
    return { contestId, figures, steps };
  } finally {
    host.setNow(null);
  }
}

/**
 * The contest's figures, in one query through the gateway: the kind of question the
 * analytics team asks. The README shows it with its answer.
 */
export const FIGURES_QUERY = `query Figures($code: String!) {
  contest(code: $code) {
    id
    participantCount
    milestones { date kind title }
    submissions(status: SUBMITTED) { totalCount }
    reviewRounds { stage name reviewDate judgeCount }
    reviewFunnel { round { stage } groupCode entries advanced eliminated excellent }
    honorsSummary {
      counts { awardType { code nameZh } status count }
      priorHonorLevels(awardTypeCode: "EXCELLENT_ACHIEVEMENT") { level count }
    }
  }
  experts(first: 1) { totalCount }
}`;

interface FiguresAnswer {
  experts: { totalCount: number };
  contest: {
    id: string;
    participantCount: number;
    milestones: { date: string }[];
    submissions: { totalCount: number };
    reviewRounds: { stage: string; judgeCount: number }[];
    reviewFunnel: { round: { stage: string }; groupCode: string | null; advanced: number; excellent: number }[];
    honorsSummary: {
      counts: { awardType: { code: string }; status: string; count: number }[];
      priorHonorLevels: { level: string; count: number }[];
    };
  };
}

/** Reads the figures the report gives, as the analytics team would. */
export async function readFigures(admin: GraphClient, contestId: string): Promise<ReviewFigures> {
  const data = await admin.data<FiguresAnswer>(FIGURES_QUERY, { code: CONTEST_CODE });
  if (data.contest.id !== contestId) throw new Error(`${CONTEST_CODE} is another contest than the one replayed`);
  const group = (stage: string, key: 'advanced' | 'excellent', code: string) =>
    data.contest.reviewFunnel.find((f) => f.round.stage === stage && f.groupCode === code)?.[key] ?? 0;
  const figures = (stage: string, key: 'advanced' | 'excellent') => {
    const AI = group(stage, key, 'AI');
    const BIOMED = group(stage, key, 'BIOMED');
    const IC = group(stage, key, 'IC+BIG_SCIENCE');
    return { AI, BIOMED, 'IC+BIG_SCIENCE': IC, total: AI + BIOMED + IC };
  };
  const conferred = (code: string) =>
    data.contest.honorsSummary.counts.find((c) => c.awardType.code === code && c.status === 'CONFERRED')?.count ?? 0;
  const level = (l: string) => data.contest.honorsSummary.priorHonorLevels.find((p) => p.level === l)?.count ?? 0;
  return {
    units: data.contest.participantCount,
    achievements: data.contest.submissions.totalCount,
    experts: data.experts.totalCount,
    judges: data.contest.reviewRounds.find((r) => r.stage === 'EVALUATION')?.judgeCount ?? 0,
    finalists: figures('EVALUATION', 'advanced'),
    excellent: figures('FINAL', 'excellent'),
    excellentWithPriorHonors: { national: level('NATIONAL'), provincialMinisterial: level('PROVINCIAL_MINISTERIAL') },
    conferred: {
      MAY_DAY_MEDAL: conferred('MAY_DAY_MEDAL'),
      WORKER_PIONEER: conferred('WORKER_PIONEER'),
      MAY_DAY_AWARD: conferred('MAY_DAY_AWARD'),
      EXCELLENT_ORGANIZATION: conferred('EXCELLENT_ORGANIZATION'),
      EXCELLENT_ACHIEVEMENT: conferred('EXCELLENT_ACHIEVEMENT'),
    },
    milestones: data.contest.milestones.map((m) => m.date),
    reportedExcellent: await finalOutcomes(admin, REPORTED_EXCELLENT),
  };
}

/** The final's outcome of each titled achievement, read from the published final results. */
async function finalOutcomes(admin: GraphClient, titles: readonly string[]): Promise<Record<string, string>> {
  const outcomes: Record<string, string> = Object.fromEntries(titles.map((t) => [t, 'NOT_IN_FINAL']));
  for (const title of titles) {
    const { contest } = await admin.data<{
      contest: { submissions: { nodes: { title: string; roundResults: { round: { stage: string }; outcome: string }[] }[] } };
    }>(
      `query($code: String!, $q: String!) { contest(code: $code) { submissions(search: $q, first: 5) { nodes { title roundResults { round { stage } outcome } } } } }`,
      { code: CONTEST_CODE, q: title },
    );
    const found = contest.submissions.nodes.find((n) => n.title === title);
    const final = found?.roundResults.find((r) => r.round.stage === 'FINAL');
    if (final) outcomes[title] = final.outcome;
  }
  return outcomes;
}
