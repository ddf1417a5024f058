import { type Call, groupsOf, many } from '../batch';
import type { GraphClient } from '../host';
import type { World } from '../world';

/** Profiles per createExperts call: the most it takes. */
const MAX_EXPERTS = 500;

/** The office builds the expert pool (百人评审专家库): every expert with its affiliation, title and expertise, 500 a call. */
export async function createExperts(
  admin: GraphClient,
  world: World,
  person: Map<string, string>,
  org: Map<string, string>,
): Promise<Map<string, string>> {
  const people = new Map(world.people.map((p) => [p.key, p]));
  const created = (
    await many<{ id: string }[]>(
      admin,
      'mutation',
      groupsOf(world.experts, MAX_EXPERTS).map((group): Call => ({
        field: 'createExperts',
        args: {
          inputs: [
            '[CreateExpertInput!]!',
            group.map((e) => ({
              personId: person.get(e.person),
              affiliationId: org.get(people.get(e.person)!.org),
              title: e.title,
              expertise: e.expertise,
            })),
          ],
        },
        select: 'id',
      })),
      1,
    )
  ).flat();
  return new Map(world.experts.map((e, i) => [e.key, created[i]!.id]));
}
