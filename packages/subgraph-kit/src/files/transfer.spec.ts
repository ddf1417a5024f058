import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpError } from '../http';
import { receiveUpload } from './transfer';

/** An upload is counted and hashed as it arrives, and cut off at the first byte past what it may be. */
describe(receiveUpload.name, () => {
  const staging = mkdtempSync(join(tmpdir(), 'staging-'));
  let server: Server;
  let url: string;
  let expected: { size: number; sha256?: string; maxBytes: number };

  beforeAll(async () => {
    server = createServer((req, res) => {
      receiveUpload(req, { ...expected, staging }).then(
        (file) => {
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ...file, bytes: readFileSync(file.path).length }));
        },
        (error: HttpError) => {
          res.writeHead(error.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: error.code }));
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(staging, { recursive: true, force: true });
  });

  /** A body sent in chunks with no Content-Length, as a streaming client sends it. */
  const chunked = (bytes: Buffer) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.subarray(i, i + 4096));
        controller.close();
      },
    });
  const send = async (body: Buffer, stream = false) => {
    const response = await fetch(url, {
      method: 'PUT',
      body: stream ? chunked(body) : body,
      ...(stream ? { duplex: 'half' } : {}),
    } as RequestInit);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('keeps a body of the declared size in the staging folder, with its SHA-256', async () => {
    const bytes = Buffer.alloc(10_000, 1);
    expected = { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), maxBytes: 1 << 20 };
    const answer = await send(bytes, true);
    expect(answer).toEqual({ status: 201, body: expect.objectContaining({ size: 10_000, sha256: expected.sha256, bytes: 10_000 }) });
    rmSync(answer.body.path as string);
  });

  it('cuts off a streamed body at the limit, before the rest is written, and keeps nothing', async () => {
    expected = { size: 8192, maxBytes: 8192 };
    expect(await send(Buffer.alloc(64 * 1024, 2), true)).toEqual({ status: 413, body: { code: 'FILE_TOO_LARGE' } });
    expect(readdirSync(staging)).toEqual([]);
  });

  it('refuses a declared length over the limit before reading the body', async () => {
    expected = { size: 100, maxBytes: 100 };
    expect(await send(Buffer.alloc(101, 3))).toEqual({ status: 413, body: { code: 'FILE_TOO_LARGE' } });
    expect(readdirSync(staging)).toEqual([]);
  });

  it('refuses a body longer or shorter than declared, or with another digest, and keeps nothing', async () => {
    expected = { size: 100, maxBytes: 1000 };
    expect(await send(Buffer.alloc(150, 4), true)).toEqual({ status: 422, body: { code: 'FILE_SIZE_MISMATCH' } });
    expect(await send(Buffer.alloc(50, 4), true)).toEqual({ status: 422, body: { code: 'FILE_SIZE_MISMATCH' } });
    expected = { size: 100, maxBytes: 1000, sha256: 'f'.repeat(64) };
    expect(await send(Buffer.alloc(100, 4))).toEqual({ status: 422, body: { code: 'FILE_HASH_MISMATCH' } });
    expect(readdirSync(staging)).toEqual([]);
  });
});
