import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, databaseEnv, databaseUrls, gatewayEnv, loadConfig, subgraphEnv } from './index';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'config-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const secretFile = (name: string, content: string): string => {
  const file = join(dir, name);
  writeFileSync(file, content, { mode: 0o600 });
  return file;
};

const problemsOf = (run: () => unknown): ConfigError['problems'] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

const strong = 'p'.repeat(40);

describe('secrets from files (<NAME>_FILE)', () => {
  it('reads a secret from its file, without the line break echo leaves', () => {
    const env = loadConfig(gatewayEnv, {
      NODE_ENV: 'production',
      JWT_SECRET_FILE: secretFile('jwt', `${'j'.repeat(40)}\n`),
      INTERNAL_TOKEN_SECRET_FILE: secretFile('internal', 'i'.repeat(40)),
    });
    expect(env.JWT_SECRET).toBe('j'.repeat(40));
    expect(env.INTERNAL_TOKEN_SECRET).toBe('i'.repeat(40));
  });

  it('refuses a file that is missing, naming the variable and the path, and only that', () => {
    const missing = join(dir, 'no-such-secret');
    const problems = problemsOf(() =>
      loadConfig(gatewayEnv, { NODE_ENV: 'production', JWT_SECRET: strong, INTERNAL_TOKEN_SECRET_FILE: missing }),
    );
    expect(problems).toEqual([{ variable: 'INTERNAL_TOKEN_SECRET_FILE', message: `cannot read ${missing}: no such file` }]);
    expect(() => loadConfig(gatewayEnv, { INTERNAL_TOKEN_SECRET_FILE: missing })).toThrow(/INTERNAL_TOKEN_SECRET_FILE/);
  });

  it('refuses an empty file and a path that is not a readable file', () => {
    const empty = secretFile('empty', '\n');
    expect(problemsOf(() => loadConfig(gatewayEnv, { JWT_SECRET_FILE: empty }))).toEqual([
      { variable: 'JWT_SECRET_FILE', message: `${empty} is empty` },
    ]);
    expect(problemsOf(() => loadConfig(gatewayEnv, { JWT_SECRET_FILE: dir }))).toEqual([
      { variable: 'JWT_SECRET_FILE', message: expect.stringContaining(`cannot read ${dir}`) },
    ]);
  });

  it('refuses a variable given both ways', () => {
    const problems = problemsOf(() => loadConfig(gatewayEnv, { JWT_SECRET: strong, JWT_SECRET_FILE: secretFile('both', strong) }));
    expect(problems).toEqual([{ variable: 'JWT_SECRET_FILE', message: 'set JWT_SECRET or JWT_SECRET_FILE, not both' }]);
  });

  it('takes an empty variable beside its file as unset, as compose writes FOO=', () => {
    expect(loadConfig(gatewayEnv, { JWT_SECRET: '', JWT_SECRET_FILE: secretFile('beside', strong) }).JWT_SECRET).toBe(strong);
  });

  it("ignores _FILE variables of names the service doesn't read", () => {
    expect(() => loadConfig(gatewayEnv, { UNRELATED_FILE: join(dir, 'absent') })).not.toThrow();
  });

  it('lets a file stand for a secret the installation would otherwise supply in development', () => {
    const saved = { ...process.env };
    try {
      process.env.DATA_DIR = join(dir, 'data');
      process.env.NODE_ENV = 'development';
      process.env.JWT_SECRET = strong;
      delete process.env.INTERNAL_TOKEN_SECRET;
      process.env.INTERNAL_TOKEN_SECRET_FILE = secretFile('dev-internal', 'd'.repeat(40));
      expect(loadConfig(gatewayEnv).INTERNAL_TOKEN_SECRET).toBe('d'.repeat(40));
    } finally {
      process.env = saved;
    }
  });
});

describe('database credentials', () => {
  it('keeps a DATABASE_URL with no user or password given as it is', () => {
    expect(loadConfig(databaseEnv, { DATABASE_URL: 'mysql://root@127.0.0.1:3306' }).DATABASE_URL).toBe('mysql://root@127.0.0.1:3306');
  });

  it("connects a service as DATABASE_USER with DATABASE_PASSWORD_FILE in place of the URL's, encoded", () => {
    const env = loadConfig(subgraphEnv(4001), {
      DATABASE_URL: 'mysql://root:rootpw@mysql:3306',
      DATABASE_USER: 'meritgraph_organizations',
      DATABASE_PASSWORD_FILE: secretFile('db', 'p@ss:w/rd%41#\n'),
    });
    const url = new URL(env.DATABASE_URL!);
    expect([url.hostname, url.port]).toEqual(['mysql', '3306']);
    expect(decodeURIComponent(url.username)).toBe('meritgraph_organizations');
    expect(decodeURIComponent(url.password)).toBe('p@ss:w/rd%41#');
  });

  it("gives each subgraph its own user in one process, else the service's", () => {
    const env = loadConfig(databaseEnv, {
      DATABASE_URL: 'mysql://root@db:3306',
      DATABASE_PASSWORD: 'shared',
      DATABASE_USER_ORGANIZATIONS: 'org',
      DATABASE_PASSWORD_ORGANIZATIONS_FILE: secretFile('org', 'org-secret'),
      DATABASE_USER_EXPERT_REVIEW: 'review',
    });
    expect(databaseUrls(env)).toEqual({
      organizations: 'mysql://org:org-secret@db:3306',
      submissions: 'mysql://root:shared@db:3306',
      'expert-review': 'mysql://review:shared@db:3306',
      honors: 'mysql://root:shared@db:3306',
      analytics: 'mysql://root:shared@db:3306',
    });
    expect(databaseUrls(loadConfig(databaseEnv, {}))).toEqual({
      organizations: undefined,
      submissions: undefined,
      'expert-review': undefined,
      honors: undefined,
      analytics: undefined,
    });
  });

  it('refuses credentials without the server they are for', () => {
    expect(problemsOf(() => loadConfig(subgraphEnv(4001), { DATABASE_USER: 'x', DATABASE_PASSWORD_HONORS: 'y' }))).toEqual([
      { variable: 'DATABASE_USER', message: 'needs DATABASE_URL, the MySQL server it is for' },
      { variable: 'DATABASE_PASSWORD_HONORS', message: 'needs DATABASE_URL, the MySQL server it is for' },
    ]);
  });
});
