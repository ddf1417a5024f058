import { ErrorCode } from '../errors';
import { MAX_HISTOGRAM_BUCKETS, MEASURE_KINDS, histogram, measure } from './measure';

const refused = (field: string) => expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, field });

describe(measure.name, () => {
  // Eight scores: Σ = 2 + 4 + 4 + 4 + 5 + 5 + 7 + 9 = 40, mean 40 / 8 = 5.
  // Squared deviations 9, 1, 1, 1, 0, 0, 4, 16 sum to 32; sample variance 32 / 7, STDDEV √(32/7) = 2.1381.
  // Median: the 4th and 5th of eight, (4 + 5) / 2 = 4.5.
  const scores = [2, 4, 4, 4, 5, 5, 7, 9];

  it('gives count, sum, mean, median, min, max and sample standard deviation of a cell', () => {
    expect(measure('COUNT', scores)).toBe(8);
    expect(measure('SUM', scores)).toBe(40);
    expect(measure('MEAN', scores)).toBe(5);
    expect(measure('MEDIAN', scores)).toBe(4.5);
    expect(measure('MIN', scores)).toBe(2);
    expect(measure('MAX', scores)).toBe(9);
    expect(measure('STDDEV', scores)).toBe(2.1381);
  });

  it('interpolates percentiles between the closest ranks, as Excel PERCENTILE.INC', () => {
    // h = (5 − 1) × 40/100 = 1.6: x[1] + 0.6 × (x[2] − x[1]) = 20 + 0.6 × 15 = 29.
    const values = [50, 15, 40, 20, 35];
    expect(measure('PERCENTILE', values, { percentile: 40 })).toBe(29);
    expect(measure('PERCENTILE', values, { percentile: 25 })).toBe(20);
    expect(measure('PERCENTILE', values, { percentile: 0 })).toBe(15);
    expect(measure('PERCENTILE', values, { percentile: 100 })).toBe(50);
    expect(measure('PERCENTILE', scores, { percentile: 50 })).toBe(measure('MEDIAN', scores));
  });

  it('gives a rate as the share of yes records, from 0/1 or booleans', () => {
    expect(measure('RATE', [1, 0, 1, 1])).toBe(0.75);
    expect(measure('RATE', [true, false, false])).toBe(0.3333);
    expect(measure('RATE', [false])).toBe(0);
  });

  it('rounds to four decimals and gives the same figure whatever the order of the records', () => {
    expect(measure('MEAN', [0.1, 0.2])).toBe(0.15);
    expect(measure('SUM', [0.1, 0.2])).toBe(0.3);
    expect(measure('MEAN', [1, 1, 2])).toBe(1.3333);
    expect(measure('STDDEV', [...scores].reverse())).toBe(measure('STDDEV', scores));
  });

  it('has no figure for an empty cell, except a count of 0', () => {
    for (const kind of MEASURE_KINDS) {
      expect(measure(kind, [], { percentile: 90 })).toBe(kind === 'COUNT' ? 0 : null);
    }
  });

  it('gives a single record as its own figure, but no spread', () => {
    expect(measure('MEDIAN', [7])).toBe(7);
    expect(measure('PERCENTILE', [7], { percentile: 90 })).toBe(7);
    expect(measure('STDDEV', [7])).toBeNull();
  });

  it('refuses values that are not finite numbers, naming the value', () => {
    expect(() => measure('MEAN', [1, Number.NaN])).toThrow(refused('values[1]'));
    expect(() => measure('SUM', [Number.POSITIVE_INFINITY])).toThrow(refused('values[0]'));
  });

  it('refuses a rate over values other than 0 and 1', () => {
    expect(() => measure('RATE', [1, 0.5])).toThrow(refused('values[1]'));
  });

  it('refuses a percentile that is missing or outside 0..100', () => {
    for (const percentile of [undefined, null, -1, 100.5, Number.NaN]) {
      expect(() => measure('PERCENTILE', scores, { percentile })).toThrow(refused('percentile'));
    }
  });

  it('refuses an unknown kind', () => {
    expect(() => measure('MODE' as never, scores)).toThrow(refused('kind'));
  });
});

