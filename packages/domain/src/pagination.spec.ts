import { decodeCursor, encodeCursor, listFingerprint, pageSize } from './pagination';

describe('pagination', () => {
  const organizations = listFingerprint({ list: 'organizations', filter: { kind: 'UNIT', district: '浦东新区' }, order: ['name', 'id'] });

  it('round-trips a cursor within its list', () => {
    expect(decodeCursor(encodeCursor(['复旦大学', 'abc', 3], organizations), 3, organizations)).toEqual(['复旦大学', 'abc', 3]);
  });

  it('refuses a cursor it did not make, naming the after argument', () => {
    expect(() => decodeCursor('not-a-cursor', 2)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }));
    expect(() => decodeCursor(encodeCursor(['a']), 2)).toThrow(expect.objectContaining({ field: 'after' }));
    // The sort values alone, as cursors were once written, belong to no list.
    expect(() => decodeCursor(Buffer.from('["a","b"]').toString('base64url'), 2)).toThrow(expect.objectContaining({ field: 'after' }));
  });

  it('binds a fingerprint to the list, filter and order, whatever the order of their keys', () => {
    expect(listFingerprint({ order: ['name', 'id'], filter: { district: '浦东新区', kind: 'UNIT' }, list: 'organizations' })).toBe(
      organizations,
    );
    const others = [
      { list: 'organizations', filter: { kind: 'UNION', district: '浦东新区' }, order: ['name', 'id'] },
      { list: 'organizations', filter: { kind: 'UNIT' }, order: ['name', 'id'] },
      { list: 'organizations', filter: { kind: 'UNIT', district: '浦东新区' }, order: ['id'] },
      { list: 'persons', filter: { kind: 'UNIT', district: '浦东新区' }, order: ['name', 'id'] },
    ].map(listFingerprint);
    expect(new Set([organizations, ...others]).size).toBe(5);
  });

  it('refuses a cursor of another filter, order or list as BAD_USER_INPUT on after', () => {
    const cursor = encodeCursor(['复旦大学', 'abc'], organizations);
    const unions = listFingerprint({ list: 'organizations', filter: { kind: 'UNION', district: '浦东新区' }, order: ['name', 'id'] });
    expect(() => decodeCursor(cursor, 2, unions)).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        field: 'after',
        message: expect.stringContaining('another list, filter or order'),
      }),
    );
    expect(() => decodeCursor(cursor, 2)).toThrow(expect.objectContaining({ field: 'after' }));
  });

  it('defaults the page size to 20 and caps it at 100', () => {
    expect(pageSize({})).toBe(20);
    expect(pageSize({ first: 100 })).toBe(100);
    expect(() => pageSize({ first: 101 })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }));
    expect(() => pageSize({ first: 0 })).toThrow(expect.objectContaining({ field: 'first' }));
  });
});
