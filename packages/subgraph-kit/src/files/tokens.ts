import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a signed file URL allows: one upload, or one file's download, under a name, until a time. */
export interface FileGrant {
  purpose: 'upload' | 'download';
  /** The pending upload's id, or the attachment's. */
  id: string;
  /** The name the file is uploaded under, or downloaded as. */
  name: string;
  expiresAt: Date;
}

/** Why a token was refused: altered or for something else (URL_INVALID), or past its time (URL_EXPIRED). */
export class FileTokenRefused extends Error {
  constructor(readonly code: 'URL_INVALID' | 'URL_EXPIRED') {
    super(code === 'URL_EXPIRED' ? 'The signed URL has expired; ask the graph for a new one' : 'The signed URL is not valid');
  }
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * Short-lived signed file tokens: HMAC-SHA256 over {purpose, id, name, expiry}, as
 * `<payload>.<signature>` in base64url. A token says only what it allows; who may have it is
 * decided when it is minted.
 */
export class FileTokens {
  private readonly key: Buffer;

  /** `key` from FILES_SIGNING_KEY; random in this process when absent (its URLs die with it). */
  constructor(key?: string) {
    this.key = key ? Buffer.from(key, 'utf8') : randomBytes(32);
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  mint(grant: FileGrant): string {
    const payload = b64(JSON.stringify({ p: grant.purpose, i: grant.id, n: grant.name, e: grant.expiresAt.getTime() }));
    return `${payload}.${this.sign(payload)}`;
  }

  /** The grant a token carries for `purpose`, checked at `now`. */
  verify(token: string, purpose: FileGrant['purpose'], now: Date): FileGrant {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) throw new FileTokenRefused('URL_INVALID');
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new FileTokenRefused('URL_INVALID');
    let claims: { p?: unknown; i?: unknown; n?: unknown; e?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      throw new FileTokenRefused('URL_INVALID');
    }
    if (claims.p !== purpose || typeof claims.i !== 'string' || typeof claims.n !== 'string' || typeof claims.e !== 'number') {
      throw new FileTokenRefused('URL_INVALID');
    }
    if (now.getTime() > claims.e) throw new FileTokenRefused('URL_EXPIRED');
    return { purpose, id: claims.i, name: claims.n, expiresAt: new Date(claims.e) };
  }
}
