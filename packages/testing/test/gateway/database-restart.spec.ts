import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestGraph, startGraph } from '../../src';
import { capturedLogs } from '../telemetry/telemetry';

const MARIADBD = '/usr/sbin/mariadbd';
const INSTALL_DB = '/usr/bin/mariadb-install-db';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Whether a MySQL server greets on the port, as it does once it accepts clients. */
const greets = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('data', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(2000, () => done(false));
  });

/**
 * A MariaDB server of this test's own, on a free port and a throwaway data folder, so that
 * killing it touches nobody else (the machine's server on 3306 serves other tests meanwhile).
 */
async function privateMariadb() {
  for (const binary of [MARIADBD, INSTALL_DB]) {
    if (!existsSync(binary))
      throw new Error(`${binary} is missing: the database-restart test needs the MariaDB server (apt-get install mariadb-server)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'mg-mariadb-'));
  // --no-defaults: the machine's my.cnf names the shared server's port, socket and user.
  execFileSync(
    INSTALL_DB,
    ['--no-defaults', `--datadir=${dir}/data`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'],
    {
      stdio: 'pipe',
    },
  );
  const port = await freePort();
  let server: ChildProcess | undefined;
  const exited = (child: ChildProcess) =>
    new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));

  const start = async () => {
    server = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${dir}/data`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--socket=${dir}/sock`,
        `--pid-file=${dir}/pid`,
        `--log-error=${dir}/error.log`,
        '--user=root',
        '--skip-grant-tables',
        '--innodb-buffer-pool-size=32M',
        // Every commit on disk before it is acknowledged (the default, stated because the test rests on it).
        '--innodb-flush-log-at-trx-commit=1',
      ],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 20000;
    while (!(await greets(port))) {
      if (server.exitCode !== null || Date.now() > deadline) {
        throw new Error(
          `MariaDB did not start: ${existsSync(`${dir}/error.log`) ? readFileSync(`${dir}/error.log`, 'utf8').slice(-2000) : ''}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  await start();
  return {
    url: `mysql://root@127.0.0.1:${port}`,
    start,
    /** As a crash: no shutdown, nothing flushed that was not already. */
    async kill() {
      const child = server!;
      child.kill('SIGKILL');
      await exited(child);
    },
    async remove() {
      if (server) {
        server.kill('SIGKILL');
        await exited(server);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Write {
  name: string;
  id?: string;
  code?: string;
  message?: string;
  startedAt: number;
  endedAt: number;
}

describe('the database restarting under writes', () => {
  let db: Awaited<ReturnType<typeof privateMariadb>> | undefined;
  let graph: TestGraph | undefined;

  afterAll(async () => {
    jest.restoreAllMocks();
    await graph?.stop();
    await db?.remove();
  });

  it('loses no committed write, leaves no half-made one, and the services carry on once it is back', async () => {
    // The failures are logged, each under the reference its caller got; kept here to be checked.
    const { logger, lines: logged } = capturedLogs();
    db = await privateMariadb();
    graph = await startGraph({ location: { url: db.url, prefix: 'mgrestart_', dataDir: ':memory:', log: 'none' }, logger });
    const gateway = graph.gateway;
    const ready = graph.subgraphs.organizations.url.replace(/\/graphql$/, '/ready');
    const writes: Write[] = [];
    let seq = 0;
    let running = true;
    const writer = async () => {
      while (running) {
        const name = `重启测试工会 ${String(++seq).padStart(4, '0')}`;
        const startedAt = Date.now();
        const result = await gateway.request<{ createOrganization: { id: string } | null }>(
          `mutation($name: String!) { createOrganization(input: { name: $name, kind: DISTRICT_UNION }) { id } }`,
          { name },
        );
        const error = result.errors?.[0];
        writes.push({
          name,
          id: result.data?.createOrganization?.id,
          code: error?.extensions?.code,
          message: error?.message,
          startedAt,
          endedAt: Date.now(),
        });
      }
    };
    const writers = [writer(), writer(), writer()];
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

    await pause(1500);
    const killedAt = Date.now();
    await db.kill();
    await pause(1000);
    const unready = await fetch(ready).then((r) => r.status);
    await pause(500);
    const restartedAt = Date.now();
    await db.start();
    // Writes go on until the services have been writing again for a while.
    const deadline = Date.now() + 20000;
    while (writes.filter((w) => w.id && w.startedAt > restartedAt).length < 10 && Date.now() < deadline) await pause(100);
    running = false;
    await Promise.all(writers);

    expect(unready).toBe(503);
    expect(await fetch(ready).then((r) => r.status)).toBe(200);
    const before = writes.filter((w) => w.endedAt < killedAt);
    const down = writes.filter((w) => w.startedAt > killedAt + 100 && w.endedAt < restartedAt);
    const after = writes.filter((w) => w.startedAt > restartedAt);
    expect(before.filter((w) => w.id).length).toBeGreaterThan(5);
    expect(down.length).toBeGreaterThan(0);
    // While it is down a write fails cleanly: coded, masked, answered rather than left hanging.
    for (const w of down) {
      expect(w.id).toBeUndefined();
      expect(w.code).toBe('INTERNAL_SERVER_ERROR');
      expect(w.message).toMatch(/^Internal server error \(reference [0-9a-f-]{36}\)$/);
      const reference = /reference ([0-9a-f-]{36})/.exec(w.message!)![1]!;
      expect(logged.some((line) => line.errorId === reference && line.msg === 'unexpected error')).toBe(true);
    }
    expect(after.filter((w) => w.id).length).toBeGreaterThanOrEqual(10);

    const sql = graph.subgraphs.organizations.db.dataSource;
    const rows = (await sql.query(`SELECT id, name FROM organization WHERE name LIKE '重启测试工会 %'`)) as { id: string; name: string }[];
    const audited = (await sql.query(`SELECT entity_id AS id FROM audit_entry WHERE action = 'organization.create'`)) as { id: string }[];
    const stored = new Map(rows.map((r) => [r.id, r.name]));

    // Every acknowledged write is there, as it was acknowledged.
    for (const w of writes.filter((x) => x.id)) expect(stored.get(w.id!)).toBe(w.name);
    // Every write is there whole (the organization and its audit entry) or not at all.
    expect(new Set(audited.map((a) => a.id))).toEqual(new Set(stored.keys()));
    expect(audited).toHaveLength(rows.length);
    // Nothing was written twice, and nothing appeared that no one asked for.
    const names = rows.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    const asked = new Set(writes.map((w) => w.name));
    for (const name of names) expect(asked.has(name)).toBe(true);
    // The writes cut off in flight: each happened whole (its audit entry too) or not at all.
    const inFlight = writes.filter((w) => w.startedAt <= killedAt && w.endedAt >= killedAt);
    expect(inFlight.length).toBeGreaterThan(0);
    const auditedIds = new Set(audited.map((a) => a.id));
    for (const w of inFlight) {
      const id = rows.find((r) => r.name === w.name)?.id;
      if (id) expect(auditedIds.has(id)).toBe(true);
      else expect(w.id).toBeUndefined();
    }
  });
});
