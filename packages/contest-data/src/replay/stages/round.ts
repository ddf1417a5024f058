import { type Call, groupBy, groupsOf, inParallel, many } from '../batch';
import { type ReplayHost, at, expertOf } from '../host';
import { Random } from '../random';
import type { Season } from '../season';
import { staffByKeys } from './staffing';
import type { Step } from '../steps';
import type { ExpertPlan, SubmissionPlan, TrackCode, World } from '../world';

/** What every round of the review draws on. */
export interface ReviewContext {
  contestId: string;
  world: World;
  /** The contest's year: its review days and quotas. */
  season: Season;
  scale: number;
  trackId: Record<TrackCode, string>;
  expertId: Map<string, string>;
  /** The planned achievement behind each submission id. */
  bySubmissionId: Map<string, SubmissionPlan>;
  /** The experts' scores are drawn from sub-streams of this seed, one per expert and achievement in each round. */
  seed: number;
  step: Step;
}

/** How one round is set up: its settings, and who reviews in it (a pool, or final panels). */
export interface RoundPlan {
  name: string;
  stage: 'SCREENING' | 'EVALUATION' | 'FINAL';
  order: number;
  date: string;
  settings: Record<string, unknown>;
  pool?: string[];
  load?: { min: number; max: number };
  /** Large pools: consider only this many eligible experts per entry. */
  candidates?: number;
  panels?: { name: string; trackIds: string[]; chairId: string; memberIds: string[] }[];
}

/** How many experts save their scorecards at the same time. */
const EXPERTS_AT_ONCE = 8;

/** The four criteria of the second round and the final (创新性, 实用性, 应用效果, 推广前景). */
export const CRITERIA = [
  { code: 'INNOVATION', name: '创新性', weight: 0.3, maxScore: 100 },
  { code: 'PRACTICALITY', name: '实用性', weight: 0.25, maxScore: 100 },
  { code: 'EFFECT', name: '应用效果', weight: 0.25, maxScore: 100 },
  { code: 'PROSPECTS', name: '推广前景', weight: 0.2, maxScore: 100 },
];

/** The ids of the experts the world draws on for one role. */
export const expertIdsFor = (review: ReviewContext, role: ExpertPlan['roles'][number]): string[] =>
  review.world.experts.filter((e) => e.roles.includes(role)).map((e) => review.expertId.get(e.key)!);

interface Assigned {
  id: string;
  entry: { id: string; submission: { id: string } };
  expert: { id: string };
}

