import { randomBytes } from 'node:crypto';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, type EntityManager, Index, PrimaryColumn, type Repository } from 'typeorm';
import { type Identity, type PageArgs, ROLES, type Role, assertAllowed, readsEverything } from '@meritgraph/domain';
import type { RequestContext } from './context';
import { Connection, type Page, loadChildPage } from './connection';
import { noteChanges } from './feed';

/** The roles a token carries, as a GraphQL enum (each value is its own name). */
export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as { [R in Role]: R };

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'A role a signed-in caller holds, carried by the token the gateway verifies; a caller may hold several.',
  valuesConfig: {
    ADMIN: { description: 'The contest office: reads and changes everything, including contact data and who filed an objection.' },
    ORGANIZER: { description: "A union's organizer: reads and files its own unit's submissions and those of the units it mobilized." },
    SUBMITTER: { description: "A unit's submitter: drafts, submits and withdraws its own unit's submissions." },
    EXPERT: { description: 'A panel expert: reads the entries of the rounds it is assigned to and fills in its scorecards.' },
    ANALYST: { description: 'Reads every record (not contact data or unpublished scorecards) and changes nothing.' },
    AGENCY: { description: 'An outside agency that reads public honors and files objections in the announcement window.' },
  },
});

/** The last id's millisecond and its sequence in it, so that ids of this process never go backwards. */
let last = { ms: 0, seq: 0 };

/**
 * Ids that sort by creation time (48-bit milliseconds, a 12-bit sequence within the
 * millisecond, then randomness; UUID-shaped), so the audit trail reads in the order things
 * happened — also the several entries one change writes at once — and pages by id alone.
 * A full sequence borrows the next millisecond.
 */
