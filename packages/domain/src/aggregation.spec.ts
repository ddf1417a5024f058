import { InvalidInput } from './errors';
import {
  type AggregationOptions,
  type CardScore,
  DEFAULT_TRIM_MINIMUM,
  agreement,
  aggregateEntries,
  expertStatistics,
  kendallsW,
  roundFigure,
} from './aggregation';

const card = (entryId: string, expertId: string, total: number, scores: Record<string, number> = {}): CardScore => ({
  entryId,
  expertId,
  total,
  scores,
});

const options = (method: AggregationOptions['method']): AggregationOptions => ({
  method,
  trimMinimum: DEFAULT_TRIM_MINIMUM,
  scoreMax: 100,
});

describe('roundFigure', () => {
  it('rounds to four decimals, halves away from zero, even where binary arithmetic would not', () => {
    expect(roundFigure(1.00005)).toBe(1.0001);
    expect(roundFigure(-2.00005)).toBe(-2.0001);
    expect(roundFigure(80 + 1 / 3)).toBe(80.3333);
    expect(roundFigure(0.1 + 0.2)).toBe(0.3);
    expect(roundFigure(1e-9)).toBe(0);
    expect(Object.is(roundFigure(-0.00001), 0)).toBe(true);
  });
});

describe('aggregateEntries', () => {
  // e1 has five cards, so the trimmed mean drops 50 and 95; e2 has four, so it does not trim.
  const cards = [
    card('e1', 'x1', 50),
    card('e1', 'x2', 70),
    card('e1', 'x3', 75),
    card('e1', 'x4', 80),
    card('e1', 'x5', 95),
    card('e2', 'x1', 60),
    card('e2', 'x2', 62),
    card('e2', 'x3', 64),
    card('e2', 'x4', 90),
  ];

  it('works out mean, median and trimmed mean per entry, sorted by entry', () => {
    const [e1, e2] = aggregateEntries(cards, options('MEAN'));
    expect(e1).toMatchObject({ entryId: 'e1', count: 5, mean: 74, median: 75, trimmedMean: 75 });
    expect(e2).toMatchObject({ entryId: 'e2', count: 4, mean: 69, median: 63, trimmedMean: 69 });
  });

  it('ranks by the figure the round chose', () => {
    expect(aggregateEntries(cards, options('MEAN')).map((a) => a.aggregate)).toEqual([74, 69]);
    expect(aggregateEntries(cards, options('MEDIAN')).map((a) => a.aggregate)).toEqual([75, 63]);
    expect(aggregateEntries(cards, options('TRIMMED_MEAN')).map((a) => a.aggregate)).toEqual([75, 69]);
  });

  it('trims once an entry reaches the round’s minimum number of cards, and not before', () => {
    const four = aggregateEntries(cards, { ...options('TRIMMED_MEAN'), trimMinimum: 4 });
    expect(four.map((a) => a.trimmedMean)).toEqual([75, 63]); // e2: (62 + 64) / 2
    const six = aggregateEntries(cards, { ...options('TRIMMED_MEAN'), trimMinimum: 6 });
    expect(six.map((a) => a.trimmedMean)).toEqual([74, 69]);
  });

  it('rounds every figure to four decimals', () => {
    const [a] = aggregateEntries([card('e', 'x', 80), card('e', 'y', 80), card('e', 'z', 81)], options('MEAN'));
    expect(a!.mean).toBe(80.3333);
    expect(a!.aggregate).toBe(80.3333);
  });

  it('gives the same figures whatever order the cards arrive in', () => {
    const shuffled = [cards[7]!, cards[2]!, cards[0]!, cards[8]!, cards[4]!, cards[1]!, cards[6]!, cards[3]!, cards[5]!];
    expect(aggregateEntries(shuffled, options('NORMALIZED'))).toEqual(aggregateEntries(cards, options('NORMALIZED')));
  });

  it('averages each criterion over the cards that scored it, for tie-breaks', () => {
    const [a] = aggregateEntries(
      [
        card('e', 'x', 80, { INNOVATION: 40, BENEFIT: 40 }),
        card('e', 'y', 70, { INNOVATION: 35, BENEFIT: 35 }),
        card('e', 'z', 33, { INNOVATION: 33 }),
      ],
      options('MEAN'),
    );
    expect(a!.criterionMeans).toEqual({ BENEFIT: 37.5, INNOVATION: 36 });
    expect(Object.keys(a!.criterionMeans)).toEqual(['BENEFIT', 'INNOVATION']);
  });

  it('returns nothing for no cards', () => {
    expect(aggregateEntries([], options('MEAN'))).toEqual([]);
  });

  describe('normalized', () => {
    // A harsh expert (60, 40: mean 50, sd 10) and a lenient one (90, 80: mean 85, sd 5)
    // agree that e1 is one standard deviation above their average and e2 one below.
    const harshAndLenient = [card('e1', 'harsh', 60), card('e2', 'harsh', 40), card('e1', 'lenient', 90), card('e2', 'lenient', 80)];

    it('puts one standard deviation above an expert’s average a sixth of the range above the middle', () => {
      const [e1, e2] = aggregateEntries(harshAndLenient, options('NORMALIZED'));
      expect(e1!.normalized).toBe(66.6667); // 50 + 1 × 100/6
      expect(e2!.normalized).toBe(33.3333); // 50 − 1 × 100/6
      expect(e1!.aggregate).toBe(66.6667);
    });

    it('counts an expert with a single card as average', () => {
      // newcomer scored only e1: z = 0, so e1's mean z is (1 + 1 + 0) / 3.
      const [e1] = aggregateEntries([...harshAndLenient, card('e1', 'newcomer', 99)], options('NORMALIZED'));
      expect(e1!.normalized).toBe(61.1111); // 50 + (2/3) × 100/6
    });

    it('counts an expert who gives every entry the same total as average', () => {
      const [e1, e2] = aggregateEntries(
        [card('e1', 'flat', 70.1), card('e2', 'flat', 70.1), card('e3', 'flat', 70.1)],
        options('NORMALIZED'),
      );
      expect([e1!.normalized, e2!.normalized]).toEqual([50, 50]);
    });

    it('clamps beyond three standard deviations to the ends of the range', () => {
      // One expert, seventeen entries: one at 100, sixteen at 0. The outlier's z is √16 = 4,
      // which would map to 116.67; each of the others is at z = −1/4.
      const lone = [card('top', 'x', 100), ...Array.from({ length: 16 }, (_, i) => card(`e${String(i).padStart(2, '0')}`, 'x', 0))];
      const result = aggregateEntries(lone, options('NORMALIZED'));
      expect(result.find((a) => a.entryId === 'top')!.normalized).toBe(100);
      expect(result.find((a) => a.entryId === 'e00')!.normalized).toBe(45.8333); // 50 − 0.25 × 100/6
    });
  });

  it('refuses the same expert scoring one entry twice, and totals that are not numbers', () => {
    expect(() => aggregateEntries([card('e', 'x', 70), card('e', 'x', 80)], options('MEAN'))).toThrow(/already scored entry e/);
    expect(() => aggregateEntries([card('e', 'x', Number.NaN)], options('MEAN'))).toThrow(InvalidInput);
  });

  it('refuses options that cannot describe a round', () => {
    expect(() => aggregateEntries([], { method: 'MEAN', trimMinimum: 2, scoreMax: 0 })).toThrow(/trimMinimum.*scoreMax/);
  });
});

