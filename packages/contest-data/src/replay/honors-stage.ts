import type { GraphClient } from '@meritgraph/testing';
import { type Call, groupBy, groupsOf, many } from './batch';
import type { Random } from './random';
import type { ReplayHost } from './replay';
import type { World } from './world';

/**
 * After the final: units record the honors their achievements already held and the office
 * verifies them; the organizing unions are assessed; then the honors of 2019 are
 * nominated (差额: up to 120% of each quota), proposed at the awards meeting of
 * 2019-11-29, announced for 5 working days, and conferred at the ceremony.
 */

export const QUOTAS_2019 = {
  MAY_DAY_MEDAL: 43,
  WORKER_PIONEER: 25,
  MAY_DAY_AWARD: 11,
  EXCELLENT_ORGANIZATION: 10,
  EXCELLENT_ACHIEVEMENT: 90,
} as const;
type AwardCode = keyof typeof QUOTAS_2019;

export interface HonorsPlan {
  contestId: string;
  finalRoundId: string;
  world: World;
  scale: number;
  orgId: Map<string, string>;
  personId: Map<string, string>;
  submissionId: Map<string, string>;
  rnd: Random;
  step: <T>(name: string, run: () => Promise<{ count: number; value: T }>) => Promise<T>;
}

const NATIONAL = ['国家科学技术进步奖二等奖', '国家技术发明奖二等奖', '中国专利金奖'];
const PROVINCIAL = ['上海市科技进步奖一等奖', '上海市技术发明奖一等奖', '教育部科技进步奖一等奖', '中华医学科技奖一等奖'];
const at = (iso: string) => new Date(iso);

