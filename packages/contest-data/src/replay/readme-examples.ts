import type { GraphClient } from '@meritgraph/supergraph';
import { CONTEST_CODE } from './replay';

/**
 * The README's "More examples": each GraphQL query there is followed by its answer, as a
 * fresh replay gives it. These read the pairs out of the README, ask the queries and write the
 * answers back, so the printed answers are the replay's and a test can tell when they are stale.
 */

export const EXAMPLES_HEADING = '### More examples';

export interface Example {
  query: string;
  /** The printed answer, as written. */
  answer: string;
  /** Where the printed answer's text starts and ends in the README. */
  start: number;
  end: number;
}

/** The query/answer pairs of the README's examples section, in order. */
export function readmeExamples(readme: string): Example[] {
  const from = readme.indexOf(EXAMPLES_HEADING);
  if (from < 0) throw new Error(`the README has no "${EXAMPLES_HEADING}" section`);
  const next = readme.indexOf('\n#', from + EXAMPLES_HEADING.length);
  const section = readme.slice(0, next < 0 ? readme.length : next);
  const pair = /```graphql\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/g;
  pair.lastIndex = from;
  const examples: Example[] = [];
  for (let m = pair.exec(section); m; m = pair.exec(section)) {
    const start = m.index + m[0].length - 3 - m[2]!.length;
    examples.push({ query: m[1]!, answer: m[2]!, start, end: start + m[2]!.length });
  }
  return examples;
}

/** An answer as the README prints it. */
export const printed = (data: unknown): string => `${JSON.stringify(data, null, 1)}\n`;

/** Asks each example's query (with the contest's code where it takes one); resolves to the printed answers. */
export async function answersOf(client: GraphClient, examples: readonly Example[]): Promise<string[]> {
  const answers: string[] = [];
  for (const e of examples) answers.push(printed(await client.data(e.query, e.query.includes('$code') ? { code: CONTEST_CODE } : {})));
  return answers;
}

/** The README with each example's printed answer replaced. */
export function withAnswers(readme: string, examples: readonly Example[], answers: readonly string[]): string {
  let out = readme;
  for (let i = examples.length - 1; i >= 0; i--) out = out.slice(0, examples[i]!.start) + answers[i]! + out.slice(examples[i]!.end);
  return out;
}
