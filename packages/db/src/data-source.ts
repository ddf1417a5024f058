import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, DataSourceOptions, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './naming';
import { StatementLogger } from './logger';

// TypeORM types entity and migration lists this way.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = MixedList<Function>;

export type DatabaseKind = 'sqlite' | 'mysql';

/** What one subgraph needs to open its own database. */
export interface SubgraphSchema {
  /** The subgraph's name: organizations, submissions, expert-review or honors. */
  subgraph: string;
  entities: ClassList;
  migrations: Record<DatabaseKind, ClassList>;
  /** TypeORM subscribers, such as the change feed's writer. */
  subscribers?: ClassList;
}

export interface DatabaseLocation {
  /** mysql://user:pass@host:port; absent means embedded SQLite. */
  url?: string;
  /** A subgraph's own server URL (its own MySQL user), in place of `url`, by subgraph name. */
  urls?: Partial<Record<string, string>>;
  /** MySQL database name prefix; the subgraph's name completes it. */
  prefix: string;
  /** Folder of the SQLite files, or ':memory:' for a throwaway database. */
  dataDir: string;
  log?: 'none' | 'errors' | 'queries';
}

export interface MysqlServer {
  host: string;
  port: number;
  user: string;
  password: string;
}

export type DatabaseTarget =
  { kind: 'sqlite'; file: string } | { kind: 'mysql'; server: MysqlServer; database: string; flavor?: MysqlFlavor };

/** MySQL and MariaDB take the same migrations, but TypeORM reads their catalogs differently. */
export type MysqlFlavor = 'mysql' | 'mariadb';

/** mysql://user:pass@host:port — any database named in the path is ignored: each subgraph has its own. */
export function parseMysqlUrl(url: string): MysqlServer {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
  };
}

export function databaseTarget(subgraph: string, location: DatabaseLocation): DatabaseTarget {
  const name = subgraph.replace(/-/g, '_');
  const url = location.urls?.[subgraph] ?? location.url;
  if (url) return { kind: 'mysql', server: parseMysqlUrl(url), database: `${location.prefix}${name}` };
  return { kind: 'sqlite', file: location.dataDir === ':memory:' ? ':memory:' : join(location.dataDir, `${name}.sqlite`) };
}

/**
 * Creates the MySQL database if it is missing, in utf8mb4 so names in Chinese survive, and
 * tells whether the server is MySQL or MariaDB.
 */
export async function ensureMysqlDatabase(server: MysqlServer, database: string): Promise<MysqlFlavor> {
  const connection = await createConnection(server);
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test((rows as { version: string }[])[0]?.version ?? '') ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

export async function dropMysqlDatabase(server: MysqlServer, database: string): Promise<void> {
  const connection = await createConnection(server);
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await connection.end();
  }
}

export function dataSourceOptions(schema: SubgraphSchema, target: DatabaseTarget, logger: StatementLogger): DataSourceOptions {
  const common = {
    entities: schema.entities,
    subscribers: schema.subscribers ?? [],
    migrations: schema.migrations[target.kind],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each' as const,
    namingStrategy: new SnakeNamingStrategy(),
    logger,
    synchronize: false,
  };
  if (target.kind === 'sqlite') {
    return { ...common, type: 'better-sqlite3', database: target.file, enableWAL: target.file !== ':memory:' };
  }
  return {
    ...common,
    type: target.flavor ?? 'mysql',
    host: target.server.host,
    port: target.server.port,
    username: target.server.user,
    password: target.server.password,
    database: target.database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    connectTimeout: 10000,
    extra: { connectionLimit: 10, enableKeepAlive: true },
  };
}

export interface OpenDatabase {
  dataSource: DataSource;
  statements: StatementLogger;
  target: DatabaseTarget;
}

/**
 * Opens a subgraph's database: creates it if missing and applies pending migrations.
 * Schemas change only through migrations; `synchronize` is never used.
 */
export async function openDatabase(schema: SubgraphSchema, location: DatabaseLocation): Promise<OpenDatabase> {
  const target = databaseTarget(schema.subgraph, location);
  if (target.kind === 'mysql') target.flavor = await ensureMysqlDatabase(target.server, target.database);
  else if (target.file !== ':memory:') mkdirSync(location.dataDir, { recursive: true });
  const statements = new StatementLogger(schema.subgraph, location.log);
  const dataSource = new DataSource(dataSourceOptions(schema, target, statements));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  statements.reset();
  if (target.kind === 'sqlite') serializeTransactions(dataSource);
  return { dataSource, statements, target };
}

/**
 * On SQLite every transaction shares the one connection: two running at once would nest as
 * savepoints, see each other's uncommitted rows, and a rollback in one could undo the
 * other's work. So they run one after the other, as SQLite runs its writes anyway. MySQL
 * isolates transactions itself, with row locks where a rule needs them (see forUpdate).
 * A transaction must therefore never wait for another top-level one of the same database.
 */
function serializeTransactions(dataSource: DataSource): void {
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let queue: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    const run = queue.then(() => transaction(...args));
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }) as typeof manager.transaction;
}

/** The SQL that would still be needed to make the database match the entities: empty when migrations are complete. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}

/** Cheap liveness probe for /ready. */
export async function databaseIsReady(dataSource: DataSource): Promise<boolean> {
  if (!dataSource.isInitialized) return false;
  try {
    await dataSource.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies every table of one MySQL database into another (created if missing), rows and
 * indexes, inside the server: how a replayed template becomes a test's own databases.
 */
export async function copyMysqlDatabase(server: MysqlServer, from: string, to: string): Promise<void> {
  await ensureMysqlDatabase(server, to);
  const connection = await createConnection(server);
  try {
    await connection.query('SET FOREIGN_KEY_CHECKS = 0');
    const [tables] = await connection.query(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
      [from],
    );
    for (const { name } of tables as { name: string }[]) {
      await connection.query(`CREATE TABLE \`${to}\`.\`${name}\` LIKE \`${from}\`.\`${name}\``);
      await connection.query(`INSERT INTO \`${to}\`.\`${name}\` SELECT * FROM \`${from}\`.\`${name}\``);
    }
  } finally {
    await connection.end();
  }
}
