import { type Call, groupBy, many } from '../batch';
import { type ReplayHost, at, clientsOf, submitterOf } from '../host';
import { Random } from '../random';
import type { TrackCode, World } from '../world';

/** Each unit drafts its achievements with its own submitter. */
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
  for (const [i, s] of order.entries()) {
    host.setNow(new Date(start + Math.floor((span * i) / order.length)));
    const client = await submitter(s.unit);
    await client.data(`mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 1) { status } }`, { id: submissionId.get(s.key) });
  }
  return order.length;
}
