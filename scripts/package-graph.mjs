#!/usr/bin/env node
// Prints the workspace package graph as the README's Architecture section shows it: each
// workspace with the workspaces it depends on (and, apart, those only its tests use).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const SCOPE = '@meritgraph/';
const TOOLING = new Set(['@meritgraph/typescript-config']);

const internal = (deps = {}) =>
  Object.keys(deps)
    .filter((name) => name.startsWith(SCOPE) && !TOOLING.has(name))
    .map((name) => name.slice(SCOPE.length))
    .sort();

const rows = ['apps', 'packages'].flatMap((top) =>
  readdirSync(join(root, top))
    .filter((name) => existsSync(join(root, top, name, 'package.json')))
    .sort()
    .map((name) => {
      const manifest = JSON.parse(readFileSync(join(root, top, name, 'package.json'), 'utf8'));
      if (TOOLING.has(manifest.name)) return null;
      const runtime = internal(manifest.dependencies);
      const tests = internal(manifest.devDependencies);
      return `${`${top}/${name}`.padEnd(24)}→ ${runtime.join(', ') || '(none)'}${tests.length ? `; tests also: ${tests.join(', ')}` : ''}`;
    })
    .filter(Boolean),
);
console.log(rows.join('\n'));
