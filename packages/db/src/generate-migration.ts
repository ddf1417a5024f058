/**
 * npm run migration:generate -- <subgraph> <Name>
 *
 * Writes the migration that brings a subgraph's database to its entities, once for SQLite
 * and once for MySQL (a scratch database on DATABASE_URL, default mysql://root@127.0.0.1:3306).
 */
import { join, resolve } from 'node:path';
import { generateMigration } from './migrations';
import type { SubgraphSchema } from './data-source';

async function main() {
  const [subgraph, name] = process.argv.slice(2);
  if (!subgraph || !name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    console.error('usage: npm run migration:generate -- <subgraph> <PascalCaseName>');
    process.exit(2);
  }
  const app = resolve(__dirname, '../../../apps', subgraph);
  const { schema } = require(join(app, 'dist/database.js')) as { schema: SubgraphSchema };
  const timestamp = Date.now();
  for (const kind of ['sqlite', 'mysql'] as const) {
    const file = await generateMigration({
      schema,
      kind,
      name,
      timestamp,
      dir: join(app, 'src/migrations', kind),
      mysqlUrl: process.env.DATABASE_URL,
    });
    console.log(file ? `${kind}: wrote ${file}` : `${kind}: schema is current, nothing to write`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
