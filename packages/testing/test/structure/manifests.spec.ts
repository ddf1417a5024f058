import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, read } from './tree';

const CHECK = join(ROOT, 'scripts/check-dependencies.mjs');

/** Runs the dependency check on a tree of files (path → content). */
function checkTree(files: Record<string, string>): { status: number | null; stderr: string } {
  const root = mkdtempSync(join(tmpdir(), 'mg-deps-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    const run = spawnSync(process.execPath, [CHECK, root], { encoding: 'utf8' });
    return { status: run.status, stderr: run.stderr };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** An import line; spelled so that the check, reading this spec, does not take it for one of its own. */
const importLine = (names: string, from: string) => `import { ${names} } from ${"'"}${from}${"'"};\n`;

const manifest = (name: string, dependencies: Record<string, string> = {}, devDependencies: Record<string, string> = {}) =>
  JSON.stringify({ name, dependencies, devDependencies });

describe('dependency declarations', () => {
  it('match the imports of every workspace in this tree', () => {
    expect(execFileSync(process.execPath, [CHECK], { encoding: 'utf8' })).toMatch(/Dependencies match the imports in \d+ workspaces/);
  });

  it('fail on a package imported but not declared, and on one declared but never imported', () => {
    const { status, stderr } = checkTree({
      'apps/demo/package.json': manifest('@demo/app', { 'left-pad': '1.0.0' }),
      'apps/demo/src/index.ts': `${importLine('DataSource', 'typeorm')}export const ds = DataSource;\n`,
    });
    expect(status).toBe(1);
    expect(stderr).toContain('apps/demo/package.json: typeorm is imported by runtime code but not in dependencies');
    expect(stderr).toContain('apps/demo/package.json: left-pad is declared but never imported');
  });

  it('fail when runtime code imports a package declared only for development', () => {
    const { status, stderr } = checkTree({
      'packages/tool/package.json': manifest('@demo/tool', {}, { zod: '4.0.0' }),
      'packages/tool/src/index.ts': `${importLine('z', 'zod')}export const s = z.string();\n`,
      'packages/tool/src/index.spec.ts': "import { s } from './index';\n",
    });
    expect(status).toBe(1);
    expect(stderr).toContain('zod is imported by runtime code but not in dependencies (only in devDependencies)');
  });

  it('accept a package that only tests import when it is a development dependency', () => {
    const { status } = checkTree({
      'packages/tool/package.json': manifest('@demo/tool', {}, { jose: '5.9.6' }),
      'packages/tool/src/index.ts': 'export const one = 1;\n',
      'packages/tool/test/token.spec.ts': `${importLine('SignJWT', 'jose')}export const j = SignJWT;\n`,
    });
    expect(status).toBe(0);
  });
});

describe('the README', () => {
  it('shows the package graph as the manifests declare it', () => {
    const graph = execFileSync(process.execPath, [join(ROOT, 'scripts/package-graph.mjs')], { encoding: 'utf8' }).trim();
    const shown = /<!-- package-graph -->\n```\n([\s\S]*?)\n```\n<!-- \/package-graph -->/.exec(read('README.md'))?.[1];
    expect(shown).toBe(graph);
  });

  it('links the one list of error codes from its error section', () => {
    const errors = read('README.md').split('\n## Errors\n')[1]?.split('\n## ')[0] ?? '';
    expect(errors).toContain('(packages/domain/src/errors.ts)');
    expect(read('packages/domain/src/errors.ts')).toContain('export const ERROR_CODES');
  });
});
