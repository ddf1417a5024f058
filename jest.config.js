// One jest run over every workspace: TypeScript sources are compiled by swc with legacy
// decorators and decorator metadata (type-graphql and TypeORM need both), and workspace
// packages resolve to their sources, so tests never depend on a stale dist/.
const path = require('node:path');
const fs = require('node:fs');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const workspaces = ['packages', 'apps'].flatMap((dir) =>
  fs
    .readdirSync(path.join(__dirname, dir))
    .map((name) => path.join(dir, name))
    .filter((p) => fs.existsSync(path.join(__dirname, p, 'package.json'))),
);

const moduleNameMapper = Object.fromEntries(
  workspaces.map((p) => {
    const { name } = require(path.join(__dirname, p, 'package.json'));
    return [`^${name}$`, `<rootDir>/${p}/src/index.ts`];
  }),
);

module.exports = {
  testEnvironment: 'node',
  testSequencer: '<rootDir>/jest.sequencer.js',
  // The 2019 replay is made once per run and copied into each test's databases.
  globalSetup: '<rootDir>/packages/contest-data/test/jest-global-setup.ts',
  globalTeardown: '<rootDir>/packages/contest-data/test/jest-global-teardown.ts',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testMatch: ['<rootDir>/{packages,apps}/*/{src,test}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  setupFiles: ['reflect-metadata', '<rootDir>/packages/subgraph-kit/src/jest-keep-alive.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
  // A worker keeps some of every file's modules and in-process graphs it has run; one that has
  // grown past this after a file is replaced before the next, instead of running out of heap
  // (or collecting garbage for most of its time) in a file that moves 20,000 entities.
  workerIdleMemoryLimit: '1536MB',
};
