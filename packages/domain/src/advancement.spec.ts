import { type AdvancementResult, type AdvancementRule, type Candidate, DEFAULT_TIE_BREAKS, advance, outcomeFor } from './advancement';

const candidate = (entryId: string, over: Partial<Candidate> = {}): Candidate => ({
  entryId,
  trackId: 'AI',
  aggregate: 80,
  topCriterion: 30,
  recommendCount: 0,
  submittedAt: '2019-09-01T00:00:00Z',
  eligible: true,
  ...over,
});

const oneGroup = (quota: number): AdvancementRule => ({ kind: 'QUOTA', groups: [{ code: 'AI', trackIds: ['AI'], quota }] });
const advancedIds = (result: AdvancementResult) => result.ranked.filter((r) => r.advanced).map((r) => r.entryId);
const row = (result: AdvancementResult, entryId: string) => result.ranked.find((r) => r.entryId === entryId)!;

describe('advance: the tie-break chain', () => {
  it('ranks by aggregate first', () => {
    const result = advance([candidate('low', { aggregate: 70 }), candidate('high', { aggregate: 90 })], oneGroup(1));
    expect(result.ranked.map((r) => [r.entryId, r.rank, r.decidedBy])).toEqual([
      ['high', 1, 'AGGREGATE'],
      ['low', 2, null],
    ]);
    expect(advancedIds(result)).toEqual(['high']);
  });

  it('separates equal aggregates by the highest-weighted criterion', () => {
    const result = advance([candidate('a', { topCriterion: 28 }), candidate('b', { topCriterion: 32 })], oneGroup(1));
    expect(advancedIds(result)).toEqual(['b']);
    expect(row(result, 'b').decidedBy).toBe('TOP_CRITERION');
  });

  it('then by the number of recommendations', () => {
    const result = advance([candidate('a', { recommendCount: 1 }), candidate('b', { recommendCount: 2 })], oneGroup(1));
    expect(advancedIds(result)).toEqual(['b']);
    expect(row(result, 'b').decidedBy).toBe('RECOMMEND_COUNT');
  });

  it('then by the earlier submission', () => {
    const result = advance(
      [candidate('a', { submittedAt: '2019-09-02T08:00:00Z' }), candidate('b', { submittedAt: new Date('2019-09-02T07:59:59Z') })],
      oneGroup(1),
    );
    expect(advancedIds(result)).toEqual(['b']);
    expect(row(result, 'b').decidedBy).toBe('EARLIER_SUBMISSION');
  });

  it('treats aggregates equal to four decimals as equal, so stored figures do not create false differences', () => {
    const result = advance([candidate('a', { aggregate: 80.00001 }), candidate('b', { aggregate: 80, topCriterion: 31 })], oneGroup(1));
    expect(advancedIds(result)).toEqual(['b']);
  });

  it('follows the chain the round configures', () => {
    const cands = [candidate('a', { aggregate: 90, recommendCount: 0 }), candidate('b', { aggregate: 80, recommendCount: 3 })];
    expect(advancedIds(advance(cands, oneGroup(1), { tieBreaks: ['RECOMMEND_COUNT', 'AGGREGATE'] }))).toEqual(['b']);
    expect(DEFAULT_TIE_BREAKS).toEqual(['AGGREGATE', 'TOP_CRITERION', 'RECOMMEND_COUNT', 'EARLIER_SUBMISSION']);
  });

  it('gives entries level on the whole chain the same rank, listing them by id', () => {
    const result = advance(
      [candidate('c', { aggregate: 70 }), candidate('b'), candidate('a'), candidate('top', { aggregate: 95 })],
      oneGroup(4),
    );
    expect(result.ranked.map((r) => [r.entryId, r.rank])).toEqual([
      ['top', 1],
      ['a', 2],
      ['b', 2],
      ['c', 4],
    ]);
    expect(row(result, 'a').decidedBy).toBeNull();
    expect(row(result, 'b').decidedBy).toBe('AGGREGATE');
  });
});

