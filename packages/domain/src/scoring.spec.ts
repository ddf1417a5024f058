import { criteriaProblems } from './scoring';

describe('criteriaProblems', () => {
  const criterion = (name: string) => ({ code: 'OVERALL', name, weight: 1, maxScore: 100 });

  it('accepts a criterion named in plain text', () => {
    expect(criteriaProblems([criterion('创新性')])).toEqual([]);
  });

  it('refuses a criterion name with a control or bidirectional-override character, naming its position', () => {
    expect(criteriaProblems([criterion('创新\u202e性')])).toEqual([
      { field: 'criteria[0].name', message: expect.stringMatching(/bidirectional-override characters \(U\+202E/) },
    ]);
  });
});
