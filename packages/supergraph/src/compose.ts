import { randomUUID } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { resolve } from 'node:path';
import { type GraphQLSchema, findBreakingChanges, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { SUBGRAPH_NAMES, type SubgraphName, routingUrl } from '@meritgraph/config';
import { InternalTokens, PeerClient, subgraphSdl } from '@meritgraph/subgraph-kit';
import { SUBGRAPH_MODULES } from './subgraphs';

/** The instant composition builds schemas at; schemas do not depend on it. */
const COMPOSITION_CLOCK = () => new Date(0);

/** Each subgraph's SDL, built in-process from its resolvers: no service or database needed. */
export async function subgraphSdls(): Promise<Record<SubgraphName, string>> {
  const entries = await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      const { buildSchema, databaseSchema } = SUBGRAPH_MODULES[name];
      // Never initialized: the schema needs the entity list, not a connection.
      const offline = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: databaseSchema.entities });
      // Composition only prints schemas: peers are never called, so none is configured.
      const peers = (target: string) => new PeerClient(name, target, {}, new InternalTokens(randomUUID().repeat(2)));
      return [name, subgraphSdl(await buildSchema({ dataSource: offline, peers, clock: COMPOSITION_CLOCK }))] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<SubgraphName, string>;
}

export interface Composition {
  supergraphSdl?: string;
  errors: string[];
  hints: string[];
}

/** Composes the four subgraphs with @apollo/composition, at their routing URLs. */
export async function composeSupergraph(): Promise<Composition> {
  const sdls = await subgraphSdls();
  const result = composeServices(SUBGRAPH_NAMES.map((name) => ({ name, url: routingUrl(name), typeDefs: parse(sdls[name]) })));
  if (result.errors) return { errors: result.errors.map((e) => e.message), hints: [] };
  return {
    supergraphSdl: result.supergraphSdl,
    errors: [],
    hints: result.hints.map((h) => h.toString()),
  };
}

/** The schema clients see through a supergraph (no federation machinery). */
export const apiSchema = (supergraphSdl: string): GraphQLSchema => Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

/** The client-facing schema, committed beside the supergraph: code generators and the schema lint read it. */
export const API_SCHEMA_FILE = resolve(__dirname, '../../../schema.graphql');

/** The API schema as printed into schema.graphql: sorted, so that a moved resolver changes nothing. */
export const printApiSchema = (supergraphSdl: string): string => `${printSchema(lexicographicSortSchema(apiSchema(supergraphSdl)))}\n`;

/** Changes from `before` to `after` that could break an existing client query. */
export function breakingChanges(before: string, after: string): string[] {
  return findBreakingChanges(apiSchema(before), apiSchema(after)).map((c) => `${c.type}: ${c.description}`);
}
