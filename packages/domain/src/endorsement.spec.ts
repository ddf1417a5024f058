import {
  type ContestChecks,
  NO_CHECKS,
  assertCheckMove,
  assertChecksBeforeReview,
  checkReason,
  intakeStatus,
  isEditableByUnit,
  isEntered,
  submissionLifecycleFor,
} from './endorsement';
import { SubmissionStatus, submissionLifecycle } from './model';
import { canWithdraw } from './submission';

const BOTH: ContestChecks = { endorsement: true, formCheck: true };
const ENDORSEMENT: ContestChecks = { endorsement: true, formCheck: false };
const FORM: ContestChecks = { endorsement: false, formCheck: true };

const codeOf = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e as { code: string; field?: string; message: string };
  }
  return null;
};

describe('submissionLifecycleFor', () => {
  it('takes an entry through endorsement then the form check when the contest asks both', () => {
    const life = submissionLifecycleFor(BOTH);
    expect(life.next('SUBMITTED')).toEqual(['ENDORSED', 'RETURNED', 'WITHDRAWN']);
    expect(life.next('ENDORSED')).toEqual(['ACCEPTED', 'REJECTED', 'WITHDRAWN']);
    expect(life.can('SUBMITTED', 'ACCEPTED')).toBe(false);
    expect(life.next('RETURNED')).toEqual(['SUBMITTED', 'WITHDRAWN']);
    expect(life.next('ACCEPTED')).toEqual(['WITHDRAWN']);
  });

  it('goes straight to the form check when the contest asks no endorsement', () => {
    const life = submissionLifecycleFor(FORM);
    expect(life.next('SUBMITTED')).toEqual(['ACCEPTED', 'REJECTED', 'WITHDRAWN']);
    expect(life.can('SUBMITTED', 'ENDORSED')).toBe(false);
  });

  it('stops at ENDORSED when the contest asks no form check', () => {
    const life = submissionLifecycleFor(ENDORSEMENT);
    expect(life.next('ENDORSED')).toEqual(['WITHDRAWN']);
  });

  it('keeps a rejected and a withdrawn entry final in every contest', () => {
    for (const checks of [BOTH, ENDORSEMENT, FORM, NO_CHECKS]) {
      const life = submissionLifecycleFor(checks);
      expect(life.next('REJECTED')).toEqual([]);
      expect(life.next('WITHDRAWN')).toEqual([]);
    }
    expect(codeOf(() => submissionLifecycleFor(BOTH).assert('REJECTED', 'SUBMITTED'))?.message).toContain('REJECTED is final');
  });

  it('is the plain submission lifecycle for a contest without checks', () => {
    for (const s of Object.values(SubmissionStatus)) {
      expect(submissionLifecycleFor(NO_CHECKS).next(s)).toEqual(submissionLifecycle.next(s));
    }
  });
});

describe('assertCheckMove', () => {
  it('refuses a step of a check the contest does not ask, saying which', () => {
    expect(codeOf(() => assertCheckMove(FORM, 'SUBMITTED', 'ENDORSED'))).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringContaining('no endorsement'),
    });
    expect(codeOf(() => assertCheckMove(ENDORSEMENT, 'ENDORSED', 'ACCEPTED'))).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringContaining('no form check'),
    });
    expect(codeOf(() => assertCheckMove(NO_CHECKS, 'SUBMITTED', 'RETURNED'))?.code).toBe('INVALID_TRANSITION');
  });

  it('refuses skipping the endorsement and acting twice', () => {
    expect(codeOf(() => assertCheckMove(BOTH, 'SUBMITTED', 'ACCEPTED'))?.code).toBe('INVALID_TRANSITION');
    expect(codeOf(() => assertCheckMove(BOTH, 'ENDORSED', 'ENDORSED'))?.code).toBe('INVALID_TRANSITION');
    expect(codeOf(() => assertCheckMove(BOTH, 'DRAFT', 'ENDORSED'))?.code).toBe('INVALID_TRANSITION');
    expect(codeOf(() => assertCheckMove(BOTH, 'SUBMITTED', 'ENDORSED'))).toBeNull();
    expect(codeOf(() => assertCheckMove(BOTH, 'ENDORSED', 'REJECTED'))).toBeNull();
  });
});

describe('intakeStatus', () => {
  it('is the status of the last check the contest asks', () => {
    expect(intakeStatus(BOTH)).toBe('ACCEPTED');
    expect(intakeStatus(FORM)).toBe('ACCEPTED');
    expect(intakeStatus(ENDORSEMENT)).toBe('ENDORSED');
    expect(intakeStatus(NO_CHECKS)).toBe('SUBMITTED');
  });
});

describe('isEntered and isEditableByUnit', () => {
  it('counts submitted, endorsed and accepted entries as entered, and nothing else', () => {
    expect(Object.values(SubmissionStatus).filter(isEntered)).toEqual(['SUBMITTED', 'ENDORSED', 'ACCEPTED']);
  });

  it('lets a unit edit a draft and a returned entry only', () => {
    expect(Object.values(SubmissionStatus).filter(isEditableByUnit)).toEqual(['DRAFT', 'RETURNED']);
  });
});

describe('checkReason', () => {
  it('trims a reason and keeps it', () => expect(checkReason('  缺少单位盖章页 ')).toBe('缺少单位盖章页'));

  it('refuses an empty or blank reason and one over 500 characters, naming reason', () => {
    for (const bad of [undefined, null, '', '   ', '字'.repeat(501)]) {
      expect(codeOf(() => checkReason(bad))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    }
    expect(checkReason('字'.repeat(500))).toHaveLength(500);
  });
});

describe('assertChecksBeforeReview', () => {
  it('takes the checks while the contest is a draft or open, and refuses them once review started', () => {
    expect(() => assertChecksBeforeReview('DRAFT')).not.toThrow();
    expect(() => assertChecksBeforeReview('OPEN_FOR_SUBMISSIONS')).not.toThrow();
    for (const status of ['REVIEWING', 'CLOSED'] as const) {
      expect(codeOf(() => assertChecksBeforeReview(status))).toMatchObject({ code: 'REVIEW_STARTED', field: 'status' });
    }
  });
});

describe('canWithdraw with the checks', () => {
  it('lets a returned entry go at any time, and an endorsed or accepted one only before review', () => {
    expect(canWithdraw('RETURNED', 'REVIEWING')).toBe(true);
    expect(canWithdraw('ENDORSED', 'OPEN_FOR_SUBMISSIONS')).toBe(true);
    expect(canWithdraw('ACCEPTED', 'OPEN_FOR_SUBMISSIONS')).toBe(true);
    expect(canWithdraw('ACCEPTED', 'REVIEWING')).toBe(false);
    expect(canWithdraw('REJECTED', 'OPEN_FOR_SUBMISSIONS')).toBe(false);
  });
});
