import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import {
  type CursorValues,
  DomainError,
  ErrorCode,
  type FactAccess,
  type Identity,
  decodeCursor,
  encodeCursor,
  factAccess,
  forbidden,
  hasRole,
  listFingerprint,
  readsEverything,
} from '@meritgraph/domain';
import type { CubeService } from '../cube/cube.service';
import type { CubeGroup } from '../cube/cube.types';
import { Star } from '../cube/star';
import { DimPerson } from '../projection/dimensions.entity';
import type { ExportList, ExportTable } from './export.types';
import { LISTS, type ListShape, type RegisterShape, cubeColumns } from './lists';
import { readPage } from './page';
import { BUILDERS, type ListArgs } from './queries';
import type { SavedQueriesService } from './saved-queries.service';

export const EXPORT_FIRST_DEFAULT = 500;
export const EXPORT_FIRST_MAX = 1000;

export interface TableArgs extends ListArgs {
  list: ExportList;
  name?: string | null;
  first?: number | null;
  after?: string | null;
}

function pageSize(first: number | null | undefined): number {
  const size = first ?? EXPORT_FIRST_DEFAULT;
  if (!Number.isInteger(size) || size < 1 || size > EXPORT_FIRST_MAX)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `first must be 1 to ${EXPORT_FIRST_MAX}`, 'first');
  return size;
}

/** A cube cell's group value, by name where the read model knows one. */
function groupValue(group: CubeGroup, dimension: string, star: Star, people: Map<string, string>): string | null {
  const key = dimension.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof CubeGroup;
  const value = group[key] as unknown;
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return String(value);
  const id = (value as { id: string }).id;
  switch (dimension) {
    case 'CONTEST':
      return star.contests.get(id)?.name ?? id;
    case 'TRACK':
      return star.tracks.get(id)?.name ?? id;
    case 'ROUND':
      return star.rounds.get(id)?.name ?? id;
    case 'PANEL':
      return (value as { name?: string }).name ?? id;
    case 'ORGANIZATION':
    case 'MOBILIZING_UNION':
      return star.organizations.get(id)?.name ?? id;
    case 'EXPERT':
      return people.get(star.experts.get(id)?.personId ?? '') ?? id;
    default:
      return id;
  }
}

/** What a caller may read of a register: all of it (the office; analysts, but not people), or nothing. */
function registerAccess(identity: Identity, shape: RegisterShape): FactAccess | null {
  const allowed = shape.readers === 'ADMIN' ? !!identity.service || hasRole(identity, 'ADMIN') : readsEverything(identity);
  return allowed ? { scope: 'ALL', finalizedScoresOnly: false, suppressSmallCells: false } : null;
}

const accessOf = (identity: Identity, shape: ListShape): FactAccess | null =>
  shape.of === 'register' ? registerAccess(identity, shape) : factAccess(identity, shape.fact);

/**
 * Exports the read model's lists page by page, within what the caller may see of each
 * list's fact (the cubes' rules): a list of records needs access to the records one by one
 * (scorecards: the office and analysts), a union reads its subtree, the public what is public.
 * The registers are read whole by the office and analysts (people: the office only).
 */
export class ExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cubes: CubeService,
    private readonly saved: SavedQueriesService,
  ) {}

  async table(identity: Identity, args: TableArgs): Promise<ExportTable> {
    if (args.list === 'SAVED_CUBE') return this.savedCube(identity, args);
    const shape = LISTS[args.list];
    const access = accessOf(identity, shape);
    // Lists are records one by one: a caller who sees only aggregates of the fact sees none of them.
    if (!access || access.suppressSmallCells || (args.list === 'SCORECARDS' && access.scope !== 'ALL')) throw forbidden('table');
    if (args.name) throw new DomainError(ErrorCode.BAD_USER_INPUT, `${args.list} does not take name`, 'name');
    const first = pageSize(args.first);
    const em = this.dataSource.manager;
    const subtree = access.scope === 'SUBTREE' ? identity.org! : null;
    const fingerprint = listFingerprint({
      list: args.list,
      contest: args.contest ?? null,
      round: args.round ?? null,
      group: args.group ?? null,
      scope: access.scope,
      subtree,
    });
    const built = await BUILDERS[args.list]({
      em,
      quote: (name) => this.dataSource.driver.escape(name),
      args: { contest: args.contest, round: args.round, group: args.group },
      access,
      subtree,
    });
    const cursor = args.after ? decodeCursor(args.after, built.query.order.length, fingerprint) : null;
    const page = await readPage(em, built.query, first, cursor, !cursor);
    return {
      list: args.list,
      columns: [...shape.columns],
      rows: page.rows.map(built.row),
      endCursor: page.keys.length ? encodeCursor(page.keys.at(-1)!, fingerprint) : null,
      hasMore: page.hasMore,
      totalCount: page.total,
    };
  }

  /** A saved cube's cells as rows, paged by the cells' places in the cube's own (total) order. */
  private async savedCube(identity: Identity, args: TableArgs): Promise<ExportTable> {
    for (const field of ['contest', 'round', 'group'] as const)
      if (args[field]) throw new DomainError(ErrorCode.BAD_USER_INPUT, `SAVED_CUBE does not take ${field}`, field);
    if (!args.name) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'SAVED_CUBE needs the name of a saved query', 'name');
    const first = pageSize(args.first);
    const query = await this.saved.argsOf(args.name);
    const fingerprint = listFingerprint({ list: 'SAVED_CUBE', name: args.name, query });
    const cursor: CursorValues | null = args.after ? decodeCursor(args.after, 1, fingerprint) : null;
    const from = cursor ? Number(cursor[0]) + 1 : 0;
    const result = await this.cubes.cube(identity, query);
    const contests = (query.filter?.contest as string[] | undefined) ?? null;
    const star = await Star.load(this.dataSource.manager, contests);
    const cells = result.cells.slice(from, from + first);
    const personIds = [
      ...new Set(cells.map((c) => star.experts.get(c.group.expert?.id ?? '')?.personId).filter((id): id is string => !!id)),
    ];
    const people = new Map(
      personIds.length
        ? (await this.dataSource.manager.find(DimPerson, { where: { id: In(personIds) } })).map((p) => [p.id, p.name] as const)
        : [],
    );
    const groupBy = query.groupBy ?? [];
    return {
      list: 'SAVED_CUBE',
      columns: cubeColumns(groupBy, query.measures),
      rows: cells.map((cell) => [
        ...groupBy.map((d) => groupValue(cell.group, d, star, people)),
        cell.records === null ? null : String(cell.records),
        ...cell.values.map((v) => (v === null ? null : String(v))),
      ]),
      endCursor: cells.length ? encodeCursor([from + cells.length - 1], fingerprint) : null,
      hasMore: from + cells.length < result.cells.length,
      totalCount: cursor ? null : result.cells.length,
    };
  }
}
