import { InvalidInput } from './errors';
import { check } from './validation';

const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidInput) return e.problems;
    throw e;
  }
  return [];
};

describe('check', () => {
  it('passes valid input through unchanged', () => {
    const input = { name: '浦东新区总工会', kind: 'DISTRICT_UNION', year: 2019 };
    expect(check(input).text('name', { max: 120 }).oneOf('kind', ['DISTRICT_UNION']).int('year', { min: 1949, max: 2100 }).done()).toBe(
      input,
    );
  });

  it('reports every bad field at once, first field first', () => {
    const problems = problemsOf(() =>
      check({ name: ' ', kind: 'PLANET', year: 2019.5 })
        .text('name', { max: 120 })
        .oneOf('kind', ['ENTERPRISE'])
        .int('year', { min: 1949, max: 2100 })
        .done(),
    );
    expect(problems).toEqual([
      { field: 'name', message: 'must not be blank' },
      { field: 'kind', message: 'must be one of ENTERPRISE' },
      { field: 'year', message: 'must be an integer' },
    ]);
  });

  it('counts characters, not bytes, so Chinese names get their full length', () => {
    const name = '中'.repeat(10);
    expect(problemsOf(() => check({ name }).text('name', { max: 10 }).done())).toEqual([]);
    expect(
      problemsOf(() =>
        check({ name: name + '国' })
          .text('name', { max: 10 })
          .done(),
      ),
    ).toEqual([{ field: 'name', message: 'must be at most 10 characters' }]);
  });

  it('treats optional fields as optional and required ones as required', () => {
    expect(
      problemsOf(() =>
        check({ note: null as string | null })
          .text('note', { max: 5, optional: true })
          .done(),
      ),
    ).toEqual([]);
    expect(
      problemsOf(() =>
        check({ note: undefined as string | undefined })
          .text('note', { max: 5 })
          .done(),
      ),
    ).toEqual([{ field: 'note', message: 'is required' }]);
  });

  it('names nested fields with their prefix', () => {
    const error = (() => {
      try {
        check({ code: 'x' }, 'input.').text('code', { min: 3, max: 40 }).done();
      } catch (e) {
        return e as InvalidInput;
      }
    })();
    expect(error?.field).toBe('input.code');
    expect(error?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses control and bidirectional-override characters in any text, keeping line breaks where text has lines', () => {
    expect(problemsOf(() => check({ name: '中山\u0000医院' }).text('name', { max: 120 }).done())).toEqual([
      { field: 'name', message: expect.stringMatching(/control or bidirectional-override characters \(U\+0000/) },
    ]);
    expect(problemsOf(() => check({ title: 'abc\u202Etxt.exe' }).text('title', { max: 120 }).done())[0]?.field).toBe('title');
    expect(problemsOf(() => check({ summary: '第一段\n第二段' }).text('summary', { max: 120 }).done())[0]?.field).toBe('summary');
    expect(problemsOf(() => check({ summary: '第一段\n第二段' }).text('summary', { max: 120, multiline: true }).done())).toEqual([]);
    expect(problemsOf(() => check({ summary: '第一段\u0007' }).text('summary', { max: 120, multiline: true }).done())).toHaveLength(1);
  });

  it('checks every item of a list of strings, naming the item', () => {
    expect(
      problemsOf(() =>
        check({ keywords: ['AI', 'a\u2066b', ''] })
          .texts('keywords', { max: 20 })
          .done(),
      ),
    ).toEqual([
      { field: 'keywords[1]', message: expect.stringMatching(/U\+2066/) },
      { field: 'keywords[2]', message: 'must not be blank' },
    ]);
    expect(problemsOf(() => check({ keywords: null }).texts('keywords', { max: 20, optional: true }).done())).toEqual([]);
  });

  it('takes finite numbers within bounds only', () => {
    const numberProblems = (v: unknown) => problemsOf(() => check({ v }).number('v', { min: 0, max: 20 }).done());
    expect(numberProblems(12.5)).toEqual([]);
    expect(numberProblems(Infinity)).toEqual([{ field: 'v', message: 'must be a finite number' }]);
    expect(numberProblems(NaN)).toEqual([{ field: 'v', message: 'must be a finite number' }]);
    expect(numberProblems(20.5)).toEqual([{ field: 'v', message: 'must be between 0 and 20' }]);
  });
});
