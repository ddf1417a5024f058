import { auditJson, timeOrderedId } from './audit';

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

describe('audit ids', () => {
  it('follow the order entries were written in, also many in one millisecond', () => {
    const at = Date.now() + 60_000;
    const ids = Array.from({ length: 10_000 }, () => timeOrderedId(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('never go backwards when the clock does', () => {
    const later = timeOrderedId(Date.now() + 120_000);
    expect(timeOrderedId(Date.now()) > later).toBe(true);
  });
});
