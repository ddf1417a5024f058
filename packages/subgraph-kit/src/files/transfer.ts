import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import {
  type DeclaredFile,
  DomainError,
  ErrorCode,
  InvalidInput,
  baseFileType,
  contentDisposition,
  declaredFileProblems,
  fileTypeProblem,
  isTooLarge,
} from '@meritgraph/domain';
import { HttpError } from '../http';
import type { FileKit } from './kit';
import { type FileGrant, FileTokenRefused } from './tokens';

/** An upload received and measured on the server: where it waits, its size and its SHA-256. */
export interface ReceivedFile {
  path: string;
  size: number;
  sha256: string;
}

/**
 * Receives a request's body into the staging folder, counting and hashing it as it arrives.
 * A body over `expectedSize` (or over `maxBytes`) is cut off at the first byte too many:
 * FILE_SIZE_MISMATCH (or FILE_TOO_LARGE, 413), and nothing is kept. A shorter one is
 * FILE_SIZE_MISMATCH once it ends, a different hash FILE_HASH_MISMATCH (422).
 */
export async function receiveUpload(
  req: IncomingMessage,
  expected: { size: number; sha256?: string | null; maxBytes: number; staging: string },
): Promise<ReceivedFile> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > expected.maxBytes) {
    throw new HttpError(413, 'FILE_TOO_LARGE', `The file is over the limit of ${expected.maxBytes} bytes`, { limit: expected.maxBytes });
  }
  if (declared !== undefined && Number(declared) !== expected.size) {
    throw new HttpError(422, 'FILE_SIZE_MISMATCH', `The body is ${declared} bytes; the upload was declared as ${expected.size}`, {
      declared: expected.size,
      actual: Number(declared),
    });
  }
  await mkdir(expected.staging, { recursive: true });
  const path = join(expected.staging, randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > expected.maxBytes) {
        return done(
          new HttpError(413, 'FILE_TOO_LARGE', `The file is over the limit of ${expected.maxBytes} bytes`, { limit: expected.maxBytes }),
        );
      }
      if (size > expected.size) {
        return done(
          new HttpError(422, 'FILE_SIZE_MISMATCH', `The body is longer than the ${expected.size} bytes declared`, {
            declared: expected.size,
          }),
        );
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const written = pipeline(measure, createWriteStream(path, { flags: 'wx' }));
  req.on('error', (error) => measure.destroy(error));
  req.pipe(measure);
  try {
    await written;
    if (size !== expected.size) {
      throw new HttpError(422, 'FILE_SIZE_MISMATCH', `The body is ${size} bytes; the upload was declared as ${expected.size}`, {
        declared: expected.size,
        actual: size,
      });
    }
    const sha256 = hash.digest('hex');
    if (expected.sha256 && sha256 !== expected.sha256) {
      throw new HttpError(422, 'FILE_HASH_MISMATCH', 'The SHA-256 of the bytes received differs from the one declared', {
        declared: expected.sha256,
        actual: sha256,
      });
    }
    return { path, size, sha256 };
  } catch (error) {
    await rm(path, { force: true });
    drain(req);
    throw error;
  }
}

/** How much of a refused body is still read (and dropped) so that the client gets the refusal; past it the connection is cut. */
const DRAIN_BYTES = 1024 * 1024;

/** Reads and drops what is left of a refused body, up to DRAIN_BYTES, so that the answer reaches a client still sending. */
function drain(req: IncomingMessage): void {
  req.unpipe();
  if (req.complete) return;
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_BYTES) req.destroy();
  });
  req.resume();
}

/** Answers a download: the stored bytes with their type, length and file name; never cached by a shared cache. */
export async function sendFile(
  res: ServerResponse,
  body: Readable,
  file: { fileName: string; contentType: string; size: number },
): Promise<void> {
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': String(file.size),
    'content-disposition': contentDisposition(file.fileName),
    'cache-control': 'private, no-store',
  });
  await pipeline(body, res);
}

/** What a signed URL allows, checked now: its grant, or the refusal as the URL's answer (403 URL_INVALID, 410 URL_EXPIRED). */
export function grantOf(kit: FileKit, token: string, purpose: FileGrant['purpose'], now: Date): FileGrant {
  try {
    return kit.tokens.verify(token, purpose, now);
  } catch (error) {
    if (error instanceof FileTokenRefused) throw new HttpError(error.code === 'URL_EXPIRED' ? 410 : 403, error.code, error.message);
    throw error;
  }
}

/**
 * Receives a declared upload (sent as its declared type, then measured and hashed), stores it
 * under `key`, and links it with `link` (the owner's transaction). A refusal at any step,
 * `link`'s included, leaves nothing stored.
 */
export async function storeUpload<T>(
  req: IncomingMessage,
  kit: FileKit,
  declared: { contentType: string; size: number; sha256?: string | null },
  key: string,
  link: (received: Omit<ReceivedFile, 'path'>) => Promise<T>,
): Promise<T> {
  const sent = req.headers['content-type'];
  if (!sent || baseFileType(sent) !== declared.contentType) {
    throw new HttpError(415, 'FILE_TYPE_NOT_ALLOWED', `The upload must be sent as ${declared.contentType}, as declared`, {
      field: 'contentType',
    });
  }
  const received = await receiveUpload(req, { size: declared.size, sha256: declared.sha256, maxBytes: kit.maxBytes, staging: kit.staging });
  await kit.storage.put(key, received.path, { size: received.size, contentType: declared.contentType });
  try {
    return await link({ size: received.size, sha256: received.sha256 });
  } catch (error) {
    await kit.storage.delete(key);
    throw error;
  }
}

/**
 * Refuses a file declared for upload before any URL is issued: a bad name, size or digest
 * (BAD_USER_INPUT, every problem listed), a type not kept or an extension that does not fit
 * it (FILE_TYPE_NOT_ALLOWED), or more bytes than the kit takes (FILE_TOO_LARGE).
 */
export function assertDeclaredFile(kit: FileKit, file: DeclaredFile): void {
  const problems = declaredFileProblems(file);
  if (problems.length) throw new InvalidInput(problems);
  const type = fileTypeProblem(file);
  if (type) throw new DomainError(ErrorCode.FILE_TYPE_NOT_ALLOWED, `${type.field} ${type.message}`, type.field);
  if (isTooLarge(file.size, kit.maxBytes)) {
    throw new DomainError(ErrorCode.FILE_TOO_LARGE, `A file may be at most ${kit.maxBytes} bytes`, 'size', { limit: kit.maxBytes });
  }
}
