import { type DataSource, type EntityManager, In, type Repository } from 'typeorm';
import {
  type Identity,
  ORGANIZATION_KINDS,
  OrganizationKind,
  type PageArgs,
  alreadyExists,
  assertAllowed,
  check,
  creditCodeFieldProblem,
  decodeCursor,
  encodeCursor,
  listFingerprint,
  hasRole,
  InvalidInput,
  isWithinSubtree,
  notFound,
  pageSize,
  parentChangeProblem,
} from '@meritgraph/domain';
import { escapeLike, hydrate, LIKE_ESCAPE, newId, placeholders } from '@meritgraph/db';
import { type Page, type PageRows, type RequestContext, loadChildPage, pageOf, paginate, recordAudit } from '@meritgraph/subgraph-kit';
import { INSERT_BATCH, assertBatchSize, distinct, judgeEach } from '../bulk';
import { Organization } from './organization.entity';

export interface OrganizationFilter {
  kind?: OrganizationKind | null;
  nameContains?: string | null;
  parentId?: string | null;
  district?: string | null;
  /** Only units enrolled in this contest. */
  participatesIn?: string | null;
}

export interface OrganizationInput {
  name?: string | null;
  shortName?: string | null;
  kind?: OrganizationKind | null;
  parentId?: string | null;
  district?: string | null;
  creditCode?: string | null;
}

export type NewOrganization = OrganizationInput & { name: string; kind: OrganizationKind };

/** Recursion stops here, so damaged data can never loop a query. */
const MAX_DEPTH = 32;

const ORDER = [
  { column: 'o.name', value: (o: Organization) => o.name },
  { column: 'o.id', value: (o: Organization) => o.id },
];

