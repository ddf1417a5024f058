import { ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import type { ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from './context';
import { groupByKey } from './loaders';
import { type CursorValues, type PageArgs, decodeCursor, encodeCursor, listFingerprint, pageSize } from '@meritgraph/domain';

@ObjectType({
  description:
    'Where a page of a connection starts and ends. Lists page forwards: pass endCursor as `after`, with the same other arguments, for the next page.',
})
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'Whether rows follow this page.' })
  hasNextPage: boolean;

  @Field({ description: 'Whether rows come before this page: true when it was asked with `after`.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The first row's cursor; null on an empty page." })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The last row's cursor, to pass as `after` for the next page; null on an empty page. It is valid only for this list with the same filter and order arguments: any other refuses it with BAD_USER_INPUT on `after`.",
  })
  endCursor: string | null;
}

export interface PageRows<T> {
  nodes: T[];
  cursors: string[];
  pageInfo: PageInfo;
}

/**
 * A page that queries nothing until a field needs it: asking only for totalCount costs one
 * COUNT, and asking only for nodes costs no COUNT.
 */
export interface Page<T> {
  rows: () => Promise<PageRows<T>>;
  count: () => Promise<number>;
}

const once = <R>(fn: () => Promise<R>): (() => Promise<R>) => {
  let result: Promise<R> | undefined;
  return () => (result ??= fn());
};

/**
 * A cursor connection type for `node`: edges with cursors, the nodes alone for convenience,
 * page info, and the total number of matches.
 */
