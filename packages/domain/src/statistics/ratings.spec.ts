import { ErrorCode } from '../errors';
import { type Rating, checkedRatings, sampleStdDev } from './ratings';

const card = (raterId: string, itemId: string, score: number): Rating => ({ raterId, itemId, score });

describe(checkedRatings.name, () => {
  it('puts cards in entry-then-rater order, so every figure adds up the same way', () => {
    const cards = [card('B', 'e2', 1), card('A', 'e2', 2), card('B', 'e1', 3)];
    expect(checkedRatings(cards).map((c) => `${c.itemId}/${c.raterId}`)).toEqual(['e1/B', 'e2/A', 'e2/B']);
  });

  it('lists every problem at once, naming the first', () => {
    const cards = [card('A', 'e1', Number.NaN), card('', 'e1', 1), card('B', 'e1', 1), card('B', 'e1', 2)];
    expect(() => checkedRatings(cards)).toThrow(
      expect.objectContaining({
        code: ErrorCode.BAD_USER_INPUT,
        field: 'cards[0].score',
        details: {
          problems: [
            { field: 'cards[0].score', message: 'must be a finite number' },
            { field: 'cards[1].raterId', message: 'is required' },
            { field: 'cards[3]', message: 'rater B already scored item e1' },
          ],
        },
      }),
    );
  });
});

describe(sampleStdDev.name, () => {
  it('divides by n − 1', () => {
    // Mean 2; squared deviations 1 + 0 + 1 = 2; 2 / (3 − 1) = 1.
    expect(sampleStdDev([1, 2, 3])).toBe(1);
  });
});
