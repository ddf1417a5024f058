import { ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import type { ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from './context';
import { groupByKey } from './loaders';
import { type PageArgs, decodeCursor, encodeCursor, pageSize } from '@meritgraph/domain';

@ObjectType({ description: 'Where a page of a connection ends.' })
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Page<T> {
  nodes: T[];
  cursors: string[];
  pageInfo: PageInfo;
  /** Counted only when the client asks for it. */
  count: () => Promise<number>;
}

/**
 * A cursor connection type for `node`: edges with cursors, the nodes alone for convenience,
 * page info, and the total number of matches.
 */
export function Connection<T extends object>(node: ClassType<T>, name: string = node.name) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    constructor(readonly page: Page<T>) {}

    @Field(() => [Edge])
    edges(): Edge[] {
      return this.page.nodes.map((n, i) => ({ node: n, cursor: this.page.cursors[i]! }));
    }

    @Field(() => [node])
    nodes(): T[] {
      return this.page.nodes;
    }

    @Field(() => PageInfo)
    pageInfo(): PageInfo {
      return this.page.pageInfo;
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
function applyAfter<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, after: string | null | undefined, order: OrderKey<T>[]) {
  if (!after) return;
  const values = decodeCursor(after, order.length);
  const clauses = order.map((_, i) =>
    [...order.slice(0, i).map((o, j) => `${o.column} = :after${j}`), `${order[i]!.column} > :after${i}`].join(' AND '),
  );
  query.andWhere(`(${clauses.map((c) => `(${c})`).join(' OR ')})`, Object.fromEntries(values.map((v, i) => [`after${i}`, v])));
}

function toPage<T>(rows: T[], first: number, order: OrderKey<T>[], count: () => Promise<number>): Page<T> {
  const nodes = rows.slice(0, first);
  const cursors = nodes.map((row) => encodeCursor(order.map((o) => o.value(row))));
  return { nodes, cursors, pageInfo: { hasNextPage: rows.length > first, endCursor: cursors.at(-1) ?? null }, count };
}

/**
 * Keyset pagination over a filtered query builder. `order` must end with a unique key (the
 * id), so the order is total and stable between pages. Costs one SELECT, plus one COUNT
 * when totalCount is asked for, whatever the page size.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  order: OrderKey<T>[],
): Promise<Page<T>> {
  const first = pageSize(args);
  const counter = query.clone();
  const page = query.clone();
  applyAfter(page, args.after, order);
  order.forEach((o, i) => (i === 0 ? page.orderBy(o.column, 'ASC') : page.addOrderBy(o.column, 'ASC')));
  const rows = await page.limit(first + 1).getMany();
  return toPage(rows, first, order, () => counter.getCount());
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

/**
 * A page of children for one parent (Organization.submissions, …), batched across every
 * parent in the request: one windowed SELECT for all their pages, and one grouped COUNT
 * when totalCount is asked for. The order keys must be columns of `alias`.
 */
export function loadChildPage<T extends ObjectLiteral>(ctx: RequestContext, parentId: string, spec: ChildPageSpec<T>): Promise<Page<T>> {
  const first = pageSize(spec.args);
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

  const pages = ctx.loaders.get<string, Page<T>>(key, async (parents) => {
    const ranked = spec
      .query()
      .select(`${alias}.id`, 'id')
      .addSelect(`ROW_NUMBER() OVER (PARTITION BY ${partition} ORDER BY ${order.map((o) => o.column).join(', ')})`, 'rn')
      .andWhere(`${partition} IN (:...parents)`, { parents });
    applyAfter(ranked, spec.args.after, order);
    const page = spec.repository
      .createQueryBuilder(alias)
      .where(`${alias}.id IN (SELECT ranked.id FROM (${ranked.getQuery()}) ranked WHERE ranked.rn <= :limit)`)
      .setParameters({ ...ranked.getParameters(), limit: first + 1 });
    order.forEach((o, i) => (i === 0 ? page.orderBy(o.column, 'ASC') : page.addOrderBy(o.column, 'ASC')));
    const children = groupByKey(parents, await page.getMany(), spec.parentOf);
    return parents.map((parent, i) => toPage(children[i]!, first, order, () => counts.load(parent)));
  });

  return pages.load(parentId);
}
