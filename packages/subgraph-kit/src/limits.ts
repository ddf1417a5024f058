import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  Lexer,
  type SelectionSetNode,
  Source,
  buildSchema,
  TokenKind,
  type ValidationRule,
  validate,
} from 'graphql';
import { type LimitsEnv, limitsEnv, loadConfig } from '@meritgraph/config';
import type { ErrorCode } from '@meritgraph/domain';

/**
 * What one operation may ask for, checked before it is validated or executed, at the gateway
 * and at every subgraph port. The parser stops counting at `maxTokens`, so no validation rule
 * ever runs on a huge document; the rest are counted on the parsed document.
 */
export interface OperationLimits {
  /** Lexical tokens in the document (Apollo Router: 15,000; graphql-armor: 1,000). */
  maxTokens: number;
  /** Nested fields, counted through fragments (graphql-armor: 6). */
  maxDepth: number;
  /** Aliased fields, counted through fragments (graphql-armor: 15). */
  maxAliases: number;
  /** Fields at the root of one operation. */
  maxRootFields: number;
  /** Directives in the operation (graphql-armor: 50). */
  maxDirectives: number;
  /** Times one response key appears in one selection set: each repeat is compared with every other. */
  maxFieldRepeats: number;
  /** Operations in one HTTP batch (Hive Gateway: 10); the batch is also costed as a whole. */
  maxBatchOperations: number;
}

/** The limits a service's environment sets (MAX_TOKENS, MAX_DEPTH, …). */
export const limitsFrom = (env: LimitsEnv): OperationLimits => ({
  maxTokens: env.MAX_TOKENS,
  maxDepth: env.MAX_DEPTH,
  maxAliases: env.MAX_ALIASES,
  maxRootFields: env.MAX_ROOT_FIELDS,
  maxDirectives: env.MAX_DIRECTIVES,
  maxFieldRepeats: env.MAX_FIELD_REPEATS,
  maxBatchOperations: env.MAX_BATCH_OPERATIONS,
});

/** The limits of a service started with no environment. */
export const DEFAULT_LIMITS: OperationLimits = limitsFrom(loadConfig(limitsEnv, {}));

type LimitCode = Extract<
  ErrorCode,
  | 'MAX_TOKENS_EXCEEDED'
  | 'MAX_DEPTH_EXCEEDED'
  | 'MAX_ALIASES_EXCEEDED'
  | 'MAX_ROOT_FIELDS_EXCEEDED'
  | 'MAX_DIRECTIVES_EXCEEDED'
  | 'MAX_FIELD_REPEATS_EXCEEDED'
  | 'MAX_BATCH_EXCEEDED'
>;

/** An operation over one of the limits: answered with HTTP 400, its code, the limit and the value found. */
export class LimitExceeded extends Error {
  override readonly name = 'LimitExceeded';

  constructor(
    readonly code: LimitCode,
    readonly limit: number,
    readonly actual: number,
    what: string,
  ) {
    super(`${code === 'MAX_BATCH_EXCEEDED' ? 'The request' : 'The operation'} has ${actual} ${what}; at most ${limit} are allowed`);
  }
}

/** Every token of the document, counted without building a syntax tree. */
function countTokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** Parses the document, refusing it as soon as the parser passes `maxTokens`. */
export function parseWithin(query: string, maxTokens: number): DocumentNode {
  try {
    return new MaxTokensParserWLexer(query, { n: maxTokens, propagateOnRejection: true, onReject: [], onAccept: [] }).parseDocument();
  } catch (error) {
    const actual = countTokens(query);
    if (actual > maxTokens) throw new LimitExceeded('MAX_TOKENS_EXCEEDED', maxTokens, actual, 'tokens');
    throw error;
  }
}

/**
 * The counting rules read only the document (its fields and fragments), never types, so they
 * run against this placeholder: the same check serves the gateway and every subgraph.
 */
const DOCUMENT_ONLY = buildSchema('type Query { _: Boolean }');

