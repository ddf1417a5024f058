import { ErrorCode } from '../errors';
import { MAX_TIME_BUCKETS, dayOf, timeBuckets, weekOf } from './time';

const refused = (field: string) => expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, field });

describe(dayOf.name, () => {
  it('names the UTC day a moment falls on', () => {
    expect(dayOf('2026-03-01')).toBe('2026-03-01');
    // 23:30 in New York is 04:30 the next morning UTC; 07:30 in Beijing is still the previous day UTC.
    expect(dayOf('2026-03-01T23:30:00-05:00')).toBe('2026-03-02');
    expect(dayOf('2026-03-02T07:30:00+08:00')).toBe('2026-03-01');
    expect(dayOf(new Date(Date.UTC(2026, 2, 1, 23, 59, 59, 999)))).toBe('2026-03-01');
  });

  it('refuses what is not a date, and a timestamp without its zone', () => {
    for (const date of ['2026-02-30', 'yesterday', '2026-03-01T10:00', new Date(Number.NaN)]) {
      expect(() => dayOf(date)).toThrow(refused('date'));
    }
  });
});

describe(weekOf.name, () => {
  it('names an ISO week by its Monday', () => {
    expect(weekOf('2026-03-02')).toBe('2026-03-02'); // a Monday
    expect(weekOf('2026-03-08T23:59:59Z')).toBe('2026-03-02'); // the Sunday closing that week
    expect(weekOf('2026-03-09T00:00:00Z')).toBe('2026-03-09');
  });

  it('crosses month, year and epoch boundaries', () => {
    expect(weekOf('2027-01-01')).toBe('2026-12-28'); // a Friday
    expect(weekOf('1969-12-31')).toBe('1969-12-29'); // a Wednesday, before 1970
  });

  it('refuses what is not a date', () => {
    expect(() => weekOf('2026-13-01')).toThrow(refused('date'));
  });
});

describe(timeBuckets.name, () => {
  it('lists every week of a range, so empty weeks show as zeros', () => {
    // Wednesday 4 March to Friday 20 March 2026 touches the weeks of 2, 9 and 16 March.
    expect(timeBuckets('2026-03-04', '2026-03-20', 'WEEK')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
  });

  it('lists every day of a range, across the end of February', () => {
    expect(timeBuckets('2026-02-27T12:00:00Z', new Date(Date.UTC(2026, 2, 2, 8)), 'DAY')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });

  it('gives one bucket for a range within one day or week', () => {
    expect(timeBuckets('2026-03-01', '2026-03-01', 'DAY')).toEqual(['2026-03-01']);
    expect(timeBuckets('2026-03-03', '2026-03-08', 'WEEK')).toEqual(['2026-03-02']);
  });

  it('allows up to the cap of buckets and refuses a longer range', () => {
    const last = new Date(Date.UTC(2026, 0, 1) + (MAX_TIME_BUCKETS - 1) * 86_400_000);
    expect(timeBuckets('2026-01-01', last, 'DAY')).toHaveLength(MAX_TIME_BUCKETS);
    expect(() => timeBuckets('2026-01-01', new Date(last.getTime() + 86_400_000), 'DAY')).toThrow(refused('to'));
  });

  it('refuses a range that ends before it starts, bad dates and an unknown unit', () => {
    expect(() => timeBuckets('2026-03-02', '2026-03-01', 'DAY')).toThrow(refused('to'));
    expect(() => timeBuckets('soon', '2026-03-01', 'DAY')).toThrow(refused('from'));
    expect(() => timeBuckets('2026-03-01', '2026-03-01', 'MONTH' as never)).toThrow(refused('unit'));
  });
});
