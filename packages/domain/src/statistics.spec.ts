import { panelAgreement, relativeHarshness, suppressCell, measure, type Rating } from './index';

/**
 * One final-round panel seen through the package's front door, as the analytics subgraph
 * sees it: three judges scored the same four entries, and judge C scored each one exactly
 * 10 points below judge A, with B in between.
 */
const PANEL: Rating[] = [
  ['e1', 80, 75, 70],
  ['e2', 60, 55, 50],
  ['e3', 90, 85, 80],
  ['e4', 70, 65, 60],
].flatMap(([itemId, a, b, c]) => [
  { raterId: 'A', itemId: itemId as string, score: a as number },
  { raterId: 'B', itemId: itemId as string, score: b as number },
  { raterId: 'C', itemId: itemId as string, score: c as number },
]);

describe('statistics over one panel', () => {
  it('finds the judge who scores 10 below a colleague harsher by the same amount on every entry', () => {
    // C on e1: 70 − (80 + 75)/2 = −7.5, and the same on every entry, so no spread and a zero-width interval.
    const [harshest, , mildest] = relativeHarshness(PANEL);
    expect(harshest).toEqual({ raterId: 'C', items: 4, meanDeviation: -7.5, stdDev: 0, low: -7.5, high: -7.5 });
    expect(mildest).toMatchObject({ raterId: 'A', meanDeviation: 7.5 });
  });

  it('sees the panel rank the entries identically, yet disagree on the level', () => {
    // Entry means 75, 55, 85, 65 around 70: BMS = 3 × (25 + 225 + 225 + 25) / 3 = 500. Judge means
    // 75, 70, 65: JMS = 4 × (25 + 0 + 25) / 2 = 100. The scores are entry + judge exactly, so EMS = 0.
    // ICC(3,1) = 500 / 500 = 1; ICC(2,1) = 500 / (500 + 3 × 100 / 4) = 500 / 575 = 0.8696.
    expect(panelAgreement(PANEL)).toEqual({
      items: 4,
      raters: 3,
      ratersCompared: 3,
      icc21: 0.8696,
      icc31: 1,
      kendallsW: 1,
      complete: true,
    });
  });

  it('suppresses a judge’s four-card cell under the default minimum, though its mean is computable', () => {
    const judgeA = PANEL.filter((c) => c.raterId === 'A').map((c) => c.score);
    expect(measure('MEAN', judgeA)).toBe(75);
    expect(suppressCell(judgeA.length)).toBe(true);
  });
});
