import { createHash } from 'node:crypto';
import {
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  parse,
  valueFromASTUntyped,
} from 'graphql';

/**
 * Demand control after the IBM GraphQL Cost Directive specification, as Apollo Router and
 * Hive Router apply it: a field costs its `@cost(weight:)` — by default 1 for an object,
 * interface or union, 0 for a scalar or enum, 10 for a mutation — and a list multiplies what
 * is below it by its size: the value of its slicing argument (`first`), else its
 * `@listSize(assumedSize:)`, else a default. On a connection, `sizedFields` (`nodes`,
 * `edges`) are the lists its slicing argument sizes.
 *
 * The estimate is made before execution from the operation and its variables; the actual
 * cost applies the same weights to the response, with the lists as long as they came back.
 */

/** What the schema says about one field's cost. */
interface FieldCost {
  weight?: number;
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

/** Every field's @cost and @listSize, by `Type.field`, read from an SDL that carries them (a supergraph, a subgraph's SDL). */
export class CostModel {
  private readonly fields = new Map<string, FieldCost>();

  constructor(
    readonly schema: GraphQLSchema,
    sdl: string,
    readonly defaults = { listSize: 10, pageSize: 20, mutationWeight: 10 },
  ) {
    for (const definition of parse(sdl).definitions) {
      if (!('fields' in definition) || !definition.fields || !('name' in definition)) continue;
      for (const field of definition.fields) {
        if (field.kind !== Kind.FIELD_DEFINITION) continue;
        const cost = fieldCostOf(field.directives ?? []);
        if (cost) this.fields.set(`${definition.name.value}.${field.name.value}`, cost);
      }
    }
  }

