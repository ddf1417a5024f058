import { type Identity, type Role, makeCreditCode } from '@meritgraph/domain';
import type { GraphClient } from '@meritgraph/testing';
import { type Call, groupBy, groupsOf, many } from './batch';
import { Random } from './random';
import { runHonors } from './honors-stage';
import { type ExpertPlan, type SubmissionPlan, type TrackCode, TRACKS, type World, buildWorld } from './world';

/**
 * The 2019 contest, replayed through the gateway's public API as its actors lived it: the
 * office sets the contest up, unions enrol their units, units submit, experts screen,
 * evaluate and judge the final, and the office advances entries by the rules. Nothing is
 * written to a table directly; every figure comes out of the real workflow.
 */

/** What the replay drives: the gateway as the office, a client per actor, and the platform's clock. */
export interface ReplayHost {
  gateway: GraphClient;
  as(roles: Role | Role[], claims?: Omit<Identity, 'roles' | 'service'>): Promise<GraphClient>;
  /** The replay moves the platform's clock through 2019; null returns it to real time. */
  setNow(at: Date | null): void;
}

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
}

/** The figures the 2019 report gives, which the replay must reach. */
export type ContestFigures = ReviewFigures;

export interface ReplayResult {
  contestId: string;
  figures: ReviewFigures;
  steps: { step: string; count: number; ms: number }[];
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
});

const DISTRICT_CODES: Record<string, string> = {
  浦东新区: '310115',
  黄浦区: '310101',
  徐汇区: '310104',
  长宁区: '310105',
  静安区: '310106',
  普陀区: '310107',
  虹口区: '310109',
  杨浦区: '310110',
  闵行区: '310112',
  宝山区: '310113',
  嘉定区: '310114',
  金山区: '310116',
  松江区: '310117',
  青浦区: '310118',
  奉贤区: '310120',
  崇明区: '310151',
};

const MILESTONES = [
  { date: '2019-03-29', kind: 'LAUNCH', title: '立功竞赛启动仪式', host: 'huahong' },
  { date: '2019-08-30', kind: 'PROMOTION_MEETING', title: '推进会暨2019“浦东杯”人工智能创新应用大赛启动（世界人工智能大会）', host: 'kcb' },
  { date: '2019-09-19', kind: 'EXCHANGE_MEETING', title: '生物医药专场交流推介会', host: 'med-union' },
  { date: '2019-10-09', kind: 'REVIEW', title: '初审', host: 'jxw' },
  { date: '2019-10-24', kind: 'REVIEW', title: '第二轮评审', host: 'federation' },
  { date: '2019-11-21', kind: 'FINAL_REVIEW', title: '终评会', host: 'federation' },
  { date: '2019-11-29', kind: 'AWARDS_MEETING', title: '评审表彰会', host: 'federation' },
  { date: '2020-01-15', kind: 'CEREMONY', title: '总结表彰大会', host: 'federation' },
] as const;

/** The four criteria of the second round and the final (创新性, 实用性, 应用效果, 推广前景). */
const CRITERIA = [
  { code: 'INNOVATION', name: '创新性', weight: 0.3, maxScore: 100 },
  { code: 'PRACTICALITY', name: '实用性', weight: 0.25, maxScore: 100 },
  { code: 'EFFECT', name: '应用效果', weight: 0.25, maxScore: 100 },
  { code: 'PROSPECTS', name: '推广前景', weight: 0.2, maxScore: 100 },
];

const at = (iso: string) => new Date(iso);
const PANEL_NAMES: Record<'IC' | 'AI' | 'BIOMED', string> = {
  IC: '集成电路与大科学专业组',
  AI: '人工智能专业组',
  BIOMED: '生物医药专业组',
};

