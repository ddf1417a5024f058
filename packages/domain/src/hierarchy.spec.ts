import { isWithinSubtree, mobilizationProblem, parentChangeProblem } from './hierarchy';

// federation ← pudong ← zhangjiang (park) ← company
const ancestors: Record<string, string[]> = {
  federation: [],
  pudong: ['federation'],
  zhangjiang: ['pudong', 'federation'],
  company: ['zhangjiang', 'pudong', 'federation'],
};

describe('parentChangeProblem', () => {
  it('allows moving a unit under an unrelated parent, or to the top', () => {
    expect(parentChangeProblem('company', 'pudong', ancestors.pudong!)).toBeNull();
    expect(parentChangeProblem('zhangjiang', null, [])).toBeNull();
  });

  it('refuses making an organization its own parent', () => {
    expect(parentChangeProblem('pudong', 'pudong', ancestors.pudong!)).toMatch(/own parent/);
  });

  it('refuses moving an organization under its own descendant, however deep', () => {
    expect(parentChangeProblem('pudong', 'zhangjiang', ancestors.zhangjiang!)).toMatch(/cycle/);
    expect(parentChangeProblem('federation', 'company', ancestors.company!)).toMatch(/cycle/);
  });
});

describe('isWithinSubtree', () => {
  it('counts the root itself and everything below it, nothing beside or above it', () => {
    expect(isWithinSubtree('pudong', 'pudong', ancestors.pudong!)).toBe(true);
    expect(isWithinSubtree('company', 'pudong', ancestors.company!)).toBe(true);
    expect(isWithinSubtree('federation', 'pudong', ancestors.federation!)).toBe(false);
    expect(isWithinSubtree('elsewhere', 'pudong', ['federation'])).toBe(false);
  });
});

describe('mobilizationProblem', () => {
  it('lets a district union enrol a company inside it', () => {
    expect(mobilizationProblem({ id: 'company', ancestors: ancestors.company! }, { id: 'pudong', kind: 'DISTRICT_UNION' })).toBeNull();
  });

  it('refuses a mobilizer that is not a union', () => {
    expect(mobilizationProblem({ id: 'company', ancestors: ancestors.company! }, { id: 'zhangjiang', kind: 'PARK' })).toMatchObject({
      field: 'mobilizedById',
    });
  });

  it('refuses a unit outside the union', () => {
    expect(mobilizationProblem({ id: 'other', ancestors: ['federation'] }, { id: 'pudong', kind: 'DISTRICT_UNION' })).toEqual({
      field: 'organizationId',
      message: 'must be inside the mobilizing union',
    });
  });
});
