import { creditCodeFieldProblem, creditCodeProblem, makeCreditCode } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '91310000132149237G'])('accepts the published code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('refuses a code whose check character is wrong', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check character does not match');
  });

  it('refuses a code whose embedded organization code fails its own check', () => {
    expect(creditCodeProblem('91350100M000100X43')).toMatch(/organization code/);
  });

  it('refuses codes of the wrong length', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('must be 18 characters');
    expect(creditCodeProblem('91350100M000100Y433')).toBe('must be 18 characters');
  });

  it('refuses letters the standard excludes (I, O, S, V, Z) and lower case', () => {
    expect(creditCodeProblem('91350100M000100YO3')).toMatch(/"O"/);
    expect(creditCodeProblem('91350100m000100Y43')).toMatch(/"m"/);
  });

  it('refuses a non-numeric administrative division', () => {
    expect(creditCodeProblem('9135A100M000100Y43')).toMatch(/administrative division/);
  });

  it('builds valid codes for synthetic organizations', () => {
    for (let i = 0; i < 200; i++) {
      const code = makeCreditCode('9', '1', '310115', String(30000000 + i * 37));
      expect(creditCodeProblem(code)).toBeNull();
    }
  });
});

describe('creditCodeFieldProblem', () => {
  it('names a mistyped check character CHECK_CHARACTER_MISMATCH, and other faults by message alone', () => {
    expect(creditCodeFieldProblem('91350100M000100Y44')).toEqual({
      message: 'check character does not match',
      code: 'CHECK_CHARACTER_MISMATCH',
    });
    expect(creditCodeFieldProblem('91350100M000100Y4')).toEqual({ message: 'must be 18 characters' });
    expect(creditCodeFieldProblem('91350100M000100Y43')).toBeNull();
  });
});
