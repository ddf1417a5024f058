import { type ChildProcess, spawn } from 'node:child_process';

export interface ServiceSpec {
  name: string;
  /** The script node runs. */
  script: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  heapMb: number;
}

/**
 * One service as its own node process, for the length of the benchmark. Unlike `npm start`'s
 * supervisor it never restarts: a process that dies mid-measurement makes the figures
 * worthless, so its exit is reported (onExit) and the run stops. Its lines go to stderr with
 * its name in front; the last ones are kept for the error message.
 */
export class Service {
  private child: ChildProcess | undefined;
  private stopping = false;
  private readonly recent: string[] = [];
  exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  constructor(
    readonly spec: ServiceSpec,
    private readonly onExit: (service: Service) => void,
  ) {}

  get pid(): number {
    if (!this.child?.pid) throw new Error(`${this.spec.name} is not running`);
    return this.child.pid;
  }

  /** The last lines it wrote. */
  get lastLines(): string {
    return this.recent.join('\n');
  }

  start(): void {
    const { script, env, cwd, heapMb, name } = this.spec;
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const prefix = `[${name}]`.padEnd(16);
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) this.line(prefix, line);
      });
      stream?.on('end', () => this.line(prefix, rest));
    }
    child.on('error', (error) => this.line(prefix, `could not start: ${error.message}`));
    child.on('exit', (code, signal) => {
      this.exited = { code, signal };
      if (!this.stopping) this.onExit(this);
    });
  }

  private line(prefix: string, line: string): void {
    if (!line.trim()) return;
    this.recent.push(line);
    if (this.recent.length > 20) this.recent.shift();
    process.stderr.write(`${prefix}${line}\n`);
  }

  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || this.exited || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  }

  /** SIGKILL at once: the last resort when the benchmark itself is exiting. */
  kill(): void {
    this.stopping = true;
    if (this.child && !this.exited) this.child.kill('SIGKILL');
  }
}

/** Polls `url` until it answers 2xx; fails early when the service has exited. */
export async function waitUntilAnswers(service: Service, url: string, init: RequestInit = {}, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.exited) {
      throw new Error(
        `${service.spec.name} exited (${service.exited.signal ?? `code ${service.exited.code}`}) before it was ready:\n${service.lastLines}`,
      );
    }
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${service.spec.name} did not answer ${url} within ${timeoutMs / 1000} s:\n${service.lastLines}`);
}
