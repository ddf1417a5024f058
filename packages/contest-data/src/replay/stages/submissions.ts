import { type Call, groupBy, groupsOf, many } from '../batch';
import { type ReplayHost, at, clientsOf, submitterOf } from '../host';
import { Random } from '../random';
import { SUBMISSIONS_PER_TRACK, type TrackCode, type World } from '../world';

/** Drafts per createSubmissions call: the most it takes. */
const MAX_DRAFTS = 500;

/** The moments of 2019 entries were submitted at: one per achievement at scale 1. */
const MOMENTS = Object.values(SUBMISSIONS_PER_TRACK).reduce((a, b) => a + b, 0);

/** Each unit enters its achievements from its list with its own submitter, 500 a call (createSubmissions). */
export async function draftSubmissions(
  host: ReplayHost,
  world: World,
  org: Map<string, string>,
  person: Map<string, string>,
  track: Record<TrackCode, string>,
  contestId: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const submitter = clientsOf((unit) => submitterOf(host, org, unit));
  const byUnit = groupBy(world.submissions, (s) => s.unit);
  for (const [unit, plans] of byUnit) {
    const client = await submitter(unit);
    const created = (
      await many<{ id: string }[]>(
        client,
        'mutation',
        groupsOf(plans, MAX_DRAFTS).map((group): Call => ({
          field: 'createSubmissions',
          args: {
            inputs: [
              '[CreateSubmissionInput!]!',
              group.map((s) => ({
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
              })),
            ],
          },
          select: 'id',
        })),
        1,
      )
    ).flat();
    plans.forEach((s, i) => ids.set(s.key, created[i]!.id));
  }
  return ids;
}

/**
 * Units submit between April and late September: the 2019 timeline has a moment of its own
 * for each of its 294 entries, in a fixed shuffled order. At scale N the N entries of one
 * moment are submitted at that moment, those of one unit in one submitSubmissions call
 * (each unit submits with its own submitter), in the shuffled order, so at scale 1 every
 * entry gets the time and reference number it always had.
 */
export async function submitAll(
  host: ReplayHost,
  world: World,
  org: Map<string, string>,
  submissionId: Map<string, string>,
): Promise<number> {
  const submitter = clientsOf((unit) => submitterOf(host, org, unit));
  const start = at('2019-04-08T01:00:00Z').getTime();
  const span = at('2019-09-27T09:00:00Z').getTime() - start;
  // Drawn from a source of its own, so the order is the same whatever the replay's seed.
  const order = new Random(42).shuffle(world.submissions);
  const moments = groupBy(order.entries(), ([i]) => String(Math.floor((i * MOMENTS) / order.length)));
  for (const [moment, items] of moments) {
    host.setNow(new Date(start + Math.floor((span * Number(moment)) / MOMENTS)));
    for (const [unit, entries] of groupBy(
      items.map(([, s]) => s),
      (s) => s.unit,
    )) {
      const client = await submitter(unit);
      await client.data(`mutation($inputs: [SubmitSubmissionInput!]!) { submitSubmissions(inputs: $inputs) { status } }`, {
        inputs: entries.map((s) => ({ id: submissionId.get(s.key), expectedVersion: 1 })),
      });
    }
  }
  return order.length;
}
