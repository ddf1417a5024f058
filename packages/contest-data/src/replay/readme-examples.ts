import { parseArgs } from 'node:util';
import type { Identity, Role } from '@meritgraph/domain';
import type { GraphClient } from '@meritgraph/supergraph';
import { CONTEST_CODE } from './replay';

/**
 * The README's example queries. Each says, in the text before it, the token it needs (as the
 * `npm run token -- …` line that makes it, or "No token needed") and what an anonymous caller
 * gets instead; each query under "More examples" is followed by its answer, as a fresh replay
 * gives it. These read the queries, their notes and answers out of the README, ask the queries
 * with the token each names and write the answers back, so the printed answers are the
 * replay's and a test can tell when they are stale or when a note is wrong.
 */

export const EXAMPLES_HEADING = '### More examples';
/** The analysts' questions, asked of the analytics read model once it has read the feeds. */
export const ANALYSTS_HEADING = '## For analysts';
export const FIGURES_HEADING = '## The 2019 contest in one query';

/** The claims of a token as `npm run token` makes them. */
export type TokenClaims = Omit<Identity, 'service'>;

/** What the text before a documented query says about who may run it. */
export interface TokenNote {
  /** The token the query needs; null when it needs none. */
  token: TokenClaims | null;
  /**
   * What anonymous callers get: the documented answer with these fields null (paths from the
   * root, list indices left out), each with a FORBIDDEN error; none when they get it all.
   */
  anonymousNull: string[];
}

export interface Example {
  query: string;
  /** The operation's name. */
  name: string;
  note: TokenNote;
  /** The printed answer, as written. */
  answer: string;
  /** Where the printed answer's text starts and ends in the README. */
  start: number;
  end: number;
}

/** The claims of `npm run token -- <args>`, read as the script reads them. */
export function tokenClaims(args: string): TokenClaims {
  const { values } = parseArgs({
    args: args.trim().split(/\s+/),
    options: {
      role: { type: 'string', multiple: true },
      org: { type: 'string' },
      expert: { type: 'string' },
      sub: { type: 'string' },
      hours: { type: 'string' },
    },
  });
  if (!values.role?.length) throw new Error(`npm run token -- ${args}: no --role`);
  const claims: TokenClaims = { roles: values.role.map((r) => r.toUpperCase() as Role) };
  if (values.org) claims.org = values.org;
  if (values.expert) claims.expert = values.expert;
  if (values.sub) claims.sub = values.sub;
  return claims;
}

/** What a text says anonymous callers get: "Anonymous callers get the same answer[ with `a.b` … null …]". */
export function anonymousNull(text: string, what: string): string[] {
  const anonymous = /[Aa]nonymous\s+callers(?:\s+\([^)]*\))?\s+get\s([\s\S]*?)[.:](?:\s|$)/.exec(text);
  if (!anonymous) throw new Error(`${what} does not say what anonymous callers get`);
  if (!/the\s+same\s+answers?/.test(anonymous[1]!)) throw new Error(`${what}: "Anonymous callers get the same answer…" expected`);
  return [...anonymous[1]!.matchAll(/`([a-z]\w*(?:\.[a-z]\w*)*)`/g)].map((m) => m[1]!);
}

/**
 * The token note in a text: "Token: `npm run token -- …`" or "No token needed", and (where
 * `anonymous`) the sentence on anonymous callers.
 */
export function tokenNote(text: string, what: string, anonymous = true): TokenNote {
  const command = /`npm run (?:--silent )?token -- ([^`|]+?)(?:\s*\|[^`]*)?`/.exec(text);
  if (!command && !/No token needed/.test(text)) throw new Error(`${what} does not say which token it needs`);
  return { token: command ? tokenClaims(command[1]!) : null, anonymousNull: anonymous ? anonymousNull(text, what) : [] };
}

/**
 * The query/answer pairs of a README section (the examples, or the analysts' questions), in
 * order, with their token notes; the analysts' say nothing of anonymous callers.
 */
export function readmeExamples(readme: string, heading = EXAMPLES_HEADING): Example[] {
  const from = readme.indexOf(heading);
  if (from < 0) throw new Error(`the README has no "${heading}" section`);
  const next = readme.indexOf('\n#', from + heading.length);
  const section = readme.slice(0, next < 0 ? readme.length : next);
  const pair = /```graphql\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/g;
  pair.lastIndex = from;
  const examples: Example[] = [];
  let previous = from;
  for (let m = pair.exec(section); m; m = pair.exec(section)) {
    const start = m.index + m[0].length - 3 - m[2]!.length;
    const name = /^\s*query (\w+)/.exec(m[1]!)?.[1] ?? '(anonymous operation)';
    const note = tokenNote(readme.slice(previous, m.index), `the README's ${name} example`, heading === EXAMPLES_HEADING);
    examples.push({ query: m[1]!, name, note, answer: m[2]!, start, end: start + m[2]!.length });
    previous = m.index + m[0].length;
  }
  return examples;
}

/** The figures query of the README, its token note and its abridged answer (not rewritten: a test checks that it is in the answer). */
export function figuresExample(readme: string): { query: string; note: TokenNote; answer: string } {
  const from = readme.indexOf(FIGURES_HEADING);
  if (from < 0) throw new Error(`the README has no "${FIGURES_HEADING}" section`);
  const block = /```graphql\n([\s\S]*?)```[\s\S]*?```json\n([\s\S]*?)```/.exec(readme.slice(from));
  if (!block) throw new Error('the figures section has no query and answer');
  const note = tokenNote(readme.slice(from, from + block.index), "the README's figures query");
  return { query: block[1]!, note, answer: block[2]! };
}

/** A gateway as a test or script reaches it: anonymously, or with a token for some claims. */
export interface Callers {
  anonymous: GraphClient;
  as(roles: Role | Role[], claims?: Omit<Identity, 'roles' | 'service'>): Promise<GraphClient>;
}

/** The gateway called with the token a note names (none when it needs none). */
export const callerFor = (callers: Callers, note: TokenNote): Promise<GraphClient> =>
  note.token ? callers.as([...note.token.roles], note.token) : Promise.resolve(callers.anonymous);

/** The variables the README's queries take: the contest's code, where they have `$code`. */
export const variablesOf = (query: string): Record<string, unknown> => (query.includes('$code') ? { code: CONTEST_CODE } : {});

/** An answer as the README prints it. */
export const printed = (data: unknown): string => `${JSON.stringify(data, null, 1)}\n`;

/** Asks each example's query with the token its note names; resolves to the printed answers. */
export async function answersOf(callers: Callers, examples: readonly Example[]): Promise<string[]> {
  const answers: string[] = [];
  for (const e of examples) answers.push(printed(await (await callerFor(callers, e.note)).data(e.query, variablesOf(e.query))));
  return answers;
}

/** The README with each example's printed answer replaced. */
export function withAnswers(readme: string, examples: readonly Example[], answers: readonly string[]): string {
  let out = readme;
  for (let i = examples.length - 1; i >= 0; i--) out = out.slice(0, examples[i]!.start) + answers[i]! + out.slice(examples[i]!.end);
  return out;
}
