import { APP_PACKAGES, importedPackages, isMigration, isTest, lineCount, read, sourceFiles, workspaces } from './tree';

const everySource = () => [...sourceFiles('apps'), ...sourceFiles('packages')];

describe('the shape of the tree', () => {
  it('keeps every source file outside tests, migrations and generated code to 400 lines, but the assignment algorithm', () => {
    const long = everySource()
      .filter(
        (f) =>
          !isTest(f) && !isMigration(f) && !f.startsWith('packages/client/src/generated/') && f !== 'packages/domain/src/assignment.ts',
      )
      .map((f) => ({ file: f, lines: lineCount(f) }))
      .filter((f) => f.lines > 400);
    expect(long).toEqual([]);
  });

  it('keeps every test file to 800 lines', () => {
    const long = everySource()
      .filter(isTest)
      .map((f) => ({ file: f, lines: lineCount(f) }))
      .filter((f) => f.lines > 800);
    expect(long).toEqual([]);
  });

  it('has services judge time by the injected clock, never by new Date() or Date.now()', () => {
    const calls = everySource()
      .filter((f) => f.endsWith('.service.ts'))
      .flatMap((file) =>
        read(file)
          .split('\n')
          .map((line, i) => ({ file, line: i + 1, text: line.replace(/\/\/.*$/, '') }))
          .filter(({ text }) => /new Date\(\s*\)|Date\.now\(\s*\)/.test(text))
          .map(({ file, line }) => `${file}:${line}`),
      );
    expect(calls).toEqual([]);
  });

  it('has one resolver class per resolver file', () => {
    const crowded = everySource()
      .filter((f) => f.endsWith('.resolver.ts'))
      .map((file) => ({ file, resolvers: (read(file).match(/^@Resolver\(/gm) ?? []).length }))
      .filter((f) => f.resolvers > 1);
    expect(crowded).toEqual([]);
  });
});

describe('the package graph', () => {
  it('has no app import another app', () => {
    const apps = APP_PACKAGES();
    const crossings = workspaces()
      .filter((w) => w.dir.startsWith('apps/'))
      .flatMap((w) =>
        sourceFiles(`${w.dir}/src`).flatMap((file) =>
          importedPackages(file)
            .filter((name) => apps.includes(name) && name !== w.name)
            .map((name) => `${file} imports ${name}`),
        ),
      );
    expect(crossings).toEqual([]);
  });

  it('lets the running gateway load no subgraph code: it depends on no app', () => {
    const gateway = workspaces().find((w) => w.name === '@meritgraph/gateway')!;
    const apps = APP_PACKAGES();
    expect(Object.keys(gateway.dependencies).filter((name) => apps.includes(name))).toEqual([]);
    expect(sourceFiles('apps/gateway/src').flatMap((f) => importedPackages(f).filter((name) => apps.includes(name)))).toEqual([]);
  });

  it('keeps the test package out of every runtime dependency list', () => {
    const dependents = workspaces()
      .filter((w) => '@meritgraph/testing' in w.dependencies)
      .map((w) => w.name);
    expect(dependents).toEqual([]);
  });

  it('has no package import itself by name, which would type-check only after its own build', () => {
    const selfImports = workspaces().flatMap((w) =>
      [...sourceFiles(`${w.dir}/src`), ...sourceFiles(`${w.dir}/test`)].filter((file) => importedPackages(file).includes(w.name)),
    );
    expect(selfImports).toEqual([]);
  });
});
