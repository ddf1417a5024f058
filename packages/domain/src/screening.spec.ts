import { InvalidInput } from './errors';
import { screeningOutcomes } from './screening';

describe('screeningOutcomes', () => {
  it('passes an entry on a strict majority of pass and recommend votes', () => {
    const outcomes = screeningOutcomes([
      { entryId: 'a', decision: 'PASS' },
      { entryId: 'a', decision: 'RECOMMEND' },
      { entryId: 'a', decision: 'ELIMINATE', eliminationReason: 'LOW_RELEVANCE' },
      { entryId: 'b', decision: 'PASS' },
      { entryId: 'b', decision: 'ELIMINATE', eliminationReason: 'INCOMPLETE' },
    ]);
    expect(outcomes).toEqual([
      { entryId: 'a', passed: true, pass: 1, recommend: 1, eliminate: 1, recommended: true, eliminationReasons: [] },
      // one of two is not more than half
      { entryId: 'b', passed: false, pass: 1, recommend: 0, eliminate: 1, recommended: false, eliminationReasons: ['INCOMPLETE'] },
    ]);
  });

  it('lists each elimination reason once, sorted, for an entry that did not pass', () => {
    const [outcome] = screeningOutcomes([
      { entryId: 'a', decision: 'ELIMINATE', eliminationReason: 'LOW_RELEVANCE' },
      { entryId: 'a', decision: 'ELIMINATE', eliminationReason: 'DUPLICATE' },
      { entryId: 'a', decision: 'ELIMINATE', eliminationReason: 'LOW_RELEVANCE' },
      { entryId: 'a', decision: 'RECOMMEND' },
    ]);
    expect(outcome).toMatchObject({ passed: false, recommended: true, eliminationReasons: ['DUPLICATE', 'LOW_RELEVANCE'] });
  });

  it('follows a stricter rule when the round sets one', () => {
    const cards = [
      { entryId: 'a', decision: 'PASS' as const },
      { entryId: 'a', decision: 'PASS' as const },
      { entryId: 'a', decision: 'ELIMINATE' as const, eliminationReason: 'INELIGIBLE' as const },
    ];
    expect(screeningOutcomes(cards)[0]!.passed).toBe(true); // 2 > 1.5
    expect(screeningOutcomes(cards, { passShare: 2 / 3 })[0]!.passed).toBe(false); // 2 is not > 2
  });

  it('refuses an unknown decision', () => {
    expect(() => screeningOutcomes([{ entryId: 'a', decision: 'MAYBE' as never }])).toThrow(InvalidInput);
  });
});
