import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FilesEnv } from '@meritgraph/config';
import { DEFAULT_MAX_FILE_BYTES } from '@meritgraph/domain';
import { type FileStorage, LocalStorage, S3Storage } from './storage';
import { FileTokens } from './tokens';

/** What a subgraph that keeps files works with: where they are kept, how its URLs are signed, and its limits. */
export interface FileKit {
  storage: FileStorage;
  tokens: FileTokens;
  /** The largest file accepted, in bytes (FILES_MAX_BYTES, 50 MB by default). */
  maxBytes: number;
  /** How long an upload URL and a download URL stay valid. */
  uploadMinutes: number;
  downloadMinutes: number;
  /** Where an upload is written while it arrives and is checked; never a stored file. */
  staging: string;
  /** Removes a temporary kit's folder and everything in it. */
  dispose?: () => Promise<void>;
}

/**
 * The file kit of a subgraph from its settings: an S3-compatible bucket when S3_BUCKET is set,
 * else the folder FILES_DIR (DATA_DIR/files by default), one sub-folder per subgraph.
 */
export function fileKitFrom(env: FilesEnv & { DATA_DIR: string }, subgraph: string): FileKit {
  const root = resolve(env.FILES_DIR ?? join(env.DATA_DIR, 'files'));
  const storage = env.S3_BUCKET
    ? new S3Storage({
        bucket: env.S3_BUCKET,
        region: env.S3_REGION,
        endpoint: env.S3_ENDPOINT,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
        prefix: `${subgraph}/`,
      })
    : new LocalStorage(join(root, subgraph));
  return {
    storage,
    tokens: new FileTokens(env.FILES_SIGNING_KEY),
    maxBytes: env.FILES_MAX_BYTES,
    uploadMinutes: env.FILES_UPLOAD_MINUTES,
    downloadMinutes: env.FILES_DOWNLOAD_MINUTES,
    staging: join(root, '.staging', subgraph),
  };
}

/** A kit on a fresh temporary folder (made when a first file arrives) with the default limits: for tests, and a server given none. */
export function temporaryFileKit(options: { maxBytes?: number } = {}): FileKit {
  const root = join(tmpdir(), `meritgraph-files-${randomUUID()}`);
  return {
    storage: new LocalStorage(join(root, 'stored')),
    tokens: new FileTokens(),
    maxBytes: options.maxBytes ?? DEFAULT_MAX_FILE_BYTES,
    uploadMinutes: 15,
    downloadMinutes: 5,
    staging: join(root, 'staging'),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
