import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  type Identity,
  InvalidInput,
  MAX_ATTACHMENTS_PER_SUBMISSION,
  ROLES,
  type Role,
  attachmentsEditable,
  baseFileType,
  forbidden,
  hasRole,
  neutralFileName,
  notFound,
} from '@meritgraph/domain';
import { forUpdate, newId } from '@meritgraph/db';
import {
  type FileKit,
  HttpError,
  assertDeclaredFile,
  type RequestContext,
  grantOf,
  recordAudit,
  sendFile,
  storeUpload,
} from '@meritgraph/subgraph-kit';
import { Submission } from '../submission/submission.entity';
import {
  Attachment,
  AttachmentUpload,
  type AttachmentUploadInput,
  type AttachmentUploadTicket,
  type ReviewFile,
} from './attachment.entity';

/** The path of this subgraph's file URLs on the graph's host; the gateway passes them on. */
export const FILES_PATH = '/files/submissions';

const metadata = (a: Attachment) => ({
  id: a.id,
  position: a.position,
  fileName: a.fileName,
  contentType: a.contentType,
  size: a.size,
  sha256: a.sha256,
});

/**
 * A submission's files: a signed upload URL for a declared file, the upload received,
 * measured and checked before it is stored and linked, signed download URLs, and removal
 * from a draft. Files of an entered submission are fixed.
 */