/** One round, start to finish: configure, take entries in, staff, open, score, close, finalize, publish. */
export async function runRound(host: ReplayHost, review: ReviewContext, plan: RoundPlan): Promise<string> {
  const admin = host.gateway;
  const { step } = review;
  host.setNow(at(`${plan.date}T00:30:00Z`));
  const roundId = await step(`${plan.name}: configured, entries taken in`, async () => {
    const { createReviewRound } = await admin.data<{ createReviewRound: { id: string } }>(
      `mutation($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { id } }`,
      {
        input: {
          contestId: review.contestId,
          name: plan.name,
          stage: plan.stage,
          order: plan.order,
          reviewDate: plan.date,
          ...plan.settings,
        },
      },
    );
    const { takeEntries } = await admin.data<{ takeEntries: { taken: number; skipped: unknown[] } }>(
      `mutation($id: ID!) { takeEntries(roundId: $id) { taken skipped { reason } } }`,
      {
        id: createReviewRound.id,
      },
    );
    if (takeEntries.skipped.length) throw new Error(`${plan.name}: intake skipped ${takeEntries.skipped.length} submissions`);
    return { count: takeEntries.taken, value: createReviewRound.id };
  });
  for (const panel of plan.panels ?? []) {
    await admin.data(`mutation($input: CreatePanelInput!) { createPanel(input: $input) { id } }`, { input: { roundId, ...panel } });
  }
  await step(`${plan.name}: experts assigned`, async () => {
    // A panel sits whole on each of its entries, so only a pool leaves the planner a choice to make by stable keys. At large
    // scales the automatic assignment staffs the round in one request instead of the office planning it.
    if (!plan.panels && review.scale === 1) return { count: await staffByKeys(admin, review, plan, roundId), value: null };
    const { autoAssign } = await admin.data<{ autoAssign: { created: number; unstaffed: { reason: string }[] } }>(
      `mutation($id: ID!, $input: AutoAssignInput) { autoAssign(roundId: $id, input: $input) { created unstaffed { reason } } }`,
      {
        id: roundId,
        input: plan.panels
          ? null
          : { expertIds: plan.pool ?? null, minLoad: plan.load?.min, maxLoad: plan.load?.max, candidatesPerEntry: plan.candidates },
      },
    );
    if (autoAssign.unstaffed.length)
      throw new Error(
        `${plan.name}: ${autoAssign.unstaffed.length} entries could not be fully staffed (${autoAssign.unstaffed[0]!.reason})`,
      );
    return { count: autoAssign.created, value: null };
  });
  if (plan.panels) {
    // The final's programme opens at 08:30 in Beijing on its review day.
    await admin.data(
      `mutation($id: ID!, $input: ScheduleInput!) { schedulePresentations(roundId: $id, input: $input) { presentations { id } } }`,
      { id: roundId, input: { startTime: `${plan.date}T08:30:00+08:00`, slotMinutes: 6, lunchFrom: '12:00', lunchTo: '13:00' } },
    );
  }
  await admin.data(`mutation($id: ID!) { changeReviewRoundStatus(id: $id, status: OPEN) { status } }`, { id: roundId });

  // Every assignment, as the office sees them; each expert then scores its own.
  const assignments: Assigned[] = [];
  for (let after: string | null = null; ;) {
    const {
      reviewRound,
    }: { reviewRound: { assignments: { nodes: Assigned[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } } =
      await admin.data(
        `query($id: ID!, $after: String) { reviewRound(id: $id) { assignments(first: 100, after: $after) { nodes { id entry { id submission { id } } expert { id } } pageInfo { hasNextPage endCursor } } } }`,
        { id: roundId, after },
      );
    assignments.push(...reviewRound.assignments.nodes);
    if (!reviewRound.assignments.pageInfo.hasNextPage) break;
    after = reviewRound.assignments.pageInfo.endCursor;
  }
  await step(`${plan.name}: scorecards`, async () => {
    // Who scores what, by stable names: the experts' keys and the achievements' keys, never the platform's ids.
    const keyOfExpert = new Map([...review.expertId].map(([key, id]) => [id, key]));
    const serial = (key: string) => Number(key.slice(key.indexOf(':') + 1));
    const byExpert = groupBy(assignments, (a) => keyOfExpert.get(a.expert.id)!);
    const eliminations = new Set<string>();
    // Experts' cards are drawn in the order of their keys, each with its leniency and each card's noise from sub-streams of its
    // own (a screening elimination goes to the first expert who casts it); then the experts save them, several at once.
    const drawn = [...byExpert]
      .sort(([a], [b]) => serial(a) - serial(b))
      .map(([expert, list]) => {
        const bias = Random.of(review.seed, plan.stage, expert).between(-4, 4);
        const cards = list
          .map((a) => ({ a, achievement: review.bySubmissionId.get(a.entry.submission.id)! }))
          .sort((x, y) => serial(x.achievement.key) - serial(y.achievement.key))
          .map(({ a, achievement }) =>
            scorecard(plan, Random.of(review.seed, plan.stage, expert, achievement.key), a.entry.id, achievement.merit, bias, eliminations),
          );
        return { expert, cards };
      });
    await inParallel(drawn, EXPERTS_AT_ONCE, async ({ expert, cards }) => {
      const client = await expertOf(host, review.expertId.get(expert)!);
      // A judge saves its cards in batches, as a review form would.
      await many(
        client,
        'mutation',
        groupsOf(cards, 200).map((inputs): Call => ({
          field: 'submitScorecards',
          args: { inputs: ['[ScorecardInput!]!', inputs] },
          select: 'id',
        })),
        1,
      );
    });
    return { count: assignments.length, value: null };
  });
  host.setNow(at(`${plan.date}T10:00:00Z`));
  await step(`${plan.name}: closed, finalized, published`, async () => {
    await admin.data(`mutation($id: ID!) { changeReviewRoundStatus(id: $id, status: CLOSED) { status } }`, { id: roundId });
    const { reviewRoundPreview: preview } = await admin.data<{
      reviewRoundPreview: { finalizable: boolean; ties: unknown[]; problems: { message: string }[] };
    }>(`query($id: ID!) { reviewRoundPreview(id: $id) { finalizable ties { groupCode } problems { message } } }`, { id: roundId });
    if (!preview.finalizable)
      throw new Error(
        `${plan.name}: results cannot be finalized: ${JSON.stringify({ ties: preview.ties, problems: preview.problems.slice(0, 3) })}`,
      );
    await admin.data(
      `mutation($id: ID!) { changeReviewRoundStatus(id: $id, status: FINALIZED) { status } publishReviewRound(id: $id) { publishedAt } }`,
      { id: roundId },
    );
    return { count: 1, value: null };
  });
  return roundId;
}

/**
 * An expert's scorecard: the entry's merit, the judge's own leniency, and noise. In
 * screening, strong entries are recommended and a weak one may get one elimination vote —
 * never a majority, as in 2019, when all 294 went on to the second round.
 */
function scorecard(plan: RoundPlan, rnd: Random, entryId: string, merit: number, bias: number, eliminations: Set<string>) {
  const criteria = (plan.settings.criteria as { code: string; maxScore: number }[]) ?? [];
  const scores = criteria.map((c) => {
    const base = c.maxScore * (0.6 + 0.35 * merit) + (bias + rnd.normal() * 3) * (c.maxScore / 100);
    return { criterion: c.code, score: Math.round(Math.min(c.maxScore, Math.max(0, base)) * 10) / 10 };
  });
  if (plan.stage !== 'SCREENING') return { entryId, scores, comment: merit > 0.8 ? '创新突出，应用成效显著。' : null };
  if (merit < 0.08 && !eliminations.has(entryId) && rnd.next() < 0.5) {
    eliminations.add(entryId);
    return { entryId, scores, decision: 'ELIMINATE', eliminationReason: 'LOW_RELEVANCE', comment: '与三大产业关联度较低。' };
  }
  return { entryId, scores, decision: merit > 0.85 && rnd.next() < 0.6 ? 'RECOMMEND' : 'PASS' };
}
