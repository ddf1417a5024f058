import { SERVICE_PORTS, type SubgraphName } from '@meritgraph/config';
import type { GraphClient, InProcessGraph as TestGraph } from '@meritgraph/supergraph';
import { type TokenClaims, type TokenNote, anonymousNull, tokenClaims } from '../src/replay/readme-examples';

/**
 * The `curl` calls a document shows (a ```sh block, followed by the abridged answer in a ```json
 * block), read as a reader would type them: the URL's port names the service, `-d` the body,
 * and the token is the one its `TOKEN=$(npm run --silent token -- …)` line makes, in this block
 * or an earlier one. The text before a call (or, when it says nothing of tokens, the section's
 * introduction) says what anonymous callers get.
 */
export interface DocumentedCall {
  /** The service the URL names. */
  service: 'gateway' | SubgraphName;
  body: { query: string; variables?: Record<string, unknown> };
  /** Whether the call sends `authorization: Bearer $TOKEN`. */
  authorized: boolean;
  note: TokenNote;
  /** The answer shown, parsed. */
  printed: unknown;
  /** The first line of the query, to name the call in a failure. */
  title: string;
}

/** Where a cursor from an earlier answer goes, as the documents write it. */
export const CURSOR_PLACEHOLDER = '<endCursor>';

export function documentedCalls(markdown: string, heading: string, what: string): DocumentedCall[] {
  const from = markdown.indexOf(heading);
  if (from < 0) throw new Error(`${what} has no "${heading}"`);
  const next = markdown.indexOf('\n## ', from + heading.length);
  const section = markdown.slice(from, next < 0 ? markdown.length : next);
  const block = /```sh\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/g;
  const intro = section.slice(0, section.indexOf('```'));
  const calls: DocumentedCall[] = [];
  let previous = 0;
  let token: TokenClaims | null = null;
  for (let m = block.exec(section); m; m = block.exec(section)) {
    const [, shell, answer] = m;
    const url = /curl -s http:\/\/127\.0\.0\.1:(\d+)\/graphql/.exec(shell!);
    const data = /-d '([^']*)'/.exec(shell!);
    if (!url || !data) throw new Error(`${what}: a shell block without a curl call to a graph: ${shell}`);
    const service = (Object.keys(SERVICE_PORTS) as (keyof typeof SERVICE_PORTS)[]).find((s) => SERVICE_PORTS[s] === Number(url[1]));
    if (!service) throw new Error(`${what}: no service listens on ${url[1]} by default`);
    const made = /TOKEN=\$\(npm run --silent token -- ([^|)]+)\| tail -n 1\)/.exec(shell!);
    if (made) token = tokenClaims(made[1]!);
    const before = section.slice(previous, m.index);
    const authorized = shell!.includes('-H "authorization: Bearer $TOKEN"');
    if (authorized && !token) throw new Error(`${what}: $TOKEN is used before a TOKEN=$(npm run --silent token -- … | tail -n 1) line`);
    const note: TokenNote = {
      token: authorized ? token : null,
      anonymousNull: anonymousNull(/[Aa]nonymous\s+callers/.test(before) ? before : intro, what),
    };
    const body = JSON.parse(data[1]!) as DocumentedCall['body'];
    calls.push({
      service,
      body,
      authorized,
      note,
      printed: JSON.parse(answer!),
      title: body.query.split('{')[0]!.trim() || body.query.slice(0, 40),
    });
    previous = m.index + m[0].length;
  }
  return calls;
}

/** Makes the call as written (with the cursor where it shows CURSOR_PLACEHOLDER); anonymous: without its token. */
export async function makeCall(
  graph: TestGraph,
  call: DocumentedCall,
  options: { anonymous?: boolean; cursor?: string | null } = {},
): Promise<{ status: number; body: { data?: unknown; errors?: unknown[] } }> {
  let client: GraphClient = call.service === 'gateway' ? graph.anonymous : graph.direct(call.service);
  if (call.note.token && !options.anonymous) {
    client = client.with({ authorization: `Bearer ${await graph.auth.client.signDev(call.note.token)}` });
  }
  const variables = JSON.parse(
    JSON.stringify(call.body.variables ?? {}).replaceAll(`"${CURSOR_PLACEHOLDER}"`, JSON.stringify(options.cursor ?? null)),
  );
  const result = await client.request(call.body.query, variables);
  const body: { data?: unknown; errors?: unknown[] } = {};
  if (result.data !== undefined) body.data = result.data;
  if (result.errors !== undefined) body.errors = result.errors;
  return { status: result.status, body };
}

/**
 * What `printed` shows that `actual` lacks, by path: objects need every printed key, and each
 * element of a printed list must be in the actual list (an abridged answer leaves fields and
 * rows out, and must not show any that are not there).
 */
export function missingFrom(actual: unknown, printed: unknown, path = '$'): string[] {
  if (Array.isArray(printed)) {
    if (!Array.isArray(actual)) return [`${path} is not a list`];
    return printed.flatMap((item, i) =>
      actual.some((a) => missingFrom(a, item).length === 0) ? [] : [`${path}[${i}] ${JSON.stringify(item)}`],
    );
  }
  if (printed && typeof printed === 'object') {
    if (!actual || typeof actual !== 'object') return [`${path} is not an object`];
    return Object.entries(printed).flatMap(([k, v]) => missingFrom((actual as Record<string, unknown>)[k], v, `${path}.${k}`));
  }
  return Object.is(actual, printed) ? [] : [`${path}: ${JSON.stringify(actual)} where the document prints ${JSON.stringify(printed)}`];
}

/** The answer with the field at this path (list indices left out) null wherever it occurs. */
export function withNull(answer: unknown, path: string): unknown {
  const [key, ...rest] = path.split('.');
  if (Array.isArray(answer)) return answer.map((item) => withNull(item, path));
  if (!answer || typeof answer !== 'object' || !key) return answer;
  const record = answer as Record<string, unknown>;
  if (!(key in record)) return answer;
  return { ...record, [key]: rest.length ? withNull(record[key], rest.join('.')) : null };
}

/** The paths of an answer's errors, list indices left out, with their codes: "experts FORBIDDEN". */
export const errorPaths = (errors: unknown[] | undefined): string[] =>
  [
    ...new Set(
      (errors ?? []).map((e) => {
        const { path, extensions } = e as { path?: (string | number)[]; extensions?: { code?: string } };
        return `${(path ?? []).filter((p) => typeof p === 'string').join('.')} ${extensions?.code}`;
      }),
    ),
  ].sort();
