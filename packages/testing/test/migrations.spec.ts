import { SUBGRAPH_NAMES } from '@meritgraph/config';
import { dropMysqlDatabase, openDatabase, pendingSchemaChanges } from '@meritgraph/db';
import { SUBGRAPH_MODULES } from '@meritgraph/supergraph';
import { throwawayLocation } from '../src';

const kind = process.env.DATABASE_URL ? 'MySQL' : 'SQLite';

describe(`migrations on ${kind}`, () => {
  it.each(SUBGRAPH_NAMES)('%s: applying every migration gives exactly the schema its entities describe', async (name) => {
    const db = await openDatabase(SUBGRAPH_MODULES[name].databaseSchema, throwawayLocation());
    try {
      expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
      // …and every migration can be undone, leaving none of the entities' tables behind.
      const applied = SUBGRAPH_MODULES[name].databaseSchema.migrations[db.target.kind] as unknown[];
      for (let i = 0; i < applied.length; i++) await db.dataSource.undoLastMigration();
      const runner = db.dataSource.createQueryRunner();
      const left = [];
      for (const { tableName } of db.dataSource.entityMetadatas) if (await runner.hasTable(tableName)) left.push(tableName);
      await runner.release();
      expect(left).toEqual([]);
    } finally {
      await db.dataSource.destroy();
      if (db.target.kind === 'mysql') await dropMysqlDatabase(db.target.server, db.target.database);
    }
  });
});

describe(`upgrading a database with data on ${kind}`, () => {
  it('keeps drafts written before submissions gained their content fields', async () => {
    const schema = SUBGRAPH_MODULES.submissions.databaseSchema;
    const target = process.env.DATABASE_URL ? 'mysql' : 'sqlite';
    const [initial, ...later] = schema.migrations[target] as (new () => { up(runner: unknown): Promise<void> })[];
    const db = await openDatabase({ ...schema, migrations: { sqlite: [initial!], mysql: [initial!] } }, throwawayLocation());
    try {
      await db.dataSource.query(
        `INSERT INTO submission (id, contest_id, organization_id, reference_number, title, title_key, summary, status, version, created_at, updated_at)
         VALUES ('s-1', 'c-1', 'o-1', NULL, 'Old draft', 'old draft', 'An early summary.', 'DRAFT', 1, '2019-05-01 08:00:00', '2019-05-01 08:00:00')`,
      );
      const runner = db.dataSource.createQueryRunner();
      for (const Migration of later) await new Migration().up(runner);
      await runner.release();
      const [row] = await db.dataSource.getRepository('Submission').findBy({ id: 's-1' });
      expect(row).toMatchObject({
        title: 'Old draft',
        summary: 'An early summary.',
        keywords: [],
        metrics: [],
        teamMemberIds: [],
        trackId: null,
      });
    } finally {
      await db.dataSource.destroy();
      if (db.target.kind === 'mysql') await dropMysqlDatabase(db.target.server, db.target.database);
    }
  });
});
