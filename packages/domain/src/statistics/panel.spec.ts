import { kendallsW } from '../aggregation';
import { ErrorCode } from '../errors';
import { completeMatrix, intraclassCorrelation, panelAgreement } from './panel';
import { type Rating } from './ratings';

const refused = (field: string) => expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, field });
const card = (raterId: string, itemId: string, score: number): Rating => ({ raterId, itemId, score });

/** Cards from an items × raters matrix, raters named R1.., items I1... */
const cardsOf = (matrix: number[][]): Rating[] => matrix.flatMap((row, i) => row.map((score, j) => card(`R${j + 1}`, `I${i + 1}`, score)));

// Shrout & Fleiss (1979), Table 2: six targets rated by four judges.
const SHROUT_FLEISS = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

describe(intraclassCorrelation.name, () => {
  it('reproduces the Shrout & Fleiss textbook example: ICC(2,1) = .29, ICC(3,1) = .71', () => {
    const icc = intraclassCorrelation(SHROUT_FLEISS);
    expect(icc.icc21).toBeCloseTo(0.29, 2);
    expect(icc.icc31).toBeCloseTo(0.71, 2);
    expect(icc).toMatchObject({ items: 6, raters: 4 });
  });

  it('finds perfect consistency but little absolute agreement when one judge is 10 points higher on every entry', () => {
    // Grand mean 7; row means 6, 7, 8 → SS items = 2 × (1 + 0 + 1) = 4, BMS = 4 / 2 = 2.
    // Column means 2 and 12 → SS raters = 3 × (25 + 25) = 150, JMS = 150.
    // SS total = 36 + 16 + 25 + 25 + 16 + 36 = 154, so EMS = (154 − 4 − 150) / 2 = 0.
    // ICC(3,1) = 2 / 2 = 1; ICC(2,1) = 2 / (2 + 0 + 2 × 150 / 3) = 2 / 102 = 0.0196.
    expect(
      intraclassCorrelation([
        [1, 11],
        [2, 12],
        [3, 13],
      ]),
    ).toEqual({ icc21: 0.0196, icc31: 1, items: 3, raters: 2 });
  });

  it('has no figure below two entries or two raters, or when no score varies', () => {
    expect(intraclassCorrelation([[1, 2, 3]])).toEqual({ icc21: null, icc31: null, items: 1, raters: 3 });
    expect(intraclassCorrelation([[1], [2]])).toEqual({ icc21: null, icc31: null, items: 2, raters: 1 });
    expect(intraclassCorrelation([])).toEqual({ icc21: null, icc31: null, items: 0, raters: 0 });
    expect(
      intraclassCorrelation([
        [5, 5],
        [5, 5],
      ]),
    ).toEqual({ icc21: null, icc31: null, items: 2, raters: 2 });
  });

  it('refuses a rater missing from an entry and scores that are not numbers', () => {
    expect(() => intraclassCorrelation([[1, 2], [3]])).toThrow(refused('matrix[1]'));
    expect(() =>
      intraclassCorrelation([
        [1, 2],
        [3, Number.NaN],
      ]),
    ).toThrow(refused('matrix[1]'));
  });
});

describe(completeMatrix.name, () => {
  it('keeps the raters who scored every entry, as an entries × raters matrix', () => {
    // C missed e2, so only A and B are kept; both entries stay, since A and B scored both.
    const cards = [card('B', 'e1', 7), card('A', 'e1', 6), card('C', 'e1', 9), card('A', 'e2', 4), card('B', 'e2', 5)];
    expect(completeMatrix(cards)).toEqual({
      raters: ['A', 'B'],
      items: ['e1', 'e2'],
      matrix: [
        [6, 7],
        [4, 5],
      ],
    });
  });

  it('is null when no rater scored every entry, or there are no cards', () => {
    expect(completeMatrix([card('A', 'e1', 1), card('B', 'e2', 2)])).toBeNull();
    expect(completeMatrix([])).toBeNull();
  });

  it('refuses a rater scoring an entry twice', () => {
    expect(() => completeMatrix([card('A', 'e1', 1), card('A', 'e1', 1)])).toThrow(refused('cards[1]'));
  });
});

describe(panelAgreement.name, () => {
  it('gives ICC and Kendall’s W for a panel that scored every entry', () => {
    const agreement = panelAgreement(cardsOf(SHROUT_FLEISS));
    const { icc21, icc31 } = intraclassCorrelation(SHROUT_FLEISS);
    expect(agreement).toEqual({
      items: 6,
      raters: 4,
      ratersCompared: 4,
      icc21,
      icc31,
      // kendallsW takes raters × entries: the transpose.
      kendallsW: kendallsW(SHROUT_FLEISS[0]!.map((_, j) => SHROUT_FLEISS.map((row) => row[j]!))),
      complete: true,
    });
    expect(agreement.icc21).toBeCloseTo(0.29, 2);
  });

  it('computes on the raters who scored every entry, and says the panel was incomplete', () => {
    // R1 and R2 rank e1 < e2 < e3 alike, R2 always 10 higher: W = 1, ICC(3,1) = 1, ICC(2,1) = 0.0196.
    // R3 missed e3, so it is left out of the figures.
    const cards = [
      ...cardsOf([
        [1, 11],
        [2, 12],
        [3, 13],
      ]),
      card('R3', 'I1', 3),
      card('R3', 'I2', 1),
    ];
    expect(panelAgreement(cards)).toEqual({
      items: 3,
      raters: 3,
      ratersCompared: 2,
      icc21: 0.0196,
      icc31: 1,
      kendallsW: 1,
      complete: false,
    });
  });

  it('has no figures when fewer than two raters scored every entry', () => {
    const cards = [card('A', 'e1', 1), card('A', 'e2', 2), card('B', 'e1', 3)];
    expect(panelAgreement(cards)).toEqual({
      items: 2,
      raters: 2,
      ratersCompared: 1,
      icc21: null,
      icc31: null,
      kendallsW: null,
      complete: false,
    });
    expect(panelAgreement([])).toEqual({
      items: 0,
      raters: 0,
      ratersCompared: 0,
      icc21: null,
      icc31: null,
      kendallsW: null,
      complete: false,
    });
  });
});
