import { OPERATION_KEYS, type OperationKey, WORKLOADS, type Workload } from './operations';

export interface BenchOptions {
  scales: number[];
  /** Seconds per measurement. */
  duration: number;
  /** Seconds of the warm-up pass of each side before an operation's measurements. */
  warmup: number;
  connections: number;
  only: OperationKey[];
  workloads: Workload[];
  /** Replay the data sets again even when present. */
  fresh: boolean;
  /** Only make the data sets (replay what is missing), measure nothing. */
  prepare: boolean;
  quick: boolean;
  /** Our gateway listens here, the four subgraphs on the next four ports, Hive Gateway on the one after. */
  portBase: number;
  help: boolean;
}

export const DEFAULTS: Omit<BenchOptions, 'quick' | 'help' | 'fresh' | 'prepare'> = {
  scales: [1, 100],
  duration: 10,
  warmup: 3,
  connections: 20,
  only: [...OPERATION_KEYS],
  workloads: [...WORKLOADS],
  portBase: 4400,
};

/** What --quick changes, unless the option is given too: a smoke run of a few seconds per operation. */
export const QUICK = { scales: [1], duration: 1, warmup: 1, connections: 5 };

export const USAGE = `npm run bench:gateway -- [options]

Our gateway and Hive Gateway side by side, on the same supergraph, subgraphs and replayed data.

  --scales 1,100       data sets to measure (replayed once into .bench/scale-<N>, reused after)
  --duration 10        seconds per measurement (each side is measured twice: ours, Hive, ours, Hive)
  --warmup 3           seconds of warm-up per side before an operation's measurements
  --connections 20     concurrent connections
  --only list,story    operations: ${OPERATION_KEYS.join(', ')}
  --workloads diverse  workloads: ${WORKLOADS.join(', ')}
  --fresh              replay the data sets again
  --prepare            only make the data sets (replay what is missing), measure nothing
  --port-base 4400     ports: ours N, subgraphs N+1..N+4, Hive Gateway N+5
  --quick              smoke run: scale ${QUICK.scales.join(',')}, ${QUICK.duration} s, ${QUICK.warmup} s warm-up, ${QUICK.connections} connections
  --help`;

export class UsageError extends Error {}

const positive = (name: string, value: string | undefined, max: number): number => {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n <= 0 || n > max)
    throw new UsageError(`--${name} takes a positive number up to ${max}`);
  return n;
};

const whole = (name: string, value: string | undefined, max: number): number => {
  const n = positive(name, value, max);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} takes a whole number`);
  return n;
};

function list<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T[] {
  const items = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = items.filter((i) => !allowed.includes(i as T));
  if (!items.length || unknown.length)
    throw new UsageError(`--${name} takes some of ${allowed.join(', ')}${unknown.length ? ` (not ${unknown.join(', ')})` : ''}`);
  // In the canonical order, each once.
  return allowed.filter((a) => items.includes(a));
}

/** The command line, with --quick's settings for what it does not give. */
export function parseArgs(argv: readonly string[]): BenchOptions {
  const given: Partial<BenchOptions> = {};
  let quick = false;
  let fresh = false;
  let prepare = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--quick':
        quick = true;
        break;
      case '--fresh':
        fresh = true;
        break;
      case '--prepare':
        prepare = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      case '--scales':
        given.scales = [...new Set((value() ?? '').split(',').map((s) => whole('scales', s.trim(), 1000)))].sort((a, b) => a - b);
        break;
      case '--duration':
        given.duration = positive('duration', value(), 3600);
        break;
      case '--warmup':
        given.warmup = positive('warmup', value(), 600);
        break;
      case '--connections':
        given.connections = whole('connections', value(), 1000);
        break;
      case '--only':
        given.only = list('only', value(), OPERATION_KEYS);
        break;
      case '--workloads':
        given.workloads = list('workloads', value(), WORKLOADS);
        break;
      case '--port-base':
        given.portBase = whole('port-base', value(), 65530);
        break;
      default:
        throw new UsageError(`unknown option ${arg}\n\n${USAGE}`);
    }
  }
  return { ...DEFAULTS, ...(quick ? QUICK : {}), ...given, quick, fresh, prepare, help };
}
