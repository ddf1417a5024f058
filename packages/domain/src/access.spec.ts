import { ANONYMOUS, canSeeContactData, needsMobilizedUnits, submissionScope } from './access';

describe('submissionScope', () => {
  it('gives the office, analysts and services every unit', () => {
    expect(submissionScope({ roles: ['ADMIN'] })).toBeNull();
    expect(submissionScope({ roles: ['ANALYST'] })).toBeNull();
    expect(submissionScope({ roles: [], service: 'expert-review' })).toBeNull();
  });

  it("gives a unit's submitter its own unit only", () => {
    expect(submissionScope({ roles: ['SUBMITTER'], org: 'unit' }, ['ignored'])).toEqual(['unit']);
  });

  it('gives an organizer its own union and the units it mobilized', () => {
    const organizer = { roles: ['ORGANIZER'] as const, org: 'union' };
    expect(needsMobilizedUnits(organizer)).toBe(true);
    expect(submissionScope(organizer, ['a', 'b'])).toEqual(['union', 'a', 'b']);
  });

  it('gives experts, agencies, callers without an organization and the public nothing', () => {
    expect(submissionScope({ roles: ['EXPERT'], expert: 'e' })).toEqual([]);
    expect(submissionScope({ roles: ['AGENCY'] })).toEqual([]);
    expect(submissionScope({ roles: ['SUBMITTER'] })).toEqual([]);
    expect(submissionScope(ANONYMOUS)).toEqual([]);
    expect(needsMobilizedUnits({ roles: ['SUBMITTER'], org: 'unit' })).toBe(false);
  });
});

describe('canSeeContactData', () => {
  it('shows contact data to the office and to the person, to nobody else', () => {
    expect(canSeeContactData({ roles: ['ADMIN'] }, 'p1')).toBe(true);
    expect(canSeeContactData({ roles: ['EXPERT'], sub: 'p1' }, 'p1')).toBe(true);
    expect(canSeeContactData({ roles: ['ANALYST'] }, 'p1')).toBe(false);
    expect(canSeeContactData({ roles: ['SUBMITTER'], sub: 'p2' }, 'p1')).toBe(false);
  });
});
