import { type Call, groupBy, groupsOf, many } from '../batch';
import { type ReplayHost, organizerOf } from '../host';
import type { World } from '../world';

/** Units per enrolUnits call: the most it takes. */
const MAX_UNITS = 500;

/** Each mobilizing union enrols its own units, as an ORGANIZER of that union, handing in its list 500 units a call. */
export async function enrol(host: ReplayHost, world: World, org: Map<string, string>, contestId: string): Promise<number> {
  const units = [...new Set(world.submissions.map((s) => s.unit))];
  const byMobilizer = groupBy(units, (u) => world.mobilizerOf.get(u)!);
  for (const [mobilizer, list] of byMobilizer) {
    const organizer = await organizerOf(host, org, mobilizer);
    await many(
      organizer,
      'mutation',
      groupsOf(list, MAX_UNITS).map((group): Call => ({
        field: 'enrolUnits',
        args: {
          inputs: ['[EnrolUnitInput!]!', group.map((u) => ({ contestId, organizationId: org.get(u), mobilizedById: org.get(mobilizer) }))],
        },
        select: 'id',
      })),
      1,
    );
  }
  return units.length;
}