export function Connection<T extends object>(node: ClassType<T>, name: string = node.name, options: { shareable?: boolean } = {}) {
  // A connection served by several subgraphs (AuditEntryConnection) must say so to federation.
  const shared = options.shareable ? Directive('@shareable') : () => undefined;

  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  @shared
  class Edge {
    @Field({ description: 'Pass as `after` (same list, same arguments) for the rows after this one.' })
    cursor: string;

    @Field(() => node, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} records, in a stable order, paged forwards with first/after.` })
  @shared
  class ConnectionType {
    constructor(readonly page: Page<T>) {}

    @Field(() => [Edge], { description: 'The rows of this page with their cursors.' })
    async edges(): Promise<Edge[]> {
      const { nodes, cursors } = await this.page.rows();
      return nodes.map((n, i) => ({ node: n, cursor: cursors[i]! }));
    }

    @Field(() => [node], { description: 'The rows of this page, without cursors.' })
    async nodes(): Promise<T[]> {
      return (await this.page.rows()).nodes;
    }

    @Field(() => PageInfo, { description: 'Where this page starts and ends, and whether more rows follow.' })
    async pageInfo(): Promise<PageInfo> {
      return (await this.page.rows()).pageInfo;
    }

    @Field(() => Int, { description: 'How many items match the filters, across all pages.' })
    totalCount(): Promise<number> {
      return this.page.count();
    }
  }
  return ConnectionType;
}

/** One column of a keyset order: the SQL expression and how to read its value from a row. */
export interface OrderKey<T> {
  column: string;
  value: (row: T) => string | number;
}

/** Adds `(a, b, id) > cursor`, spelled out so it works on SQLite and MySQL alike. */
function applyAfter<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, values: CursorValues | null, order: OrderKey<T>[]) {
  if (!values) return;
  const clauses = order.map((_, i) =>
    [...order.slice(0, i).map((o, j) => `${o.column} = :after${j}`), `${order[i]!.column} > :after${i}`].join(' AND '),
  );
  query.andWhere(`(${clauses.map((c) => `(${c})`).join(' OR ')})`, Object.fromEntries(values.map((v, i) => [`after${i}`, v])));
}

/**
 * A page of rows (at most `first`, from `first + 1` fetched) with cursors bound to the list's
 * fingerprint. A page asked with `after` has rows before it: the one the cursor names, at least.
 */
export function pageOf<T>(rows: T[], first: number, cursorOf: (row: T) => string, after: boolean): PageRows<T> {
  const nodes = rows.slice(0, first);
  const cursors = nodes.map(cursorOf);
  return {
    nodes,
    cursors,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after,
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    },
  };
}

function toRows<T>(rows: T[], first: number, order: OrderKey<T>[], fingerprint: string, after: boolean): PageRows<T> {
  return pageOf(
    rows,
    first,
    (row) =>
      encodeCursor(
        order.map((o) => o.value(row)),
        fingerprint,
      ),
    after,
  );
}

/**
 * What a list's cursors are bound to: its filtered query (SQL and parameters, which carry
 * every filter and the caller's scope) and its order, plus whatever names the list beyond
 * them (the field and the parent of a child page).
 */
export function queryFingerprint<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: OrderKey<T>[],
  list: unknown = null,
): string {
  return listFingerprint({ list, sql: query.getQuery(), parameters: query.getParameters(), order: order.map((o) => o.column) });
}

/** Validated up front, so a bad `first` or `after` is refused even when only totalCount is asked. */
function pageArgs(args: PageArgs, width: number, fingerprint: string) {
  return { first: pageSize(args), after: args.after ? decodeCursor(args.after, width, fingerprint) : null };
}

/**
 * Keyset pagination over a filtered query builder. `order` must end with a unique key (the
 * id), so the order is total and stable between pages. Costs one SELECT, plus one COUNT
 * when totalCount is asked for, whatever the page size.
 */
export function paginate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, args: PageArgs, order: OrderKey<T>[]): Page<T> {
  const fingerprint = queryFingerprint(query, order);
  const { first, after } = pageArgs(args, order.length, fingerprint);
  return {
    rows: once(async () => {
      const page = query.clone();
      applyAfter(page, after, order);
      order.forEach((o, i) => (i === 0 ? page.orderBy(o.column, 'ASC') : page.addOrderBy(o.column, 'ASC')));
      return toRows(await page.limit(first + 1).getMany(), first, order, fingerprint, after !== null);
    }),
    count: once(() => query.clone().getCount()),
  };
}

export interface ChildPageSpec<T extends ObjectLiteral> {
  /** Unique per field and filter, e.g. "Organization.submissions" plus the filter values. */
  name: string;
  repository: Repository<T>;
  /** The filtered query, aliased `alias`; it must not be ordered or limited. */
  query: () => SelectQueryBuilder<T>;
  alias: string;
  /** The column holding the parent's id, e.g. organization_id. */
  parentColumn: string;
  parentOf: (row: T) => string;
  order: OrderKey<T>[];
  args: PageArgs;
}

/** Up to this many parents, their pages are read as one UNION ALL of per-parent LIMITs; beyond it, as one window. */
const PAGES_BY_UNION = 50;

/**
 * A page of children for one parent (Organization.submissions, …), batched across every
 * parent in the request: one SELECT for all their pages, and one grouped COUNT when
 * totalCount is asked for. The order keys must be columns of `alias`.
 */
export function loadChildPage<T extends ObjectLiteral>(ctx: RequestContext, parentId: string, spec: ChildPageSpec<T>): Page<T> {
  const fingerprint = queryFingerprint(spec.query(), spec.order, { name: spec.name, parentId });
  const { first, after } = pageArgs(spec.args, spec.order.length, fingerprint);
  const key = `${spec.name}(${JSON.stringify([spec.args.first ?? null, spec.args.after ?? null])})`;
  const { alias, parentColumn, order } = spec;
  const partition = `${alias}.${parentColumn}`;

  const counts = ctx.loaders.get<string, number>(`${key}:count`, async (parents) => {
    const rows = await spec
      .query()
      .select(partition, 'parent')
      .addSelect('COUNT(*)', 'n')
      .andWhere(`${partition} IN (:...parents)`, { parents })
      .groupBy(partition)
      .getRawMany<{ parent: string; n: string | number }>();
    const byParent = new Map(rows.map((r) => [r.parent, Number(r.n)]));
    return parents.map((p) => byParent.get(p) ?? 0);
  });

  const pages = ctx.loaders.get<string, PageRows<T>>(key, async (parents) => {
    const page = spec.repository.createQueryBuilder(alias);
    if (parents.length <= PAGES_BY_UNION) {
      // Each parent's page on its own, stopping after first + 1 rows (an index walk where the order is indexed), all in one
      // statement: a large parent costs its page, not its whole list.
      const parts = parents.map((parent, i) => {
        const part = spec
          .query()
          .select(`${alias}.id`, 'id')
          .andWhere(`${partition} = :parent${i}`, { [`parent${i}`]: parent });
        applyAfter(part, after, order);
        order.forEach((o, j) => (j === 0 ? part.orderBy(o.column, 'ASC') : part.addOrderBy(o.column, 'ASC')));
        part.limit(first + 1);
        page.setParameters(part.getParameters());
        return `SELECT c${i}.id FROM (${part.getQuery()}) c${i}`;
      });
      page.where(`${alias}.id IN (SELECT u.id FROM (${parts.join(' UNION ALL ')}) u)`);
    } else {
      // Many parents: one window over all their children.
      const ranked = spec
        .query()
        .select(`${alias}.id`, 'id')
        .addSelect(`ROW_NUMBER() OVER (PARTITION BY ${partition} ORDER BY ${order.map((o) => o.column).join(', ')})`, 'rn')
        .andWhere(`${partition} IN (:...parents)`, { parents });
      applyAfter(ranked, after, order);
      page
        .where(`${alias}.id IN (SELECT ranked.id FROM (${ranked.getQuery()}) ranked WHERE ranked.rn <= :limit)`)
        .setParameters({ ...ranked.getParameters(), limit: first + 1 });
    }
    order.forEach((o, i) => (i === 0 ? page.orderBy(o.column, 'ASC') : page.addOrderBy(o.column, 'ASC')));
    const children = groupByKey(parents, await page.getMany(), spec.parentOf);
    return children.map((rows) => toRows(rows, first, order, fingerprint, after !== null));
  });

  return { rows: once(() => pages.load(parentId)), count: once(() => counts.load(parentId)) };
}
