import { canWithdraw, contentProblems, missingForSubmit, referenceNumber, submissionWindowProblem } from './submission';

describe('submissionWindowProblem', () => {
  const open = {
    status: 'OPEN_FOR_SUBMISSIONS' as const,
    submissionOpensAt: new Date('2019-04-01T00:00:00Z'),
    submissionClosesAt: new Date('2019-09-30T16:00:00Z'),
  };

  it('accepts both ends of the window, and refuses one second outside either', () => {
    expect(submissionWindowProblem(open, new Date('2019-04-01T00:00:00Z'))).toBeNull();
    expect(submissionWindowProblem(open, new Date('2019-09-30T16:00:00Z'))).toBeNull();
    expect(submissionWindowProblem(open, new Date('2019-03-31T23:59:59Z'))?.code).toBe('SUBMISSION_WINDOW_CLOSED');
    expect(submissionWindowProblem(open, new Date('2019-09-30T16:00:01Z'))?.code).toBe('SUBMISSION_WINDOW_CLOSED');
  });

  it('refuses while the contest is not open, whatever the date', () => {
    expect(submissionWindowProblem({ ...open, status: 'REVIEWING' }, new Date('2019-06-01T00:00:00Z'))?.code).toBe('CONTEST_NOT_OPEN');
  });

  it('needs only the open status when the contest has no window', () => {
    expect(
      submissionWindowProblem({ status: 'OPEN_FOR_SUBMISSIONS', submissionOpensAt: null, submissionClosesAt: null }, new Date()),
    ).toBeNull();
  });
});

describe('missingForSubmit', () => {
  it('names every missing field', () => {
    expect(
      missingForSubmit({
        trackId: null,
        title: '标题',
        summary: ' ',
        achievementKind: null,
        keywords: [],
        applicationEffect: null,
        leaderId: 'p',
      }).map((p) => p.field),
    ).toEqual(['trackId', 'summary', 'achievementKind', 'keywords', 'applicationEffect']);
  });
});

describe('canWithdraw', () => {
  it('lets a draft go at any time, and a submitted entry only before review starts', () => {
    expect(canWithdraw('DRAFT', 'REVIEWING')).toBe(true);
    expect(canWithdraw('SUBMITTED', 'OPEN_FOR_SUBMISSIONS')).toBe(true);
    expect(canWithdraw('SUBMITTED', 'REVIEWING')).toBe(false);
    expect(canWithdraw('WITHDRAWN', 'OPEN_FOR_SUBMISSIONS')).toBe(false);
  });
});

describe('referenceNumber', () => {
  it('reads year, track and a four-digit sequence', () => expect(referenceNumber(2019, 'AI', 42)).toBe('2019-AI-0042'));
});

describe('contentProblems', () => {
  it('names the position of each bad metric', () => {
    expect(
      contentProblems({
        metrics: [
          { name: '推广医院', value: 412, unit: '家' },
          { name: '', value: Number.NaN, unit: '' },
        ],
      }).map((p) => p.field),
    ).toEqual(['metrics[1].name', 'metrics[1].value']);
  });

  it('refuses control and bidirectional-override characters in keywords, metric names and units', () => {
    const problems = contentProblems({
      keywords: ['AI', 'a\u0000b'],
      metrics: [{ name: '产值\u202e', value: 1, unit: '万元\u0007' }],
    });
    expect(problems.map((p) => p.field)).toEqual(['keywords[1]', 'metrics[0].name', 'metrics[0].unit']);
    expect(problems.every((p) => /control or bidirectional-override/.test(p.message))).toBe(true);
  });

  it('keeps metric values within ±10^15', () => {
    const value = (v: number) => contentProblems({ metrics: [{ name: '产值', value: v, unit: '元' }] }).map((p) => p.field);
    expect(value(-1e15)).toEqual([]);
    expect(value(1e16)).toEqual(['metrics[0].value']);
    expect(value(Infinity)).toEqual(['metrics[0].value']);
  });
});
