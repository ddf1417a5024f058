import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The committed supergraph, at the repository root. */
export const SUPERGRAPH_FILE = resolve(__dirname, '../../../supergraph.graphql');

/** The gateway serves the committed supergraph as it is: it never composes or introspects at start. */
export function readSupergraph(path: string = SUPERGRAPH_FILE): string {
  if (!existsSync(path)) throw new Error(`No supergraph at ${path}: run npm run compose`);
  return readFileSync(path, 'utf8');
}
