/**
 * The console's words: every screen's messages exist in Simplified Chinese and in English with
 * the same keys, and every code the graph can refuse with has a text in both, so that a
 * refusal is never shown by its English message.
 */
import { ERROR_CODES } from '@meritgraph/domain';
import { ERROR_TEXT, refusalOf } from '../console/src/errors';
import { MESSAGES, type Messages } from '../console/src/messages';

const keysOf = (messages: Messages, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)));

describe('the console’s messages', () => {
  it.each(Object.keys(MESSAGES))('has the same keys in Chinese and English in %s', (namespace) => {
    const { zh, en } = MESSAGES[namespace]!;
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
    expect(keysOf(zh).length).toBeGreaterThan(0);
  });

  it('says every error code of the graph in both languages', () => {
    const missing = Object.keys(ERROR_CODES).filter((code) => !ERROR_TEXT[code]?.zh || !ERROR_TEXT[code]?.en);
    expect(missing).toEqual([]);
  });

  it('turns a refusal into the code’s text and marks every field it names, whatever its English message', () => {
    const refusal = refusalOf(
      [
        {
          message: 'Missing before submitting: title, trackId',
          extensions: {
            code: 'SUBMISSION_INCOMPLETE',
            field: 'title',
            details: {
              problems: [
                { field: 'title', message: 'required' },
                { field: 'trackId', message: 'required' },
              ],
            },
          },
        },
      ],
      'zh',
    );
    expect(refusal).toEqual({
      code: 'SUBMISSION_INCOMPLETE',
      text: ERROR_TEXT.SUBMISSION_INCOMPLETE!.zh,
      fields: { title: '此项必填', trackId: '此项必填' },
      reasons: { title: 'required', trackId: 'required' },
    });
    expect(refusalOf([{ message: 'x', extensions: { code: 'ROUND_CLOSED' } }], 'en')?.text).toBe('The round is closed.');
    expect(refusalOf([{ message: 'boom' }], 'en')?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(refusalOf(new Error('fetch failed'), 'zh')?.code).toBe('GATEWAY_UNREACHABLE');
    expect(refusalOf(null, 'zh')).toBeNull();
  });
});
