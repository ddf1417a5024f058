import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { type FileKit, FileTokens, S3Storage } from '@meritgraph/subgraph-kit';
import { Factories, type GraphClient, type TestGraph, startGraph } from '../../src';

/**
 * With S3_* settings the submissions service keeps files in an S3-compatible bucket: here a
 * local S3 server (s3rver) stands in for one, and uploads, downloads and removals go through
 * the same API as with the local folder.
 */
describe('attachments in an S3-compatible bucket', () => {
  const folder = mkdtempSync(join(tmpdir(), 's3rver-'));
  let s3: S3rver;
  let storage: S3Storage;
  let graph: TestGraph;
  let submitter: GraphClient;
  let origin: string;
  let submissionId: string;

  beforeAll(async () => {
    s3 = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: folder,
      configureBuckets: [{ name: 'meritgraph', configs: [] }],
    });
    const { port } = await s3.run();
    storage = new S3Storage({
      bucket: 'meritgraph',
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
      prefix: 'submissions/',
    });
    const kit: FileKit = {
      storage,
      tokens: new FileTokens('s'.repeat(32)),
      maxBytes: 1024 * 1024,
      uploadMinutes: 15,
      downloadMinutes: 5,
      staging: join(folder, 'staging'),
    };
    graph = await startGraph({ files: { submissions: kit } });
    origin = new URL(graph.gatewayUrl).origin;
    const admin = graph.gateway;
    const make = new Factories(admin);
    const contest = await make.contest({ code: 's3-2019' });
    const unit = (await make.organization({ name: '上海微电子装备', kind: 'ENTERPRISE' })).id;
    await make.enrol(contest.id, unit);
    submissionId = (await make.submission({ contestId: contest.id, organizationId: unit, title: '光刻机双工件台' })).id;
    submitter = await graph.as('SUBMITTER', { org: unit });
  });
  afterAll(async () => {
    await graph?.stop();
    storage?.close();
    await s3?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const upload = async (bytes: Buffer, sent = bytes) => {
    const { createAttachmentUpload } = await submitter.data<{ createAttachmentUpload: { uploadUrl: string } }>(
      `mutation($input: AttachmentUploadInput!) { createAttachmentUpload(input: $input) { uploadUrl } }`,
      { input: { submissionId, fileName: '技术报告.pdf', contentType: 'application/pdf', size: bytes.length } },
    );
    return fetch(`${origin}${createAttachmentUpload.uploadUrl}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/pdf' },
      body: new Uint8Array(sent),
    });
  };
  const files = async () =>
    (
      await submitter.data<{ submission: { attachments: { id: string; size: number; downloadUrl: string }[] } }>(
        `query($id: ID!) { submission(id: $id) { attachments { id size downloadUrl } } }`,
        { id: submissionId },
      )
    ).submission.attachments;

  it('stores an upload in the bucket, serves it back, and removes it from the bucket with the file', async () => {
    const bytes = Buffer.from(`%PDF-1.4\n${'双工件台'.repeat(2000)}\n%%EOF\n`);
    expect((await upload(bytes)).status).toBe(201);
    const [file] = await files();
    expect(await storage.keys()).toEqual([`${submissionId}/${file!.id}`]);
    const download = await fetch(`${origin}${file!.downloadUrl}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
    await submitter.data(`mutation($id: ID!) { deleteAttachment(id: $id) { id } }`, { id: file!.id });
    expect(await storage.keys()).toEqual([]);
  });

  it('puts nothing in the bucket for bytes that differ from the declaration', async () => {
    const bytes = Buffer.from('%PDF-1.4\n%%EOF\n');
    const refused = await upload(bytes, Buffer.concat([bytes, bytes]));
    expect(refused.status).toBe(422);
    expect(await files()).toEqual([]);
    expect(await storage.keys()).toEqual([]);
  });
});
