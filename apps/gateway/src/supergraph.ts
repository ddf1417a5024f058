import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { type GraphQLSchema, findBreakingChanges, parse } from 'graphql';
import { DataSource } from 'typeorm';
import { SERVICE_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '@meritgraph/config';
import type { SubgraphSchema } from '@meritgraph/db';
import { InternalTokens, PeerClient, type SchemaDeps, subgraphSdl } from '@meritgraph/subgraph-kit';
import * as expertReview from '@meritgraph/expert-review';
import * as honors from '@meritgraph/honors';
import * as organizations from '@meritgraph/organizations';
import * as submissions from '@meritgraph/submissions';

/** The committed supergraph, at the repository root. */
export const SUPERGRAPH_FILE = resolve(__dirname, '../../../supergraph.graphql');

const subgraphs: Record<SubgraphName, { buildSchema(deps: SchemaDeps): Promise<GraphQLSchema>; databaseSchema: SubgraphSchema }> = {
  organizations,
  submissions,
  'expert-review': expertReview,
  honors,
};

/** Each subgraph's SDL, built in-process from its resolvers: no service or database needed. */
export async function subgraphSdls(): Promise<Record<SubgraphName, string>> {
  const entries = await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      const { buildSchema, databaseSchema } = subgraphs[name];
      // Never initialized: the schema needs the entity list, not a connection.
      const offline = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: databaseSchema.entities });
      // Composition only prints schemas: peers are never called, so none is configured.
      const peers = (target: string) => new PeerClient(name, target, {}, new InternalTokens(randomUUID().repeat(2)));
      return [name, subgraphSdl(await buildSchema({ dataSource: offline, peers, clock: () => new Date() }))] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<SubgraphName, string>;
}

export interface Composition {
  supergraphSdl?: string;
  errors: string[];
  hints: string[];
}

/** Composes the four subgraphs with @apollo/composition, at their default local URLs. */
export async function composeSupergraph(): Promise<Composition> {
  const sdls = await subgraphSdls();
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({
      name,
      url: `http://localhost:${SERVICE_PORTS[name]}/graphql`,
      typeDefs: parse(sdls[name]),
    })),
  );
  if (result.errors) return { errors: result.errors.map((e) => e.message), hints: [] };
  return {
    supergraphSdl: result.supergraphSdl,
    errors: [],
    hints: result.hints.map((h) => h.toString()),
  };
}

export function readSupergraph(path: string = SUPERGRAPH_FILE): string {
  if (!existsSync(path)) throw new Error(`No supergraph at ${path}: run npm run compose`);
  return readFileSync(path, 'utf8');
}

/** The schema clients see through a supergraph (no federation machinery). */
export const apiSchema = (supergraphSdl: string): GraphQLSchema => Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

/** Changes from `before` to `after` that could break an existing client query. */
export function breakingChanges(before: string, after: string): string[] {
  return findBreakingChanges(apiSchema(before), apiSchema(after)).map((c) => `${c.type}: ${c.description}`);
}