  field(type: string, field: string): FieldCost | undefined {
    return this.fields.get(`${type}.${field}`);
  }
}

function fieldCostOf(directives: readonly DirectiveNode[]): FieldCost | null {
  const out: FieldCost = {};
  let found = false;
  for (const directive of directives) {
    const args = Object.fromEntries((directive.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
    if (directive.name.value === 'cost' && typeof args.weight === 'number') {
      out.weight = args.weight;
      found = true;
    } else if (directive.name.value === 'listSize') {
      if (typeof args.assumedSize === 'number') out.assumedSize = args.assumedSize;
      if (Array.isArray(args.slicingArguments)) out.slicingArguments = args.slicingArguments as string[];
      if (Array.isArray(args.sizedFields)) out.sizedFields = args.sizedFields as string[];
      found = true;
    }
  }
  return found ? out : null;
}

/** A field of the operation with what decides its cost: evaluated per request with its variables. */
interface CostNode {
  responseKey: string;
  weight: number;
  /** The list size below this field, from the arguments and variables; 1 when it is no list. */
  size: (variables: Record<string, unknown>) => number;
  /** The child fields that `size` applies to, when this field sizes its children (a connection's nodes). */
  sized?: Set<string>;
  list: boolean;
  children: CostNode[];
}

/** An operation compiled for costing: evaluated per request against its variables, and against its response. */
export class CostPlan {
  constructor(private readonly roots: CostNode[]) {}

  /** The estimated cost for these variables. */
  estimate(variables: Record<string, unknown> = {}): number {
    return sum(this.roots, variables, 1);
  }

  /** The cost of what came back: the same weights, with every list as long as it was. */
  actual(data: unknown): number {
    return actualOf(this.roots, data);
  }
}

function sum(nodes: CostNode[], variables: Record<string, unknown>, sizedBy: number, sized?: Set<string>): number {
  let total = 0;
  for (const node of nodes) {
    const multiplier = sized?.has(node.responseKey) ? sizedBy : node.list ? node.size(variables) : 1;
    const own = node.sized ? node.size(variables) : 1;
    total += multiplier * (node.weight + sum(node.children, variables, own, node.sized));
  }
  return total;
}

function actualOf(nodes: CostNode[], data: unknown): number {
  if (Array.isArray(data)) return data.reduce((acc: number, item) => acc + actualOf(nodes, item), 0);
  if (!data || typeof data !== 'object') return 0;
  let total = 0;
  for (const node of nodes) {
    const value = (data as Record<string, unknown>)[node.responseKey];
    if (value === undefined || value === null) continue;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) total += node.weight + actualOf(node.children, item);
  }
  return total;
}

const argumentValue = (node: ValueNode, variables: Record<string, unknown>): unknown =>
  node.kind === Kind.VARIABLE ? variables[node.name.value] : valueFromASTUntyped(node, variables);

/** Compiles an operation of `document` against the model. */
export function planCost(model: CostModel, document: DocumentNode, operationName?: string | null): CostPlan {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName)) {
      operation ??= definition;
    }
  }
  if (!operation) return new CostPlan([]);
  const rootType =
    operation.operation === 'mutation'
      ? model.schema.getMutationType()
      : operation.operation === 'subscription'
        ? model.schema.getSubscriptionType()
        : model.schema.getQueryType();
  if (!rootType) return new CostPlan([]);

  const compile = (set: SelectionSetNode, parent: GraphQLNamedType, seen: Set<string>, root: boolean): CostNode[] => {
    const nodes: CostNode[] = [];
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const node = compileField(selection, parent, seen, root);
        if (node) nodes.push(node);
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) continue;
        const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
        if (name && seen.has(name)) continue;
        const condition = fragment.typeCondition ? model.schema.getType(fragment.typeCondition.name.value) : parent;
        nodes.push(...compile(fragment.selectionSet, condition ?? parent, name ? new Set([...seen, name]) : seen, root));
      }
    }
    return nodes;
  };

  const compileField = (selection: FieldNode, parent: GraphQLNamedType, seen: Set<string>, root: boolean): CostNode | null => {
    const name = selection.name.value;
    if (name.startsWith('__')) return null;
    const definition: GraphQLField<unknown, unknown> | undefined =
      isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    if (!definition) return null;
    const named = getNamedType(definition.type);
    const declared = model.field(parent.name, name);
    const weight =
      declared?.weight ?? (root && operation!.operation === 'mutation' ? model.defaults.mutationWeight : isCompositeType(named) ? 1 : 0);
    const list = isListType(getNullableType(definition.type));
    const slicing = declared?.slicingArguments ?? (definition.args.some((a) => a.name === 'first') ? ['first'] : []);
    const args = selection.arguments ?? [];
    const fallback = declared?.assumedSize ?? (slicing.length ? model.defaults.pageSize : model.defaults.listSize);
    const size = (variables: Record<string, unknown>) => {
      let largest: number | null = null;
      for (const argName of slicing) {
        const arg = args.find((a) => a.name.value === argName);
        const value = arg ? argumentValue(arg.value, variables) : undefined;
        if (typeof value === 'number' && Number.isFinite(value)) largest = Math.max(largest ?? 0, value);
      }
      return Math.max(0, largest ?? fallback);
    };
    // A connection: `first` sizes its nodes and edges, not the connection object itself.
    const sized = declared?.sizedFields ?? (!list && slicing.length && named.name.endsWith('Connection') ? ['nodes', 'edges'] : undefined);
    return {
      responseKey: selection.alias?.value ?? name,
      weight,
      size,
      list,
      ...(sized ? { sized: new Set(sized) } : {}),
      children: selection.selectionSet ? compile(selection.selectionSet, named, seen, false) : [],
    };
  };

  return new CostPlan(compile(operation.selectionSet, rootType, new Set(), true));
}

/** Compiled plans by operation text, so an operation shape is analysed once. */
export class CostPlanCache {
  private readonly plans = new Map<string, CostPlan>();

  constructor(
    private readonly model: CostModel,
    private readonly capacity = 1000,
  ) {}

  plan(query: string, document: DocumentNode, operationName?: string | null): CostPlan {
    const key = createHash('sha256')
      .update(operationName ?? '')
      .update('\0')
      .update(query)
      .digest('base64url');
    let plan = this.plans.get(key);
    if (plan) {
      // Most recently used last, so the oldest is the first to go.
      this.plans.delete(key);
    } else {
      plan = planCost(this.model, document, operationName);
      if (this.plans.size >= this.capacity) this.plans.delete(this.plans.keys().next().value!);
    }
    this.plans.set(key, plan);
    return plan;
  }
}
