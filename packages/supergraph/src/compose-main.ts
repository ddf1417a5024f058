/**
 * npm run compose — rebuilds supergraph.graphql from the subgraphs' resolvers and lists the
 * changes that could break existing clients, each with its note from breaking-changes.ts
 * (or flagged where it has none). Commit the result: the gateway loads it
 * statically, and a test fails while it is stale. `-- --check` only reports, and exits 1
 * when the committed file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SUPERGRAPH_FILE, readSupergraph } from '@meritgraph/gateway';
import { reportBreakingChanges } from './breaking-changes';
import { API_SCHEMA_FILE, breakingChanges, composeSupergraph, printApiSchema } from './compose';

async function main() {
  const { supergraphSdl, errors, hints } = await composeSupergraph();
  if (!supergraphSdl) {
    console.error(`Composition failed:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    process.exit(1);
  }
  for (const hint of hints) console.warn(`hint: ${hint}`);
  let previous = '';
  try {
    previous = readSupergraph();
  } catch {
    // first composition
  }
  const api = printApiSchema(supergraphSdl);
  const apiCurrent = existsSync(API_SCHEMA_FILE) && readFileSync(API_SCHEMA_FILE, 'utf8') === api;
  if (previous === supergraphSdl && apiCurrent) {
    console.log(`${SUPERGRAPH_FILE} and ${API_SCHEMA_FILE} are current`);
    return;
  }
  const report = reportBreakingChanges(previous ? breakingChanges(previous, supergraphSdl) : []);
  for (const line of report.lines) console.warn(line);
  if (report.unacknowledged.length > 0) {
    console.warn(
      `${report.unacknowledged.length} breaking change(s) have no note for clients in packages/supergraph/src/breaking-changes.ts`,
    );
  }
  if (process.argv.includes('--check')) {
    console.error(`${SUPERGRAPH_FILE} or ${API_SCHEMA_FILE} is stale: run npm run compose`);
    process.exit(1);
  }
  writeFileSync(SUPERGRAPH_FILE, supergraphSdl);
  writeFileSync(API_SCHEMA_FILE, api);
  console.log(`wrote ${SUPERGRAPH_FILE} and ${API_SCHEMA_FILE}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
