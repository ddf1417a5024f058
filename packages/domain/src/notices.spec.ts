import { DomainError, InvalidInput } from './errors';
import { assertNoticeContent, assertNoticeEditable, noticeLifecycle, noticeOrderKey, noticeVisible, withdrawalReasonOf } from './notices';

const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as InvalidInput).problems;
  }
  return [];
};

describe('notices', () => {
  it('moves a draft to published and a published notice to withdrawn, never back', () => {
    expect(noticeLifecycle.can('DRAFT', 'PUBLISHED')).toBe(true);
    expect(noticeLifecycle.can('PUBLISHED', 'WITHDRAWN')).toBe(true);
    expect(noticeLifecycle.can('DRAFT', 'WITHDRAWN')).toBe(false);
    expect(noticeLifecycle.can('WITHDRAWN', 'PUBLISHED')).toBe(false);
    expect(() => noticeLifecycle.assert('PUBLISHED', 'PUBLISHED')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
  });

  it('requires a kind, a title and a body to create, and reports every problem at once', () => {
    expect(problemsOf(() => assertNoticeContent({}, true)).map((p) => p.field)).toEqual(['kind', 'title', 'body']);
    const problems = problemsOf(() => assertNoticeContent({ kind: 'MEMO', title: ' ', body: 'x'.repeat(20_001) }, true));
    expect(problems).toEqual([
      expect.objectContaining({ field: 'kind' }),
      expect.objectContaining({ field: 'title', message: 'must not be blank' }),
      expect.objectContaining({ field: 'body', message: 'must be at most 20000 characters' }),
    ]);
    expect(() => assertNoticeContent({ kind: 'RULES', title: '申报指南', body: '# 申报\n\n- 一\n- 二' }, true)).not.toThrow();
  });

  it('bounds the title at 200 characters counted as characters, not bytes', () => {
    expect(() => assertNoticeContent({ title: '通'.repeat(200) }, false)).not.toThrow();
    expect(problemsOf(() => assertNoticeContent({ title: '通'.repeat(201) }, false))).toEqual([
      expect.objectContaining({ field: 'title', message: 'must be at most 200 characters' }),
    ]);
  });

  it('lets only a draft be edited', () => {
    expect(() => assertNoticeEditable('DRAFT')).not.toThrow();
    for (const status of ['PUBLISHED', 'WITHDRAWN'] as const) {
      let error: DomainError | undefined;
      try {
        assertNoticeEditable(status);
      } catch (e) {
        error = e as DomainError;
      }
      expect(error).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
    }
  });

  it('requires a withdrawal reason of 1 to 500 characters, naming reason', () => {
    for (const reason of [null, undefined, '', '   ', 'x'.repeat(501)]) {
      expect(() => withdrawalReasonOf(reason)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'reason' }));
    }
    expect(withdrawalReasonOf('  名单有误，更正后重发  ')).toBe('名单有误，更正后重发');
  });

  it('shows drafts and withdrawn notices to the office only', () => {
    expect(noticeVisible('PUBLISHED', false)).toBe(true);
    expect(noticeVisible('DRAFT', false)).toBe(false);
    expect(noticeVisible('WITHDRAWN', false)).toBe(false);
    expect(noticeVisible('DRAFT', true)).toBe(true);
  });

  it('orders drafts first, then the newest published first', () => {
    const created = new Date('2019-01-01T00:00:00Z');
    const march = noticeOrderKey(new Date('2019-03-01T02:00:00Z'), created);
    const november = noticeOrderKey(new Date('2019-11-20T02:00:00Z'), created);
    const draft = noticeOrderKey(null, new Date('2019-12-01T00:00:00Z'));
    expect([march, draft, november].sort()).toEqual([draft, november, march]);
    expect(march).toHaveLength(14);
  });
});
