import { DomainError } from './errors';
import { HonorStatus, honorLifecycle } from './model';
import {
  announcementWindow,
  beijingDate,
  highestLevel,
  isWorkingDay,
  lastWorkingDay,
  nominationCap,
  quotaRefusal,
  rankOrganizers,
  receivedWithinWindow,
  tieChoiceProblems,
  uncoveredYears,
  workCalendar,
} from './honors';

describe('the honor lifecycle', () => {
  const allowed: [HonorStatus, HonorStatus][] = [
    ['NOMINATED', 'PROPOSED'],
    ['NOMINATED', 'WITHDRAWN'],
    ['PROPOSED', 'ANNOUNCED'],
    ['PROPOSED', 'WITHDRAWN'],
    ['ANNOUNCED', 'CONFERRED'],
    ['ANNOUNCED', 'WITHDRAWN'],
    ['CONFERRED', 'REVOKED'],
  ];
  const statuses = Object.values(HonorStatus);

  it.each(allowed)('moves from %s to %s', (from, to) => {
    expect(() => honorLifecycle.assert(from, to)).not.toThrow();
  });

  it('refuses every other move with INVALID_TRANSITION, naming the allowed ones', () => {
    const refused = statuses.flatMap((from) =>
      statuses.filter((to) => !allowed.some(([f, t]) => f === from && t === to)).map((to) => [from, to] as const),
    );
    expect(refused).toHaveLength(statuses.length * statuses.length - allowed.length);
    for (const [from, to] of refused) {
      let error: unknown;
      try {
        honorLifecycle.assert(from, to);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('INVALID_TRANSITION');
    }
  });

  it('cannot skip the announcement: a nomination is never conferred directly', () => {
    expect(honorLifecycle.can('NOMINATED', 'CONFERRED')).toBe(false);
    expect(honorLifecycle.can('PROPOSED', 'CONFERRED')).toBe(false);
  });

  it('a conferred honor can only be revoked, never withdrawn', () => {
    expect(honorLifecycle.next('CONFERRED')).toEqual(['REVOKED']);
    expect(honorLifecycle.next('REVOKED')).toEqual([]);
  });
});

describe('quotas', () => {
  it('nominations may reach 120% of the quota, rounded down (差额推荐)', () => {
    expect(nominationCap(43)).toBe(51);
    expect(nominationCap(10)).toBe(12);
    expect(nominationCap(90)).toBe(108);
    expect(quotaRefusal('NOMINATE', 10, 11)).toBeNull();
    expect(quotaRefusal('NOMINATE', 10, 12)?.code).toBe('QUOTA_EXCEEDED');
  });

  it('proposals never exceed the quota itself', () => {
    expect(quotaRefusal('PROPOSE', 10, 9)).toBeNull();
    expect(quotaRefusal('PROPOSE', 10, 10)?.code).toBe('QUOTA_EXCEEDED');
    expect(quotaRefusal('PROPOSE', 10, 5, 6)?.details).toMatchObject({ quota: 10, counted: 5, adding: 6 });
  });

  it('an award type without a quota takes no nominations', () => {
    expect(quotaRefusal('NOMINATE', null, 0)?.code).toBe('QUOTA_NOT_SET');
  });
});

describe('the announcement window of 5 working days', () => {
  const plain = workCalendar([]);

  it('skips the weekend: announced on Friday 2019-11-29, it closes at the end of Friday 2019-12-06', () => {
    expect(lastWorkingDay('2019-11-29', 5, plain)).toBe('2019-12-06');
    const window = announcementWindow(new Date('2019-11-29T02:00:00Z'), plain);
    expect(window.lastDay).toBe('2019-12-06');
    // The end of the day in Beijing is 16:00 UTC.
    expect(window.closesAt.toISOString()).toBe('2019-12-06T16:00:00.000Z');
  });

  it('counts from the Beijing date: late evening UTC is already the next day in Shanghai', () => {
    expect(beijingDate(new Date('2019-12-05T17:00:00Z'))).toBe('2019-12-06');
  });

  it('skips a configured holiday and counts a configured make-up workday (调休)', () => {
    // New Year 2020: Wednesday 01-01 off.
    const calendar = workCalendar([{ date: '2020-01-01', kind: 'HOLIDAY' }]);
    expect(isWorkingDay('2020-01-01', calendar)).toBe(false);
    expect(lastWorkingDay('2019-12-30', 5, calendar)).toBe('2020-01-07');
    // National Day 2019: 10-01..10-07 off, Sunday 09-29 and Saturday 10-12 worked.
    const national = workCalendar([
      ...['01', '02', '03', '04', '07'].map((d) => ({ date: `2019-10-${d}`, kind: 'HOLIDAY' as const })),
      { date: '2019-09-29', kind: 'WORKDAY' },
      { date: '2019-10-12', kind: 'WORKDAY' },
    ]);
    expect(isWorkingDay('2019-09-29', national)).toBe(true);
    expect(lastWorkingDay('2019-09-27', 5, national)).toBe('2019-10-10');
  });
});

describe('organizer evaluations', () => {
  const unit = (organizationId: string, leadership: number, performance: number, rest = 15) => ({
    organizationId,
    scores: { leadership, promotion: rest, performance, incentive: rest, features: rest },
  });

  it('rank by total, then contest performance, then leadership; the first places are candidates', () => {
    const { ranked, tie } = rankOrganizers([unit('a', 18, 16), unit('b', 16, 18), unit('c', 19, 19), unit('d', 10, 10)], 2);
    expect(tie).toBeNull();
    expect(ranked.map((r) => [r.organizationId, r.rank, r.candidate])).toEqual([
      ['c', 1, true],
      ['b', 2, true],
      ['a', 3, false],
      ['d', 4, false],
    ]);
    expect(ranked[0]!.total).toBe(83);
  });

  it('units equal on every step share a rank; inside the line they are all candidates', () => {
    const { ranked, tie } = rankOrganizers([unit('a', 18, 18), unit('b', 18, 18), unit('c', 10, 10)], 2);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
    expect(ranked.filter((r) => r.candidate).map((r) => r.organizationId)).toEqual(['a', 'b']);
    expect(tie).toBeNull();
  });

  // Twelve unions: eight clear, then four equal on every step at rank 9, for ten places.
  const twelve = [
    ...Array.from({ length: 8 }, (_, i) => unit(`u0${i}`, 19, 19, 19 - i)),
    ...['t1', 't2', 't3', 't4'].map((id) => unit(id, 15, 15, 10)),
  ];

  it('four units tied at rank 9 for ten places: the tie is reported with two seats left, and none of the four is a candidate', () => {
    const { ranked, tie, decided } = rankOrganizers(twelve, 10);
    expect(tie).toEqual({ rank: 9, organizationIds: ['t1', 't2', 't3', 't4'], seatsLeft: 2 });
    expect(decided).toBe(false);
    expect(ranked.filter((r) => r.candidate)).toHaveLength(8);
    expect(ranked.filter((r) => r.tied).map((r) => r.organizationId)).toEqual(['t1', 't2', 't3', 't4']);
  });

  it("the office's decision for that tie seats the units it chose, and no longer marks the four as tied", () => {
    const decision = { places: 10, tiedIds: ['t4', 't3', 't2', 't1'], chosenIds: ['t3', 't1'] };
    const { ranked, tie, decided } = rankOrganizers(twelve, 10, decision);
    expect(decided).toBe(true);
    expect(tie?.seatsLeft).toBe(2);
    expect(ranked.filter((r) => r.candidate).map((r) => r.organizationId)).toEqual([
      ...twelve.slice(0, 8).map((u) => u.organizationId),
      't1',
      't3',
    ]);
    expect(ranked.some((r) => r.tied)).toBe(false);
  });

  it('a decision made for another line, or for other tied units, does not settle the tie that stands now', () => {
    expect(rankOrganizers(twelve, 10, { places: 11, tiedIds: ['t1', 't2', 't3', 't4'], chosenIds: ['t1', 't2', 't3'] }).decided).toBe(
      false,
    );
    const rescored = [...twelve.slice(0, 11), unit('t4', 15, 16, 10)];
    const { tie, decided } = rankOrganizers(rescored, 10, { places: 10, tiedIds: ['t1', 't2', 't3', 't4'], chosenIds: ['t1', 't2'] });
    expect(tie).toEqual({ rank: 10, organizationIds: ['t1', 't2', 't3'], seatsLeft: 1 });
    expect(decided).toBe(false);
  });

  it('a choice takes exactly the seats left, from the tied units, each once', () => {
    const tie = { rank: 9, organizationIds: ['t1', 't2', 't3', 't4'], seatsLeft: 2 };
    expect(tieChoiceProblems(tie, ['t1', 't2'])).toEqual([]);
    expect(tieChoiceProblems(tie, ['t1'])[0]?.message).toMatch(/exactly 2 of the 4/);
    expect(tieChoiceProblems(tie, ['t1', 'u00'])[0]?.message).toMatch(/u00 is not among the tied units/);
    expect(tieChoiceProblems(tie, ['t1', 't1'])[0]?.message).toMatch(/twice/);
  });
});

describe('prior honors', () => {
  it('the highest level of an achievement’s honors counts', () => {
    expect(highestLevel(['MUNICIPAL', 'NATIONAL'])).toBe('NATIONAL');
    expect(highestLevel(['OTHER', 'PROVINCIAL_MINISTERIAL'])).toBe('PROVINCIAL_MINISTERIAL');
    expect(highestLevel([])).toBeNull();
  });
});

describe('objections received outside the platform', () => {
  // Announced Friday 2019-11-29 10:00 Beijing; the window closes at the end of Friday 2019-12-06, Beijing time.
  const announced = new Date('2019-11-29T02:00:00Z');
  const closes = new Date('2019-12-06T16:00:00Z');
  const later = new Date('2019-12-20T02:00:00Z');

  it('count when received from the day of the announcement to the last day of the window', () => {
    expect(receivedWithinWindow('2019-11-29', announced, closes, later)).toBe(true);
    expect(receivedWithinWindow('2019-12-06', announced, closes, later)).toBe(true);
    expect(receivedWithinWindow('2019-11-28', announced, closes, later)).toBe(false);
    expect(receivedWithinWindow('2019-12-07', announced, closes, later)).toBe(false);
  });

  it('cannot have been received after today', () => {
    expect(receivedWithinWindow('2019-12-03', announced, closes, new Date('2019-12-02T02:00:00Z'))).toBe(false);
  });
});

describe('the statutory calendar under the office’s days', () => {
  const statutory = {
    holidays: new Set(['2026-02-16', '2026-02-17']),
    workdays: new Set(['2026-02-14']),
    years: new Set([2025, 2026]),
  };

  it("counts the statutory holidays and make-up workdays, and the office's own days win over them", () => {
    expect(isWorkingDay('2026-02-14', workCalendar([], statutory))).toBe(true);
    expect(isWorkingDay('2026-02-16', workCalendar([], statutory))).toBe(false);
    const office = workCalendar(
      [
        { date: '2026-02-16', kind: 'WORKDAY' },
        { date: '2026-02-14', kind: 'HOLIDAY' },
      ],
      statutory,
    );
    expect(isWorkingDay('2026-02-16', office)).toBe(true);
    expect(isWorkingDay('2026-02-14', office)).toBe(false);
  });

  it('a window reaching a year neither covered nor confirmed is CALENDAR_NOT_COVERED, naming the year; once confirmed it is counted', () => {
    // Monday 2026-12-28, Beijing: five working days run into 2027.
    const at = new Date('2026-12-28T02:00:00Z');
    expect(uncoveredYears('2026-12-28', '2027-01-04', workCalendar([], statutory))).toEqual([2027]);
    expect(() => announcementWindow(at, workCalendar([], statutory))).toThrow(
      expect.objectContaining({ code: 'CALENDAR_NOT_COVERED', details: { years: [2027] } }),
    );
    expect(announcementWindow(at, workCalendar([], statutory, [2027])).lastDay).toBe('2027-01-04');
    expect(uncoveredYears('2031-01-01', '2031-01-09', workCalendar([]))).toEqual([]);
  });
});
