import { DomainError } from './errors';
import { contestLifecycle, honorLifecycle, roundLifecycle, submissionLifecycle } from './model';

describe('Lifecycle', () => {
  it('lets a contest move forward one step at a time', () => {
    expect(contestLifecycle.can('DRAFT', 'OPEN_FOR_SUBMISSIONS')).toBe(true);
    expect(contestLifecycle.can('OPEN_FOR_SUBMISSIONS', 'REVIEWING')).toBe(true);
    expect(contestLifecycle.can('REVIEWING', 'CLOSED')).toBe(true);
  });

  it('refuses skipping a step or going back, naming the allowed moves', () => {
    expect(() => contestLifecycle.assert('DRAFT', 'REVIEWING')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION', message: expect.stringContaining('allowed: OPEN_FOR_SUBMISSIONS') }),
    );
    expect(roundLifecycle.can('FINALIZED', 'OPEN')).toBe(false);
    expect(roundLifecycle.can('OPEN', 'FINALIZED')).toBe(false);
  });

  it('says when a status is final', () => {
    let error: DomainError | undefined;
    try {
      submissionLifecycle.assert('WITHDRAWN', 'SUBMITTED');
    } catch (e) {
      error = e as DomainError;
    }
    expect(error?.message).toContain('WITHDRAWN is final');
    expect(error?.field).toBe('status');
  });

  it('lets a returned entry be submitted again and keeps a rejected one final', () => {
    expect(submissionLifecycle.can('RETURNED', 'SUBMITTED')).toBe(true);
    expect(submissionLifecycle.can('REJECTED', 'WITHDRAWN')).toBe(false);
    expect(() => submissionLifecycle.assert('REJECTED', 'SUBMITTED')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('REJECTED is final') }),
    );
  });

  it('allows withdrawing an honor before conferral and revoking it only after', () => {
    for (const from of ['NOMINATED', 'PROPOSED', 'ANNOUNCED'] as const) expect(honorLifecycle.can(from, 'WITHDRAWN')).toBe(true);
    expect(honorLifecycle.can('CONFERRED', 'WITHDRAWN')).toBe(false);
    expect(honorLifecycle.can('CONFERRED', 'REVOKED')).toBe(true);
    expect(honorLifecycle.can('ANNOUNCED', 'REVOKED')).toBe(false);
  });
});