describe('advance: ties on the quota line', () => {
  // Two seats: "first" is clear, "b" and "c" are level on everything for the second.
  const tied = [candidate('first', { aggregate: 90 }), candidate('b'), candidate('c'), candidate('last', { aggregate: 60 })];

  it('reports a tie across the last seat and advances none of the tied entries', () => {
    const result = advance(tied, oneGroup(2));
    expect(result.ties).toEqual([{ groupCode: 'AI', quota: 2, entryIds: ['b', 'c'], seatsLeft: 1 }]);
    expect(advancedIds(result)).toEqual(['first']);
    expect(row(result, 'b').rank).toBe(row(result, 'c').rank);
  });

  it('does not report a tie that fits inside the seats', () => {
    const result = advance(tied, oneGroup(3));
    expect(result.ties).toEqual([]);
    expect(advancedIds(result)).toEqual(['first', 'b', 'c']);
  });

  it('is settled by advancing one of the tied entries', () => {
    const result = advance(tied, oneGroup(2), { overrides: [{ entryId: 'c', outcome: 'ADVANCE', reason: 'panel vote 5:4' }] });
    expect(result.ties).toEqual([]);
    expect(advancedIds(result).sort()).toEqual(['c', 'first']);
    expect(row(result, 'c').overridden).toEqual({ entryId: 'c', outcome: 'ADVANCE', reason: 'panel vote 5:4' });
  });

  it('is settled by eliminating one of the tied entries', () => {
    const result = advance(tied, oneGroup(2), {
      overrides: [{ entryId: 'b', outcome: 'ELIMINATE', reason: 'duplicate of an earlier award' }],
    });
    expect(result.ties).toEqual([]);
    expect(advancedIds(result)).toEqual(['first', 'c']);
  });

  it('is settled by raising the quota', () => {
    const result = advance(tied, oneGroup(2), { quotaRaises: [{ groupCode: 'AI', quota: 3, reason: 'committee approved one more seat' }] });
    expect(result.ties).toEqual([]);
    expect(advancedIds(result)).toEqual(['first', 'b', 'c']);
    expect(result.groups).toEqual([{ code: 'AI', quota: 3, candidates: 4, advanced: 3 }]);
  });

  it('reports every entry of a three-way tie with the seats it competes for', () => {
    const result = advance([candidate('first', { aggregate: 90 }), candidate('x'), candidate('y'), candidate('z')], oneGroup(3));
    expect(result.ties).toEqual([{ groupCode: 'AI', quota: 3, entryIds: ['x', 'y', 'z'], seatsLeft: 2 }]);
    expect(advancedIds(result)).toEqual(['first']);
  });
});