export function timeOrderedId(now = Date.now()): string {
  if (now > last.ms) last = { ms: now, seq: 0 };
  else if (++last.seq > 0xfff) last = { ms: last.ms + 1, seq: 0 };
  const ms = last.ms.toString(16).padStart(12, '0');
  const random = randomBytes(8).toString('hex');
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${last.seq.toString(16).padStart(3, '0')}-${random.slice(0, 4)}-${random.slice(4, 16)}`;
}

/**
 * One state change, as the append-only audit log keeps it: who, when, what, and the record
 * before and after (JSON). Every subgraph keeps its own log in its own database; the code
 * only ever inserts into it.
 */
@Entity()
@Index(['entityId', 'id'])
@ObjectType({
  description:
    'One change in the append-only audit log: who, when, and the record before and after. Read by the contest office and analysts; anyone else gets FORBIDDEN.',
})
@Directive('@shareable')
export class AuditEntry {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Sorts by when the entry was written: entries page in the order things happened.' })
  id: string;

  @Column('datetime')
  @Field(() => Date, { description: "When the change was made, by the platform's clock (UTC)." })
  at: Date;

  @Column('varchar', { length: 80 })
  @Field(() => String, {
    description:
      'The person (sub), or service:<name>, who made the change; "withheld" where the caller may not know (an objector, to all but the office).',
  })
  actor: string;

  /** As stored: comma-separated, or "withheld" in an entry as a caller reads it (see withheldEntry). */
  @Column('varchar', { length: 120 })
  actorRoles: string;

  @Column('varchar', { length: 60 })
  @Field(() => String, { description: 'What was done, as <entity>.<verb>, e.g. organization.update or honor.announce.' })
  action: string;

  @Column('varchar', { length: 40 })
  @Field(() => String, { description: 'The type of the changed record, as the graph names it (Organization, Submission, Honor…).' })
  entityType: string;

  @Column('varchar', { length: 36 })
  @Field(() => ID, { description: 'The id of the changed record.' })
  entityId: string;

  /** As stored: JSON text, or null on creation. */
  @Column('text', { nullable: true })
  before: string | null;

  /** As stored: JSON text, or null when the record was removed. */
  @Column('text', { nullable: true })
  after: string | null;

  @Column('varchar', { length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why, as the actor gave it (at most 500 characters); null when none was asked for.' })
  reason: string | null;

  @Field(() => [RoleEnum], {
    name: 'actorRoles',
    description: 'The roles the actor held when it made the change; empty for a service, or where the actor is withheld.',
  })
  roleList(): Role[] {
    return parseRoles(this.actorRoles);
  }

  @Field(() => GraphQLJSONObject, {
    name: 'before',
    nullable: true,
    description:
      'The record before the change, with the fields the log keeps; null on creation. A record too large for the log reads { omitted, bytes, fields }.',
  })
  recordBefore(): Record<string, unknown> | null {
    return parseRecord(this.before);
  }

  @Field(() => GraphQLJSONObject, {
    name: 'after',
    nullable: true,
    description: 'The record after the change, as `before` reads; null on removal.',
  })
  recordAfter(): Record<string, unknown> | null {
    return parseRecord(this.after);
  }
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** The stored roles as a list: the known ones, in their stored order ("withheld" and "" read as none). */
export const parseRoles = (stored: string): Role[] => stored.split(',').filter(isRole);

/** A stored record as an object; null for none. */
export const parseRecord = (stored: string | null): Record<string, unknown> | null =>
  stored === null ? null : (JSON.parse(stored) as Record<string, unknown>);

export const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry', { shareable: true });

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
  reason?: string | null;
}

const actorOf = (identity: Identity) => (identity.service ? `service:${identity.service}` : (identity.sub ?? 'anonymous'));

/**
 * Appends entries, inside the transaction of the change they record. A bulk change (an
 * intake, an automatic assignment) records one entry per record it touched, inserted in
 * batches. `at` is the platform's time (the service's injected clock), so that a replay or a
 * test living through 2019 reads 2019 in the trail. The ids keep the machine's time: they
 * only order entries, and a clock set back must not make new entries sort before old ones.
 */
export async function recordAudit(
  em: EntityManager,
  identity: Identity,
  at: Date,
  records: AuditRecord | readonly AuditRecord[],
): Promise<void> {
  const list = Array.isArray(records) ? (records as readonly AuditRecord[]) : [records as AuditRecord];
  const rows = list.map((record) => ({
    id: timeOrderedId(),
    at,
    actor: actorOf(identity),
    actorRoles: identity.roles.join(','),
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    before: record.before ? auditJson(record.before) : null,
    after: record.after ? auditJson(record.after) : null,
    reason: record.reason ? record.reason.slice(0, 500) : null,
  }));
  for (let i = 0; i < rows.length; i += AUDIT_BATCH) await em.insert(AuditEntry, rows.slice(i, i + AUDIT_BATCH));
  // Every audited change is also a change of the subgraph's feed, written as the transaction commits.
  await noteChanges(
    em,
    list.map((record) => ({ entityType: record.entityType, entityId: record.entityId, change: record.action, at })),
  );
}

/** What a TEXT column holds on MySQL (64 KiB), with room to spare. */
const MAX_AUDIT_BYTES = 60_000;

/**
 * A record as the log keeps it. One too large for the column keeps its field names and
 * size, and says so, rather than failing the change it records.
 */
export function auditJson(record: object): string {
  const json = JSON.stringify(record);
  if (Buffer.byteLength(json) <= MAX_AUDIT_BYTES) return json;
  return JSON.stringify({
    omitted: 'the record is too large for the audit log',
    bytes: Buffer.byteLength(json),
    fields: Object.keys(record),
  });
}

/** Rows per INSERT: well inside SQLite's and MySQL's limits on bound parameters. */
const AUDIT_BATCH = 200;

/** How an audit trail reads where an actor is withheld from the caller. */
export const WITHHELD = 'withheld';

/**
 * What an audit trail withholds from a caller who may not know who did something (who filed
 * an objection, for anyone but the office): the actor and its roles of these actions, and
 * these keys wherever they appear in any entry's before and after.
 */
export interface AuditWithholding {
  actions: readonly string[];
  keys: readonly string[];
}

function withoutKeys(json: string | null, keys: ReadonlySet<string>): string | null {
  if (json === null || keys.size === 0) return json;
  const strip = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(strip)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (keys.has(k) ? [] : [[k, strip(v)]])))
        : value;
  return JSON.stringify(strip(JSON.parse(json)));
}

/** An entry as a caller under `withholding` reads it; the stored row is left as it is. */
export function withheldEntry(entry: AuditEntry, withholding: AuditWithholding): AuditEntry {
  const keys = new Set(withholding.keys);
  const hidden = withholding.actions.includes(entry.action);
  return Object.assign(new AuditEntry(), entry, {
    actor: hidden ? WITHHELD : entry.actor,
    actorRoles: hidden ? WITHHELD : entry.actorRoles,
    before: withoutKeys(entry.before, keys),
    after: withoutKeys(entry.after, keys),
  });
}

/**
 * An entity's audit trail, oldest first, for the contest office and analysts; batched across
 * the request. With `withholding`, the caller reads the entries without what it names.
 */
export function auditTrail(
  ctx: RequestContext,
  repository: Repository<AuditEntry>,
  entityId: string,
  args: PageArgs,
  withholding?: AuditWithholding | null,
): Page<AuditEntry> {
  assertAllowed(readsEverything(ctx.identity), 'auditTrail');
  const page = loadChildPage(ctx, entityId, {
    name: 'auditTrail',
    repository,
    query: () => repository.createQueryBuilder('a'),
    alias: 'a',
    parentColumn: 'entity_id',
    parentOf: (a) => a.entityId,
    order: [{ column: 'a.id', value: (a) => a.id }],
    args,
  });
  if (!withholding) return page;
  return {
    count: page.count,
    rows: async () => {
      const rows = await page.rows();
      return { ...rows, nodes: rows.nodes.map((entry) => withheldEntry(entry, withholding)) };
    },
  };
}
