import { ErrorCode } from '../errors';
import { relativeHarshness, studentTQuantile } from './harshness';
import { type Rating } from './ratings';

const refused = (field: string) => expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, field });
const card = (raterId: string, itemId: string, score: number): Rating => ({ raterId, itemId, score });

describe(studentTQuantile.name, () => {
  it('gives the two-sided 95% multipliers of the printed t tables', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.776, 3);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
    expect(studentTQuantile(0.975, 120)).toBeCloseTo(1.98, 3);
    expect(studentTQuantile(0.95, 10)).toBeCloseTo(1.812, 3);
  });

  it('matches the closed forms for one and two degrees of freedom', () => {
    // df 1 is the Cauchy distribution, t = tan(π(p − ½)); df 2 has t = (2p − 1) / √(2p(1 − p)).
    for (const p of [0.6, 0.9, 0.975, 0.999]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 8);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 8);
    }
  });

  it('is symmetric around 0 and tends to the normal 1.960 for many degrees of freedom', () => {
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-studentTQuantile(0.975, 10), 10);
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.975, 5000)).toBeCloseTo(1.96, 2);
  });

  it('refuses a probability outside (0, 1) and degrees of freedom that are not whole and positive', () => {
    for (const p of [0, 1, Number.NaN]) expect(() => studentTQuantile(p, 3)).toThrow(refused('probability'));
    for (const df of [0, 1.5, Number.NaN]) expect(() => studentTQuantile(0.975, df)).toThrow(refused('df'));
  });
});

describe(relativeHarshness.name, () => {
  // A, B and C score e1 and e2; A and B score e3; only C scores e4; only D scores e5.
  const cards = [
    card('A', 'e1', 60),
    card('B', 'e1', 70),
    card('C', 'e1', 80),
    card('A', 'e2', 50),
    card('B', 'e2', 70),
    card('C', 'e2', 90),
    card('A', 'e3', 70),
    card('B', 'e3', 70),
    card('C', 'e4', 40),
    card('D', 'e5', 85),
  ];

  it('measures each rater against the other raters of the same entries, harshest first', () => {
    const [a, b, c, d] = relativeHarshness(cards);
    // A: e1 60 − (70 + 80)/2 = −15, e2 50 − (70 + 90)/2 = −30, e3 70 − 70 = 0; mean −15.
    // Spread: (0² + 15² + 15²) / 2 = 225, s = 15; t(0.975, 2) = 4.3027, margin 4.3027 × 15 / √3 = 37.2621.
    expect(a).toEqual({ raterId: 'A', items: 3, meanDeviation: -15, stdDev: 15, low: -52.2621, high: 22.2621 });
    // B scores exactly the mean of the others every time.
    expect(b).toEqual({ raterId: 'B', items: 3, meanDeviation: 0, stdDev: 0, low: 0, high: 0 });
    // C: e1 80 − 65 = 15, e2 90 − 60 = 30 (e4 has no co-rater); mean 22.5, s = √(2 × 7.5²) = 10.6066,
    // margin 12.7062 × 10.6066 / √2 = 95.2965.
    expect(c).toEqual({ raterId: 'C', items: 2, meanDeviation: 22.5, stdDev: 10.6066, low: -72.7965, high: 117.7965 });
    // D shares no entry with anyone: listed, but nothing to say, and last.
    expect(d).toEqual({ raterId: 'D', items: 0, meanDeviation: null, stdDev: null, low: null, high: null });
  });

  it('gives a rater with one shared entry a deviation but no spread or interval', () => {
    expect(relativeHarshness([card('X', 'e1', 8), card('Y', 'e1', 6)])).toEqual([
      { raterId: 'Y', items: 1, meanDeviation: -2, stdDev: null, low: null, high: null },
      { raterId: 'X', items: 1, meanDeviation: 2, stdDev: null, low: null, high: null },
    ]);
  });

  it('orders equally harsh raters by id', () => {
    const result = relativeHarshness([card('Q', 'e1', 5), card('P', 'e1', 5), card('R', 'e2', 5), card('S', 'e2', 5)]);
    expect(result.map((r) => r.raterId)).toEqual(['P', 'Q', 'R', 'S']);
  });

  it('gives the same figures whatever the order of the cards', () => {
    expect(relativeHarshness([...cards].reverse())).toEqual(relativeHarshness(cards));
  });

  it('has nothing to report for no cards', () => {
    expect(relativeHarshness([])).toEqual([]);
  });

  it('refuses a score that is not a number, a missing id and a rater scoring an entry twice', () => {
    expect(() => relativeHarshness([card('A', 'e1', Number.NaN)])).toThrow(refused('cards[0].score'));
    expect(() => relativeHarshness([card('', 'e1', 1)])).toThrow(refused('cards[0].raterId'));
    expect(() => relativeHarshness([card('A', '', 1)])).toThrow(refused('cards[0].itemId'));
    expect(() => relativeHarshness([card('A', 'e1', 1), card('A', 'e1', 2)])).toThrow(refused('cards[1]'));
  });
});
