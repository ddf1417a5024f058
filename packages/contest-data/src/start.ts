/**
 * npm start — the whole platform on embedded SQLite: on a fresh database, the 2019 contest
 * replayed through the API first; then the five subgraphs (the four contexts and the
 * analytics read model), the gateway, the web console and the notifier as separate processes (as in
 * production), each restarted if it crashes, and the URLs, a token per role and the figures query. Ctrl-C stops
 * every process.
 */
import { join, resolve } from 'node:path';
import {
  NOTIFIER_PORT,
  SERVICE_PORTS,
  SUBGRAPH_NAMES,
  WEB_PORT,
  analyticsEnv,
  gatewayEnv,
  loadConfig,
  notifierEnv,
  withDevelopmentSecrets,
  z,
} from '@meritgraph/config';
import { ClientTokens, useShortKeepAliveClient } from '@meritgraph/subgraph-kit';
import { GraphClient } from '@meritgraph/supergraph';
import { developmentIdentities } from './identities';
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

async function main() {
  useShortKeepAliveClient();
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
  const identities = await developmentIdentities(new GraphClient(url).with({ authorization: `Bearer ${admin}` }));
  // The console's sign-in picker offers the same identities, with tokens it signs when asked.
  const webPort = Number(process.env.WEB_PORT ?? WEB_PORT);
  startService(
    'web',
    webPort,
    { ...serviceEnv, GATEWAY_URL: `http://127.0.0.1:${env.PORT}`, DEV_IDENTITIES: JSON.stringify(identities) },
    SERVICE_HEAP_MB,
  );
  await waitUntilReady('web', webPort);
  // The notifier turns the feeds' changes into notifications: the inboxes, and mail by SMTP_URL or into a folder.
  startService('notifier', NOTIFIER_PORT, { ...serviceEnv, NOTIFIER_CONSOLE_URL: `http://127.0.0.1:${webPort}` }, SERVICE_HEAP_MB);
  await waitUntilReady('notifier', NOTIFIER_PORT);
  const notifier = loadConfig(notifierEnv, withDevelopmentSecrets(serviceEnv));
  const smtp = notifier.SMTP_URL ? new URL(notifier.SMTP_URL) : null;
  const mailGoesTo = smtp ? `${smtp.protocol}//${smtp.host}` : (notifier.NOTIFIER_MAIL_DIR ?? join(dataDir, 'mail'));
  const lines = await Promise.all(identities.map(async ({ role, claims }) => `  ${role.padEnd(10)} ${await tokens.signDev(claims)}`));
  const variables = JSON.stringify({ code: CONTEST_CODE });
  console.log(`
The 2019 contest (${CONTEST_CODE}): ${run.replayed ? 'replayed through the API just now' : 'already present'}, in ${location.url ? `MySQL (${location.prefix}*)` : dataDir}

Development tokens (12 h; send as "Authorization: Bearer <token>"; no token means anonymous):
${lines.join('\n')}
${identities.map(({ role, label }) => `  (${role}: ${label})`).join('\n')}

Try it as the contest office:
  curl -s ${url} -H 'content-type: application/json' -H 'authorization: Bearer ${admin}' \\
    -d '${JSON.stringify({ query: FIGURES_QUERY.replace(/\s+/g, ' '), variables: JSON.parse(variables) }).replace(/'/g, "'\\''")}'

The contest's figures in one query (variables ${variables}):
${FIGURES_QUERY}

The web console: http://127.0.0.1:${webPort}  (sign in as any of the identities above)

Services: gateway ${url}; ${SUBGRAPH_NAMES.map((name) => `${name} :${SERVICE_PORTS[name]}`).join(', ')}
  (analytics reads the others' change feeds every ${loadConfig(analyticsEnv, process.env).ANALYTICS_POLL_MS} ms; ask it through the gateway: { analytics { cube(…) } })
Notifications: the notifier (:${NOTIFIER_PORT}) reads the feeds every ${notifier.NOTIFIER_POLL_MS} ms into the inboxes (console /inbox); mail goes to ${mailGoesTo}

MeritGraph is ready: console http://127.0.0.1:${webPort}, graph ${url}  (Ctrl-C stops every service)`);
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
});
