import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RESTART_POLICY, Supervisor, isCrash, nextRestart } from './supervisor';

describe('the restart policy', () => {
  const policy = DEFAULT_RESTART_POLICY;

  it('waits half a second after a first crash, doubling with each crash in a row up to 30 s', () => {
    const delays: number[] = [];
    let crashes = 0;
    for (let i = 0; i < 10; i++) {
      const next = nextRestart(policy, crashes, 1000);
      delays.push(next.delayMs);
      crashes = next.crashesInARow;
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
    expect(crashes).toBe(10);
  });

  it('starts again from half a second once the service has run a minute', () => {
    expect(nextRestart(policy, 7, 59_999)).toEqual({ delayMs: 30000, crashesInARow: 8 });
    expect(nextRestart(policy, 7, 60_000)).toEqual({ delayMs: 500, crashesInARow: 1 });
  });

  it('stays at the longest wait however long the crashes go on', () => {
    expect(nextRestart(policy, 5000, 0).delayMs).toBe(30000);
  });

  it('restarts on a failure code or a signal, not on a clean exit', () => {
    expect(isCrash(1, null)).toBe(true);
    expect(isCrash(null, 'SIGKILL')).toBe(true);
    expect(isCrash(134, null)).toBe(true);
    expect(isCrash(0, null)).toBe(false);
  });
});

describe('a supervised process', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mg-supervisor-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const fast = { firstDelayMs: 50, maxDelayMs: 200, stableAfterMs: 60_000 };
  // Appends a line per start to `runs`; crashes on the first `crashes` starts, then keeps running.
  const script = (runs: string, crashes: number) => `
    const fs = require('node:fs');
    fs.appendFileSync(${JSON.stringify(runs)}, 'run\\n');
    const n = fs.readFileSync(${JSON.stringify(runs)}, 'utf8').split('\\n').filter(Boolean).length;
    console.log('started ' + n);
    if (n <= ${crashes}) { console.error('boom'); process.exit(3); }
    process.on('SIGTERM', () => process.exit(0));
    setInterval(() => {}, 1000);
  `;
  const runsIn = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
  const until = async (check: () => boolean, timeoutMs = 10000) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('is started again after each crash, with the crash and the restart logged, while it keeps crashing', async () => {
    const runs = join(dir, 'runs');
    const log: string[] = [];
    const output: string[] = [];
    const supervisor = new Supervisor({
      name: 'tiny',
      command: process.execPath,
      args: ['-e', script(runs, 2)],
      policy: fast,
      log: (m) => log.push(m),
      output: (line) => output.push(line),
    });
    supervisor.start();
    try {
      await until(() => output.includes('started 3'));
      expect(supervisor.restarts).toBe(2);
      expect(log.filter((m) => m.startsWith('crashed (code 3)'))).toHaveLength(2);
      expect(log.find((m) => m.startsWith('crashed'))).toMatch(/restarting in 0\.1 s \(crash 1 in a row\)/);
      expect(log.filter((m) => m.startsWith('crashed'))[1]).toMatch(/restarting in 0\.1 s \(crash 2 in a row\)/);
      expect(log.filter((m) => m.startsWith('restarted (pid '))).toHaveLength(2);
      expect(output.filter((l) => l === 'boom')).toHaveLength(2);
    } finally {
      await supervisor.stop();
    }
    expect(runsIn(runs)).toBe(3);
  });

  it('stops for good on stop(): the process ends and no restart follows', async () => {
    const runs = join(dir, 'runs');
    const supervisor = new Supervisor({ name: 'tiny', command: process.execPath, args: ['-e', script(runs, 0)], policy: fast });
    supervisor.start();
    await until(() => {
      try {
        return runsIn(runs) === 1;
      } catch {
        return false;
      }
    });
    const pid = supervisor.pid!;
    await supervisor.stop();
    expect(() => process.kill(pid, 0)).toThrow();
    await new Promise((r) => setTimeout(r, 300));
    expect(runsIn(runs)).toBe(1);
  });

  it('cancels a restart still waiting when it is stopped', async () => {
    const runs = join(dir, 'runs');
    const log: string[] = [];
    const slow = { ...fast, firstDelayMs: 400 };
    const supervisor = new Supervisor({
      name: 'tiny',
      command: process.execPath,
      args: ['-e', script(runs, 5)],
      policy: slow,
      log: (m) => log.push(m),
    });
    supervisor.start();
    await until(() => log.some((m) => m.startsWith('crashed')));
    await supervisor.stop();
    await new Promise((r) => setTimeout(r, 700));
    expect(runsIn(runs)).toBe(1);
    expect(supervisor.restarts).toBe(0);
  });

  it('leaves a process that exited cleanly by itself (it was asked to stop) stopped', async () => {
    const log: string[] = [];
    const supervisor = new Supervisor({
      name: 'done',
      command: process.execPath,
      args: ['-e', 'process.exit(0)'],
      policy: fast,
      log: (m) => log.push(m),
    });
    supervisor.start();
    await until(() => log.length > 0);
    await new Promise((r) => setTimeout(r, 200));
    expect(log).toEqual([expect.stringMatching(/^exited \(code 0\) after .*; not restarted$/)]);
    expect(supervisor.restarts).toBe(0);
  });

  it('kills a process that ignores SIGTERM after the stop timeout', async () => {
    const stubborn = `process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000);`;
    const output: string[] = [];
    const supervisor = new Supervisor({
      name: 'stubborn',
      command: process.execPath,
      args: ['-e', stubborn],
      stopTimeoutMs: 300,
      output: (l) => output.push(l),
    });
    supervisor.start();
    await until(() => output.includes('up'));
    const pid = supervisor.pid!;
    await supervisor.stop();
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
