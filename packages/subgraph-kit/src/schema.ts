import 'reflect-metadata';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import {
  GraphQLError,
  GraphQLFloat,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLScalarType,
  type GraphQLSchema,
  defaultFieldResolver,
  getNullableType,
  isInputObjectType,
  isIntrospectionType,
  isListType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  type ObjectTypeDefinitionNode,
  parse,
  print,
  type TypeNode,
  visit,
} from 'graphql';
import gql from 'graphql-tag';
import { GraphQLDateTimeISO, GraphQLJSONObject, GraphQLLocalDate } from 'graphql-scalars';
import { type FieldProblem, InvalidInput } from '@meritgraph/domain';
import { Directive, Field, ID, NonEmptyArray, ObjectType, buildSchema, createResolversMap } from 'type-graphql';
import { authChecker } from './auth';
import type { RequestContext } from './context';

/**
 * GraphQL's Float reads a literal such as 1e309 as Infinity, which the specification does not
 * allow and which the gateway's query planner cannot print back into a subgraph operation
 * (it answered HTTP 500). Refused when the literal is parsed, it fails validation like any
 * other bad value (named by the error mapper, see argumentField) before anything is planned,
 * in every process that loads the kit: the gateway and each subgraph.
 */
function refuseNonFiniteFloatLiterals(): void {
  const marked = GraphQLFloat as typeof GraphQLFloat & { finiteLiterals?: true };
  if (marked.finiteLiterals) return;
  const { parseLiteral } = GraphQLFloat;
  GraphQLFloat.parseLiteral = (node, variables) => {
    const value = parseLiteral.call(GraphQLFloat, node, variables);
    if (!Number.isFinite(value)) throw new GraphQLError(`Float cannot represent a non-finite value: ${print(node)}`, { nodes: node });
    return value;
  };
  marked.finiteLiterals = true;
}
refuseNonFiniteFloatLiterals();

/**
 * The specification each custom scalar follows, printed as `@specifiedBy(url:)` so that
 * clients and code generators read the exact format. Set on graphql-scalars' own instances
 * (the ones type-graphql maps `Date` to and the apps import), so that every subgraph that
 * uses a scalar declares the same specification and composition keeps it.
 */
export const SCALAR_SPECIFICATIONS: ReadonlyArray<readonly [GraphQLScalarType, string]> = [
  [GraphQLDateTimeISO, 'https://scalars.graphql.org/andimarek/date-time'],
  [GraphQLLocalDate, 'https://scalars.graphql.org/andimarek/local-date'],
  [GraphQLJSONObject, 'https://www.ecma-international.org/publications-and-standards/standards/ecma-404/'],
];
for (const [scalar, url] of SCALAR_SPECIFICATIONS) scalar.specifiedByURL = url;

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@cost", "@listSize"])';

/**
 * Every connection is sized by its `first` (demand control, see cost.ts): a field with a
 * `first` argument returning a `…Connection` gets `@listSize(slicingArguments: ["first"],
 * sizedFields: ["nodes", "edges"])` unless it declares its own. Routers that apply the cost
 * specification (Apollo Router, Hive) then read the same sizes from the supergraph.
 */
export function sizeConnections(sdl: string): string {
  const listSize = parse(
    'type T { f: Int @listSize(slicingArguments: ["first"], sizedFields: ["nodes", "edges"], requireOneSlicingArgument: false) }',
  ).definitions[0] as ObjectTypeDefinitionNode;
  const directive = listSize.fields![0]!.directives![0]!;
  const document = visit(parse(sdl), {
    FieldDefinition(field) {
      const named = namedTypeOf(field.type);
      if (!named.endsWith('Connection') || !field.arguments?.some((a) => a.name.value === 'first')) return undefined;
      if (field.directives?.some((d) => d.name.value === 'listSize')) return undefined;
      return { ...field, directives: [...(field.directives ?? []), directive] };
    },
  });
  return print(document);
}

const namedTypeOf = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type));

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
  describeRootTypes(schema);
  const resolvers = { ...createResolversMap(schema) } as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(definition.references ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference } as GraphQLResolverMap<unknown>[string];
  }
  const ownScalars = Object.values(schema.getTypeMap())
    .filter((t): t is GraphQLScalarType => isScalarType(t) && !isSpecifiedScalarType(t))
    .map((t) => t.name);
  return checkScalarArguments(
    buildSubgraphSchema([
      {
        typeDefs: gql`
          ${FEDERATION_LINK}
          ${sizeConnections(printSchemaWithDirectives(schema))}
        `,
        resolvers,
      },
    ]),
    ownScalars,
  );
}

/** What the root types say, the same in every subgraph so that composition keeps it. */
export const ROOT_DESCRIPTIONS = {
  Query:
    'What can be read. Each field checks the caller on its own: a refused one is null, with its error (FORBIDDEN, UNAUTHENTICATED, BAD_USER_INPUT…) in `errors`, and the other fields still answer.',
  Mutation:
    'What can be changed. A refused mutation (its code in `errors`, the field named in `extensions.field` where one is to blame) changes nothing.',
} as const;

