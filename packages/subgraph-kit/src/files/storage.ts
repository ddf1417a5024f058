import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/** Where a subgraph keeps its files, by key (`<owner>/<id>`); the database keeps the rest. */
export interface FileStorage {
  /** Stores the file at `path` (a complete upload, already checked) under `key`; the file at `path` is consumed. */
  put(key: string, path: string, meta: { size: number; contentType: string }): Promise<void>;
  /** The stored bytes, streamed. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing one that is not there is no error. */
  delete(key: string): Promise<void>;
  /** Every key stored (for checks and tests; a folder walk or a bucket listing). */
  keys(): Promise<string[]>;
}

/** Keys are made by the platform, but are checked anyway: no way out of the folder. */
function assertKey(key: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9/_.-]{0,250}$/.test(key) || key.split('/').some((part) => part === '..' || part === '')) {
    throw new Error(`Bad storage key: ${key}`);
  }
}

/** Files in a folder on this machine (DATA_DIR/files by default), one file per key. */
export class LocalStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    assertKey(key);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`Bad storage key: ${key}`);
    return path;
  }

  async put(key: string, path: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(path, target);
    } catch {
      // Another file system (the temporary folder elsewhere): copy, then drop the temporary file.
      await copyFile(path, target);
      await unlink(path).catch(() => undefined);
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await stat(path);
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async keys(): Promise<string[]> {
    const walk = async (folder: string, prefix: string): Promise<string[]> => {
      const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
      const found = await Promise.all(
        entries.map((e) => (e.isDirectory() ? walk(join(folder, e.name), `${prefix}${e.name}/`) : Promise.resolve([`${prefix}${e.name}`]))),
      );
      return found.flat();
    };
    return (await walk(this.root, '')).sort();
  }
}

/** Where an S3-compatible bucket answers and how to sign for it. */
export interface S3StorageOptions {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Bucket in the path rather than the host name (MinIO, most self-hosted stores). */
  forcePathStyle?: boolean;
  /** Prefix of every key in the bucket, e.g. `submissions/`. */
  prefix?: string;
}

/** Files in an S3-compatible bucket, streamed both ways. */
export class S3Storage implements FileStorage {
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      // Checksums only where S3 requires them: many S3-compatible stores cannot read the
      // streamed aws-chunked bodies with checksum trailers the SDK would otherwise send.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
    });
  }

  private keyOf(key: string): string {
    assertKey(key);
    return `${this.options.prefix ?? ''}${key}`;
  }

  async put(key: string, path: string, meta: { size: number; contentType: string }): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: this.keyOf(key),
          Body: createReadStream(path),
          ContentLength: meta.size,
          ContentType: meta.contentType,
        }),
      );
    } finally {
      await unlink(path).catch(() => undefined);
    }
  }

  async get(key: string): Promise<Readable> {
    const answer = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key) }));
    return answer.Body as Readable;
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key) }));
  }

  async keys(): Promise<string[]> {
    const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
    const found: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: this.options.prefix, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) if (item.Key) found.push(item.Key.slice((this.options.prefix ?? '').length));
      token = page.NextContinuationToken;
    } while (token);
    return found.sort();
  }

  close(): void {
    this.client.destroy();
  }
}
