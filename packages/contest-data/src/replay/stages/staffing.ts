import { planAssignment } from '@meritgraph/domain';
import { type Call, groupsOf, many } from '../batch';
import type { GraphClient } from '../host';
import type { World } from '../world';
import type { ReviewContext, RoundPlan } from './round';

/** Pairs per assignExperts call: the most it takes. */
const MAX_PAIRS = 500;

/**
 * Staffs a round without panels by the platform's own planner (`planAssignment`), run by the
 * office on the names it knows its experts and achievements by. The automatic assignment
 * breaks ties between equally good experts by their generated ids, so two replays would staff
 * the same round differently; planned on stable keys and made by hand (`assignExperts`, which
 * checks the same rules), the staffing is the same every time.
 */
export async function staffByKeys(admin: GraphClient, review: ReviewContext, plan: RoundPlan, roundId: string): Promise<number> {
  const entries = await roundEntries(admin, roundId);
  const achievementOf = new Map(entries.map((e) => [review.bySubmissionId.get(e.submission.id)!.key, e.id]));
  const pool = new Set(plan.pool ?? review.expertId.values());
  const experts = review.world.experts.filter((x) => pool.has(review.expertId.get(x.key)!));
  const submissions = new Map(review.world.submissions.map((s) => [s.key, s]));
  const related = relatives(review.world);
  const people = new Map(review.world.people.map((p) => [p.key, p]));
  const affiliation = new Map(experts.map((x) => [x.key, people.get(x.person)!.org]));
  const personOf = new Map(experts.map((x) => [x.key, x.person]));
  const planned = planAssignment({
    entries: [...achievementOf.keys()].map((key) => ({ id: key, trackId: submissions.get(key)!.track })),
    experts: experts.map((x) => ({ id: x.key, trackIds: x.expertise })),
    perEntry: plan.settings.reviewersPerEntry as number,
    minLoad: plan.load?.min ?? 0,
    maxLoad: plan.load?.max ?? Math.max(1, entries.length),
    candidatesPerEntry: plan.candidates,
    blocked: (expert, key) => {
      const s = submissions.get(key)!;
      return related.get(s.unit)!.has(affiliation.get(expert)!) || [s.leader, ...s.team].includes(personOf.get(expert)!);
    },
  });
  if (planned.unstaffed.length) throw new Error(`${plan.name}: ${planned.unstaffed.length} entries could not be fully staffed`);
  const pairs = [...planned.assignments].sort((a, b) => (a.entryId + a.expertId < b.entryId + b.expertId ? -1 : 1));
  // The office hands the platform its list, 500 pairs a call (assignExperts judges each pair as assignExpert would).
  await many(
    admin,
    'mutation',
    groupsOf(pairs, MAX_PAIRS).map((group): Call => ({
      field: 'assignExperts',
      args: {
        inputs: [
          '[AssignExpertInput!]!',
          group.map((p) => ({ expertId: review.expertId.get(p.expertId), entryId: achievementOf.get(p.entryId) })),
        ],
      },
      select: 'id',
    })),
    1,
  );
  return pairs.length;
}

/** Every organization an expert may not judge a unit's entries from: the unit itself, its ancestors and its descendants. */
function relatives(world: World): Map<string, Set<string>> {
  const parentOf = new Map(world.orgs.map((o) => [o.key, o.parent]));
  const ancestors = (key: string) => {
    const line: string[] = [];
    for (let p = parentOf.get(key); p; p = parentOf.get(p)) line.push(p);
    return line;
  };
  const out = new Map(world.orgs.map((o) => [o.key, new Set([o.key, ...ancestors(o.key)])]));
  for (const o of world.orgs) for (const a of ancestors(o.key)) out.get(a)!.add(o.key);
  return out;
}

async function roundEntries(admin: GraphClient, roundId: string): Promise<{ id: string; submission: { id: string } }[]> {
  const found: { id: string; submission: { id: string } }[] = [];
  for (let after: string | null = null; ;) {
    const {
      reviewRound,
    }: {
      reviewRound: {
        entries: { nodes: { id: string; submission: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      };
    } = await admin.data(
      `query($id: ID!, $after: String) { reviewRound(id: $id) { entries(first: 100, after: $after) { nodes { id submission { id } } pageInfo { hasNextPage endCursor } } } }`,
      { id: roundId, after },
    );
    found.push(...reviewRound.entries.nodes);
    if (!reviewRound.entries.pageInfo.hasNextPage) return found;
    after = reviewRound.entries.pageInfo.endCursor;
  }
}