export class AttachmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FileKit,
    private readonly clock: () => Date,
  ) {}

  /** The unit's submitters and the office change a submission's files. */
  private mayChange(identity: Identity, submission: Submission | null): submission is Submission {
    return !!submission && (hasRole(identity, 'ADMIN') || (hasRole(identity, 'SUBMITTER') && identity.org === submission.organizationId));
  }

  /**
   * The submission, locked, if the caller may change its files (null: an upload whose URL was
   * issued to one who might) and they are not fixed yet.
   */
  private async draftFor(em: EntityManager, identity: Identity | null, submissionId: string, field: string): Promise<Submission> {
    const submission = await em.findOne(Submission, { where: { id: submissionId }, ...forUpdate(em) });
    if (!submission && (!identity || hasRole(identity, 'ADMIN'))) throw notFound('Submission', submissionId, field);
    if (identity && !this.mayChange(identity, submission)) throw forbidden(field);
    if (!submission) throw forbidden(field);
    if (!attachmentsEditable(submission.status)) {
      throw new DomainError(
        ErrorCode.ATTACHMENT_LOCKED,
        `A ${submission.status} submission's files are fixed; only a draft's or a returned entry's can change`,
        field,
      );
    }
    return submission;
  }

  /** Files kept and uploads still open: together at most the limit. */
  private async assertRoom(em: EntityManager, submissionId: string, field: string): Promise<void> {
    const kept = await em.countBy(Attachment, { submissionId });
    const open = await em
      .createQueryBuilder(AttachmentUpload, 'u')
      .where('u.submission_id = :submissionId AND u.attachment_id IS NULL AND u.expires_at > :now', { submissionId, now: this.clock() })
      .getCount();
    if (kept + open >= MAX_ATTACHMENTS_PER_SUBMISSION) {
      throw new InvalidInput([{ field, message: `a submission keeps at most ${MAX_ATTACHMENTS_PER_SUBMISSION} files` }]);
    }
  }

  /** A signed URL for one upload of a declared file to a draft. Nothing is stored until the bytes arrive and check out. */
  async createUpload(identity: Identity, input: AttachmentUploadInput): Promise<AttachmentUploadTicket> {
    assertDeclaredFile(this.files, input);
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + this.files.uploadMinutes * 60_000);
    const upload = await this.dataSource.transaction(async (em) => {
      await this.draftFor(em, identity, input.submissionId, 'submissionId');
      await this.assertRoom(em, input.submissionId, 'submissionId');
      const row: AttachmentUpload = {
        id: newId(),
        submissionId: input.submissionId,
        fileName: input.fileName.trim(),
        contentType: baseFileType(input.contentType),
        size: input.size,
        sha256: input.sha256 ?? null,
        requestedBy: identity.sub ?? (identity.service ? `service:${identity.service}` : 'anonymous'),
        requestedRoles: identity.roles.join(','),
        expiresAt,
        attachmentId: null,
      };
      await em.insert(AttachmentUpload, row);
      return row;
    });
    const token = this.files.tokens.mint({ purpose: 'upload', id: upload.id, name: upload.fileName, expiresAt });
    return {
      uploadUrl: `${FILES_PATH}/upload/${token}`,
      method: 'PUT',
      contentType: upload.contentType,
      expiresAt,
      maxBytes: this.files.maxBytes,
    };
  }

  /**
   * Receives the bytes of an upload URL: its type as declared, its size and digest counted
   * here; stored, then linked to the draft in one transaction with its audit entry. A refusal
   * at any step leaves nothing stored and nothing linked.
   */
  async receive(req: IncomingMessage, token: string): Promise<Attachment> {
    const grant = grantOf(this.files, token, 'upload', this.clock());
    const upload = await this.dataSource.manager.findOneBy(AttachmentUpload, { id: grant.id });
    if (!upload || upload.attachmentId) throw new HttpError(403, 'URL_INVALID', 'The upload URL is not valid, or was used already');
    const id = newId();
    const identity: Identity = {
      roles: upload.requestedRoles.split(',').filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
      sub: upload.requestedBy,
    };
    return storeUpload(req, this.files, upload, `${upload.submissionId}/${id}`, (received) =>
      this.dataSource.transaction(async (em) => {
        await this.draftFor(em, null, upload.submissionId, 'submissionId');
        const fresh = await em.findOne(AttachmentUpload, { where: { id: upload.id }, ...forUpdate(em) });
        if (!fresh || fresh.attachmentId) throw new HttpError(403, 'URL_INVALID', 'The upload URL was used already');
        const last = await em
          .createQueryBuilder(Attachment, 'a')
          .select('MAX(a.position)', 'last')
          .where('a.submission_id = :id', { id: upload.submissionId })
          .getRawOne<{ last: number | string | null }>();
        if ((await em.countBy(Attachment, { submissionId: upload.submissionId })) >= MAX_ATTACHMENTS_PER_SUBMISSION) {
          throw new InvalidInput([
            { field: 'submissionId', message: `a submission keeps at most ${MAX_ATTACHMENTS_PER_SUBMISSION} files` },
          ]);
        }
        const attachment: Attachment = {
          id,
          submissionId: upload.submissionId,
          position: Number(last?.last ?? 0) + 1,
          fileName: upload.fileName,
          contentType: upload.contentType,
          size: received.size,
          sha256: received.sha256,
          storageKey: `${upload.submissionId}/${id}`,
          uploadedAt: this.clock(),
          uploadedBy: upload.requestedBy,
        };
        await em.insert(Attachment, attachment);
        await em.update(AttachmentUpload, { id: upload.id }, { attachmentId: id });
        await recordAudit(em, identity, attachment.uploadedAt, {
          action: 'submission.attach',
          entityType: 'Submission',
          entityId: upload.submissionId,
          after: metadata(attachment),
        });
        return attachment;
      }),
    );
  }

  /** Serves the file a download URL names, under the name it was signed for. */
  async download(res: ServerResponse, token: string): Promise<void> {
    const grant = grantOf(this.files, token, 'download', this.clock());
    const attachment = await this.dataSource.manager.findOneBy(Attachment, { id: grant.id });
    if (!attachment) throw new HttpError(404, 'NOT_FOUND', 'The file was removed');
    await sendFile(res, await this.files.storage.get(attachment.storageKey), { ...attachment, fileName: grant.name });
  }

  /** Removes a draft's file, and its stored bytes once the removal is committed. */
  async remove(identity: Identity, attachmentId: string): Promise<Submission> {
    const { submission, attachment } = await this.dataSource.transaction(async (em) => {
      const found = await em.findOneBy(Attachment, { id: attachmentId });
      if (!found) {
        if (hasRole(identity, 'ADMIN')) throw notFound('Attachment', attachmentId);
        throw forbidden('id');
      }
      const draft = await this.draftFor(em, identity, found.submissionId, 'id');
      await em.delete(Attachment, { id: found.id });
      await recordAudit(em, identity, this.clock(), {
        action: 'submission.detach',
        entityType: 'Submission',
        entityId: found.submissionId,
        before: metadata(found),
      });
      return { submission: draft, attachment: found };
    });
    await this.files.storage.delete(attachment.storageKey);
    return submission;
  }

  /** The files of each submission asked for in the request, by position, in one query per request. */
  ofSubmission(ctx: RequestContext, submissionId: string): Promise<Attachment[]> {
    return ctx.loaders
      .many<string, Attachment>(
        'Submission.attachments',
        (ids) => this.dataSource.manager.find(Attachment, { where: { submissionId: In(ids) }, order: { position: 'ASC' } }),
        (a) => a.submissionId,
      )
      .load(submissionId);
  }

  /** A signed URL that serves the file under `name` for the next FILES_DOWNLOAD_MINUTES. */
  downloadUrl(attachment: Attachment, name = attachment.fileName): string {
    const expiresAt = new Date(this.clock().getTime() + this.files.downloadMinutes * 60_000);
    return `${FILES_PATH}/download/${this.files.tokens.mint({ purpose: 'download', id: attachment.id, name, expiresAt })}`;
  }

  /** The files of entries under review, for expert-review to hand to the experts it has checked: neutral names when blind. */
  async reviewFiles(submissionIds: readonly string[], blind: boolean): Promise<ReviewFile[]> {
    const ids = [...new Set(submissionIds)];
    if (ids.length === 0) return [];
    const rows = await this.dataSource.manager.find(Attachment, { where: { submissionId: In(ids) }, order: { position: 'ASC' } });
    const references = new Map(
      (await this.dataSource.manager.find(Submission, { where: { id: In(ids) }, select: { id: true, referenceNumber: true } })).map(
        (s) => [s.id, s.referenceNumber ?? s.id] as const,
      ),
    );
    return rows.map((a) => {
      const fileName = blind ? neutralFileName(references.get(a.submissionId) ?? a.submissionId, a.position, a.fileName) : a.fileName;
      return { ...metadata(a), submissionId: a.submissionId, fileName, downloadUrl: this.downloadUrl(a, fileName) };
    });
  }
}