/** The value a graphql-armor rule measured: each is given no limit of its own and reports what it counted. */
function measure(document: DocumentNode, rule: (report: (n: number) => void) => ValidationRule): number {
  let found = 0;
  validate(DOCUMENT_ONLY, document, [rule((n) => (found = Math.max(found, n)))]);
  return found;
}

const unlimited = Number.MAX_SAFE_INTEGER;

/**
 * The largest number of times one response key appears in a selection set, with fragments
 * spread in place. Validation compares every pair of same-named fields, so this is what makes
 * 1,000 copies of one field expensive to reject.
 */
function fieldRepeats(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const flattened = new Map<string, Map<string, number>>();

  const keysOf = (set: SelectionSetNode, seen: Set<string>): Map<string, number> => {
    const counts = new Map<string, number>();
    const add = (key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) add(selection.alias?.value ?? selection.name.value, 1);
      else if (selection.kind === Kind.INLINE_FRAGMENT) for (const [k, n] of keysOf(selection.selectionSet, seen)) add(k, n);
      else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        let keys = flattened.get(name);
        if (!keys) {
          keys = keysOf(fragment.selectionSet, new Set([...seen, name]));
          flattened.set(name, keys);
        }
        for (const [k, n] of keys) add(k, n);
      }
    }
    return counts;
  };

  let most = 0;
  const visit = (set: SelectionSetNode) => {
    for (const n of keysOf(set, new Set()).values()) most = Math.max(most, n);
    for (const selection of set.selections)
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) visit(selection.selectionSet);
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition.selectionSet);
  }
  return most;
}

/** The most fields at the root of any operation of the document, fragments spread in place. */
function rootFields(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const count = (set: SelectionSetNode, seen: Set<string>): number =>
    set.selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD) return sum + 1;
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet, seen);
      const fragment = fragments.get(selection.name.value);
      return !fragment || seen.has(fragment.name.value) ? sum : sum + count(fragment.selectionSet, new Set([...seen, fragment.name.value]));
    }, 0);
  return Math.max(0, ...document.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? count(d.selectionSet, new Set()) : 0)));
}

/** Refuses an HTTP batch of more operations than allowed, before any of them is parsed. */
export function checkBatch(operations: number, limits: OperationLimits): void {
  if (operations > limits.maxBatchOperations)
    throw new LimitExceeded('MAX_BATCH_EXCEEDED', limits.maxBatchOperations, operations, 'operations in one batch');
}

/**
 * Checks an operation against the limits before anything else looks at it; throws
 * LimitExceeded for the first limit it passes, in the order a reader would check them.
 */
export function checkOperation(query: string, limits: OperationLimits): DocumentNode {
  const document = parseWithin(query, limits.maxTokens);
  const repeats = fieldRepeats(document);
  if (repeats > limits.maxFieldRepeats)
    throw new LimitExceeded('MAX_FIELD_REPEATS_EXCEEDED', limits.maxFieldRepeats, repeats, 'copies of one field in a selection');
  const depth = measure(document, (report) => maxDepthRule({ n: unlimited, flattenFragments: true, onAccept: [(_, { n }) => report(n)] }));
  if (depth > limits.maxDepth) throw new LimitExceeded('MAX_DEPTH_EXCEEDED', limits.maxDepth, depth, 'levels of nesting');
  const aliases = measure(document, (report) => maxAliasesRule({ n: unlimited, onAccept: [(_, { n }) => report(n)] }));
  if (aliases > limits.maxAliases) throw new LimitExceeded('MAX_ALIASES_EXCEEDED', limits.maxAliases, aliases, 'aliases');
  const roots = rootFields(document);
  if (roots > limits.maxRootFields) throw new LimitExceeded('MAX_ROOT_FIELDS_EXCEEDED', limits.maxRootFields, roots, 'root fields');
  const directives = measure(document, (report) => maxDirectivesRule({ n: unlimited, onAccept: [(_, { n }) => report(n)] }));
  if (directives > limits.maxDirectives) throw new LimitExceeded('MAX_DIRECTIVES_EXCEEDED', limits.maxDirectives, directives, 'directives');
  return document;
}
