import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  DatabaseKind,
  DatabaseTarget,
  SubgraphSchema,
  dataSourceOptions,
  dropMysqlDatabase,
  ensureMysqlDatabase,
  parseMysqlUrl,
} from './data-source';
import { StatementLogger } from './logger';

const escape = (sql: string) => sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

/** Renders a TypeORM migration class from the statements the schema builder proposes. */
export function renderMigration(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) => queries.map((q) => `    await queryRunner.query(\`${escape(q)}\`);`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

/** Rewrites `index.ts` of a migrations folder: every migration, oldest first. */
export function writeMigrationIndex(dir: string): void {
  const files = readdirSync(dir)
    .filter((f) => /^\d+-.+\.ts$/.test(f))
    .sort();
  const imports = files.map((f) => {
    const base = f.replace(/\.ts$/, '');
    const [stamp, ...rest] = base.split('-');
    return { base, className: `${rest.join('')}${stamp}` };
  });
  writeFileSync(
    join(dir, 'index.ts'),
    `// Written by \`npm run migration:generate\`: every migration of this folder, oldest first.\n` +
      imports.map((i) => `import { ${i.className} } from './${i.base}';\n`).join('') +
      `\nexport const migrations = [${imports.map((i) => i.className).join(', ')}];\n`,
  );
}

/**
 * Applies the existing migrations to a scratch database of the given kind, asks TypeORM
 * which statements would bring it to the entities, and writes them as a new migration.
 * Returns the file written, or null when the schema is already current.
 */
export async function generateMigration(opts: {
  schema: SubgraphSchema;
  kind: DatabaseKind;
  dir: string;
  name: string;
  mysqlUrl?: string;
  timestamp?: number;
}): Promise<string | null> {
  const target: DatabaseTarget =
    opts.kind === 'sqlite'
      ? { kind: 'sqlite', file: ':memory:' }
      : {
          kind: 'mysql',
          server: parseMysqlUrl(opts.mysqlUrl ?? 'mysql://root@127.0.0.1:3306'),
          database: `mg_generate_${process.pid}_${Date.now()}`,
        };
  if (target.kind === 'mysql') target.flavor = await ensureMysqlDatabase(target.server, target.database);
  const dataSource = new DataSource(dataSourceOptions(opts.schema, target, new StatementLogger('generate', 'none')));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) return null;
    const stamp = opts.timestamp ?? Date.now();
    const className = `${opts.name}${stamp}`;
    const file = join(opts.dir, `${stamp}-${opts.name}.ts`);
    writeFileSync(
      file,
      renderMigration(
        className,
        sql.upQueries.map((q) => q.query),
        sql.downQueries.map((q) => q.query).reverse(),
      ),
    );
    writeMigrationIndex(opts.dir);
    return file;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    if (target.kind === 'mysql') await dropMysqlDatabase(target.server, target.database);
  }
}
