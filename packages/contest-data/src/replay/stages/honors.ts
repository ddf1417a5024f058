import { type Call, groupBy, groupsOf, many } from '../batch';
import { type GraphClient, type ReplayHost, at, clientsOf, organizerOf } from '../host';
import type { AwardCode, Season } from '../season';
import { publishAnnouncement, publishConferral } from './notices';
import type { Step } from '../steps';
import type { SubmissionPlan, World } from '../world';

/**
 * The honors of 2019 (and of each later contest, by its own quotas and days): nominated
 * (差额: up to 120% of each quota), proposed at the awards meeting of 2019-11-29, announced
 * for 5 working days, and conferred at the ceremony.
 */

/** The award types, in the order their quotas are set. */
const AWARDS: readonly AwardCode[] = [
  'MAY_DAY_MEDAL',
  'WORKER_PIONEER',
  'MAY_DAY_AWARD',
  'EXCELLENT_ORGANIZATION',
  'EXCELLENT_ACHIEVEMENT',
];

/** Items per bulk call (nominateHonors, withdrawHonors, announceHonors, conferHonors): at most 500. */
const MAX_ITEMS = 500;

export interface HonorsPlan {
  contestId: string;
  finalRoundId: string;
  world: World;
  season: Season;
  scale: number;
  orgId: Map<string, string>;
  personId: Map<string, string>;
  submissionId: Map<string, string>;
  step: Step;
}

/** Whom the honors are nominated from. */
export interface HonorsCandidates {
  /** The excellent achievements of the final, strongest first. */
  excellent: SubmissionPlan[];
  /** The organizing unions' ids, best assessed first. */
  ranking: string[];
}

export async function runHonors(host: ReplayHost, plan: HonorsPlan, { excellent, ranking }: HonorsCandidates): Promise<void> {
  const admin = host.gateway;
  const { step, world, season } = plan;
  const quota = (code: AwardCode) => season.honors[code];

  const honors = await step('nominations (差额推荐)', async () => {
    await many(
      admin,
      'mutation',
      AWARDS.map((code): Call => ({
        field: 'setAwardQuota',
        args: { contestId: ['ID!', plan.contestId], awardTypeCode: ['String!', code], quota: ['Int!', quota(code)] },
        select: 'id',
      })),
    );
    const cap = (code: AwardCode) => Math.floor(quota(code) * 1.2);
    const nominations: { code: AwardCode; recipientId: string; by: string | null }[] = [];
    // Medals: the leaders of the strongest excellent achievements, nominated by their mobilizing unions.
    for (const s of excellent.slice(0, cap('MAY_DAY_MEDAL')))
      nominations.push({ code: 'MAY_DAY_MEDAL', recipientId: plan.personId.get(s.leader)!, by: world.mobilizerOf.get(s.unit)! });
    // Worker Pioneer: the teams behind excellent achievements.
    const teams = await createTeams(admin, plan, excellent.slice(0, cap('WORKER_PIONEER')));
    for (const t of teams) nominations.push({ code: 'WORKER_PIONEER', recipientId: t.id, by: t.mobilizer });
    // Unit awards: units carrying big-science facilities and platforms first, as 2019 did.
    const units = [...new Set([...season.unitAwardFirst, ...excellent.map((s) => s.unit)])].slice(0, cap('MAY_DAY_AWARD'));
    for (const u of units) nominations.push({ code: 'MAY_DAY_AWARD', recipientId: plan.orgId.get(u)!, by: null });
    for (const u of ranking.slice(0, cap('EXCELLENT_ORGANIZATION')))
      nominations.push({ code: 'EXCELLENT_ORGANIZATION', recipientId: u, by: null });
    const organizer = clientsOf((union) => organizerOf(host, plan.orgId, union));
    const grouped = groupBy(nominations, (n) => n.by ?? '');
    const ids: Record<AwardCode, string[]> = {
      MAY_DAY_MEDAL: [],
      WORKER_PIONEER: [],
      MAY_DAY_AWARD: [],
      EXCELLENT_ORGANIZATION: [],
      EXCELLENT_ACHIEVEMENT: [],
    };
    // Each union hands in its list, and the office its own, 500 nominations a call.
    for (const [by, list] of grouped) {
      const created = (
        await many<{ id: string }[]>(
          by ? await organizer(by) : admin,
          'mutation',
          groupsOf(list, MAX_ITEMS).map((group): Call => ({
            field: 'nominateHonors',
            args: {
              inputs: [
                '[NominateHonorInput!]!',
                group.map((n) => ({ contestId: plan.contestId, awardTypeCode: n.code, recipientId: n.recipientId })),
              ],
            },
            select: 'id',
          })),
          1,
        )
      ).flat();
      list.forEach((n, i) => ids[n.code].push(created[i]!.id));
    }
    return { count: nominations.length, value: ids };
  });

  const proposed = await step('proposals at the awards meeting (拟授予)', async () => {
    const chosen: string[] = [];
    for (const code of ['MAY_DAY_MEDAL', 'WORKER_PIONEER', 'MAY_DAY_AWARD', 'EXCELLENT_ORGANIZATION'] as const) {
      const list = honors[code];
      const { proposeHonors } = await admin.data<{ proposeHonors: { id: string }[] }>(
        `mutation($ids: [ID!]!) { proposeHonors(ids: $ids) { id } }`,
        { ids: list.slice(0, quota(code)) },
      );
      chosen.push(...proposeHonors.map((h) => h.id));
      await many(
        admin,
        'mutation',
        groupsOf(list.slice(quota(code)), MAX_ITEMS).map((group): Call => ({
          field: 'withdrawHonors',
          args: { ids: ['[ID!]!', group], reason: ['String!', '差额推荐，未列入拟授予名单'] },
          select: 'id',
        })),
        1,
      );
    }
    const { proposeExcellentAchievements } = await admin.data<{ proposeExcellentAchievements: { id: string }[] }>(
      `mutation($r: ID!) { proposeExcellentAchievements(roundId: $r) { id } }`,
      { r: plan.finalRoundId },
    );
    // The platform hands these back in its own order; certificate numbers follow the conferral order, so they go by title.
    const titles = await honorNames(admin, plan.contestId, 'EXCELLENT_ACHIEVEMENT');
    const excellentIds = new Set(proposeExcellentAchievements.map((h) => h.id));
    const ordered = titles.filter((h) => excellentIds.has(h.id)).map((h) => h.id);
    if (ordered.length !== excellentIds.size) throw new Error('an excellent achievement is missing from the proposed honors');
    chosen.push(...ordered);
    return { count: chosen.length, value: chosen };
  });

  await step('announcement, objection and conferral', async () => {
    await many(
      admin,
      'mutation',
      groupsOf(proposed, MAX_ITEMS).map((ids): Call => ({ field: 'announceHonors', args: { ids: ['[ID!]!', ids] }, select: 'id' })),
      1,
    );
    // The 公示 notice, with the window the honors service set.
    await publishAnnouncement(admin, plan.contestId, season);
    // One objection comes in during the window; the office looks into it and dismisses it.
    host.setNow(at(season.clock.objection));
    const citizen = await host.as('SUBMITTER', { org: plan.orgId.get('huahong')!, sub: 'submitter:objector' });
    const { fileObjection } = await citizen.data<{ fileObjection: { id: string } }>(
      `mutation($h: ID!) { fileObjection(input: { honorId: $h, text: "对该同志的事迹材料有疑问，请核实。", contact: "021-00000000" }) { id } }`,
      { h: proposed[0] },
    );
    host.setNow(at(season.clock.objectionResolved));
    await admin.data(`mutation($o: ID!) { resolveObjection(id: $o, outcome: DISMISSED, resolution: "经核实，事迹材料属实。") { id } }`, {
      o: fileObjection.id,
    });
    host.setNow(at(season.clock.conferral));
    // In the proposals' order, 500 a call: conferHonors numbers certificates in the order of its ids.
    await many(
      admin,
      'mutation',
      groupsOf(proposed, MAX_ITEMS).map((ids): Call => ({
        field: 'conferHonors',
        args: {
          ids: ['[ID!]!', ids],
          input: ['ConferralInput!', season.conferral],
        },
        select: 'id',
      })),
      1,
    );
    await publishConferral(admin, plan.contestId, season, proposed.length);
    return { count: proposed.length, value: null };
  });
}

