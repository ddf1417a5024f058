import { DomainError, ERROR_CODES, ErrorCode, InvalidInput } from './errors';

describe('the error codes', () => {
  it('gives every code a meaning a client developer can act on', () => {
    for (const [code, meaning] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(meaning.length).toBeGreaterThan(20);
      expect(meaning.endsWith('.') || meaning.endsWith(')')).toBe(true);
    }
  });

  it('names each code by itself, so ErrorCode.X is the string X', () => {
    expect(Object.entries(ErrorCode).every(([name, code]) => name === code)).toBe(true);
    expect(Object.keys(ErrorCode)).toEqual(Object.keys(ERROR_CODES));
  });

  it('carries the code, the field to blame and the details of a refusal', () => {
    const error = new DomainError(ErrorCode.QUOTA_EXCEEDED, 'Too many', 'awardTypeCode', { quota: 43 });
    expect(error).toMatchObject({ code: 'QUOTA_EXCEEDED', field: 'awardTypeCode', details: { quota: 43 } });
  });

  it('reports bad input as BAD_USER_INPUT naming the first field and listing every problem', () => {
    const error = new InvalidInput([
      { field: 'title', message: 'is required' },
      { field: 'summary', message: 'is too long' },
    ]);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(error.message).toBe('title: is required; summary: is too long');
  });
});
