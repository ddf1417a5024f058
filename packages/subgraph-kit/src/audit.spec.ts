import type { EntityManager } from 'typeorm';
import { AuditEntry, WITHHELD, auditJson, recordAudit, timeOrderedId, withheldEntry } from './audit';

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

describe('withheld entries', () => {
  const entry = (action: string, after: object) =>
    Object.assign(new AuditEntry(), {
      id: 'e1',
      at: new Date('2019-12-01T00:00:00Z'),
      actor: 'person-42',
      actorRoles: 'SUBMITTER',
      action,
      entityType: 'Honor',
      entityId: 'h1',
      before: null,
      after: JSON.stringify(after),
      reason: null,
    });
  const withholding = { actions: ['objection.file'], keys: ['filedBy', 'contact'] };

  it('hides the actor and roles of the withheld actions, and the named keys at any depth of any entry', () => {
    const read = withheldEntry(entry('objection.file', { objectionId: 'o1', text: '请核实', filedBy: 'person-42' }), withholding);
    expect(read).toMatchObject({ actor: WITHHELD, action: 'objection.file' });
    expect(read.roleList()).toEqual([]);
    expect(read.recordAfter()).toEqual({ objectionId: 'o1', text: '请核实' });
    const other = withheldEntry(entry('honor.withdraw', { objections: [{ id: 'o1', filedBy: 'person-42', contact: '021' }] }), withholding);
    expect(other.actor).toBe('person-42');
    expect(JSON.parse(other.after!)).toEqual({ objections: [{ id: 'o1' }] });
  });

  it('reads the stored roles as a list of roles and the stored records as objects', () => {
    const read = Object.assign(entry('honor.update', { status: 'ANNOUNCED', objections: [] }), { actorRoles: 'ADMIN,ANALYST' });
    expect(read.roleList()).toEqual(['ADMIN', 'ANALYST']);
    expect(read.recordBefore()).toBeNull();
    expect(read.recordAfter()).toEqual({ status: 'ANNOUNCED', objections: [] });
    expect(Object.assign(new AuditEntry(), { actorRoles: '' }).roleList()).toEqual([]);
  });

  it('leaves the stored entry as it was', () => {
    const stored = entry('objection.file', { filedBy: 'person-42' });
    withheldEntry(stored, withholding);
    expect(stored.actor).toBe('person-42');
    expect(stored.after).toContain('person-42');
  });
});

describe('recording', () => {
  it("stamps every entry with the caller's time, not the machine's, and still orders the ids as they were written", async () => {
    const inserted: AuditEntry[] = [];
    const em = { insert: async (_: unknown, rows: AuditEntry[]) => void inserted.push(...rows) } as unknown as EntityManager;
    const at = new Date('2019-11-20T02:00:00Z');
    const identity = { sub: 'office-1', roles: ['ADMIN'] } as never;
    const proposals = [1, 2, 3].map((n) => ({ action: 'honor.propose', entityType: 'Honor', entityId: `h${n}` }));
    await recordAudit(em, identity, at, proposals);
    await recordAudit(em, identity, new Date('2019-11-01T00:00:00Z'), { action: 'honor.confer', entityType: 'Honor', entityId: 'h1' });
    expect(inserted.slice(0, 3).map((e) => e.at.toISOString())).toEqual(Array(3).fill('2019-11-20T02:00:00.000Z'));
    expect(inserted[3].at.toISOString()).toBe('2019-11-01T00:00:00.000Z');
    expect(inserted.map((e) => e.id)).toEqual([...inserted.map((e) => e.id)].sort());
    expect(inserted[0]).toMatchObject({ actor: 'office-1', actorRoles: 'ADMIN' });
  });
});