function describeRootTypes(schema: GraphQLSchema): void {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = ROOT_DESCRIPTIONS.Query;
  if (mutation) mutation.description = ROOT_DESCRIPTIONS.Mutation;
}

/**
 * A numeric argument's or input field's description, ending with its range in the one form
 * clients read it in: `withRange('Minutes per presentation.', 1, 240)` is "Minutes per
 * presentation. From 1 to 240." The service behind it checks the range with the rest of its
 * input, so that every problem is listed at once; a test holds every number of the graph to
 * documenting one.
 */
export function withRange(description: string, min: number, max: number): string {
  return `${description.trim()} From ${min} to ${max}.`.trim();
}

/** A value a custom scalar refused, held until the field's arguments are checked so that the refusal can name the field. */
class RefusedValue {
  constructor(
    readonly scalar: string,
    readonly reason: string,
  ) {}
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);

/**
 * Makes a custom scalar hand a value it refuses to the argument check instead of failing
 * validation or variable coercion: those errors name no field (and reach the gateway as an
 * HTTP 400 it does not relay), where the check answers BAD_USER_INPUT naming the field.
 */
function tolerate(scalar: GraphQLScalarType): void {
  const { parseValue, parseLiteral } = scalar;
  scalar.parseValue = (value) => {
    try {
      return parseValue.call(scalar, value) ?? new RefusedValue(scalar.name, 'is not a value of the type');
    } catch (error) {
      return new RefusedValue(scalar.name, reasonOf(error));
    }
  };
  scalar.parseLiteral = (node, variables) => {
    try {
      return parseLiteral.call(scalar, node, variables) ?? new RefusedValue(scalar.name, 'is not a value of the type');
    } catch (error) {
      return new RefusedValue(scalar.name, reasonOf(error));
    }
  };
}

type ValueCheck = (value: unknown, path: string, problems: FieldProblem[]) => void;

const at = (path: string, name: string) => (path ? `${path}.${name}` : name);

/** What a value of this type is checked for, or null for nothing. */
function checkOf(type: GraphQLInputType, inputs: Map<string, ValueCheck | null | undefined>): ValueCheck | null {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = checkOf(nullable.ofType, inputs);
    if (!item) return null;
    return (value, path, problems) => {
      if (Array.isArray(value)) value.forEach((v, i) => item(v, `${path}[${i}]`, problems));
    };
  }
  if (isInputObjectType(nullable)) {
    const { name } = nullable;
    // While the type's own fields are walked, a reference back to it checks lazily.
    if (inputs.has(name) && inputs.get(name) === undefined) return (value, path, problems) => inputs.get(name)?.(value, path, problems);
    if (!inputs.has(name)) {
      inputs.set(name, undefined);
      const fields = Object.values(nullable.getFields())
        .map((f) => ({ name: f.name, check: checkOf(f.type, inputs) }))
        .filter((f): f is { name: string; check: ValueCheck } => f.check !== null);
      inputs.set(
        name,
        fields.length === 0
          ? null
          : (value, path, problems) => {
              if (value === null || typeof value !== 'object') return;
              for (const f of fields) f.check((value as Record<string, unknown>)[f.name], at(path, f.name), problems);
            },
      );
    }
    return inputs.get(name) ?? null;
  }
  if (!isScalarType(nullable) || isSpecifiedScalarType(nullable)) return null;
  return (value, path, problems) => {
    if (!(value instanceof RefusedValue)) return;
    // graphql-scalars' reasons already name the type ("Value is not a valid LocalDate: 2026-02-30").
    const message = value.reason.includes(value.scalar) ? value.reason : `must be a valid ${value.scalar}: ${value.reason}`;
    problems.push({ field: path, message });
  };
}

/** Fields of the `input` argument are named as they are (`startsOn`); any other argument's under its name (`inputs[0].scores[1].score`). */
const argumentPath = (arg: GraphQLArgument) => (arg.name === 'input' && isInputObjectType(getNullableType(arg.type)) ? '' : arg.name);

/**
 * Checks every field's arguments for values a custom scalar refused before its resolver runs:
 * every one is reported at once as BAD_USER_INPUT, the first field named.
 */
function checkScalarArguments(schema: GraphQLSchema, scalars: readonly string[]): GraphQLSchema {
  for (const name of scalars) {
    const scalar = schema.getType(name);
    if (isScalarType(scalar)) tolerate(scalar);
  }
  const inputs = new Map<string, ValueCheck | null | undefined>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const checks = field.args
        .map((arg) => ({ arg, check: checkOf(arg.type, inputs) }))
        .filter((c): c is { arg: GraphQLArgument; check: ValueCheck } => c.check !== null);
      if (checks.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        const problems: FieldProblem[] = [];
        for (const { arg, check } of checks) check(args[arg.name], argumentPath(arg), problems);
        if (problems.length > 0) throw new InvalidInput(problems);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
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
