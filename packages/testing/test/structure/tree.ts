import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root. */
export const ROOT = join(__dirname, '../../../..');

export interface Workspace {
  dir: string;
  name: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** Every npm workspace of the tree, apps first. */
export function workspaces(): Workspace[] {
  return ['apps', 'packages'].flatMap((top) =>
    readdirSync(join(ROOT, top))
      .filter((name) => existsSync(join(ROOT, top, name, 'package.json')))
      .map((name) => {
        const manifest = JSON.parse(readFileSync(join(ROOT, top, name, 'package.json'), 'utf8'));
        return {
          dir: `${top}/${name}`,
          name: manifest.name,
          dependencies: manifest.dependencies ?? {},
          devDependencies: manifest.devDependencies ?? {},
        };
      }),
  );
}

export const APP_PACKAGES = () =>
  workspaces()
    .filter((w) => w.dir.startsWith('apps/'))
    .map((w) => w.name);

/** TypeScript files under `dir` (relative to the root), without dist/ and node_modules/. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    if (!existsSync(path)) return;
    for (const name of readdirSync(path)) {
      if (name === 'node_modules' || name === 'dist') continue;
      const child = join(path, name);
      if (statSync(child).isDirectory()) walk(child);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(ROOT, child));
    }
  };
  walk(join(ROOT, dir));
  return out.sort();
}

export const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
export const lineCount = (file: string): number => read(file).split('\n').length - (read(file).endsWith('\n') ? 1 : 0);
export const isTest = (file: string): boolean => /\.spec\.tsx?$/.test(file) || /\/test\//.test(file);
export const isMigration = (file: string): boolean => /\/migrations\//.test(file);

/** The package names a file imports (`@meritgraph/db`, `typeorm`), comments aside. */
export function importedPackages(file: string): string[] {
  const code = read(file)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const names = [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g)].map(([, s]) => s);
  return names
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:'))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]));
}
