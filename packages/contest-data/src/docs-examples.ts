/**
 * npm run docs:examples -w @meritgraph/contest-data
 *
 * Replays the 2019 contest into a throwaway platform (default seed) and writes the answers of
 * the README's "More examples" queries and of its analysts' questions (once the analytics read
 * model has read the feeds), asked with the token each names, into the README.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DEMAND_CONTROL } from '@meritgraph/subgraph-kit';
import { startGraph } from '@meritgraph/supergraph';
import { replay2019 } from './replay';
import { ANALYSTS_HEADING, EXAMPLES_HEADING, answersOf, readmeExamples, withAnswers } from './replay/readme-examples';

async function main() {
  const file = join(__dirname, '..', '..', '..', 'README.md');
  const graph = await startGraph({ subgraphTimeoutMs: 10 * 60_000, demand: { ...DEFAULT_DEMAND_CONTROL, mode: 'measure' } });
  try {
    await replay2019(graph);
    await graph.analytics.catchUp();
    for (const heading of [EXAMPLES_HEADING, ANALYSTS_HEADING]) {
      const readme = readFileSync(file, 'utf8');
      const examples = readmeExamples(readme, heading);
      const answers = await answersOf(graph, examples);
      const changed = answers.filter((a, i) => a !== examples[i]!.answer).length;
      writeFileSync(file, withAnswers(readme, examples, answers));
      console.log(`"${heading}": ${examples.length} examples answered by a fresh replay; ${changed} printed answers updated in ${file}`);
    }
  } finally {
    await graph.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