describe('advance: overrides and the quota', () => {
  const four = [
    candidate('a', { aggregate: 90 }),
    candidate('b', { aggregate: 85 }),
    candidate('c', { aggregate: 80 }),
    candidate('d', { aggregate: 50 }),
  ];

  it('seats a forced entry first and takes the seat from the lowest-ranked one', () => {
    const result = advance(four, oneGroup(3), { overrides: [{ entryId: 'd', outcome: 'ADVANCE', reason: 'strategic priority' }] });
    expect(advancedIds(result)).toEqual(['a', 'b', 'd']);
    expect(result.groups[0]).toEqual({ code: 'AI', quota: 3, candidates: 4, advanced: 3 });
    expect(result.problems).toEqual([]);
  });

  it('gives the seat of an eliminated entry to the next in rank', () => {
    const result = advance(four, oneGroup(2), {
      overrides: [{ entryId: 'a', outcome: 'ELIMINATE', reason: 'found ineligible after review' }],
    });
    expect(advancedIds(result)).toEqual(['b', 'c']);
    expect(row(result, 'a').rank).toBe(1);
  });

  it('reports more forced entries than seats', () => {
    const overrides = ['c', 'd'].map((entryId) => ({ entryId, outcome: 'ADVANCE' as const, reason: 'strategic priority' }));
    const result = advance(four, oneGroup(1), { overrides });
    expect(result.problems).toEqual([
      { groupCode: 'AI', message: expect.stringMatching(/2 entries are forced to advance but the quota is 1/) },
    ]);
    expect(advancedIds(result)).toEqual(['c', 'd']);
  });

  it('allows more forced entries once the quota is raised for them, keeping normal seats within the raise', () => {
    const overrides = ['c', 'd'].map((entryId) => ({ entryId, outcome: 'ADVANCE' as const, reason: 'strategic priority' }));
    const result = advance(four, oneGroup(1), { overrides, quotaRaises: [{ groupCode: 'AI', quota: 3, reason: 'approved' }] });
    expect(result.problems).toEqual([]);
    expect(advancedIds(result)).toEqual(['a', 'c', 'd']);
  });

  it('ignores a raise that does not raise, or names no group, and says so', () => {
    const result = advance(four, oneGroup(2), {
      quotaRaises: [
        { groupCode: 'AI', quota: 2, reason: 'typo' },
        { groupCode: 'BIOMED', quota: 9, reason: 'wrong group' },
      ],
    });
    expect(result.problems.map((p) => p.groupCode)).toEqual(['AI', 'BIOMED']);
    expect(result.groups[0]!.quota).toBe(2);
  });

  it('reports an override for an entry that is not a candidate', () => {
    const result = advance(four, oneGroup(2), { overrides: [{ entryId: 'ghost', outcome: 'ADVANCE', reason: 'x' }] });
    expect(result.problems).toEqual([{ entryId: 'ghost', message: expect.stringMatching(/not a candidate/) }]);
    expect(advancedIds(result)).toEqual(['a', 'b']);
  });

  it('refuses an override without a reason, and two overrides for one entry', () => {
    expect(() => advance(four, oneGroup(2), { overrides: [{ entryId: 'a', outcome: 'ADVANCE', reason: ' ' }] })).toThrow(/reason/);
    expect(() =>
      advance(four, oneGroup(2), {
        overrides: [
          { entryId: 'a', outcome: 'ADVANCE', reason: 'x' },
          { entryId: 'a', outcome: 'ELIMINATE', reason: 'y' },
        ],
      }),
    ).toThrow(/already has an override/);
  });
});

describe('advance: eligibility, groups and thresholds', () => {
  it('never seats an ineligible entry, even with seats to spare, and ranks it after the rest', () => {
    const result = advance(
      [candidate('screened-out', { aggregate: 99, eligible: false }), candidate('ok', { aggregate: 40 })],
      oneGroup(5),
    );
    expect(advancedIds(result)).toEqual(['ok']);
    expect(result.ranked.map((r) => [r.entryId, r.rank])).toEqual([
      ['ok', 1],
      ['screened-out', 2],
    ]);
    expect(row(result, 'ok').decidedBy).toBeNull();
  });

  it('does not let an ineligible entry take part in a tie', () => {
    const result = advance([candidate('a'), candidate('b', { eligible: false })], oneGroup(1));
    expect(result.ties).toEqual([]);
    expect(advancedIds(result)).toEqual(['a']);
  });

  it('reports an entry whose track is in no group and does not advance it', () => {
    const result = advance([candidate('a'), candidate('lost', { trackId: 'QUANTUM' })], oneGroup(5));
    expect(advancedIds(result)).toEqual(['a']);
    expect(row(result, 'lost')).toMatchObject({ groupCode: null, advanced: false });
    expect(result.problems).toEqual([{ entryId: 'lost', message: expect.stringMatching(/track QUANTUM is in no advancement group/) }]);
  });

  it('refuses a track listed in two groups', () => {
    const rule: AdvancementRule = {
      kind: 'QUOTA',
      groups: [
        { code: 'AI', trackIds: ['AI'], quota: 1 },
        { code: 'AI+IC', trackIds: ['AI', 'IC'], quota: 1 },
      ],
    };
    expect(() => advance([], rule)).toThrow(/track AI is already in group AI/);
  });

  it('advances every eligible entry that reaches the threshold, with no groups and no ties', () => {
    const result = advance(
      [
        candidate('exactly', { aggregate: 75 }),
        candidate('above', { aggregate: 88, trackId: 'BIOMED' }),
        candidate('below', { aggregate: 74.9999 }),
        candidate('screened-out', { aggregate: 90, eligible: false }),
        candidate('level', { aggregate: 75 }),
      ],
      { kind: 'THRESHOLD', minimum: 75 },
    );
    expect(advancedIds(result)).toEqual(['above', 'exactly', 'level']);
    expect(result.ranked.every((r) => r.groupCode === null)).toBe(true);
    expect(result).toMatchObject({ ties: [], groups: [], problems: [] });
  });

  it('applies overrides under a threshold too', () => {
    const result = advance(
      [candidate('a', { aggregate: 60 }), candidate('b', { aggregate: 90 })],
      { kind: 'THRESHOLD', minimum: 75 },
      {
        overrides: [
          { entryId: 'a', outcome: 'ADVANCE', reason: 'reinstated' },
          { entryId: 'b', outcome: 'ELIMINATE', reason: 'withdrawn by its unit' },
        ],
      },
    );
    expect(advancedIds(result)).toEqual(['a']);
  });
});