export class OrganizationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date,
  ) {}

  private get repo(): Repository<Organization> {
    return this.dataSource.getRepository(Organization);
  }

  /** Batched by the request's DataLoader: one SELECT for every organization a request references. */
  load(ctx: RequestContext, id: string): Promise<Organization | null> {
    return ctx.loaders.byId(this.repo).load(id);
  }

  list(filter: OrganizationFilter, page: PageArgs): Page<Organization> {
    const query = this.repo.createQueryBuilder('o');
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.parentId) query.andWhere('o.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.district) query.andWhere('o.district = :district', { district: filter.district });
    if (filter.nameContains)
      query.andWhere(`LOWER(o.name) LIKE :name ${LIKE_ESCAPE}`, { name: `%${escapeLike(filter.nameContains.toLowerCase())}%` });
    if (filter.participatesIn) {
      query.andWhere('o.id IN (SELECT p.organization_id FROM participation p WHERE p.contest_id = :contestId)', {
        contestId: filter.participatesIn,
      });
    }
    return paginate(query, page, ORDER);
  }

  /** Direct children, batched across every parent in the request. */
  children(ctx: RequestContext, parentId: string, args: PageArgs): Page<Organization> {
    return loadChildPage(ctx, parentId, {
      name: 'Organization.children',
      repository: this.repo,
      query: () => this.repo.createQueryBuilder('o'),
      alias: 'o',
      parentColumn: 'parent_id',
      parentOf: (o) => o.parentId!,
      order: ORDER,
      args,
    });
  }

  /**
   * Ancestors, nearest first: one recursive query for every organization of the request,
   * however deep the tree.
   */
  async ancestors(ctx: RequestContext, id: string): Promise<Organization[]> {
    const rows = await ctx.loaders
      .many(
        'Organization.ancestors',
        (ids: string[]) => this.ancestorRows(this.dataSource.manager, ids),
        (r) => r.root,
      )
      .load(id);
    return rows.map((r) => r.organization);
  }

  private async ancestorRows(em: EntityManager, ids: readonly string[]) {
    const raw: Record<string, unknown>[] = await em.query(
      `WITH RECURSIVE up (mg_root, mg_id, mg_depth) AS (
         SELECT o.id, o.parent_id, 1 FROM organization o WHERE o.id IN (${placeholders(ids.length)}) AND o.parent_id IS NOT NULL
         UNION ALL
         SELECT up.mg_root, p.parent_id, up.mg_depth + 1 FROM up JOIN organization p ON p.id = up.mg_id
          WHERE p.parent_id IS NOT NULL AND up.mg_depth < ${MAX_DEPTH}
       )
       SELECT up.mg_root, up.mg_depth, o.* FROM up JOIN organization o ON o.id = up.mg_id ORDER BY up.mg_root, up.mg_depth`,
      [...ids],
    );
    return raw.map((r) => ({ root: String(r.mg_root), organization: hydrate(this.dataSource, Organization, r) }));
  }

  async ancestorIds(em: EntityManager, id: string): Promise<string[]> {
    return (await this.ancestorRows(em, [id])).map((r) => r.organization.id);
  }

  /** The ancestor ids (nearest first) of every organization named: one recursive query for all of them. */
  async ancestorMap(em: EntityManager, ids: readonly string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return map;
    for (const r of await this.ancestorRows(em, ids)) map.get(r.root)?.push(r.organization.id);
    return map;
  }

  /**
   * Every organization below one, at any depth, in name order: one recursive, windowed
   * query for every organization of the request, plus one COUNT when totalCount is asked.
   */
  descendants(ctx: RequestContext, id: string, args: PageArgs): Page<Organization> {
    const first = pageSize(args);
    const fingerprint = listFingerprint({ list: 'Organization.descendants', parentId: id });
    const after = args.after ? decodeCursor(args.after, 2, fingerprint) : null;
    const down = (ids: readonly string[]) => `down (mg_root, mg_id, mg_depth) AS (
         SELECT o.parent_id, o.id, 1 FROM organization o WHERE o.parent_id IN (${placeholders(ids.length)})
         UNION ALL
         SELECT down.mg_root, c.id, down.mg_depth + 1 FROM down JOIN organization c ON c.parent_id = down.mg_id
          WHERE down.mg_depth < ${MAX_DEPTH}
       )`;
    const key = `Organization.descendants(${first},${args.after ?? ''})`;
    const counts = ctx.loaders.one(
      `${key}:count`,
      (ids: string[]): Promise<{ mg_root: string; n: number | string }[]> =>
        this.dataSource.query(`WITH RECURSIVE ${down(ids)} SELECT mg_root, COUNT(*) AS n FROM down GROUP BY mg_root`, ids),
      (r) => r.mg_root,
    );
    const pages = ctx.loaders.many(
      key,
      (ids: string[]): Promise<Record<string, unknown>[]> => {
        const keyset = after ? 'WHERE (o.name > ? OR (o.name = ? AND o.id > ?))' : '';
        return this.dataSource.query(
          `WITH RECURSIVE ${down(ids)},
         ranked AS (
           SELECT down.mg_root, o.*, ROW_NUMBER() OVER (PARTITION BY down.mg_root ORDER BY o.name, o.id) AS mg_rn
             FROM down JOIN organization o ON o.id = down.mg_id ${keyset}
         )
         SELECT * FROM ranked WHERE mg_rn <= ? ORDER BY mg_root, mg_rn`,
          [...ids, ...(after ? [after[0], after[0], after[1]] : []), first + 1],
        );
      },
      (r) => r.mg_root as string,
    );
    const toPage = async (): Promise<PageRows<Organization>> => {
      const rows = (await pages.load(id)).map((r) => hydrate(this.dataSource, Organization, r));
      return pageOf(rows, first, (o) => encodeCursor([o.name, o.id], fingerprint), after !== null);
    };
    // edges, nodes and pageInfo each ask for the rows: hydrate them once.
    let page: Promise<PageRows<Organization>> | undefined;
    return { rows: () => (page ??= toPage()), count: async () => Number((await counts.load(id))?.n ?? 0) };
  }

  /**
   * Whether the caller may manage `organizationId`: the contest office anywhere, an
   * organizer (a mobilizing union) within its own subtree.
   */
  async mayManage(em: EntityManager, identity: Identity, organizationId: string): Promise<boolean> {
    return (await this.managedAmong(em, identity, [organizationId]))(organizationId);
  }

  /** mayManage for many organizations at once: at most one query, whatever their number. */
  async managedAmong(em: EntityManager, identity: Identity, ids: readonly string[]): Promise<(organizationId: string) => boolean> {
    if (hasRole(identity, 'ADMIN')) return () => true;
    const root = identity.org;
    if (!hasRole(identity, 'ORGANIZER') || !root) return () => false;
    const ancestors = await this.ancestorMap(em, ids);
    return (id) => isWithinSubtree(id, root, ancestors.get(id) ?? []);
  }

  /** Whether the caller may edit the people and teams of `organizationId`: as mayManage, plus a unit's own submitters. */
  async mayEditMembersOf(em: EntityManager, identity: Identity, organizationId: string): Promise<boolean> {
    return (await this.membersEditableAmong(em, identity, [organizationId]))(organizationId);
  }

  /** mayEditMembersOf for many organizations at once: at most one query, whatever their number. */
  async membersEditableAmong(em: EntityManager, identity: Identity, ids: readonly string[]): Promise<(organizationId: string) => boolean> {
    const ownUnit = (id: string) => hasRole(identity, 'SUBMITTER') && identity.org === id;
    const managed = await this.managedAmong(em, identity, ids);
    return (id) => ownUnit(id) || managed(id);
  }

  /** Whether `organizationId` is `rootId` or below it. */
  async isWithin(em: EntityManager, organizationId: string, rootId: string): Promise<boolean> {
    return isWithinSubtree(organizationId, rootId, await this.ancestorIds(em, organizationId));
  }

  private validate(input: OrganizationInput, creating: boolean) {
    check(input)
      .text('name', { min: 2, max: 120, optional: !creating })
      .text('shortName', { max: 40, optional: true })
      .oneOf('kind', ORGANIZATION_KINDS, { optional: !creating })
      .text('district', { max: 40, optional: true })
      .rule('creditCode', (v) => (typeof v === 'string' ? creditCodeFieldProblem(v) : 'must be a string'), { optional: true })
      .done();
  }

  private async assertCreditCodeFree(em: EntityManager, creditCode: string | null | undefined, exceptId?: string) {
    if (!creditCode) return;
    const holder = await em.findOneBy(Organization, { creditCode });
    if (holder && holder.id !== exceptId) throw alreadyExists('Organization', 'creditCode', creditCode);
  }

  /** The contest office creates anywhere; an organizer only below its own union. */
  async create(identity: Identity, input: NewOrganization): Promise<Organization> {
    return (await this.createMany(identity, [input]))[0]!;
  }

  /**
   * Several organizations at once (the office importing a spreadsheet), in one transaction
   * and a handful of reads whatever their number. Each is held to the same rules as one
   * alone; parents must already exist (create a hierarchy level by level), and a credit code
   * given twice in one batch is refused as one already registered would be. If any is
   * refused, none is created, and every refusal is reported (BATCH_REFUSED); a batch of one
   * reports its own error.
   */
  async createMany(identity: Identity, inputs: readonly NewOrganization[]): Promise<Organization[]> {
    assertBatchSize(inputs, 'organizations');
    return this.dataSource.transaction((em) => this.createManyIn(em, identity, inputs));
  }

  /** createMany inside a transaction the caller holds (an import's), by the same rules. */
  async createManyIn(em: EntityManager, identity: Identity, inputs: readonly NewOrganization[]): Promise<Organization[]> {
    assertBatchSize(inputs, 'organizations');
    const parentIds = distinct(inputs.map((i) => i.parentId));
    const parents = new Set(
      parentIds.length ? (await em.find(Organization, { select: { id: true }, where: { id: In(parentIds) } })).map((o) => o.id) : [],
    );
    const mayManage = await this.managedAmong(em, identity, [...parents]);
    const codes = distinct(inputs.map((i) => i.creditCode));
    const taken = new Set(
      codes.length
        ? (await em.find(Organization, { select: { creditCode: true }, where: { creditCode: In(codes) } })).map((o) => o.creditCode)
        : [],
    );
    const now = this.clock();
    const created = judgeEach(
      inputs,
      'organizations',
      (i) => ({ name: i.name, creditCode: i.creditCode ?? null }),
      (input) => {
        this.validate(input, true);
        if (input.parentId && !parents.has(input.parentId)) throw notFound('Organization', input.parentId, 'parentId');
        assertAllowed(hasRole(identity, 'ADMIN') || (!!input.parentId && mayManage(input.parentId)), 'parentId');
        if (input.creditCode) {
          if (taken.has(input.creditCode)) throw alreadyExists('Organization', 'creditCode', input.creditCode);
          // Later items of the batch are judged with this code taken.
          taken.add(input.creditCode);
        }
        return em.create(Organization, {
          id: newId(),
          name: input.name.trim(),
          shortName: input.shortName?.trim() || null,
          kind: input.kind,
          parentId: input.parentId ?? null,
          district: input.district?.trim() || null,
          creditCode: input.creditCode ?? null,
          createdAt: now,
        });
      },
    );
    for (let i = 0; i < created.length; i += INSERT_BATCH) await em.insert(Organization, created.slice(i, i + INSERT_BATCH));
    await recordAudit(
      em,
      identity,
      this.clock(),
      created.map((organization) => ({
        action: 'organization.create',
        entityType: 'Organization',
        entityId: organization.id,
        after: organization,
      })),
    );
    return created;
  }

  /**
   * Edits an organization. Moving it under a new parent is refused when that would make a
   * cycle; an organizer may neither edit outside its subtree nor move a unit out of it.
   */
  async update(identity: Identity, id: string, input: OrganizationInput): Promise<Organization> {
    this.validate(input, false);
    return this.dataSource.transaction(async (em) => {
      const current = await em.findOneBy(Organization, { id });
      assertAllowed(!!current && (await this.mayManage(em, identity, id)));
      const before = { ...current! };
      if (input.parentId !== undefined && input.parentId !== current!.parentId) {
        if (input.parentId !== null && !(await em.existsBy(Organization, { id: input.parentId }))) {
          throw notFound('Organization', input.parentId, 'parentId');
        }
        const cycle = parentChangeProblem(id, input.parentId, input.parentId ? await this.ancestorIds(em, input.parentId) : []);
        if (cycle) throw new InvalidInput([{ field: 'parentId', message: cycle }]);
        assertAllowed(
          hasRole(identity, 'ADMIN') || (!!input.parentId && id !== identity.org && (await this.mayManage(em, identity, input.parentId))),
          'parentId',
        );
      }
      await this.assertCreditCodeFree(em, input.creditCode, id);
      const next = Object.assign(current!, {
        ...(input.name != null ? { name: input.name.trim() } : {}),
        ...(input.shortName !== undefined ? { shortName: input.shortName?.trim() || null } : {}),
        ...(input.kind != null ? { kind: input.kind } : {}),
        ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
        ...(input.district !== undefined ? { district: input.district?.trim() || null } : {}),
        ...(input.creditCode !== undefined ? { creditCode: input.creditCode } : {}),
      });
      await em.save(Organization, next);
      await recordAudit(em, identity, this.clock(), {
        action: 'organization.update',
        entityType: 'Organization',
        entityId: id,
        before,
        after: next,
      });
      return next;
    });
  }
}
