import { contestCalendarProblems, isIsoDate, milestoneDateProblem } from './calendar';

describe('milestoneDateProblem', () => {
  const contest2019 = { year: 2019, startsOn: '2019-03-29', endsOn: '2020-01-31' };

  it("accepts the 2019 timeline, including January 2020's ceremony within the contest period", () => {
    for (const date of ['2019-03-29', '2019-08-30', '2019-10-24', '2019-11-29', '2020-01-15']) {
      expect(milestoneDateProblem(date, contest2019)).toBeNull();
    }
  });

  it('refuses a date outside both the year and the period', () => {
    expect(milestoneDateProblem('2020-03-01', contest2019)).toBe('must fall in 2019 or between 2019-03-29 and 2020-01-31');
    expect(milestoneDateProblem('2018-12-31', { year: 2019 })).toBe('must fall in 2019');
  });

  it('refuses impossible dates', () => {
    expect(milestoneDateProblem('2019-02-30', contest2019)).toMatch(/YYYY-MM-DD/);
    expect(isIsoDate('2019-9-1')).toBe(false);
  });
});

describe('contestCalendarProblems', () => {
  it('accepts a consistent period and window', () => {
    expect(
      contestCalendarProblems({
        year: 2019,
        startsOn: '2019-03-29',
        endsOn: '2020-01-31',
        submissionOpensAt: new Date('2019-04-01T00:00:00Z'),
        submissionClosesAt: new Date('2019-09-30T16:00:00Z'),
      }),
    ).toEqual([]);
  });

  it('names each inconsistent field', () => {
    expect(
      contestCalendarProblems({
        year: 2019,
        startsOn: '2019-12-01',
        endsOn: '2019-03-01',
        submissionOpensAt: new Date('2019-09-30T00:00:00Z'),
        submissionClosesAt: new Date('2019-09-01T00:00:00Z'),
      }).map((p) => p.field),
    ).toEqual(['endsOn', 'submissionClosesAt']);
    expect(contestCalendarProblems({ year: 2019, submissionOpensAt: new Date() }).map((p) => p.field)).toEqual(['submissionClosesAt']);
  });
});
