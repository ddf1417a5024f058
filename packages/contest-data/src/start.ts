/**
 * npm start — the whole platform on embedded SQLite: the four subgraphs and the gateway as
 * separate processes (as in production), the sample data set loaded through the gateway,
 * then the URL and a sample query. Ctrl-C stops every process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { SERVICE_PORTS, SUBGRAPH_NAMES, gatewayEnv, loadConfig } from '@meritgraph/config';
import type { Identity } from '@meritgraph/domain';
import { ClientTokens } from '@meritgraph/subgraph-kit';
import { GraphClient } from '@meritgraph/testing';
import { SAMPLE_QUERY, loadSample } from './sample';

const ROOT = resolve(__dirname, '../../..');
const children: { name: string; process: ChildProcess }[] = [];
let stopping = false;

function startService(name: string, port: number, env: Record<string, string>): void {
  const entry = resolve(ROOT, 'apps', name, 'dist/main.js');
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${name}]`.padEnd(16);
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) console.log(`${prefix}${line}`);
    });
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${prefix}exited (${signal ?? code}); stopping the rest`);
    void stopAll(1);
  });
  children.push({ name, process: child });
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

async function stopAll(code: number): Promise<never> {
  stopping = true;
  await Promise.all(
    children.map(
      ({ process: child }) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 8000).unref();
        }),
    ),
  );
  process.exit(code);
}

async function main() {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  const env = loadConfig(gatewayEnv);
  const dataDir = process.env.DATA_DIR ?? resolve(ROOT, 'data');
  for (const name of SUBGRAPH_NAMES) startService(name, SERVICE_PORTS[name], { DATA_DIR: dataDir });
  await Promise.all(SUBGRAPH_NAMES.map((name) => waitUntilReady(name, SERVICE_PORTS[name])));
  startService('gateway', env.PORT, {});
  await waitUntilReady('gateway', env.PORT);

  const url = `http://127.0.0.1:${env.PORT}/graphql`;
  const tokens = new ClientTokens(env);
  const admin = await tokens.signDev({ roles: ['ADMIN'], sub: 'office-admin' });
  const sample = await loadSample(new GraphClient(url).with({ authorization: `Bearer ${admin}` }));
  const identities: Record<string, Omit<Identity, 'service'>> = {
    ADMIN: { roles: ['ADMIN'], sub: 'office-admin' },
    ORGANIZER: { roles: ['ORGANIZER'], org: sample.ids.organizer },
    SUBMITTER: { roles: ['SUBMITTER'], org: sample.ids.unit, sub: sample.ids.contact },
    EXPERT: { roles: ['EXPERT'], expert: 'sample-expert' },
    ANALYST: { roles: ['ANALYST'] },
    AGENCY: { roles: ['AGENCY'] },
  };
  const lines = await Promise.all(Object.entries(identities).map(async ([role, identity]) => `  ${role.padEnd(10)} ${await tokens.signDev(identity)}`));
  console.log(`
Sample data: ${sample.created ? 'loaded' : 'already present'} (contest 2019-sci-tech, ${sample.submissions} submissions) in ${dataDir}

Development tokens (12 h; send as "Authorization: Bearer <token>"; no token means anonymous):
${lines.join('\n')}

Try it as the contest office:
  curl -s ${url} -H 'content-type: application/json' -H 'authorization: Bearer ${admin}' \\
    -d '${JSON.stringify({ query: SAMPLE_QUERY.replace(/\s+/g, ' ') }).replace(/'/g, "'\\''")}'

Sample query:
${SAMPLE_QUERY}

MeritGraph is ready: ${url}  (Ctrl-C stops every service)`);
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
});