describe('expertStatistics', () => {
  it('gives each expert’s card count, mean and population standard deviation, sorted by expert', () => {
    const stats = expertStatistics([
      card('e1', 'yang', 90),
      card('e2', 'yang', 80),
      card('e1', 'chen', 60),
      card('e2', 'chen', 40),
      card('e3', 'chen', 50),
    ]);
    expect(stats).toEqual([
      // chen: mean 50; deviations 10, −10, 0 → √(200 / 3) = 8.16497
      { expertId: 'chen', count: 3, mean: 50, stdDev: 8.165 },
      { expertId: 'yang', count: 2, mean: 85, stdDev: 5 },
    ]);
  });

  it('gives an expert with one card no spread', () => {
    expect(expertStatistics([card('e1', 'x', 77)])).toEqual([{ expertId: 'x', count: 1, mean: 77, stdDev: 0 }]);
  });
});

describe('agreement (ICC(1))', () => {
  it('matches the textbook example of Shrout & Fleiss (1979): six targets, four judges', () => {
    const judges = [
      [9, 2, 5, 8],
      [6, 1, 3, 2],
      [8, 4, 6, 8],
      [7, 1, 2, 6],
      [10, 5, 6, 9],
      [6, 2, 4, 7],
    ];
    const cards = judges.flatMap((row, t) => row.map((score, j) => card(`t${t + 1}`, `j${j + 1}`, score)));
    // BMS = 1349/120 = 11.24, WMS = 451/72 = 6.26, k = 4:
    // (11.24 − 6.26) / (11.24 + 3 × 6.26) = 1792/10812 = 0.1657 (published: .17).
    expect(agreement(cards)).toEqual({ measure: 'ICC(1)', value: 0.1657, entries: 6, raters: 4 });
  });

  it('works with a different number of cards per entry', () => {
    // a: 2, 4 · b: 6, 8, 10 · c: 5. N = 6, three entries; grand mean 35/6.
    // MSB = (2·9 + 3·64 + 25 − 35²/6) / 2 = 185/12; MSW = (2 + 8 + 0) / 3 = 10/3;
    // k₀ = (6 − 14/6) / 2 = 11/6; ICC = (185/12 − 10/3) / (185/12 + (5/6)(10/3)) = 87/131.
    const cards = [card('a', 'x', 2), card('a', 'y', 4), card('b', 'x', 6), card('b', 'y', 8), card('b', 'z', 10), card('c', 'z', 5)];
    expect(agreement(cards)).toEqual({ measure: 'ICC(1)', value: 0.6641, entries: 3, raters: 3 });
  });

  it('is 1 when experts agree perfectly on entries that differ', () => {
    const cards = [card('a', 'x', 80), card('a', 'y', 80), card('b', 'y', 60), card('b', 'z', 60), card('c', 'x', 70), card('c', 'z', 70)];
    expect(agreement(cards).value).toBe(1);
  });

  it('is negative when experts disagree more within entries than entries differ', () => {
    const cards = [card('a', 'x', 90), card('a', 'y', 10), card('b', 'x', 10), card('b', 'y', 90)];
    expect(agreement(cards).value).toBeLessThan(0);
  });

  it('cannot say anything with one entry, with one card per entry, or when every card is equal', () => {
    expect(agreement([card('a', 'x', 70), card('a', 'y', 80)]).value).toBeNull();
    expect(agreement([card('a', 'x', 70), card('b', 'y', 80)])).toEqual({ measure: 'ICC(1)', value: null, entries: 2, raters: 2 });
    expect(agreement([card('a', 'x', 70), card('a', 'y', 70), card('b', 'x', 70), card('b', 'y', 70)]).value).toBeNull();
    expect(agreement([]).value).toBeNull();
  });
});

