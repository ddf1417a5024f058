import { factAccess } from './analytics';

describe('who may aggregate which fact', () => {
  it('lets the office count everything, scorecards of open rounds included, with nothing kept back', () => {
    expect(factAccess({ roles: ['ADMIN'] }, 'SCORECARD')).toEqual({ scope: 'ALL', finalizedScoresOnly: false, suppressSmallCells: false });
    expect(factAccess({ roles: [], service: 'exports' }, 'ASSIGNMENT')).toMatchObject({ scope: 'ALL', finalizedScoresOnly: false });
  });

  it('lets analysts count everything but the scorecards of rounds not yet finalized', () => {
    expect(factAccess({ roles: ['ANALYST'] }, 'SCORECARD')).toEqual({ scope: 'ALL', finalizedScoresOnly: true, suppressSmallCells: false });
    expect(factAccess({ roles: ['ANALYST'] }, 'ASSIGNMENT')?.scope).toBe('ALL');
  });

  it('gives a union its subtree, scorecards as aggregates only, and no assignments', () => {
    const union = { roles: ['ORGANIZER' as const], org: 'union-1' };
    expect(factAccess(union, 'SUBMISSION')).toEqual({ scope: 'SUBTREE', finalizedScoresOnly: true, suppressSmallCells: false });
    expect(factAccess(union, 'SCORECARD')?.suppressSmallCells).toBe(true);
    expect(factAccess(union, 'ASSIGNMENT')).toBeNull();
    // A union role without its organization has no subtree: it counts what the public counts.
    expect(factAccess({ roles: ['ORGANIZER'] }, 'SUBMISSION')?.scope).toBe('PUBLIC');
  });

  it('gives everyone else public aggregates, with small cells of submissions and scorecards kept back', () => {
    for (const roles of [[], ['SUBMITTER'], ['EXPERT'], ['AGENCY']] as const) {
      expect(factAccess({ roles }, 'SUBMISSION')).toEqual({ scope: 'PUBLIC', finalizedScoresOnly: true, suppressSmallCells: true });
      expect(factAccess({ roles }, 'HONOR')?.suppressSmallCells).toBe(false);
      expect(factAccess({ roles }, 'ASSIGNMENT')).toBeNull();
      expect(factAccess({ roles }, 'ORGANIZER_EVALUATION')).toBeNull();
    }
  });
});
