import { decodeCursor, encodeCursor, pageSize } from './pagination';

describe('pagination', () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor(encodeCursor(['复旦大学', 'abc', 3]), 3)).toEqual(['复旦大学', 'abc', 3]);
  });

  it('refuses a cursor it did not make, naming the after argument', () => {
    expect(() => decodeCursor('not-a-cursor', 2)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }));
    expect(() => decodeCursor(encodeCursor(['a']), 2)).toThrow(expect.objectContaining({ field: 'after' }));
  });

  it('defaults the page size to 20 and caps it at 100', () => {
    expect(pageSize({})).toBe(20);
    expect(pageSize({ first: 100 })).toBe(100);
    expect(() => pageSize({ first: 101 })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }));
    expect(() => pageSize({ first: 0 })).toThrow(expect.objectContaining({ field: 'first' }));
  });
});
