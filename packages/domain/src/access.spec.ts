import {
  ANONYMOUS,
  canSeeContactData,
  canSeeObjector,
  canSeePresentations,
  canSeePresenter,
  needsMobilizedUnits,
  submissionScope,
} from './access';

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

describe('canSeePresentations', () => {
  const unpublished = { published: false };
  it("shows an unpublished round's schedule to the office, analysts and the round's panel members only", () => {
    expect(canSeePresentations({ roles: ['ADMIN'] }, unpublished, false)).toBe(true);
    expect(canSeePresentations({ roles: ['ANALYST'] }, unpublished, false)).toBe(true);
    expect(canSeePresentations({ roles: ['EXPERT'], expert: 'x' }, unpublished, true)).toBe(true);
    expect(canSeePresentations({ roles: ['EXPERT'], expert: 'y' }, unpublished, false)).toBe(false);
    expect(canSeePresentations({ roles: ['SUBMITTER'], org: 'u' }, unpublished, false)).toBe(false);
    expect(canSeePresentations(ANONYMOUS, unpublished, false)).toBe(false);
  });

  it('shows a published round’s schedule to everyone', () => {
    expect(canSeePresentations(ANONYMOUS, { published: true }, false)).toBe(true);
  });
});

describe('canSeePresenter', () => {
  it('hides the presenter from experts in a blind round until it is published', () => {
    const expert = { roles: ['EXPERT'] as const, expert: 'x' };
    expect(canSeePresenter(expert, { blind: true, published: false })).toBe(false);
    expect(canSeePresenter(expert, { blind: false, published: false })).toBe(true);
    expect(canSeePresenter(expert, { blind: true, published: true })).toBe(true);
    expect(canSeePresenter({ roles: ['ANALYST'] }, { blind: true, published: false })).toBe(true);
  });
});

describe('canSeeObjector', () => {
  it('names an objector to the office alone', () => {
    expect(canSeeObjector({ roles: ['ADMIN'] })).toBe(true);
    for (const roles of [['ANALYST'], ['ORGANIZER'], ['AGENCY'], []] as const) expect(canSeeObjector({ roles })).toBe(false);
  });
});
