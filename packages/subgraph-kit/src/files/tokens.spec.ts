import { FileTokens } from './tokens';

describe(FileTokens.name, () => {
  const tokens = new FileTokens('k'.repeat(32));
  const now = new Date('2019-06-01T00:00:00Z');
  const grant = { purpose: 'upload' as const, id: 'u-1', name: '申报书.pdf', expiresAt: new Date(now.getTime() + 60_000) };

  it('gives back what it signed, until it expires', () => {
    expect(tokens.verify(tokens.mint(grant), 'upload', now)).toEqual(grant);
    expect(() => tokens.verify(tokens.mint(grant), 'upload', new Date(now.getTime() + 60_001))).toThrow(
      expect.objectContaining({ code: 'URL_EXPIRED' }),
    );
  });

  it('refuses an altered token, another purpose, and another key', () => {
    const token = tokens.mint(grant);
    const altered = `${Buffer.from(JSON.stringify({ p: 'upload', i: 'u-2', n: 'x.pdf', e: grant.expiresAt.getTime() })).toString('base64url')}.${token.split('.')[1]}`;
    expect(() => tokens.verify(altered, 'upload', now)).toThrow(expect.objectContaining({ code: 'URL_INVALID' }));
    expect(() => tokens.verify(token, 'download', now)).toThrow(expect.objectContaining({ code: 'URL_INVALID' }));
    expect(() => new FileTokens('o'.repeat(32)).verify(token, 'upload', now)).toThrow(expect.objectContaining({ code: 'URL_INVALID' }));
  });
});
