import { conflictsOf, hasConflict, type ConflictEntry, type ConflictExpert } from './conflict';

// federation ← pudong ← zhangjiang (park) ← company ← lab; pudong ← jinqiao (park), a sibling of zhangjiang
const entry: ConflictEntry = {
  id: 'entry',
  organizationId: 'zhangjiang',
  ancestorIds: ['pudong', 'federation'],
  descendantIds: ['company', 'lab'],
  personIds: ['leader', 'member'],
};
const expertAt = (affiliationId: string, personId = 'reviewer'): ConflictExpert => ({ id: 'x', personId, affiliationId });

describe('conflictsOf', () => {
  it('clears an expert from an unrelated organization', () => {
    expect(conflictsOf(expertAt('elsewhere'), entry)).toEqual([]);
    expect(hasConflict(expertAt('elsewhere'), entry)).toBe(false);
  });

  it('clears an expert from a sibling organization under the same parent', () => {
    expect(conflictsOf(expertAt('jinqiao'), entry)).toEqual([]);
  });

  it('conflicts an expert who works for the submitting organization', () => {
    expect(conflictsOf(expertAt('zhangjiang'), entry)).toEqual(['SAME_ORGANIZATION']);
  });

  it('conflicts an expert from any organization above the submitter, however far up', () => {
    expect(conflictsOf(expertAt('pudong'), entry)).toEqual(['RELATED_ORGANIZATION']);
    expect(conflictsOf(expertAt('federation'), entry)).toEqual(['RELATED_ORGANIZATION']);
  });

  it('conflicts an expert from any organization below the submitter, however far down', () => {
    expect(conflictsOf(expertAt('company'), entry)).toEqual(['RELATED_ORGANIZATION']);
    expect(conflictsOf(expertAt('lab'), entry)).toEqual(['RELATED_ORGANIZATION']);
  });

  it('conflicts an expert who is on the team, wherever the expert works', () => {
    expect(conflictsOf(expertAt('elsewhere', 'member'), entry)).toEqual(['TEAM_MEMBER']);
    expect(conflictsOf(expertAt('elsewhere', 'leader'), entry)).toEqual(['TEAM_MEMBER']);
  });

  it('conflicts an expert who declared a conflict, even with no tie on record', () => {
    expect(conflictsOf(expertAt('elsewhere'), entry, true)).toEqual(['DECLARED']);
    expect(hasConflict(expertAt('elsewhere'), entry, true)).toBe(true);
  });

  it('lists every reason that applies, the organization first and the declaration last', () => {
    expect(conflictsOf(expertAt('zhangjiang', 'leader'), entry, true)).toEqual(['SAME_ORGANIZATION', 'TEAM_MEMBER', 'DECLARED']);
    expect(conflictsOf(expertAt('pudong', 'member'), entry)).toEqual(['RELATED_ORGANIZATION', 'TEAM_MEMBER']);
    expect(conflictsOf(expertAt('company'), entry, true)).toEqual(['RELATED_ORGANIZATION', 'DECLARED']);
  });

  it('judges from the snapshot alone: an organization the snapshot does not relate is not related', () => {
    const lone: ConflictEntry = { id: 'lone', organizationId: 'federation', ancestorIds: [], descendantIds: [], personIds: [] };
    expect(hasConflict(expertAt('federation'), lone)).toBe(true);
    expect(hasConflict(expertAt('pudong'), lone)).toBe(false);
  });
});
