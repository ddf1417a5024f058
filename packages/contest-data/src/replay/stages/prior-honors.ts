import { type Call, groupBy, groupsOf, inParallel, many } from '../batch';
import { type GraphClient, type ReplayHost, at, submitterOf } from '../host';
import type { SubmissionPlan } from '../world';
import type { HonorsPlan } from './honors';
import { UNITS_AT_ONCE, isScaled } from './submissions';

/**
 * After the final, before the honors: units record the honors their excellent achievements
 * already held and the office verifies them; then the organizing unions are assessed.
 */

/** Items per bulk call: the most recordPriorHonors and verifyPriorHonors take. */
const MAX_ITEMS = 500;

const NATIONAL = ['国家科学技术进步奖二等奖', '国家技术发明奖二等奖', '中国专利金奖'];
const PROVINCIAL = ['上海市科技进步奖一等奖', '上海市技术发明奖一等奖', '教育部科技进步奖一等奖', '中华医学科技奖一等奖'];

/** Records and verifies the prior honors; resolves to the final's excellent achievements, strongest first. */
export async function recordPriorHonors(host: ReplayHost, plan: HonorsPlan): Promise<SubmissionPlan[]> {
  const admin = host.gateway;
  const { step, world, season } = plan;
  const bySubmissionId = new Map(world.submissions.map((s) => [plan.submissionId.get(s.key)!, s]));

  host.setNow(at(season.clock.priorHonors));
  const excellent = await excellentOf(admin, plan.finalRoundId);
  const excellentPlans = excellent.map((id) => bySubmissionId.get(id)!).sort((a, b) => b.merit - a.merit);

  await step('prior honors, recorded and verified', async () => {
    // The strongest hold a national honor and the next a provincial or ministerial one: 13 and 50 (per scale) in 2019.
    const { national, provincialMinisterial: provincial, municipal } = season.priorHonors;
    const records = excellentPlans.slice(0, national + provincial + municipal).map((s, i) => ({
      plan: s,
      level: i < national ? 'NATIONAL' : i < national + provincial ? 'PROVINCIAL_MINISTERIAL' : 'MUNICIPAL',
      name:
        i < national
          ? NATIONAL[i % NATIONAL.length]!
          : i < national + provincial
            ? PROVINCIAL[i % PROVINCIAL.length]!
            : '区级科技创新成果奖',
    }));
    const record = async (client: GraphClient, list: typeof records): Promise<string[]> =>
      (
        await many<{ id: string }[]>(
          client,
          'mutation',
          groupsOf(list, MAX_ITEMS).map((group): Call => ({
            field: 'recordPriorHonors',
            args: {
              inputs: [
                '[PriorHonorInput!]!',
                group.map((r) => ({
                  submissionId: plan.submissionId.get(r.plan.key),
                  level: r.level,
                  name: r.name,
                  issuer: r.level === 'NATIONAL' ? '国务院' : r.level === 'PROVINCIAL_MINISTERIAL' ? '上海市人民政府' : '区人民政府',
                  year: season.year - 2 + (r.name.length % 2),
                  evidence: `证书编号 ${r.plan.key.replace('submission:', season.synthetic ? `ZS-${season.year}-` : 'ZS-')}`,
                })),
              ],
            },
            select: 'id',
          })),
          1,
        )
      )
        .flat()
        .map((c) => c.id);
    // Each unit hands in its achievements' honors in one list, several units at once (in a scaled replay the office enters
    // the synthetic units' lists, as it does their drafts); the office then verifies them all, 500 a call.
    let ids: string[];
    if (isScaled(world, season)) ids = await record(admin, records);
    else {
      const byUnit = groupBy(records, (r) => r.plan.unit);
      const recorded = new Map<string, string[]>();
      await inParallel(byUnit, UNITS_AT_ONCE, async ([unit, list]) => {
        recorded.set(unit, await record(await submitterOf(host, plan.orgId, unit), list));
      });
      ids = [...byUnit.keys()].flatMap((unit) => recorded.get(unit)!);
    }
    await many(
      admin,
      'mutation',
      groupsOf(ids, MAX_ITEMS).map((group): Call => ({ field: 'verifyPriorHonors', args: { ids: ['[ID!]!', group] }, select: 'id' })),
      1,
    );
    return { count: ids.length, value: null };
  });
  return excellentPlans;
}

/** The office assesses every mobilizing union on the awards meeting's day; resolves to their ids, best first. */
export async function evaluateOrganizers(host: ReplayHost, plan: HonorsPlan): Promise<string[]> {
  const admin = host.gateway;
  const { step, world, season } = plan;
  host.setNow(at(season.clock.awards));
  // The unions that mobilized this contest's units.
  const unions = [...new Set(world.submissions.map((s) => world.mobilizerOf.get(s.unit)!))].sort();
  return step('organizer evaluations', async () => {
    const favoured = new Set(season.favouredUnions);
    await many(
      admin,
      'mutation',
      unions.map((key, i): Call => {
        // Every union's total differs, so the ranking never falls back on the platform's ids.
        // Steps of 0.03 per union never add up to the 0.5 or 1 the criteria's spread differs by.
        const base = (favoured.has(key) ? 17 : 12) + i * 0.03;
        const score = (d: number) => Math.round(Math.min(20, base + ((i + d) % 3) * 0.5) * 100) / 100;
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
      p: season.honors.EXCELLENT_ORGANIZATION,
    });
    return { count: unions.length, value: organizerEvaluations.map((e) => e.evaluation.organization.id) };
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
