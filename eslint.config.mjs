// @ts-check
// One lint configuration for the whole tree. Formatting is Prettier's (eslint-config-prettier
// turns off the rules that would fight it); these rules are about correctness and structure.
import graphql from '@graphql-eslint/eslint-plugin';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const APPS = ['gateway', 'organizations', 'submissions', 'expert-review', 'honors', 'analytics', 'web'];

/** An app is deployed on its own: it may import packages, never another app. */
const appBoundaries = APPS.map((app) => ({
  files: [`apps/${app}/**/*.{ts,tsx}`],
  ignores: [`apps/${app}/test/**`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: APPS.filter((other) => other !== app).map((other) => `@meritgraph/${other}`),
            message: 'An app never imports another app: read its facts through its API, or move shared code to a package.',
          },
          { group: ['@meritgraph/testing'], message: 'Runtime code never depends on the test package.' },
        ],
      },
    ],
  },
}));

/** The TypeScript and JavaScript sources: the code rules below apply to these, never to GraphQL files. */
const CODE = ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.mts', '**/*.cjs'];

/**
 * The client-facing schema (schema.graphql at the root, written by `npm run compose`) is linted
 * with graphql-eslint's schema rules: all of schema-recommended and the Relay rules, and from
 * schema-all what fits a federated API. Skipped, and why:
 * - alphabetize: compose already prints the file sorted (lexicographicSortSchema); the rule's
 *   own grouping (id first) would fight that order without telling a client anything.
 * - input-name: mutations take their arguments under domain names (`id`, `input`, `inputs`,
 *   `reason`), and input types are named after what they hold (ScoreInput, ScheduleInput), not
 *   after each mutation; renaming them all would break every client for no gain.
 * - no-root-type: the API has mutations, and no subscriptions to forbid.
 * - require-field-of-type-query-in-mutation-result: mutations answer the changed record, whose
 *   fields lead back into the graph; a `query` field on each payload is not the project's style.
 * - require-nullable-result-in-root: queries are held to it by the test of nullable root
 *   fields; a mutation's result stays non-null, since a refused mutation has no partial data
 *   to keep and the rule cannot tell the two root types apart.
 * - require-nullable-fields-with-oneof, require-type-pattern-with-oneof: no @oneOf inputs.
 * - require-deprecation-date: nothing is deprecated; require-deprecation-reason is kept.
 * - relay-arguments with backward arguments, and relay-edge-types' Node interface: lists page
 *   forwards only (first/after), and entities are fetched by their own root fields, not a
 *   global `node(id:)`; the forward-only and edge-shape checks are kept. Its
 *   listTypeCanWrapOnlyEdgeType too: every connection also offers `nodes`, and plain lists of
 *   values (criteria, scores, tie-breaks) are no connections.
 * - strict-id-in-types: value objects (scores, statistics, reports, calendar days, connections
 *   and edges) have no identity of their own, and AwardType keys on its `code`; the client
 *   guide lists which types a normalized cache can key.
 * - no-typename-prefix: its one finding, Expert.expertise, is a word of its own, not a prefix.
 * - naming-convention keeps schema-all's options, except the forbidden "Type" suffix on object
 *   types: AwardType (an award's kind, 奖种) and AdvancementRuleType are names of the domain.
 */
const schemaLint = {
  files: ['schema.graphql'],
  languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig: { schema: 'schema.graphql' } } },
  plugins: { '@graphql-eslint': graphql },
  rules: {
    ...graphql.configs['flat/schema-recommended'].rules,
    ...graphql.configs['flat/schema-relay'].rules,
    '@graphql-eslint/require-description': [
      'error',
      {
        types: true,
        rootField: true,
        FieldDefinition: true,
        InputValueDefinition: true,
        EnumValueDefinition: true,
        DirectiveDefinition: true,
      },
    ],
    '@graphql-eslint/naming-convention': [
      'error',
      {
        ...graphql.configs['flat/schema-all'].rules['@graphql-eslint/naming-convention'][1],
        'ObjectTypeDefinition,ObjectTypeExtension': { forbiddenPrefixes: ['Type'] },
      },
    ],
    '@graphql-eslint/strict-id-in-types': 'off',
    '@graphql-eslint/no-typename-prefix': 'off',
    '@graphql-eslint/no-scalar-result-type-on-mutation': 'error',
    '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
    '@graphql-eslint/relay-edge-types': ['error', { shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false }],
  },
};

export default tseslint.config(
  { ignores: ['**/node_modules/', '**/dist/', '**/coverage/', 'data/', '**/src/migrations/'] },
  { ...js.configs.recommended, files: CODE },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: config.files ?? CODE })),
  schemaLint,
  {
    files: CODE,
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-relative-packages': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': 'off',
    },
  },
  ...appBoundaries,
  {
    // The console runs in the browser: its globals, not Node's.
    files: ['apps/web/console/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Runtime packages: the test package is for tests only.
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/testing/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@meritgraph/testing'], message: 'Runtime code never depends on the test package.' }] },
      ],
    },
  },
  {
    // Services judge time by the injected clock, so tests and the replay can set it.
    files: ['apps/*/src/**/*.service.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the injected clock, not new Date().' },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Use the injected clock, not Date.now().',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { ...prettier, files: CODE },
);
