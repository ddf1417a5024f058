import { InvalidInput } from '@meritgraph/domain';
import { LISTS, type RegisterList } from './lists';
import { type ListQuery, type RawRow, text } from './page';
import type { BuiltList, ListRequest } from './queries';

/** The separator the import splits a list cell on. */
export const LIST_SEPARATOR = '、';

/** Refuses a contest, round or group: a register is of no contest. */
function noArgs(list: RegisterList, request: ListRequest): void {
  for (const field of ['contest', 'round', 'group'] as const) {
    const given = request.args[field] !== null && request.args[field] !== undefined;
    if (given) throw new InvalidInput([{ field, message: `${list} does not take ${field}` }]);
  }
}

/** A row's values in the columns' order, from values by column key; a column without a value is empty. */
const inOrder =
  (list: RegisterList, values: (raw: RawRow) => Readonly<Record<string, string | null>>) =>
  (raw: RawRow): (string | null)[] => {
    const byKey = values(raw);
    return LISTS[list].columns.map((c) => byKey[c.key] ?? null);
  };

/** A name the import looks a record up by: only where there is no credit code to find it by. */
const nameWithoutCode = (code: unknown, name: unknown): string | null => (text(code) ? null : text(name));

/** Track codes as a cell holds them, primary first; the projection keeps them as JSON. */
function trackCodes(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  let codes: unknown = value;
  if (typeof value === 'string') {
    try {
      codes = JSON.parse(value);
    } catch {
      return value;
    }
  }
  return Array.isArray(codes) && codes.length ? codes.map(String).join(LIST_SEPARATOR) : null;
}

/** A flag as the import reads it. */
const yesNo = (value: unknown): string | null => (value === null || value === undefined ? null : Number(value) ? '是' : '否');

/**
 * Each organization's depth in the tree (0 for a root, or a unit whose parent the read model
 * does not hold): parents come before their children. A unit in a cycle of bad data is
 * reached from no root and has no depth; it is listed last.
 */
const DEPTHS = [
  'LEFT JOIN (WITH RECURSIVE tree(id, tier) AS (',
  'SELECT r.id, 0 FROM dim_organization r',
  'WHERE r.parent_id IS NULL OR NOT EXISTS (SELECT 1 FROM dim_organization q WHERE q.id = r.parent_id)',
  'UNION ALL SELECT c.id, tree.tier + 1 FROM dim_organization c JOIN tree ON c.parent_id = tree.id',
  ') SELECT id, tier FROM tree) d ON d.id = o.id',
].join(' ');
const UNREACHED = 1000000;

const ORGANIZATIONS: ListQuery = {
  from: `FROM dim_organization o LEFT JOIN dim_organization p ON p.id = o.parent_id ${DEPTHS}`,
  where: [],
  select: {
    x_name: 'o.name',
    x_short: 'o.short_name',
    x_kind: 'o.kind',
    x_code: 'o.credit_code',
    x_district: 'o.district',
    x_parent_code: 'p.credit_code',
    x_parent_name: 'p.name',
  },
  order: [
    { sql: `COALESCE(d.tier, ${UNREACHED})`, kind: 'number' },
    { sql: 'o.name', kind: 'text' },
    { sql: 'o.id', kind: 'text' },
  ],
};

const PEOPLE: ListQuery = {
  from: 'FROM dim_person p LEFT JOIN dim_organization o ON o.id = p.organization_id',
  where: [],
  select: { x_name: 'p.name', x_code: 'o.credit_code', x_organization: 'o.name', x_position: 'p.position' },
  order: [
    { sql: "COALESCE(o.name, '')", kind: 'text' },
    { sql: 'p.organization_id', kind: 'text' },
    { sql: 'p.name', kind: 'text' },
    { sql: 'p.id', kind: 'text' },
  ],
};

const EXPERTS: ListQuery = {
  from: [
    'FROM dim_expert x',
    'LEFT JOIN dim_person p ON p.id = x.person_id',
    'LEFT JOIN dim_organization o ON o.id = p.organization_id',
    'LEFT JOIN dim_organization a ON a.id = x.affiliation_id',
  ].join(' '),
  where: [],
  select: {
    x_name: 'p.name',
    x_code: 'o.credit_code',
    x_organization: 'o.name',
    x_title: 'x.title',
    x_expertise: 'x.expertise',
    // The affiliation is given only where it is not the person's own unit.
    x_affiliation_code: 'CASE WHEN x.affiliation_id = p.organization_id THEN NULL ELSE a.credit_code END',
    x_active: 'x.active',
  },
  order: [
    { sql: "COALESCE(p.name, '')", kind: 'text' },
    { sql: 'x.id', kind: 'text' },
  ],
};

/**
 * The registers' statements, laid out as their import sheets: a unit's parent and a person's
 * unit by credit code, and by name only where there is no code; people without contact data.
 */
export const REGISTER_BUILDERS: Readonly<Record<RegisterList, (request: ListRequest) => Promise<BuiltList>>> = {
  ORGANIZATIONS: async (request) => {
    noArgs('ORGANIZATIONS', request);
    return {
      query: ORGANIZATIONS,
      row: inOrder('ORGANIZATIONS', (r) => ({
        name: text(r.x_name),
        shortName: text(r.x_short),
        kind: text(r.x_kind),
        creditCode: text(r.x_code),
        district: text(r.x_district),
        parentCreditCode: text(r.x_parent_code),
        parentName: nameWithoutCode(r.x_parent_code, r.x_parent_name),
      })),
    };
  },

  PEOPLE: async (request) => {
    noArgs('PEOPLE', request);
    return {
      query: PEOPLE,
      row: inOrder('PEOPLE', (r) => ({
        name: text(r.x_name),
        organizationCreditCode: text(r.x_code),
        organizationName: nameWithoutCode(r.x_code, r.x_organization),
        position: text(r.x_position),
      })),
    };
  },

  EXPERTS: async (request) => {
    noArgs('EXPERTS', request);
    return {
      query: EXPERTS,
      row: inOrder('EXPERTS', (r) => ({
        name: text(r.x_name),
        organizationCreditCode: text(r.x_code),
        organizationName: nameWithoutCode(r.x_code, r.x_organization),
        title: text(r.x_title),
        expertise: trackCodes(r.x_expertise),
        affiliationCreditCode: text(r.x_affiliation_code),
        active: yesNo(r.x_active),
      })),
    };
  },
};