export async function runHonors(host: ReplayHost, plan: HonorsPlan): Promise<void> {
  const admin = host.gateway;
  const { step, world } = plan;
  const quota = (code: AwardCode) => (code === 'EXCELLENT_ORGANIZATION' ? QUOTAS_2019[code] : QUOTAS_2019[code] * plan.scale);
  const bySubmissionId = new Map(world.submissions.map((s) => [plan.submissionId.get(s.key)!, s]));

  host.setNow(at('2019-11-25T02:00:00Z'));
  const excellent = await excellentOf(admin, plan.finalRoundId);
  const excellentPlans = excellent.map((id) => bySubmissionId.get(id)!).sort((a, b) => b.merit - a.merit);

  await step('prior honors, recorded and verified', async () => {
    // The strongest 13 (per scale) hold a national honor and the next 50 a provincial or ministerial one, as in 2019.
    const national = 13 * plan.scale;
    const provincial = 50 * plan.scale;
    const records = excellentPlans.slice(0, national + provincial + 10 * plan.scale).map((s, i) => ({
      plan: s,
      level: i < national ? 'NATIONAL' : i < national + provincial ? 'PROVINCIAL_MINISTERIAL' : 'MUNICIPAL',
      name:
        i < national
          ? NATIONAL[i % NATIONAL.length]!
          : i < national + provincial
            ? PROVINCIAL[i % PROVINCIAL.length]!
            : '区级科技创新成果奖',
    }));
    const ids: string[] = [];
    const byUnit = groupBy(records, (r) => r.plan.unit);
    for (const [unit, list] of byUnit) {
      const submitter = await host.as('SUBMITTER', { org: plan.orgId.get(unit)!, sub: `submitter:${unit}` });
      const created = await many<{ id: string }>(
        submitter,
        'mutation',
        list.map((r): Call => ({
          field: 'recordPriorHonor',
          args: {
            input: [
              'PriorHonorInput!',
              {
                submissionId: plan.submissionId.get(r.plan.key),
                level: r.level,
                name: r.name,
                issuer: r.level === 'NATIONAL' ? '国务院' : r.level === 'PROVINCIAL_MINISTERIAL' ? '上海市人民政府' : '区人民政府',
                year: 2017 + (r.name.length % 2),
                evidence: `证书编号 ${r.plan.key.replace('submission:', 'ZS-')}`,
              },
            ],
          },
          select: 'id',
        })),
      );
      ids.push(...created.map((c) => c.id));
    }
    await many(
      admin,
      'mutation',
      ids.map((id): Call => ({ field: 'verifyPriorHonor', args: { id: ['ID!', id] }, select: 'id' })),
    );
    return { count: ids.length, value: null };
  });

  host.setNow(at('2019-11-29T01:30:00Z'));
  const unions = [...new Set(world.mobilizerOf.values())].sort();
  const ranking = await step('organizer evaluations', async () => {
    const favoured = new Set(['district:浦东新区', 'tech-union']);
    await many(
      admin,
      'mutation',
      unions.map((key, i): Call => {
        const base = favoured.has(key) ? 19 : 12 + ((i * 7) % 7);
        const score = (d: number) => Math.min(20, base + ((i + d) % 3) * 0.5);
        return {
          field: 'evaluateOrganizer',
          args: {
            input: [
              'EvaluationInput!',
              {
                contestId: plan.contestId,
                organizationId: plan.orgId.get(key),
                leadership: score(0),
                promotion: score(1),
                performance: score(2),
                incentive: score(3),
                features: score(4),
              },
            ],
          },
          select: 'id',
        };
      }),
    );
    const { organizerEvaluations } = await admin.data<{
      organizerEvaluations: { evaluation: { organization: { id: string } }; rank: number }[];
    }>(`query($c: ID!, $p: Int!) { organizerEvaluations(contestId: $c, places: $p) { evaluation { organization { id } } rank } }`, {
      c: plan.contestId,
      p: QUOTAS_2019.EXCELLENT_ORGANIZATION,
    });
    return { count: unions.length, value: organizerEvaluations.map((e) => e.evaluation.organization.id) };
  });

  const honors = await step('nominations (差额推荐)', async () => {
    await many(
      admin,
      'mutation',
      (Object.keys(QUOTAS_2019) as AwardCode[]).map((code): Call => ({
        field: 'setAwardQuota',
        args: { contestId: ['ID!', plan.contestId], awardTypeCode: ['String!', code], quota: ['Int!', quota(code)] },
        select: 'id',
      })),
    );
    const cap = (code: AwardCode) => Math.floor(quota(code) * 1.2);
    const nominations: { code: AwardCode; recipientId: string; by: string | null }[] = [];
    // Medals: the leaders of the strongest excellent achievements, nominated by their mobilizing unions.
    for (const s of excellentPlans.slice(0, cap('MAY_DAY_MEDAL')))
      nominations.push({ code: 'MAY_DAY_MEDAL', recipientId: plan.personId.get(s.leader)!, by: world.mobilizerOf.get(s.unit)! });
    // Worker Pioneer: the teams behind excellent achievements.
    const teams = await createTeams(admin, plan, excellentPlans.slice(0, cap('WORKER_PIONEER')));
    for (const t of teams) nominations.push({ code: 'WORKER_PIONEER', recipientId: t.id, by: t.mobilizer });
    // Unit awards: units carrying big-science facilities and platforms first, as 2019 did.
    const units = [...new Set(['sinap', 'siom', 'microsat', 'huahong', ...excellentPlans.map((s) => s.unit)])].slice(
      0,
      cap('MAY_DAY_AWARD'),
    );
    for (const u of units) nominations.push({ code: 'MAY_DAY_AWARD', recipientId: plan.orgId.get(u)!, by: null });
    for (const u of ranking.slice(0, cap('EXCELLENT_ORGANIZATION')))
      nominations.push({ code: 'EXCELLENT_ORGANIZATION', recipientId: u, by: null });
    const clients = new Map<string, GraphClient>();
    for (const n of nominations) {
      if (n.by && !clients.has(n.by))
        clients.set(n.by, await host.as('ORGANIZER', { org: plan.orgId.get(n.by)!, sub: `organizer:${n.by}` }));
    }
    const grouped = groupBy(nominations, (n) => n.by ?? '');
    const ids: Record<AwardCode, string[]> = {
      MAY_DAY_MEDAL: [],
      WORKER_PIONEER: [],
      MAY_DAY_AWARD: [],
      EXCELLENT_ORGANIZATION: [],
      EXCELLENT_ACHIEVEMENT: [],
    };
    for (const [by, list] of grouped) {
      const created = await many<{ id: string }>(
        by ? clients.get(by)! : admin,
        'mutation',
        list.map((n): Call => ({
          field: 'nominateHonor',
          args: { input: ['NominateHonorInput!', { contestId: plan.contestId, awardTypeCode: n.code, recipientId: n.recipientId }] },
          select: 'id',
        })),
      );
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
      for (const id of list.slice(quota(code))) {
        await admin.data(`mutation($id: ID!) { withdrawHonor(id: $id, reason: "差额推荐，未列入拟授予名单") { id } }`, { id });
      }
    }
    const { proposeExcellentAchievements } = await admin.data<{ proposeExcellentAchievements: { id: string }[] }>(
      `mutation($r: ID!) { proposeExcellentAchievements(roundId: $r) { id } }`,
      { r: plan.finalRoundId },
    );
    chosen.push(...proposeExcellentAchievements.map((h) => h.id));
    return { count: chosen.length, value: chosen };
  });

  await step('announcement, objection and conferral', async () => {
    await many(
      admin,
      'mutation',
      groupsOf(proposed, 100).map((ids): Call => ({ field: 'announceHonors', args: { ids: ['[ID!]!', ids] }, select: 'id' })),
      1,
    );
    // One objection comes in during the window; the office looks into it and dismisses it.
    host.setNow(at('2019-12-03T03:00:00Z'));
    const citizen = await host.as('SUBMITTER', { org: plan.orgId.get('huahong')!, sub: 'submitter:objector' });
    const { fileObjection } = await citizen.data<{ fileObjection: { id: string } }>(
      `mutation($h: ID!) { fileObjection(input: { honorId: $h, text: "对该同志的事迹材料有疑问，请核实。", contact: "021-00000000" }) { id } }`,
      { h: proposed[0] },
    );
    host.setNow(at('2019-12-05T03:00:00Z'));
    await admin.data(`mutation($o: ID!) { resolveObjection(id: $o, outcome: DISMISSED, resolution: "经核实，事迹材料属实。") { id } }`, {
      o: fileObjection.id,
    });
    host.setNow(at('2020-01-15T02:00:00Z'));
    await many(
      admin,
      'mutation',
      groupsOf(proposed, 100).map((ids): Call => ({
        field: 'conferHonors',
        args: {
          ids: ['[ID!]!', ids],
          input: ['ConferralInput!', { decisionNumber: '沪工总〔2020〕1号', conferredOn: '2020-01-15', ceremony: '总结表彰大会' }],
        },
        select: 'id',
      })),
      1,
    );
    return { count: proposed.length, value: null };
  });
}