export async function replay2019(host: ReplayHost, options: ReplayOptions = {}): Promise<ReplayResult> {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 2019;
  const log = options.log ?? (() => undefined);
  const admin = host.gateway;
  const rnd = new Random(seed * 7919 + scale);
  const world = buildWorld(scale, seed);
  const steps: ReplayResult['steps'] = [];
  const step = async <T>(name: string, run: () => Promise<{ count: number; value: T }>): Promise<T> => {
    const started = Date.now();
    const { count, value } = await run();
    const ms = Date.now() - started;
    steps.push({ step: name, count, ms });
    log(`${name.padEnd(44)} ${String(count).padStart(7)}  ${(ms / 1000).toFixed(1).padStart(6)} s`);
    return value;
  };

  try {
    host.setNow(at('2019-03-01T01:00:00Z'));
    const orgId = await step('organizations', async () => ({ count: world.orgs.length, value: await createOrganizations(admin, world) }));
    const contestId = await step('contest, tracks and milestones', async () => ({
      count: 1 + TRACKS.length + MILESTONES.length,
      value: await createContest(admin, orgId),
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
    await admin.data(`mutation($id: ID!) { changeContestStatus(id: $id, status: REVIEWING) { status } }`, { id: contestId });
    const expertId = await step('expert pool (百人评审专家库)', async () => ({
      count: world.experts.length,
      value: await createExperts(admin, world, personId, orgId),
    }));

    const byKey = new Map(world.submissions.map((s) => [submissionId.get(s.key)!, s]));
    const experts = (role: ExpertPlan['roles'][number]) => world.experts.filter((e) => e.roles.includes(role));

    await runRound(host, {
      name: '初审',
      stage: 'SCREENING',
      order: 1,
      date: '2019-10-09',
      contestId,
      settings: { reviewersPerEntry: 3, criteria: [{ code: 'RELEVANCE', name: '与三大产业的关联度', weight: 1, maxScore: 10 }] },
      // Naming thousands of experts would not fit one request: at large scales screening draws on the whole active pool.
      pool: scale > 10 ? undefined : experts('SCREENING').map((e) => expertId.get(e.key)!),
      candidates: scale > 1 ? 40 : undefined,
      byKey,
      expertId,
      rnd,
      step,
    });
    await runRound(host, {
      name: '第二轮评审',
      stage: 'EVALUATION',
      order: 2,
      date: '2019-10-24',
      contestId,
      settings: {
        reviewersPerEntry: 5,
        criteria: CRITERIA,
        aggregationMethod: 'TRIMMED_MEAN',
        trimMinimum: 5,
        quotaGroups: [
          { code: 'AI', trackIds: [trackId.AI], quota: 68 * scale },
          { code: 'BIOMED', trackIds: [trackId.BIOMED], quota: 68 * scale },
          { code: 'IC+BIG_SCIENCE', trackIds: [trackId.IC, trackId.BIG_SCIENCE], quota: 49 * scale },
        ],
      },
      pool: experts('EVALUATION').map((e) => expertId.get(e.key)!),
      load: { min: 30, max: 60 },
      candidates: scale > 1 ? 40 : undefined,
      byKey,
      expertId,
      rnd,
      step,
    });
    const finalRoundId = await runRound(host, {
      name: '终评',
      stage: 'FINAL',
      order: 3,
      date: '2019-11-21',
      contestId,
      settings: {
        reviewersPerEntry: 7,
        criteria: CRITERIA,
        aggregationMethod: 'TRIMMED_MEAN',
        trimMinimum: 5,
        quotaGroups: [
          { code: 'AI', trackIds: [trackId.AI], quota: 29 * scale },
          { code: 'BIOMED', trackIds: [trackId.BIOMED], quota: 35 * scale },
          { code: 'IC+BIG_SCIENCE', trackIds: [trackId.IC, trackId.BIG_SCIENCE], quota: 26 * scale },
        ],
      },
      panels: (['IC', 'AI', 'BIOMED'] as const).map((track) => {
        const chair = world.experts.find((e) => e.panel === track && e.roles.includes('FINAL_CHAIR'))!;
        const members = world.experts.filter((e) => e.panel === track && e.roles.includes('FINAL_MEMBER'));
        return {
          name: PANEL_NAMES[track],
          trackIds: track === 'IC' ? [trackId.IC, trackId.BIG_SCIENCE] : [trackId[track]],
          chairId: expertId.get(chair.key)!,
          memberIds: [chair, ...members].map((e) => expertId.get(e.key)!),
        };
      }),
      byKey,
      expertId,
      rnd,
      step,
    });

    await runHonors(host, { contestId, finalRoundId, world, scale, orgId, personId, submissionId, rnd, step });

    const figures = await step('figures', async () => ({ count: 1, value: await readFigures(admin, contestId) }));
    return { contestId, figures, steps };
  } finally {
    host.setNow(null);
  }
}

async function createOrganizations(admin: GraphClient, world: World): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const byKey = new Map(world.orgs.map((o) => [o.key, o]));
  const depth = (key: string): number => {
    const org = byKey.get(key)!;
    return org.parent ? 1 + depth(org.parent) : 0;
  };
  const depths = new Map(world.orgs.map((o) => [o.key, depth(o.key)]));
  const levels = Math.max(...depths.values());
  let serial = 0;
  for (let level = 0; level <= levels; level++) {
    const batch = world.orgs.filter((o) => depths.get(o.key) === level);
    const created = await many<{ id: string }>(
      admin,
      'mutation',
      batch.map((o): Call => {
        serial += 1;
        return {
          field: 'createOrganization',
          args: {
            input: [
              'CreateOrganizationInput!',
              {
                name: o.name,
                kind: o.kind,
                parentId: o.parent ? ids.get(o.parent) : null,
                district: o.district,
                // Synthetic but valid codes (GB 32100-2015 check characters).
                creditCode: makeCreditCode('9', '1', DISTRICT_CODES[o.district] ?? '310000', String(31000000 + serial)),
              },
            ],
          },
          select: 'id',
        };
      }),
    );
    batch.forEach((o, i) => ids.set(o.key, created[i]!.id));
  }
  return ids;
}

async function createContest(admin: GraphClient, org: Map<string, string>): Promise<string> {
  const { createContest } = await admin.data<{ createContest: { id: string } }>(
    `mutation($input: CreateContestInput!) { createContest(input: $input) { id } }`,
    {
      input: {
        code: CONTEST_CODE,
        name: '“聚力新科技，奋进新时代”加快科创中心建设主题立功竞赛',
        year: 2019,
        theme: '聚力新科技，奋进新时代：加快建设具有全球影响力的科技创新中心',
        organizerId: org.get('federation'),
        coOrganizerIds: ['kcb', 'fgw', 'jxw', 'kw'].map((k) => org.get(k)),
        startsOn: '2019-03-29',
        endsOn: '2020-01-31',
        submissionOpensAt: '2019-03-29T00:00:00.000Z',
        submissionClosesAt: '2019-09-30T15:59:59.000Z',
      },
    },
  );
  const contestId = createContest.id;
  await many(admin, 'mutation', [
    ...TRACKS.map((t): Call => ({
      field: 'createTrack',
      args: { input: ['CreateTrackInput!', { contestId, code: t.code, name: t.name }] },
      select: 'id',
    })),
    ...MILESTONES.map((m): Call => ({
      field: 'createMilestone',
      args: {
        input: ['CreateMilestoneInput!', { contestId, date: m.date, kind: m.kind, title: m.title, hostOrganizationId: org.get(m.host) }],
      },
      select: 'id',
    })),
  ]);
  await admin.data(`mutation($id: ID!) { changeContestStatus(id: $id, status: OPEN_FOR_SUBMISSIONS) { status } }`, { id: contestId });
  return contestId;
}

async function trackIds(admin: GraphClient, contestId: string): Promise<Record<TrackCode, string>> {
  const { contest } = await admin.data<{ contest: { tracks: { id: string; code: TrackCode }[] } }>(
    `query($id: ID!) { contest(id: $id) { tracks { id code } } }`,
    { id: contestId },
  );
  return Object.fromEntries(contest.tracks.map((t) => [t.code, t.id])) as Record<TrackCode, string>;
}

async function createPeople(admin: GraphClient, world: World, org: Map<string, string>): Promise<Map<string, string>> {
  const created = await many<{ id: string }>(
    admin,
    'mutation',
    world.people.map((p): Call => ({
      field: 'createPerson',
      args: {
        input: [
          'CreatePersonInput!',
          { name: p.name, organizationId: org.get(p.org), position: p.position, phone: p.phone, email: p.email },
        ],
      },
      select: 'id',
    })),
  );
  return new Map(world.people.map((p, i) => [p.key, created[i]!.id]));
}

/** Each mobilizing union enrols its own units, as an ORGANIZER of that union. */
async function enrol(host: ReplayHost, world: World, org: Map<string, string>, contestId: string): Promise<number> {
  const units = [...new Set(world.submissions.map((s) => s.unit))];
  const byMobilizer = groupBy(units, (u) => world.mobilizerOf.get(u)!);
  for (const [mobilizer, list] of byMobilizer) {
    const organizer = await host.as('ORGANIZER', { org: org.get(mobilizer)!, sub: `organizer:${mobilizer}` });
    await many(
      organizer,
      'mutation',
      list.map((u): Call => ({
        field: 'enrolUnit',
        args: { input: ['EnrolUnitInput!', { contestId, organizationId: org.get(u), mobilizedById: org.get(mobilizer) }] },
        select: 'id',
      })),
    );
  }
  return units.length;
}

async function submitterOf(
  host: ReplayHost,
  org: Map<string, string>,
  unit: string,
  cache: Map<string, GraphClient>,
): Promise<GraphClient> {
  let client = cache.get(unit);
  if (!client) {
    client = await host.as('SUBMITTER', { org: org.get(unit)!, sub: `submitter:${unit}` });
    cache.set(unit, client);
  }
  return client;
}

/** Each unit drafts its achievements with its own submitter. */
async function draftSubmissions(
  host: ReplayHost,
  world: World,
  org: Map<string, string>,
  person: Map<string, string>,
  track: Record<TrackCode, string>,
  contestId: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const clients = new Map<string, GraphClient>();
  const byUnit = groupBy(world.submissions, (s) => s.unit);
  for (const [unit, plans] of byUnit) {
    const client = await submitterOf(host, org, unit, clients);
    const created = await many<{ id: string }>(
      client,
      'mutation',
      plans.map((s): Call => ({
        field: 'createSubmission',
        args: {
          input: [
            'CreateSubmissionInput!',
            {
              contestId,
              organizationId: org.get(unit),
              trackId: track[s.track],
              title: s.title,
              summary: s.summary,
              achievementKind: s.kind,
              keywords: s.keywords,
              applicationEffect: s.effect,
              leaderId: person.get(s.leader),
              teamMemberIds: s.team.map((t) => person.get(t)),
            },
          ],
        },
        select: 'id',
      })),
    );
    plans.forEach((s, i) => ids.set(s.key, created[i]!.id));
  }
  return ids;
}

/** Units submit one by one between April and late September, so every entry has its own submission time. */
async function submitAll(host: ReplayHost, world: World, org: Map<string, string>, submissionId: Map<string, string>): Promise<number> {
  const clients = new Map<string, GraphClient>();
  const start = at('2019-04-08T01:00:00Z').getTime();
  const span = at('2019-09-27T09:00:00Z').getTime() - start;
  const order = new Random(42).shuffle(world.submissions);
  for (const [i, s] of order.entries()) {
    host.setNow(new Date(start + Math.floor((span * i) / order.length)));
    const client = await submitterOf(host, org, s.unit, clients);
    await client.data(`mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 1) { status } }`, { id: submissionId.get(s.key) });
  }
  return order.length;
}

async function createExperts(
  admin: GraphClient,
  world: World,
  person: Map<string, string>,
  org: Map<string, string>,
): Promise<Map<string, string>> {
  const people = new Map(world.people.map((p) => [p.key, p]));
  const created = await many<{ id: string }>(
    admin,
    'mutation',
    world.experts.map((e): Call => {
      const p = people.get(e.person)!;
      return {
        field: 'createExpert',
        args: {
          input: [
            'CreateExpertInput!',
            { personId: person.get(e.person), affiliationId: org.get(p.org), title: e.title, expertise: e.expertise },
          ],
        },
        select: 'id',
      };
    }),
  );
  return new Map(world.experts.map((e, i) => [e.key, created[i]!.id]));
}

interface RoundPlan {
  name: string;
  stage: 'SCREENING' | 'EVALUATION' | 'FINAL';
  order: number;
  date: string;
  contestId: string;
  settings: Record<string, unknown>;
  pool?: string[];
  load?: { min: number; max: number };
  /** Large pools: consider only this many eligible experts per entry. */
  candidates?: number;
  panels?: { name: string; trackIds: string[]; chairId: string; memberIds: string[] }[];
  byKey: Map<string, SubmissionPlan>;
  expertId: Map<string, string>;
  rnd: Random;
  step: <T>(name: string, run: () => Promise<{ count: number; value: T }>) => Promise<T>;
}

interface Assigned {
  id: string;
  entry: { id: string; submission: { id: string } };
  expert: { id: string };
}

/** One round, start to finish: configure, take entries in, staff, open, score, close, finalize, publish. */
async function runRound(host: ReplayHost, plan: RoundPlan): Promise<string> {
  const admin = host.gateway;
  const { step } = plan;
  host.setNow(at(`${plan.date}T00:30:00Z`));
  const roundId = await step(`${plan.name}: configured, entries taken in`, async () => {
    const { createReviewRound } = await admin.data<{ createReviewRound: { id: string } }>(
      `mutation($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { id } }`,
      {
        input: {
          contestId: plan.contestId,
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
    await admin.data(
      `mutation($id: ID!) { schedulePresentations(roundId: $id, input: { startTime: "08:30", slotMinutes: 6, lunchFrom: "12:00", lunchTo: "13:00" }) { presentations { id } } }`,
      {
        id: roundId,
      },
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
    const byExpert = groupBy(assignments, (a) => a.expert.id);
    const eliminations = new Set<string>();
    for (const [expert, list] of [...byExpert].sort(([a], [b]) => a.localeCompare(b))) {
      const client = await host.as('EXPERT', { expert, sub: `expert:${expert}` });
      const bias = plan.rnd.between(-4, 4);
      const cards = list.map((a) => scorecard(plan, a.entry.id, plan.byKey.get(a.entry.submission.id)!.merit, bias, eliminations));
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
    }
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
function scorecard(plan: RoundPlan, entryId: string, merit: number, bias: number, eliminations: Set<string>) {
  const criteria = (plan.settings.criteria as { code: string; maxScore: number }[]) ?? [];
  const scores = criteria.map((c) => {
    const base = c.maxScore * (0.6 + 0.35 * merit) + (bias + plan.rnd.normal() * 3) * (c.maxScore / 100);
    return { criterion: c.code, score: Math.round(Math.min(c.maxScore, Math.max(0, base)) * 10) / 10 };
  });
  if (plan.stage !== 'SCREENING') return { entryId, scores, comment: merit > 0.8 ? '创新突出，应用成效显著。' : null };
  if (merit < 0.08 && !eliminations.has(entryId) && plan.rnd.next() < 0.5) {
    eliminations.add(entryId);
    return { entryId, scores, decision: 'ELIMINATE', eliminationReason: 'LOW_RELEVANCE', comment: '与三大产业关联度较低。' };
  }
  return { entryId, scores, decision: merit > 0.85 && plan.rnd.next() < 0.6 ? 'RECOMMEND' : 'PASS' };
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
  };
}
