import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  SUBGRAPH_NAMES,
  type SubgraphName,
  databaseEnv,
  databaseUrls,
  loadConfig,
  subgraphEnv,
  subgraphVariable,
} from '@meritgraph/config';
import { dropMysqlDatabase, openDatabase, parseMysqlUrl } from '@meritgraph/db';
import { databaseSchema as notifierSchema } from '@meritgraph/notifier';
import { SUBGRAPH_MODULES } from '@meritgraph/supergraph';
import { type TestGraph, startGraph } from '../../src';

const INIT_SCRIPT = resolve(__dirname, '../../../../deploy/mysql/10-subgraph-users.sh');
const server = process.env.DATABASE_URL;

/**
 * The compose deployment's database: the MySQL init script makes one user per subgraph that
 * may use only its own database, and the platform runs as those users. Needs a MySQL server
 * (DATABASE_URL, as root): CI's MariaDB run has one.
 */
(server ? describe : describe.skip)('one MySQL user per subgraph, limited to its own database', () => {
  const prefix = `mgdeploy_${randomBytes(3).toString('hex')}_`;
  const secrets = mkdtempSync(join(tmpdir(), 'mg-db-secrets-'));
  const snake = (name: SubgraphName | 'notifier') => name.replace(/-/g, '_');
  const passwordFile = (name: SubgraphName | 'notifier') => join(secrets, `db_password_${snake(name)}`);
  /** The notifier is no subgraph, but keeps a database of its own (its cursors and mail log) under a user of its own. */
  const USERS = [...SUBGRAPH_NAMES, 'notifier'] as const;
  const root = parseMysqlUrl(server ?? 'mysql://root@127.0.0.1:3306');
  const sqlAsRoot = (sql: string) =>
    execFileSync('mysql', ['--protocol=tcp', `-h${root.host}`, `-P${root.port}`, `-u${root.user}`, '-N', '-e', sql], {
      env: { ...process.env, MYSQL_PWD: root.password },
      encoding: 'utf8',
    });
  // What compose gives the replay: the server, and each subgraph's own user and password file.
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: server,
    DATABASE_PREFIX: prefix,
    ...Object.fromEntries(
      SUBGRAPH_NAMES.flatMap((name) => [
        [subgraphVariable('USER', name), `${prefix}${snake(name)}`],
        [`${subgraphVariable('PASSWORD', name)}_FILE`, passwordFile(name)],
      ]),
    ),
  };
  let graph: TestGraph | undefined;

  beforeAll(async () => {
    for (const name of USERS) writeFileSync(passwordFile(name), `${randomBytes(12).toString('base64url')}'\\"\n`, { mode: 0o600 });
    execFileSync('bash', [INIT_SCRIPT], {
      env: {
        ...process.env,
        SECRETS_DIR: secrets,
        DATABASE_PREFIX: prefix,
        MYSQL_CLIENT: `mysql --protocol=tcp -h${root.host} -P${root.port} -u${root.user}`,
        MYSQL_ROOT_PASSWORD: root.password,
      },
      stdio: 'pipe',
    });
    graph = await startGraph({ location: { ...configured(), log: 'none' } });
  }, 120_000);

  const configured = () => {
    const config = loadConfig(databaseEnv, env);
    return { url: config.DATABASE_URL, urls: databaseUrls(config), prefix: config.DATABASE_PREFIX, dataDir: ':memory:' };
  };

  afterAll(async () => {
    await graph?.stop();
    for (const name of USERS) {
      await dropMysqlDatabase(root, `${prefix}${snake(name)}`);
      sqlAsRoot(`DROP USER IF EXISTS '${prefix}${snake(name)}'@'%'`);
    }
    rmSync(secrets, { recursive: true, force: true });
  });

  it('makes each user, the notifier’s too, with rights on its own database only', () => {
    for (const name of USERS) {
      const grants = sqlAsRoot(`SHOW GRANTS FOR '${prefix}${snake(name)}'@'%'`);
      expect(grants).toContain(`GRANT ALL PRIVILEGES ON \`${prefix}${snake(name)}\`.* TO`);
      expect(grants).toMatch(/GRANT USAGE ON \*\.\* TO/);
      expect(grants.trim().split('\n')).toHaveLength(2);
    }
  });

  it('serves the graph with every subgraph connected, migrated and writing as its own user', async () => {
    for (const name of SUBGRAPH_NAMES) {
      const target = graph!.subgraphs[name].db.target;
      expect(target.kind === 'mysql' && [target.server.user, target.database]).toEqual([
        `${prefix}${snake(name)}`,
        `${prefix}${snake(name)}`,
      ]);
    }
    const { createOrganization } = await graph!.gateway.data<{ createOrganization: { id: string } }>(
      `mutation { createOrganization(input: { name: "浦东新区科技发展基金会", kind: ASSOCIATION }) { id } }`,
    );
    const { organization } = await graph!.gateway.data<{ organization: { name: string } | null }>(
      `query($id: ID!) { organization(id: $id) { name } }`,
      {
        id: createOrganization.id,
      },
    );
    expect(organization).toEqual({ name: '浦东新区科技发展基金会' });
    expect(sqlAsRoot(`SELECT name FROM \`${prefix}organizations\`.organization`).trim()).toBe('浦东新区科技发展基金会');
  });

  it("refuses a subgraph's connection any read of another subgraph's database", async () => {
    const organizations = graph!.subgraphs.organizations.db.dataSource;
    await expect(organizations.query(`SELECT COUNT(*) FROM \`${prefix}submissions\`.\`schema_migrations\``)).rejects.toMatchObject({
      code: 'ER_TABLEACCESS_DENIED_ERROR',
      message: expect.stringContaining(`SELECT command denied to user '${prefix}organizations'`),
    });
    await expect(organizations.query(`CREATE DATABASE \`${prefix}other\``)).rejects.toMatchObject({ code: 'ER_DBACCESS_DENIED_ERROR' });
    // The read model has the others' changes from their feeds only, never from their tables.
    const analytics = graph!.subgraphs.analytics.db.dataSource;
    await expect(analytics.query(`SELECT COUNT(*) FROM \`${prefix}organizations\`.\`schema_migrations\``)).rejects.toMatchObject({
      code: 'ER_TABLEACCESS_DENIED_ERROR',
      message: expect.stringContaining(`SELECT command denied to user '${prefix}analytics'`),
    });
    expect(sqlAsRoot(`SHOW DATABASES LIKE '${prefix}other'`).trim()).toBe('');
  });

  it("will not open another subgraph's database with a subgraph's credentials", async () => {
    const service = loadConfig(subgraphEnv(0), {
      DATABASE_URL: server,
      DATABASE_PREFIX: prefix,
      DATABASE_USER: `${prefix}organizations`,
      DATABASE_PASSWORD_FILE: passwordFile('organizations'),
    });
    await expect(
      openDatabase(SUBGRAPH_MODULES.honors.databaseSchema, { url: service.DATABASE_URL, prefix, dataDir: ':memory:', log: 'none' }),
    ).rejects.toMatchObject({ code: 'ER_DBACCESS_DENIED_ERROR' });
  });

  it('lets the notifier open its own database as its own user, and no subgraph’s', async () => {
    const credentials = {
      DATABASE_URL: server,
      DATABASE_PREFIX: prefix,
      DATABASE_USER: `${prefix}notifier`,
      DATABASE_PASSWORD_FILE: passwordFile('notifier'),
    };
    const own = await openDatabase(notifierSchema, {
      url: loadConfig(databaseEnv, credentials).DATABASE_URL,
      prefix,
      dataDir: ':memory:',
      log: 'none',
    });
    try {
      const [{ user }] = (await own.dataSource.query('SELECT CURRENT_USER() AS user')) as { user: string }[];
      expect(user).toBe(`${prefix}notifier@%`);
      await expect(own.dataSource.query(`SELECT COUNT(*) FROM \`${prefix}organizations\`.\`schema_migrations\``)).rejects.toMatchObject({
        code: 'ER_TABLEACCESS_DENIED_ERROR',
      });
    } finally {
      await own.dataSource.destroy();
    }
  });

  it('refuses the wrong password', async () => {
    const url = loadConfig(databaseEnv, {
      DATABASE_URL: server,
      DATABASE_USER: `${prefix}honors`,
      DATABASE_PASSWORD: 'not-the-secret',
    }).DATABASE_URL;
    await expect(
      openDatabase(SUBGRAPH_MODULES.honors.databaseSchema, { url, prefix, dataDir: ':memory:', log: 'none' }),
    ).rejects.toMatchObject({ code: 'ER_ACCESS_DENIED_ERROR' });
  });
});
