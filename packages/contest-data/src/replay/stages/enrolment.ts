import { type Call, groupBy, many } from '../batch';
import { type ReplayHost, organizerOf } from '../host';
import type { World } from '../world';

/** Each mobilizing union enrols its own units, as an ORGANIZER of that union. */
export async function enrol(host: ReplayHost, world: World, org: Map<string, string>, contestId: string): Promise<number> {
  const units = [...new Set(world.submissions.map((s) => s.unit))];
  const byMobilizer = groupBy(units, (u) => world.mobilizerOf.get(u)!);
  for (const [mobilizer, list] of byMobilizer) {
    const organizer = await organizerOf(host, org, mobilizer);
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