describe('advance: a contest shaped like 2019', () => {
  // Three groups as in the 2019 contest: 68 seats for AI, 68 for biomedicine, and 49
  // shared by integrated circuits and big science, among 150, 120 and 60 + 40 entries.
  const rule: AdvancementRule = {
    kind: 'QUOTA',
    groups: [
      { code: 'AI', trackIds: ['AI'], quota: 68 },
      { code: 'BIOMED', trackIds: ['BIOMED'], quota: 68 },
      { code: 'IC+BIG_SCIENCE', trackIds: ['IC', 'BIG_SCIENCE'], quota: 49 },
    ],
  };
  // 370 entries with distinct scores: i × 41 mod 370 visits every number below 370 once.
  const tracks = [
    ...Array<string>(150).fill('AI'),
    ...Array<string>(120).fill('BIOMED'),
    ...Array<string>(60).fill('IC'),
    ...Array<string>(40).fill('BIG_SCIENCE'),
  ];
  const all = tracks.map((trackId, i) =>
    candidate(`${trackId}-${String(i).padStart(3, '0')}`, { trackId, aggregate: 40 + ((i * 41) % 370) * 0.125 }),
  );

  it('advances exactly 68, 68 and 49, each the top of its group', () => {
    const result = advance(all, rule);
    expect(result.groups).toEqual([
      { code: 'AI', quota: 68, candidates: 150, advanced: 68 },
      { code: 'BIOMED', quota: 68, candidates: 120, advanced: 68 },
      { code: 'IC+BIG_SCIENCE', quota: 49, candidates: 100, advanced: 49 },
    ]);
    expect(result).toMatchObject({ ties: [], problems: [] });
    for (const code of ['AI', 'BIOMED', 'IC+BIG_SCIENCE']) {
      const own = result.ranked.filter((r) => r.groupCode === code);
      expect(own.slice(0, rule.groups.find((g) => g.code === code)!.quota).every((r) => r.advanced)).toBe(true);
      expect(own.map((r) => r.rank)).toEqual(own.map((_, i) => i + 1));
    }
  });
});

describe('outcomeFor', () => {
  it('calls advancing from the final an excellent achievement, and otherwise advanced or eliminated', () => {
    expect(outcomeFor('SCREENING', true)).toBe('ADVANCED');
    expect(outcomeFor('EVALUATION', true)).toBe('ADVANCED');
    expect(outcomeFor('FINAL', true)).toBe('EXCELLENT');
    expect(outcomeFor('FINAL', false)).toBe('ELIMINATED');
    expect(outcomeFor('SCREENING', false)).toBe('ELIMINATED');
  });
});
