import { firstDifference } from './parity';

describe('comparing the two gateways’ answers', () => {
  it('finds nothing between equal data, whatever the key order', () => {
    expect(firstDifference({ a: [1, { b: 'x', c: null }] }, { a: [1, { c: null, b: 'x' }] })).toBeUndefined();
  });

  it('names the path of the first difference and both values', () => {
    expect(firstDifference({ s: { nodes: [{ t: 'A' }, { t: 'B' }] } }, { s: { nodes: [{ t: 'A' }, { t: 'C' }] } })).toBe(
      'data.s.nodes.1.t: "B" vs "C"',
    );
    expect(firstDifference({ s: null }, { s: { id: '1' } })).toBe('data.s: null vs {"id":"1"}');
    expect(firstDifference({ n: [] }, { n: {} })).toBe('data.n: [] vs {}');
    expect(firstDifference({ a: 1 }, { a: 1, extra: true })).toBe('data.extra: undefined vs true');
  });
});