/** A contest's proposed honors of one award type, by recipient name. */
async function honorNames(
  admin: GraphClient,
  contestId: string,
  awardTypeCode: AwardCode,
): Promise<{ id: string; recipientName: string }[]> {
  const found: { id: string; recipientName: string }[] = [];
  for (let after: string | null = null; ;) {
    const {
      honors,
    }: { honors: { nodes: { id: string; recipientName: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
      await admin.data(
        `query($c: ID!, $a: String!, $after: String) { honors(contestId: $c, awardTypeCode: $a, status: PROPOSED, first: 100, after: $after) { nodes { id recipientName } pageInfo { hasNextPage endCursor } } }`,
        { c: contestId, a: awardTypeCode, after },
      );
    found.push(...honors.nodes);
    if (!honors.pageInfo.hasNextPage) break;
    after = honors.pageInfo.endCursor;
  }
  return found.sort((a, b) => (a.recipientName < b.recipientName ? -1 : a.recipientName > b.recipientName ? 1 : 0));
}

/** The research teams behind some excellent achievements (班组、团队), each with its leader and members. */
async function createTeams(
  admin: GraphClient,
  plan: HonorsPlan,
  achievements: SubmissionPlan[],
): Promise<{ id: string; mobilizer: string }[]> {
  const created = await many<{ id: string }>(
    admin,
    'mutation',
    achievements.map((s): Call => ({
      field: 'createTeam',
      args: {
        input: [
          'CreateTeamInput!',
          {
            organizationId: plan.orgId.get(s.unit),
            name: `${s.title.slice(0, 12)}攻关团队（${plan.season.synthetic ? `${plan.season.year}-` : ''}${s.key.replace('submission:', '')}）`,
            memberIds: [s.leader, ...s.team].map((p) => plan.personId.get(p)),
          },
        ],
      },
      select: 'id',
    })),
  );
  return achievements.map((s, i) => ({ id: created[i]!.id, mobilizer: plan.world.mobilizerOf.get(s.unit)! }));
}
