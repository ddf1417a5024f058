import { type ChildProcess, spawn } from 'node:child_process';

/** When a crashed service is started again. */
export interface RestartPolicy {
  /** The wait before the first restart. */
  firstDelayMs: number;
  /** The wait doubles with each crash in a row, up to this. */
  maxDelayMs: number;
  /** A service that ran this long before it crashed starts the count again. */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { firstDelayMs: 500, maxDelayMs: 30_000, stableAfterMs: 60_000 };

/**
 * The wait before restarting a service that crashed after running `ranForMs`, when it had
 * already crashed `crashesInARow` times in a row before; and the count to carry to the next
 * crash. A service that ran for a while is a new first crash, so one bad night does not
 * leave it on the longest wait for good.
 */
export function nextRestart(policy: RestartPolicy, crashesInARow: number, ranForMs: number): { delayMs: number; crashesInARow: number } {
  const previous = ranForMs >= policy.stableAfterMs ? 0 : crashesInARow;
  const delayMs = Math.min(policy.firstDelayMs * 2 ** Math.min(previous, 30), policy.maxDelayMs);
  return { delayMs, crashesInARow: previous + 1 };
}

/** Whether an exit is a crash: a failure code or a signal nobody here sent. A clean exit (0) is a service that was asked to stop. */
export const isCrash = (code: number | null, signal: NodeJS.Signals | null): boolean => signal !== null || (code ?? 0) !== 0;

export interface SupervisedProcess {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  policy?: RestartPolicy;
  /** Each line the process writes, on stdout or stderr. */
  output?: (line: string) => void;
  /** What the supervisor does: crashes, restarts. */
  log?: (message: string) => void;
  /** How long a process may take to stop after SIGTERM before it is killed. */
  stopTimeoutMs?: number;
}

/**
 * Keeps one process running: a crash is logged and the process started again after the
 * policy's wait, while the others carry on. `stop()` ends it for good.
 */
export class Supervisor {
  private child: ChildProcess | undefined;
  private startedAt = 0;
  private crashesInARow = 0;
  private pending: NodeJS.Timeout | undefined;
  private stopping = false;
  /** How many times the process was started again after a crash. */
  restarts = 0;

  constructor(private readonly options: SupervisedProcess) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    if (this.stopping) return;
    const { command, args, env, cwd } = this.options;
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.startedAt = Date.now();
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) this.options.output?.(line);
      });
      stream?.on('end', () => rest.trim() && this.options.output?.(rest));
    }
    child.on('error', (error) => this.options.log?.(`could not start: ${error.message}`));
    child.on('exit', (code, signal) => this.exited(child, code, signal));
  }

  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    this.child = undefined;
    if (this.stopping) return;
    const ranForMs = Date.now() - this.startedAt;
    const how = signal ?? `code ${code}`;
    if (!isCrash(code, signal)) {
      this.options.log?.(`exited (${how}) after ${seconds(ranForMs)}; not restarted`);
      return;
    }
    const next = nextRestart(this.options.policy ?? DEFAULT_RESTART_POLICY, this.crashesInARow, ranForMs);
    this.crashesInARow = next.crashesInARow;
    this.options.log?.(
      `crashed (${how}) after ${seconds(ranForMs)}; restarting in ${seconds(next.delayMs)} (crash ${next.crashesInARow} in a row)`,
    );
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.restarts += 1;
      this.start();
      this.options.log?.(`restarted (pid ${this.child?.pid ?? '?'})`);
    }, next.delayMs);
  }

  /** Stops the process (SIGTERM, then SIGKILL after the timeout) and any restart still waiting. */
  stop(): Promise<void> {
    this.stopping = true;
    if (this.pending) clearTimeout(this.pending);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((done) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), this.options.stopTimeoutMs ?? 8000);
      child.once('exit', () => {
        clearTimeout(kill);
        done();
      });
      child.kill('SIGTERM');
    });
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
