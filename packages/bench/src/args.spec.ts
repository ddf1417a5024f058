import { DEFAULTS, QUICK, UsageError, parseArgs } from './args';

describe('the command line', () => {
  it('measures scales 1 and 100, 10 s per measurement, 20 connections, every operation and workload by default', () => {
    expect(parseArgs([])).toEqual({ ...DEFAULTS, quick: false, fresh: false, prepare: false, help: false });
    expect(DEFAULTS).toMatchObject({ scales: [1, 100], duration: 10, connections: 20 });
    expect(DEFAULTS.only).toEqual(['contest', 'list', 'leaderboard', 'story', 'agency']);
  });

  it('makes --quick a smoke run of scale 1, whose settings the other options still override', () => {
    expect(parseArgs(['--quick'])).toMatchObject({ ...QUICK, quick: true });
    expect(parseArgs(['--quick', '--duration', '3'])).toMatchObject({ scales: [1], duration: 3, connections: 5 });
  });

  it('takes lists in canonical order, each once, and values with = too', () => {
    expect(parseArgs(['--only', 'story,list,story', '--scales=100,1', '--workloads', 'diverse'])).toMatchObject({
      only: ['list', 'story'],
      scales: [1, 100],
      workloads: ['diverse'],
    });
    expect(parseArgs(['--fresh', '--prepare', '--port-base', '5000', '--warmup', '0.5'])).toMatchObject({
      fresh: true,
      prepare: true,
      portBase: 5000,
      warmup: 0.5,
    });
  });

  it('refuses unknown options and bad values, naming them', () => {
    expect(() => parseArgs(['--only', 'everything'])).toThrow(
      new UsageError('--only takes some of contest, list, leaderboard, story, agency (not everything)'),
    );
    expect(() => parseArgs(['--duration', '-1'])).toThrow(/--duration takes a positive number/);
    expect(() => parseArgs(['--connections', '2.5'])).toThrow(/--connections takes a whole number/);
    expect(() => parseArgs(['--scales'])).toThrow(/--scales/);
    expect(() => parseArgs(['--fast'])).toThrow(/unknown option --fast/);
  });
});
