import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One GraphQL operation of the README, with the variables the README gives for it. */
export interface ReadmeOperation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

const README = resolve(__dirname, '../../../../README.md');
const SECTIONS = ['## The 2019 contest in one query', '### More examples'];

/** The text of a section: from its heading to the next heading of any level. */
function section(readme: string, heading: string): string {
  const from = readme.indexOf(`\n${heading}\n`);
  if (from < 0) throw new Error(`the README has no "${heading}" section`);
  const body = readme.slice(from + heading.length + 2);
  const next = body.search(/^#{1,6} /m);
  return next < 0 ? body : body.slice(0, next);
}

/**
 * The operations of the README's "The 2019 contest in one query" and "More examples", as
 * printed: each ```graphql block, and the variables the prose gives (`(variables {...})`),
 * which every later operation declaring the same variables takes too.
 */
export function readmeOperations(readme = readFileSync(README, 'utf8')): ReadmeOperation[] {
  const operations: ReadmeOperation[] = [];
  let documented: Record<string, unknown> = {};
  for (const heading of SECTIONS) {
    const text = section(readme, heading);
    const block = /```graphql\n([\s\S]*?)```/g;
    let prose = 0;
    for (let m = block.exec(text); m; m = block.exec(text)) {
      const before = text.slice(prose, m.index);
      const given = /variables `(\{[^`]*\})`/.exec(before);
      if (given) documented = JSON.parse(given[1]!) as Record<string, unknown>;
      const query = m[1]!;
      const name = /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
      if (!name) throw new Error(`a README operation has no name: ${query.slice(0, 60)}`);
      const declared = [...query.matchAll(/\$(\w+)\s*:/g)].map((v) => v[1]!);
      const missing = declared.filter((v) => !(v in documented));
      if (missing.length) throw new Error(`the README gives no value for $${missing.join(', $')} of ${name}`);
      operations.push({ name, query, variables: Object.fromEntries(declared.map((v) => [v, documented[v]])) });
      prose = m.index + m[0].length;
    }
  }
  return operations;
}
