import type { DataSource } from 'typeorm';
import { type Identity, InvalidInput, alreadyExists, assertAllowed, hasRole, notFound } from '@meritgraph/domain';
import { type CubeArgs, cubeQueryOf } from '../cube/cube.service';
import { checkCubeQuery } from '../cube/engine';
import type { CubeQueryInput, SavedCubeQueryType } from './export.types';
import { SavedCubeQuery } from './saved-query.entity';

/** A saved query's name: 1 to 60 characters of a-z, 0-9 and -. */
export const SAVED_QUERY_NAME = /^[a-z0-9-]{1,60}$/;

/** Who keeps cube queries: the office and analysts. */
const mayKeepQueries = (identity: Identity) => hasRole(identity, 'ADMIN', 'ANALYST');

function checkName(name: string): void {
  if (!SAVED_QUERY_NAME.test(name)) throw new InvalidInput([{ field: 'name', message: 'must be 1 to 60 characters of a-z, 0-9 and -' }]);
}

/** The cube's arguments as plain JSON: what is saved, and what `cube` takes again. */
function argsOf(query: CubeQueryInput): CubeArgs {
  const plain = JSON.parse(JSON.stringify(query)) as CubeArgs;
  return {
    fact: plain.fact,
    measures: plain.measures,
    groupBy: plain.groupBy ?? null,
    filter: plain.filter ?? null,
    orderBy: plain.orderBy ?? null,
    first: plain.first ?? null,
  };
}

/** Refuses, naming the argument, a query `cube` would refuse for its shape (whoever runs it later). */
function checkQuery(args: CubeArgs): void {
  try {
    checkCubeQuery(cubeQueryOf(args));
  } catch (error) {
    if (error instanceof InvalidInput) throw new InvalidInput(error.problems.map((p) => ({ ...p, field: `query.${p.field}` })));
    throw error;
  }
}

const view = (row: SavedCubeQuery): SavedCubeQueryType => ({
  name: row.name,
  fact: row.query.fact as SavedCubeQueryType['fact'],
  query: row.query,
  owner: row.owner,
  createdAt: row.createdAt,
});

/** Cube queries kept under a name in the read model's database, for the office and analysts. */
export class SavedQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date,
  ) {}

  async save(identity: Identity, name: string, query: CubeQueryInput): Promise<SavedCubeQueryType> {
    assertAllowed(mayKeepQueries(identity), 'saveCubeQuery');
    checkName(name);
    const args = argsOf(query);
    checkQuery(args);
    return this.dataSource.transaction(async (em) => {
      if (await em.count(SavedCubeQuery, { where: { name } })) throw alreadyExists('SavedCubeQuery', 'name', name);
      const row = em.create(SavedCubeQuery, {
        name,
        fact: args.fact,
        query: args as unknown as Record<string, unknown>,
        owner: identity.sub ?? identity.roles.join('+'),
        createdAt: this.clock(),
      });
      await em.save(SavedCubeQuery, row);
      return view(row);
    });
  }

  /** Deletes a saved query: the office any, an analyst its own. */
  async delete(identity: Identity, name: string): Promise<SavedCubeQueryType> {
    assertAllowed(mayKeepQueries(identity), 'deleteCubeQuery');
    checkName(name);
    return this.dataSource.transaction(async (em) => {
      const row = await em.findOne(SavedCubeQuery, { where: { name } });
      if (!row) throw notFound('SavedCubeQuery', name, 'name');
      assertAllowed(hasRole(identity, 'ADMIN') || row.owner === identity.sub, 'deleteCubeQuery');
      await em.delete(SavedCubeQuery, { name });
      return view(row);
    });
  }

  async list(identity: Identity): Promise<SavedCubeQueryType[]> {
    assertAllowed(mayKeepQueries(identity), 'savedCubeQueries');
    return (await this.dataSource.manager.find(SavedCubeQuery, { order: { name: 'ASC' } })).map(view);
  }

  /** The saved query's arguments, for whoever exports its cells (the cube applies the caller's access). */
  async argsOf(name: string): Promise<CubeArgs> {
    checkName(name);
    const row = await this.dataSource.manager.findOne(SavedCubeQuery, { where: { name } });
    if (!row) throw notFound('SavedCubeQuery', name, 'name');
    return row.query as unknown as CubeArgs;
  }
}
