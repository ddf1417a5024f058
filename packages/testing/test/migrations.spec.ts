import { SUBGRAPH_NAMES } from '@meritgraph/config';
import { dropMysqlDatabase, openDatabase, pendingSchemaChanges } from '@meritgraph/db';
import { SUBGRAPHS, throwawayLocation } from '../src';

const kind = process.env.DATABASE_URL ? 'MySQL' : 'SQLite';

describe(`migrations on ${kind}`, () => {
  it.each(SUBGRAPH_NAMES)('%s: applying every migration gives exactly the schema its entities describe', async (name) => {
    const db = await openDatabase(SUBGRAPHS[name].databaseSchema, throwawayLocation());
    try {
      expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
      // …and every migration can be undone, leaving none of the entities' tables behind.
      const applied = SUBGRAPHS[name].databaseSchema.migrations[db.target.kind] as unknown[];
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
