import { ErrorCode } from '../errors';
import { SUPPRESSION_DEFAULT, rankWithTies, suppressCell } from './disclosure';

const refused = (field: string) => expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, field });

describe(suppressCell.name, () => {
  it('hides a cell built from one to four records by default, and shows five or more', () => {
    expect(SUPPRESSION_DEFAULT).toBe(5);
    expect([1, 2, 3, 4].map((count) => suppressCell(count))).toEqual([true, true, true, true]);
    expect(suppressCell(5)).toBe(false);
    expect(suppressCell(120)).toBe(false);
  });

  it('shows an empty cell: a count of 0 gives away no one’s record', () => {
    expect(suppressCell(0)).toBe(false);
  });

  it('takes another minimum', () => {
    expect(suppressCell(2, 3)).toBe(true);
    expect(suppressCell(3, 3)).toBe(false);
    // A minimum of 1 suppresses nothing.
    expect(suppressCell(1, 1)).toBe(false);
  });

  it('refuses counts and minimums that are not whole numbers', () => {
    for (const count of [-1, 1.5, Number.NaN]) expect(() => suppressCell(count)).toThrow(refused('count'));
    for (const minimum of [0, 2.5, Number.NaN]) expect(() => suppressCell(3, minimum)).toThrow(refused('minimum'));
  });
});

describe(rankWithTies.name, () => {
  it('shares a rank between equal values and skips the places they take ("1224")', () => {
    // 90 is first; the two 85s share 2nd; 70 has three ahead of it, so 4th.
    expect(rankWithTies([90, 85, 85, 70], 'DESC')).toEqual([1, 2, 2, 4]);
    expect(rankWithTies([90, 85, 85, 70], 'ASC')).toEqual([4, 2, 2, 1]);
  });

  it('returns the ranks in the order the values were given', () => {
    expect(rankWithTies([70, 90, 85, 85], 'DESC')).toEqual([4, 1, 2, 2]);
  });

  it('treats values level to four decimals as tied', () => {
    expect(rankWithTies([80.00001, 80, 79.9999], 'DESC')).toEqual([1, 1, 3]);
  });

  it('ranks no values, one value and all-equal values', () => {
    expect(rankWithTies([], 'DESC')).toEqual([]);
    expect(rankWithTies([3], 'ASC')).toEqual([1]);
    expect(rankWithTies([7, 7, 7], 'DESC')).toEqual([1, 1, 1]);
  });

  it('refuses values that are not finite numbers and unknown directions', () => {
    expect(() => rankWithTies([1, Number.NaN], 'DESC')).toThrow(refused('values[1]'));
    expect(() => rankWithTies([1], 'UP' as never)).toThrow(refused('direction'));
  });
});
