import { groupBy, groupsOf } from '../batch';
import { type GraphClient, type ReplayHost, at, clientsOf, organizerOf, submitterOf } from '../host';
import { Random } from '../random';
import type { Season } from '../season';
import type { SubmissionPlan, World } from '../world';

/**
 * The checks before review, as the contest asks them: each mobilizing union endorses its
 * units' entries (推荐) in lists, returning a few for revision (退回修改) with its reason; the
 * units revise and resubmit those, and their unions endorse them; then the office checks the
 * form of every entry and accepts them all (形式审查), before the window closes.
 */

/** Entries the unions return for revision, at any scale: a handful, drawn from the seed. */
export const RETURNED = 6;

/** The most entries one endorseSubmissions or acceptSubmissions call takes. */
const PER_CALL = 500;

/** Why an entry goes back to its unit, and the unit's revision: a field of the entry. */
const RETURNS: readonly { reason: string; revise: (s: SubmissionPlan) => Record<string, string> }[] = [
  { reason: '申报书缺少单位盖章页，请补充后重新提交', revise: (s) => ({ applicationEffect: `${s.effect}（已补充单位盖章页）` }) },
  { reason: '成果简介未写明主要创新点，请补充后重新提交', revise: (s) => ({ summary: `${s.summary}主要创新点已按推荐单位意见补充。` }) },
  {
    reason: '应用效果缺少量化数据，请补充近三年的应用情况后重新提交',
    revise: (s) => ({ applicationEffect: `${s.effect}近三年应用数据已补充。` }),
  },
];

const ENDORSE = `mutation($inputs: [SubmissionStepInput!]!) { endorseSubmissions(inputs: $inputs) { status } }`;
const ACCEPT = `mutation($inputs: [SubmissionStepInput!]!) { acceptSubmissions(inputs: $inputs) { status } }`;

/** Entries submitted once are at version 2 (drafted, submitted); each step adds one. */
const SUBMITTED_VERSION = 2;

/** The entries the unions return, drawn from the seed and the year. */
export function returnedEntries(world: World, seed: number, season: Season): SubmissionPlan[] {
  return Random.of(seed, 'returned for revision', String(season.year)).shuffle(world.submissions).slice(0, RETURNED);
}

export async function runChecks(
  host: ReplayHost,
  world: World,
  org: Map<string, string>,
  submissionId: Map<string, string>,
  season: Season,
  seed: number,
): Promise<{ endorsed: number; returned: number; accepted: number }> {
  const organizer = clientsOf((union) => organizerOf(host, org, union));
  const submitter = clientsOf((unit) => submitterOf(host, org, unit));
  const returned = returnedEntries(world, seed, season);
  const returnedKeys = new Set(returned.map((s) => s.key));
  const step = (s: SubmissionPlan, expectedVersion: number) => ({ id: submissionId.get(s.key)!, expectedVersion });
  const endorse = async (client: GraphClient, inputs: { id: string; expectedVersion: number }[]) => {
    for (const group of groupsOf(inputs, PER_CALL)) await client.data(ENDORSE, { inputs: group });
  };
  const byUnion = (plans: readonly SubmissionPlan[]) => groupBy(plans, (s) => world.mobilizerOf.get(s.unit)!);

  // Each union goes through its units' entries: most endorsed in one list, a few returned.
  host.setNow(at(season.clock.endorsement));
  for (const [union, plans] of byUnion(world.submissions)) {
    const client = await organizer(union);
    await endorse(
      client,
      plans.filter((s) => !returnedKeys.has(s.key)).map((s) => step(s, SUBMITTED_VERSION)),
    );
    for (const s of plans.filter((p) => returnedKeys.has(p.key))) {
      await client.data(
        `mutation($id: ID!, $v: Int!, $reason: String!) { returnSubmission(id: $id, expectedVersion: $v, reason: $reason) { status } }`,
        {
          id: submissionId.get(s.key),
          v: SUBMITTED_VERSION,
          reason: RETURNS[returned.indexOf(s) % RETURNS.length]!.reason,
        },
      );
    }
  }

  // The units revise what they were asked to and submit again, keeping their reference numbers.
  host.setNow(at(season.clock.revision));
  for (const [i, s] of returned.entries()) {
    const unit = await submitter(s.unit);
    const id = submissionId.get(s.key);
    await unit.data(
      `mutation($id: ID!, $input: UpdateSubmissionInput!) { updateSubmission(id: $id, expectedVersion: ${SUBMITTED_VERSION + 1}, input: $input) { version } }`,
      {
        id,
        input: RETURNS[i % RETURNS.length]!.revise(s),
      },
    );
    await unit.data(`mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: ${SUBMITTED_VERSION + 2}) { status } }`, { id });
  }
  host.setNow(at(season.clock.reEndorsement));
  for (const [union, plans] of byUnion(returned)) {
    await endorse(
      await organizer(union),
      plans.map((s) => step(s, SUBMITTED_VERSION + 3)),
    );
  }

  // The office checks every entry's form and accepts them, in lists.
  host.setNow(at(season.clock.acceptance));
  const accepted = world.submissions.map((s) => step(s, returnedKeys.has(s.key) ? SUBMITTED_VERSION + 4 : SUBMITTED_VERSION + 1));
  for (const group of groupsOf(accepted, PER_CALL)) await host.gateway.data(ACCEPT, { inputs: group });
  return { endorsed: world.submissions.length, returned: returned.length, accepted: accepted.length };
}
