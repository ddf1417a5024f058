import { type Call, groupBy, groupsOf, inParallel, many } from '../batch';
import { type GraphClient, type ReplayHost, at, clientsOf, submitterOf } from '../host';
import { Random } from '../random';
import type { Season } from '../season';
import type { SubmissionPlan, TrackCode, World } from '../world';

/** Drafts per createSubmissions call: 100 full drafts stay well within the gateway's 256 KB request body (it takes 500). */
const DRAFTS_PER_CALL = 100;

/** How many units enter their drafts at the same time. */
export const UNITS_AT_ONCE = 8;

/**
 * Each unit enters its achievements from its list with its own submitter, several units at
 * once. In a scaled replay the office enters the synthetic units' lists, 100 entries a call,
 * as it would from their spreadsheets: tens of thousands of units calling one by one would
 * measure the calls, not the platform. Either way, createSubmissions holds each entry to the
 * same rules.
 */
export async function draftSubmissions(
  host: ReplayHost,
  world: World,
  org: Map<string, string>,
  person: Map<string, string>,
  track: Record<TrackCode, string>,
  contestId: string,
  season: Season,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const submitter = clientsOf((unit) => submitterOf(host, org, unit));
  const draft = (s: SubmissionPlan) => ({
    contestId,
    organizationId: org.get(s.unit),
    trackId: track[s.track],
    title: s.title,
    summary: s.summary,
    achievementKind: s.kind,
    keywords: s.keywords,
    applicationEffect: s.effect,
    leaderId: person.get(s.leader),
    teamMemberIds: s.team.map((t) => person.get(t)),
  });
  const enter = async (client: GraphClient, plans: SubmissionPlan[]) => {
    const created = (
      await many<{ id: string }[]>(
        client,
        'mutation',
        groupsOf(plans, DRAFTS_PER_CALL).map((group): Call => ({
          field: 'createSubmissions',
          args: { inputs: ['[CreateSubmissionInput!]!', group.map(draft)] },
          select: 'id',
        })),
        1,
      )
    ).flat();
    plans.forEach((s, i) => ids.set(s.key, created[i]!.id));
  };
  if (isScaled(world, season)) await enter(host.gateway, world.submissions);
  else
    await inParallel(
      groupBy(world.submissions, (s) => s.unit),
      UNITS_AT_ONCE,
      async ([unit, plans]) => enter(await submitter(unit), plans),
    );
  return ids;
}

/** Whether the world is larger than its contest at scale 1 (a scale above 1): more entries than moments to submit them at. */
export const isScaled = (world: World, season: Season): boolean => world.submissions.length > season.moments;

/**
 * Units submit between April and late September: the 2019 timeline has a moment of its own
 * for each of its 294 entries, in a fixed shuffled order, and each unit submits its own (a
 * later contest likewise, with its own number of entries and order). At
 * scale N the N entries of one moment are submitted at that moment in one submitSubmissions
 * call by the office, in the shuffled order; at scale 1 every entry gets the time and
 * reference number it always had.
 */
export async function submitAll(
  host: ReplayHost,
  world: World,
  org: Map<string, string>,
  submissionId: Map<string, string>,
  season: Season,
): Promise<number> {
  const submitter = clientsOf((unit) => submitterOf(host, org, unit));
  const start = at(season.clock.firstSubmission).getTime();
  const span = at(season.clock.lastSubmission).getTime() - start;
  const slots = season.moments;
  // Drawn from a source of its own, so the order is the same whatever the replay's seed.
  const order = new Random(season.orderSeed).shuffle(world.submissions);
  const moments = groupBy(order.entries(), ([i]) => String(Math.floor((i * slots) / order.length)));
  for (const [moment, items] of moments) {
    host.setNow(new Date(start + Math.floor((span * Number(moment)) / slots)));
    const entries = items.map(([, s]) => s);
    // One entry, as in 2019: its unit submits it. Several (a scaled replay, where no two of a moment share a unit): the office
    // records the moment's entries for their units in one call, as it does for entries handed in on paper.
    const client = entries.length === 1 ? await submitter(entries[0]!.unit) : host.gateway;
    await client.data(`mutation($inputs: [SubmitSubmissionInput!]!) { submitSubmissions(inputs: $inputs) { status } }`, {
      inputs: entries.map((s) => ({ id: submissionId.get(s.key), expectedVersion: 1 })),
    });
  }
  return order.length;
}
