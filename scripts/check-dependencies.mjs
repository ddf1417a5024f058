#!/usr/bin/env node
// Fails when a workspace's package.json and its imports disagree: a package imported but not
// declared (it works only by hoisting, and breaks in a pruned image), declared but never
// imported, or imported by runtime code while declared only for development.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

// The repository to check: this one, or the folder given as the first argument.
const root = (process.argv[2] ?? new URL('..', import.meta.url).pathname).replace(/\/$/, '');

/** Packages a workspace needs that its code never names: drivers loaded by name, tooling run by scripts. */
const LOADED_BY_NAME = {
  '@meritgraph/db': { 'better-sqlite3': 'TypeORM loads the SQLite driver by name', mysql2: 'TypeORM loads the MySQL driver by name' },
  '@meritgraph/client': {
    '@graphql-codegen/cli': 'npm run generate and the lint script run graphql-codegen',
    '@graphql-codegen/client-preset': 'codegen.ts names the client preset',
  },
  '@meritgraph/web': {
    vite: 'the build and dev scripts run vite',
    'oidc-provider': 'the OpenID Connect test loads it with createRequire, outside the test runner’s module registry',
  },
};
/** Every workspace extends the shared TypeScript config from its tsconfig files. */
const TOOLING = new Set(['@meritgraph/typescript-config']);

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
const builtins = new Set(builtinModules);

function* files(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx|mts|js|mjs|cjs)$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

const packageOf = (specifier) => {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  return builtins.has(name) ? null : name;
};

function peerDependenciesOf(name, from) {
  for (let dir = from; dir.startsWith(root); dir = join(dir, '..')) {
    const manifest = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).peerDependencies ?? {};
  }
  return {};
}

const isTestFile = (path) => /\.spec\.ts$|\.test\.ts$|(^|\/)test\//.test(path);
/** Browser code and its build config are bundled at build time: what they import is a build dependency (either list). */
const isBundled = (path) => /^console\/|^vite\.config\.m?ts$/.test(path);

const workspaces = ['apps', 'packages'].flatMap((dir) =>
  (existsSync(join(root, dir)) ? readdirSync(join(root, dir)) : [])
    .map((name) => join(root, dir, name))
    .filter((path) => existsSync(join(path, 'package.json'))),
);

const problems = [];
for (const dir of workspaces) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const runtime = new Set(Object.keys(manifest.dependencies ?? {}));
  const dev = new Set(Object.keys(manifest.devDependencies ?? {}));
  const used = new Map(); // package → 'runtime' | 'test'
  const configs = readdirSync(dir)
    .filter((name) => /^vite\.config\.m?ts$/.test(name))
    .map((name) => join(dir, name));
  for (const file of [...files(join(dir, 'src')), ...files(join(dir, 'test')), ...files(join(dir, 'console')), ...configs]) {
    const kind = isTestFile(relative(dir, file)) || isBundled(relative(dir, file)) ? 'test' : 'runtime';
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const name = packageOf(specifier);
      if (!name || name === manifest.name) continue;
      if (used.get(name) !== 'runtime') used.set(name, kind);
    }
  }
  const where = relative(root, join(dir, 'package.json'));
  // A package's types (@types/x, @types/scope__x) are used wherever the package is.
  for (const [name] of [...used]) {
    const types = `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
    if ((runtime.has(types) || dev.has(types)) && !used.has(types)) used.set(types, 'test');
  }
  for (const [name, kind] of used) {
    if (kind === 'runtime' && !runtime.has(name)) {
      problems.push(
        `${where}: ${name} is imported by runtime code but not in dependencies${dev.has(name) ? ' (only in devDependencies)' : ''}`,
      );
    } else if (kind === 'test' && !runtime.has(name) && !dev.has(name)) {
      problems.push(`${where}: ${name} is imported by tests but not declared`);
    }
  }
  const needed = LOADED_BY_NAME[manifest.name] ?? {};
  // A peer dependency of an imported package (graphql for type-graphql) is declared by whoever imports that package.
  const peers = new Set([...used.keys()].flatMap((name) => Object.keys(peerDependenciesOf(name, dir))));
  for (const name of [...runtime, ...dev]) {
    if (!used.has(name) && !peers.has(name) && !(name in needed) && !TOOLING.has(name)) {
      problems.push(`${where}: ${name} is declared but never imported`);
    }
  }
}

if (problems.length) {
  console.error(`Dependency declarations drift from the imports:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Dependencies match the imports in ${workspaces.length} workspaces.`);
