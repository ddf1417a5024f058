/**
 * npm run migration:generate -- <subgraph> <Name>
 *
 * Writes the migration that brings a subgraph's database to its entities, once for SQLite
 * and once for MySQL (a scratch database on DATABASE_URL, default mysql://root@127.0.0.1:3306),
 * into the subgraph's `src/migrations/<kind>/`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateMigration } from '@meritgraph/db';
import { SUBGRAPH_MODULES, SUBGRAPH_NAMES, type SubgraphName } from './subgraphs';

/** The folder of the package a resolved module file belongs to. */
function packageRoot(file: string): string {
  let dir = dirname(file);
  while (!existsSync(join(dir, 'package.json'))) {
    if (dirname(dir) === dir) throw new Error(`No package.json above ${file}`);
    dir = dirname(dir);
  }
  return dir;
}

async function main() {
  const [subgraph, name] = process.argv.slice(2);
  if (!subgraph || !(SUBGRAPH_NAMES as readonly string[]).includes(subgraph) || !name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    console.error(`usage: npm run migration:generate -- <${SUBGRAPH_NAMES.join('|')}> <PascalCaseName>`);
    process.exit(2);
  }
  const { workspace, databaseSchema } = SUBGRAPH_MODULES[subgraph as SubgraphName];
  const root = packageRoot(require.resolve(workspace));
  const timestamp = Date.now();
  for (const kind of ['sqlite', 'mysql'] as const) {
    const file = await generateMigration({
      schema: databaseSchema,
      kind,
      name,
      timestamp,
      dir: join(root, 'src/migrations', kind),
      mysqlUrl: process.env.DATABASE_URL,
    });
    console.log(file ? `${kind}: wrote ${file}` : `${kind}: schema is current, nothing to write`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
