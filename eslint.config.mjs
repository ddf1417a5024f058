// @ts-check
// One lint configuration for the whole tree. Formatting is Prettier's (eslint-config-prettier
// turns off the rules that would fight it); these rules are about correctness and structure.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const APPS = ['gateway', 'organizations', 'submissions', 'expert-review', 'honors'];

/** An app is deployed on its own: it may import packages, never another app. */
const appBoundaries = APPS.map((app) => ({
  files: [`apps/${app}/**/*.ts`],
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

export default tseslint.config(
  { ignores: ['**/node_modules/', '**/dist/', '**/coverage/', 'data/', '**/src/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
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
  prettier,
);
