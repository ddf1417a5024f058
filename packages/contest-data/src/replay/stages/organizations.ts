import { makeCreditCode } from '@meritgraph/domain';
import { type Call, groupsOf, many } from '../batch';
import type { GraphClient } from '../host';
import type { OrgPlan, PersonPlan } from '../world';

/**
 * The office registers every organization, parents before children, and then the people who
 * act for them; a later contest registers only those new to the platform.
 */

/** Items per createOrganizations or createPeople call: the most they take. */
const MAX_ITEMS = 500;

const DISTRICT_CODES: Record<string, string> = {
  浦东新区: '310115',
  黄浦区: '310101',
  徐汇区: '310104',
  长宁区: '310105',
  静安区: '310106',
  普陀区: '310107',
  虹口区: '310109',
  杨浦区: '310110',
  闵行区: '310112',
  宝山区: '310113',
  嘉定区: '310114',
  金山区: '310116',
  松江区: '310117',
  青浦区: '310118',
  奉贤区: '310120',
  崇明区: '310151',
};

/** Registers `orgs`, whose parents are among them or `known`; resolves to the ids of both, by key. */
export async function createOrganizations(
  admin: GraphClient,
  orgs: readonly OrgPlan[],
  known: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, string>> {
  const ids = new Map(known);
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  // Levels among the new ones: an organization whose parent is already registered goes first.
  const depth = (key: string): number => {
    const org = byKey.get(key);
    return org?.parent && byKey.has(org.parent) ? 1 + depth(org.parent) : 0;
  };
  const depths = new Map(orgs.map((o) => [o.key, depth(o.key)]));
  const levels = Math.max(0, ...depths.values());
  // Credit codes follow on from those already given.
  let serial = known.size;
  for (let level = 0; level <= levels; level++) {
    const batch = orgs.filter((o) => depths.get(o.key) === level);
    const inputs = batch.map((o) => {
      serial += 1;
      return {
        name: o.name,
        kind: o.kind,
        parentId: o.parent ? ids.get(o.parent) : null,
        district: o.district,
        // Synthetic but valid codes (GB 32100-2015 check characters).
        creditCode: makeCreditCode('9', '1', DISTRICT_CODES[o.district] ?? '310000', String(31000000 + serial)),
      };
    });
    // The office imports each level as a list, 500 a call (createOrganizations judges each as createOrganization would).
    const created = await many<{ id: string }[]>(
      admin,
      'mutation',
      groupsOf(inputs, MAX_ITEMS).map((group): Call => ({
        field: 'createOrganizations',
        args: { inputs: ['[CreateOrganizationInput!]!', group] },
        select: 'id',
      })),
      1,
    );
    created.flat().forEach((o, i) => ids.set(batch[i]!.key, o.id));
  }
  return ids;
}

/** Registers `people`; resolves to their ids by key. */
export async function createPeople(
  admin: GraphClient,
  people: readonly PersonPlan[],
  org: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const inputs = people.map((p) => ({
    name: p.name,
    organizationId: org.get(p.org),
    position: p.position,
    phone: p.phone,
    email: p.email,
  }));
  const created = await many<{ id: string }[]>(
    admin,
    'mutation',
    groupsOf(inputs, MAX_ITEMS).map((group): Call => ({
      field: 'createPeople',
      args: { inputs: ['[CreatePersonInput!]!', group] },
      select: 'id',
    })),
    1,
  );
  const ids = created.flat();
  return new Map(people.map((p, i) => [p.key, ids[i]!.id]));
}
