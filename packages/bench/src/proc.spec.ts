import { cpuMsBetween, parseClockTicks, parsePeakRssMiB, parseProcStat, readCpuTicks } from './proc';

describe('reading CPU time from /proc', () => {
  it('takes utime and stime (fields 14 and 15) of a stat line', () => {
    const line = '4242 (node) S 1 4242 4242 0 -1 4194304 9151 0 0 0 731 95 0 0 20 0 11 0 1234 1143734272 14000 18446744073709551615';
    expect(parseProcStat(line)).toEqual({ utime: 731, stime: 95 });
  });

  it('counts fields from the last parenthesis, so a command name with spaces and parentheses does not shift them', () => {
    const line = '77 (my (odd) name) R 1 77 77 0 -1 4194304 10 0 0 0 12 3 0 0 20 0 1 0 99 1000 10';
    expect(parseProcStat(line)).toEqual({ utime: 12, stime: 3 });
  });

  it('refuses a line that is not a stat line', () => {
    expect(() => parseProcStat('no parentheses here')).toThrow(/not a \/proc/);
    expect(() => parseProcStat('1 (x) S 1')).toThrow(/no utime\/stime/);
  });

  it('reads this very process, whose CPU time only grows', () => {
    const before = readCpuTicks(process.pid);
    const until = Date.now() + 60;
    while (Date.now() < until); // burn a little CPU
    const after = readCpuTicks(process.pid);
    expect(after.utime + after.stime).toBeGreaterThanOrEqual(before.utime + before.stime);
  });

  it('turns a tick delta into milliseconds with the clock rate getconf gives', () => {
    expect(cpuMsBetween({ utime: 100, stime: 20 }, { utime: 130, stime: 25 }, 100)).toBe(350);
    expect(cpuMsBetween({ utime: 0, stime: 0 }, { utime: 250, stime: 0 }, 250)).toBe(1000);
    expect(parseClockTicks('100\n')).toBe(100);
    expect(() => parseClockTicks('undefined\n')).toThrow(/CLK_TCK/);
  });

  it('reads the peak resident memory from /proc/<pid>/status', () => {
    expect(parsePeakRssMiB('Name:\tnode\nVmPeak:\t 1000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t 1 kB\n')).toBe(200);
    expect(parsePeakRssMiB('Name:\tnode\n')).toBeUndefined();
  });
});
