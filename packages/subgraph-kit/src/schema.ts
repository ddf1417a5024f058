import 'reflect-metadata';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { Directive, Field, ID, NonEmptyArray, ObjectType, buildSchema, createResolversMap } from 'type-graphql';
import { authChecker } from './auth';
import type { RequestContext } from './context';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/** `__resolveReference` per entity type owned (or extended) by the subgraph. */
export type ReferenceResolvers = Record<
  string,
  { __resolveReference(reference: { id: string } & Record<string, unknown>, context: RequestContext): unknown }
>;

export interface SubgraphDefinition {
  /** Resolver instances, constructed with their services by the subgraph's createServer. */
  resolvers: [object, ...object[]];
  references?: ReferenceResolvers;
  /** Types to emit even when no resolver returns them, such as entity stubs that are only extended. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
}

/**
 * The one way to build a subgraph: type-graphql resolvers → SDL with directives →
 * federation 2 subgraph schema, with the reference resolvers merged into the resolver map.
 */
export async function buildFederatedSchema(definition: SubgraphDefinition): Promise<GraphQLSchema> {
  const instances = new Map(definition.resolvers.map((r) => [r.constructor, r]));
  const schema = await buildSchema({
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    resolvers: [...instances.keys()] as NonEmptyArray<Function>,
    container: {
      get: (resolverClass: unknown) => {
        const instance = instances.get(resolverClass as object['constructor']);
        if (!instance) throw new Error(`No instance was given for resolver ${String(resolverClass)}`);
        return instance;
      },
    },
    orphanedTypes: definition.orphanedTypes,
    authChecker,
    authMode: 'error',
    validate: false,
    skipCheck: true,
  });
  const resolvers = { ...createResolversMap(schema) } as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(definition.references ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema([
    {
      typeDefs: gql`
        ${FEDERATION_LINK}
        ${printSchemaWithDirectives(schema)}
      `,
      resolvers,
    },
  ]);
}

/** The subgraph SDL as composition sees it (what `_service { sdl }` returns). */
export const subgraphSdl = (schema: GraphQLSchema): string => printSubgraphSchema(schema);

/**
 * An entity this subgraph knows by its key only, so that it can point at it or add fields
 * to it (e.g. `Organization.submissions` in the submissions subgraph). Each call makes a new
 * class: every subgraph declares its own stub.
 */
export function entityReference<Name extends string>(typeName: Name) {
  // No description: the owning subgraph's description is the one the supergraph shows.
  @ObjectType(typeName)
  @Directive('@key(fields: "id")')
  class Reference {
    @Field(() => ID)
    id: string;
  }
  return Reference;
}
