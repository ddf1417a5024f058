import { type Call, many } from '../batch';
import type { GraphClient } from '../host';
import type { World } from '../world';

/** The office builds the expert pool (百人评审专家库): every expert with its affiliation, title and expertise. */
export async function createExperts(
  admin: GraphClient,
  world: World,
  person: Map<string, string>,
  org: Map<string, string>,
): Promise<Map<string, string>> {
  const people = new Map(world.people.map((p) => [p.key, p]));
  const created = await many<{ id: string }>(
    admin,
    'mutation',
    world.experts.map((e): Call => {
      const p = people.get(e.person)!;
      return {
        field: 'createExpert',
        args: {
          input: [
            'CreateExpertInput!',
            { personId: person.get(e.person), affiliationId: org.get(p.org), title: e.title, expertise: e.expertise },
          ],
        },
        select: 'id',
      };
    }),
  );
  return new Map(world.experts.map((e, i) => [e.key, created[i]!.id]));
}
