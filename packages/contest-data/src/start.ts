/**
 * npm start — the whole platform on embedded SQLite: on a fresh database, the 2019 contest
 * replayed through the API first; then the five subgraphs (the four contexts and the
 * analytics read model) and the gateway as separate processes (as in production), each
 * restarted if it crashes, and the URLs, a token per role and the figures query. Ctrl-C stops
 * every process.
 */
import { resolve } from 'node:path';
import { SERVICE_PORTS, SUBGRAPH_NAMES, analyticsEnv, gatewayEnv, loadConfig, withDevelopmentSecrets, z } from '@meritgraph/config';
import type { Identity } from '@meritgraph/domain';
import { ClientTokens } from '@meritgraph/subgraph-kit';
import { GraphClient } from '@meritgraph/supergraph';
import { CONTEST_CODE, FIGURES_QUERY, configuredLocation, figuresTable, replayInto } from './replay';
import { Supervisor } from './supervisor';

const ROOT = resolve(__dirname, '../../..');
const services: Supervisor[] = [];
let stopping = false;

/** How much heap each service may use: a leak or a runaway request ends in a restart, not in the machine swapping. */
const startEnv = z.object({ SERVICE_HEAP_MB: z.coerce.number().int().min(64).max(65536).default(512) });

function startService(name: string, port: number, env: NodeJS.ProcessEnv, heapMb: number): void {
  const prefix = `[${name}]`.padEnd(16);
  const service = new Supervisor({
    name,
    command: process.execPath,
    args: [`--max-old-space-size=${heapMb}`, resolve(ROOT, 'apps', name, 'dist/main.js')],
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    output: (line) => console.log(`${prefix}${line}`),
    log: (message) => console.error(`${prefix}${message}`),
  });
  service.start();
  services.push(service);
}

async function waitUntilReady(name: string, port: number, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} was not ready on port ${port} after ${timeoutMs / 1000}s`);
}

async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(services.map((service) => service.stop()));
  process.exit(code);
}

/** Who the printed tokens speak for: real records of the replayed contest. */
const IDENTITIES_QUERY = `query($code: String!) {
  unions: organizations(nameContains: "浦东新区总工会", kind: DISTRICT_UNION, first: 1) { nodes { id } }
  contest(code: $code) { submissions(search: "隧道内镜", first: 1) { nodes { organization { id } leader { id } } } }
  experts(track: "AI", title: PROFESSOR, first: 1) { nodes { id person { id } } }
}`;

async function main() {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  const dataDir = resolve(process.env.DATA_DIR ?? resolve(ROOT, 'data'));
  // Unless they are set, the secrets are the installation's, made in DATA_DIR on the first start; every service and
  // `npm run token` read them from there.
  const serviceEnv = { ...process.env, DATA_DIR: dataDir };
  const env = loadConfig(gatewayEnv, withDevelopmentSecrets(serviceEnv));
  const { SERVICE_HEAP_MB } = loadConfig(startEnv, process.env);
  const location = configuredLocation(serviceEnv);
  // A fresh database gets the 2019 contest, replayed through the API before the services start.
  const run = await replayInto(location, { log: (line) => console.log(`[replay]        ${line}`) });
  if (run.result) {
    const { lines, ok } = figuresTable(run.result.figures, 1);
    console.log(lines.map((l) => `[replay]        ${l}`).join('\n'));
    if (!ok) throw new Error('The 2019 replay did not reach the report’s figures');
  }

  for (const name of SUBGRAPH_NAMES) startService(name, SERVICE_PORTS[name], serviceEnv, SERVICE_HEAP_MB);
  await Promise.all(SUBGRAPH_NAMES.map((name) => waitUntilReady(name, SERVICE_PORTS[name])));
  startService('gateway', env.PORT, serviceEnv, SERVICE_HEAP_MB);
  await waitUntilReady('gateway', env.PORT);

  const url = `http://127.0.0.1:${env.PORT}/graphql`;
  const tokens = new ClientTokens(env);
  const admin = await tokens.signDev({ roles: ['ADMIN'], sub: 'office-admin' });
  const ids = await new GraphClient(url).with({ authorization: `Bearer ${admin}` }).data<{
    unions: { nodes: { id: string }[] };
    contest: { submissions: { nodes: { organization: { id: string }; leader: { id: string } }[] } };
    experts: { nodes: { id: string; person: { id: string } }[] };
  }>(IDENTITIES_QUERY, { code: CONTEST_CODE });
  const achievement = ids.contest.submissions.nodes[0]!;
  const expert = ids.experts.nodes[0]!;
  const identities: Record<string, Omit<Identity, 'service'>> = {
    ADMIN: { roles: ['ADMIN'], sub: 'office-admin' },
    ORGANIZER: { roles: ['ORGANIZER'], org: ids.unions.nodes[0]!.id, sub: 'organizer-pudong' },
    SUBMITTER: { roles: ['SUBMITTER'], org: achievement.organization.id, sub: achievement.leader.id },
    EXPERT: { roles: ['EXPERT'], expert: expert.id, sub: expert.person.id },
    ANALYST: { roles: ['ANALYST'], sub: 'analyst' },
    AGENCY: { roles: ['AGENCY'], sub: 'agency' },
  };
  const lines = await Promise.all(
    Object.entries(identities).map(async ([role, identity]) => `  ${role.padEnd(10)} ${await tokens.signDev(identity)}`),
  );
  const variables = JSON.stringify({ code: CONTEST_CODE });
  console.log(`
The 2019 contest (${CONTEST_CODE}): ${run.replayed ? 'replayed through the API just now' : 'already present'}, in ${location.url ? `MySQL (${location.prefix}*)` : dataDir}

Development tokens (12 h; send as "Authorization: Bearer <token>"; no token means anonymous):
${lines.join('\n')}
  (ORGANIZER: 浦东新区总工会; SUBMITTER: 复旦大学附属中山医院; EXPERT: a professor of the AI judges)

Try it as the contest office:
  curl -s ${url} -H 'content-type: application/json' -H 'authorization: Bearer ${admin}' \\
    -d '${JSON.stringify({ query: FIGURES_QUERY.replace(/\s+/g, ' '), variables: JSON.parse(variables) }).replace(/'/g, "'\\''")}'

The contest's figures in one query (variables ${variables}):
${FIGURES_QUERY}

Services: gateway ${url}; ${SUBGRAPH_NAMES.map((name) => `${name} :${SERVICE_PORTS[name]}`).join(', ')}
  (analytics reads the others' change feeds every ${loadConfig(analyticsEnv, process.env).ANALYTICS_POLL_MS} ms; ask it through the gateway: { analytics { cube(…) } })

MeritGraph is ready: ${url}  (Ctrl-C stops every service)`);
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
});