describe('kendallsW', () => {
  it('is 1 when every panel member ranks the entries the same way, whatever their scale', () => {
    expect(
      kendallsW([
        [90, 80, 70, 60],
        [70, 65, 60, 10],
        [100, 99, 98, 97],
      ]),
    ).toBe(1);
  });

  it('is 0 when two members rank the entries in reverse', () => {
    expect(
      kendallsW([
        [1, 2, 3, 4],
        [4, 3, 2, 1],
      ]),
    ).toBe(0);
  });

  it('corrects for tied scores', () => {
    // Ranks: (1, 2, 3, 4), (1, 3, 2, 4), (1.5, 1.5, 3, 4). Rank sums 3.5, 6.5, 8, 12 around
    // 7.5: S = 16 + 1 + 0.25 + 20.25 = 37.5. One pair tied: T = 2³ − 2 = 6.
    // W = 12 × 37.5 / (3² × (4³ − 4) − 3 × 6) = 450/522 (450/540 = 0.8333 uncorrected).
    expect(
      kendallsW([
        [10, 20, 30, 40],
        [10, 30, 20, 40],
        [10, 10, 30, 40],
      ]),
    ).toBe(0.8621);
  });

  it('cannot say anything with one member, one entry, or nothing but ties', () => {
    expect(kendallsW([[1, 2, 3]])).toBeNull();
    expect(kendallsW([[1], [2]])).toBeNull();
    expect(
      kendallsW([
        [5, 5],
        [7, 7],
      ]),
    ).toBeNull();
    expect(kendallsW([])).toBeNull();
  });

  it('refuses a panel where someone skipped an entry', () => {
    expect(() =>
      kendallsW([
        [1, 2, 3],
        [1, 2],
      ]),
    ).toThrow(/matrix\[1\]/);
  });
});