describe(histogram.name, () => {
  it('counts values into fixed-width buckets aligned to the width, empty buckets included', () => {
    // Start ⌊3/10⌋ × 10 = 0; the largest value 45 lies in the fifth bucket, [40, 50].
    expect(histogram([3, 12, 17, 45], { width: 10 })).toEqual([
      { from: 0, to: 10, count: 1 },
      { from: 10, to: 20, count: 2 },
      { from: 20, to: 30, count: 0 },
      { from: 30, to: 40, count: 0 },
      { from: 40, to: 50, count: 1 },
    ]);
  });

  it('puts a value on an inner edge in the upper bucket, and the maximum in the closed last bucket', () => {
    // 0..100 by 10 is ten buckets: 100 joins 95 in [90, 100] instead of opening an eleventh.
    const buckets = histogram([0, 10, 95, 100], { width: 10 });
    expect(buckets).toHaveLength(10);
    expect(buckets[0]).toEqual({ from: 0, to: 10, count: 1 });
    expect(buckets[1]).toEqual({ from: 10, to: 20, count: 1 });
    expect(buckets[9]).toEqual({ from: 90, to: 100, count: 2 });
  });

  it('keeps to an explicit range, leaving out values outside it', () => {
    expect(histogram([-5, 0, 50, 101], { width: 25, min: 0, max: 100 })).toEqual([
      { from: 0, to: 25, count: 1 },
      { from: 25, to: 50, count: 0 },
      { from: 50, to: 75, count: 1 },
      { from: 75, to: 100, count: 0 },
    ]);
  });

  it('ends the last bucket at an explicit max that is not on an edge', () => {
    const buckets = histogram([91, 95], { width: 10, min: 0, max: 95 });
    expect(buckets).toHaveLength(10);
    expect(buckets[9]).toEqual({ from: 90, to: 95, count: 2 });
  });

  it('handles decimal widths without binary drift', () => {
    // 0.3 / 0.1 is 2.9999… in binary; the value still starts bucket [0.3, 0.4].
    expect(histogram([0.3, 0.35], { width: 0.1 })).toEqual([{ from: 0.3, to: 0.4, count: 2 }]);
  });

  it('gives one bucket when every value is equal', () => {
    expect(histogram([5, 5], { width: 10 })).toEqual([{ from: 0, to: 10, count: 2 }]);
  });

  it('gives no buckets for no values, unless a range is asked for', () => {
    expect(histogram([], { width: 10 })).toEqual([]);
    expect(histogram([], { width: 10, min: 0 })).toEqual([]);
    expect(histogram([], { width: 50, min: 0, max: 100 })).toEqual([
      { from: 0, to: 50, count: 0 },
      { from: 50, to: 100, count: 0 },
    ]);
  });

  it('refuses a width that is not positive', () => {
    for (const width of [0, -1, Number.NaN]) {
      expect(() => histogram([1], { width })).toThrow(refused('width'));
    }
  });

  it('refuses a width that would make more buckets than allowed, and allows exactly the cap', () => {
    expect(histogram([0, 100], { width: 0.1 })).toHaveLength(MAX_HISTOGRAM_BUCKETS);
    expect(() => histogram([0, 100], { width: 0.01 })).toThrow(refused('width'));
  });

  it('refuses a max below min and values that are not finite', () => {
    expect(() => histogram([1], { width: 1, min: 5, max: 4 })).toThrow(refused('max'));
    expect(() => histogram([1], { width: 1, min: Number.NaN })).toThrow(refused('min'));
    expect(() => histogram([Number.NaN], { width: 1 })).toThrow(refused('values[0]'));
  });
});
