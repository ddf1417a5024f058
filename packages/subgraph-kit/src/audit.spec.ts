import { auditJson } from './audit';

describe('the audit log record', () => {
  it('keeps a record as JSON', () => {
    expect(JSON.parse(auditJson({ id: 'a', name: '复旦大学附属中山医院' }))).toEqual({ id: 'a', name: '复旦大学附属中山医院' });
  });

  it('summarizes a record too large for its column, saying so, instead of failing the change it records', () => {
    const huge = { id: 'a', links: Array.from({ length: 5000 }, (_, i) => `DESCENDANT:${'组织'.repeat(3)}${i}`) };
    const kept = JSON.parse(auditJson(huge));
    expect(kept).toMatchObject({ omitted: expect.stringContaining('too large'), fields: ['id', 'links'] });
    expect(kept.bytes).toBeGreaterThan(60_000);
  });
});
