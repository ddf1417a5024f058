import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The CPU a process has used so far, in clock ticks: user and system time of all its threads. */
export interface CpuTicks {
  utime: number;
  stime: number;
}

/**
 * utime and stime from the text of /proc/<pid>/stat. The second field, the command name, is in
 * parentheses and may itself hold spaces and parentheses, so fields are counted from the last
 * ")": after it come state (field 3) … utime (14) and stime (15), as proc(5) numbers them.
 */
export function parseProcStat(text: string): CpuTicks {
  const end = text.lastIndexOf(')');
  if (end < 0) throw new Error(`not a /proc/<pid>/stat line: ${text.slice(0, 80)}`);
  const fields = text
    .slice(end + 1)
    .trim()
    .split(/\s+/);
  // fields[0] is field 3 (state), so field n is fields[n - 3].
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isInteger(utime) || !Number.isInteger(stime)) throw new Error(`no utime/stime in /proc/<pid>/stat: ${text.slice(0, 120)}`);
  return { utime, stime };
}

/** The ticks of a running process; throws when it is gone. */
export const readCpuTicks = (pid: number): CpuTicks => parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));

/** Clock ticks per second, as `getconf CLK_TCK` reports it (the unit of /proc's utime and stime). */
export function clockTicksPerSecond(): number {
  const text = execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return parseClockTicks(text);
}

export function parseClockTicks(text: string): number {
  const ticks = Number(text.trim());
  if (!Number.isInteger(ticks) || ticks <= 0) throw new Error(`getconf CLK_TCK gave ${JSON.stringify(text)}, not a positive whole number`);
  return ticks;
}

/** CPU milliseconds between two readings of one process. */
export const cpuMsBetween = (before: CpuTicks, after: CpuTicks, ticksPerSecond: number): number =>
  ((after.utime + after.stime - before.utime - before.stime) * 1000) / ticksPerSecond;

/** The peak resident memory of a process (VmHWM in /proc/<pid>/status), in MiB; undefined when not reported. */
export function parsePeakRssMiB(status: string): number | undefined {
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) / 1024 : undefined;
}

export const readPeakRssMiB = (pid: number): number | undefined => parsePeakRssMiB(readFileSync(`/proc/${pid}/status`, 'utf8'));