async function excellentOf(admin: GraphClient, roundId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let after: string | null = null; ;) {
    const {
      reviewRound,
    }: {
      reviewRound: { results: { nodes: { submission: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    } = await admin.data(
      `query($id: ID!, $after: String) { reviewRound(id: $id) { results(outcome: EXCELLENT, first: 100, after: $after) { nodes { submission { id } } pageInfo { hasNextPage endCursor } } } }`,
      { id: roundId, after },
    );
    ids.push(...reviewRound.results.nodes.map((n) => n.submission.id));
    if (!reviewRound.results.pageInfo.hasNextPage) return ids;
    after = reviewRound.results.pageInfo.endCursor;
  }
}

/** The research teams behind some excellent achievements (班组、团队), each with its leader and members. */
async function createTeams(
  admin: GraphClient,
  plan: HonorsPlan,
  achievements: HonorsPlan['world']['submissions'],
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
            name: `${s.title.slice(0, 12)}攻关团队（${s.key.replace('submission:', '')}）`,
            memberIds: [s.leader, ...s.team].map((p) => plan.personId.get(p)),
          },
        ],
      },
      select: 'id',
    })),
  );
  return achievements.map((s, i) => ({ id: created[i]!.id, mobilizer: plan.world.mobilizerOf.get(s.unit)! }));
}
