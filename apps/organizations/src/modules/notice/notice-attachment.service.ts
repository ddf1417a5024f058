import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  type Identity,
  InvalidInput,
  MAX_ATTACHMENTS_PER_NOTICE,
  ROLES,
  type Role,
  baseFileType,
  noticeVisible,
  notFound,
} from '@meritgraph/domain';
import { forUpdate, newId } from '@meritgraph/db';
import { type FileKit, HttpError, assertDeclaredFile, grantOf, recordAudit, sendFile, storeUpload } from '@meritgraph/subgraph-kit';
import { Notice, NoticeAttachment, NoticeAttachmentUpload } from './notice.entity';
import { isNoticeOffice } from './notice.service';
import type { NoticeAttachmentUploadInput, NoticeAttachmentUploadTicket } from './notice.types';

/** The path of this subgraph's file URLs on the graph's host; the gateway passes them on. */
export const FILES_PATH = '/files/organizations';

const metadata = (a: NoticeAttachment) => ({
  id: a.id,
  position: a.position,
  fileName: a.fileName,
  contentType: a.contentType,
  size: a.size,
  sha256: a.sha256,
});

/**
 * A notice's files: a signed upload URL for a file declared to a draft, the bytes received,
 * measured and checked before they are stored and linked, signed download URLs (anyone's for
 * a published notice, the office's for a draft), and removal from a draft.
 */
export class NoticeAttachmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FileKit,
    private readonly clock: () => Date,
  ) {}

  /** The notice, locked, if its files may still change: a draft; else ATTACHMENT_LOCKED. */
  private async draftFor(em: EntityManager, noticeId: string, field: string): Promise<Notice> {
    const notice = await em.findOne(Notice, { where: { id: noticeId }, ...forUpdate(em) });
    if (!notice) throw notFound('Notice', noticeId, field);
    if (notice.status !== 'DRAFT') {
      throw new DomainError(ErrorCode.ATTACHMENT_LOCKED, `A ${notice.status} notice's files are fixed; only a draft's can change`, field);
    }
    return notice;
  }

  private async assertRoom(em: EntityManager, noticeId: string, field: string, open: boolean): Promise<void> {
    let count = await em.countBy(NoticeAttachment, { noticeId });
    if (open) {
      count += await em
        .createQueryBuilder(NoticeAttachmentUpload, 'u')
        .where('u.notice_id = :noticeId AND u.attachment_id IS NULL AND u.expires_at > :now', { noticeId, now: this.clock() })
        .getCount();
    }
    if (count >= MAX_ATTACHMENTS_PER_NOTICE) {
      throw new InvalidInput([{ field, message: `a notice keeps at most ${MAX_ATTACHMENTS_PER_NOTICE} files` }]);
    }
  }

  /** A signed URL for one upload of a declared file to a draft notice. Nothing is stored until the bytes arrive and check out. */
  async createUpload(identity: Identity, input: NoticeAttachmentUploadInput): Promise<NoticeAttachmentUploadTicket> {
    assertDeclaredFile(this.files, input);
    const expiresAt = new Date(this.clock().getTime() + this.files.uploadMinutes * 60_000);
    const upload = await this.dataSource.transaction(async (em) => {
      await this.draftFor(em, input.noticeId, 'noticeId');
      await this.assertRoom(em, input.noticeId, 'noticeId', true);
      const row: NoticeAttachmentUpload = {
        id: newId(),
        noticeId: input.noticeId,
        fileName: input.fileName.trim(),
        contentType: baseFileType(input.contentType),
        size: input.size,
        sha256: input.sha256 ?? null,
        requestedBy: identity.sub ?? (identity.service ? `service:${identity.service}` : 'anonymous'),
        requestedRoles: identity.roles.join(','),
        expiresAt,
        attachmentId: null,
      };
      await em.insert(NoticeAttachmentUpload, row);
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

  /** Receives an upload URL's bytes; stored, then linked to the draft in one transaction with its audit entry, or nothing kept. */
  async receive(req: IncomingMessage, token: string): Promise<NoticeAttachment> {
    const grant = grantOf(this.files, token, 'upload', this.clock());
    const upload = await this.dataSource.manager.findOneBy(NoticeAttachmentUpload, { id: grant.id });
    if (!upload || upload.attachmentId) throw new HttpError(403, 'URL_INVALID', 'The upload URL is not valid, or was used already');
    const id = newId();
    const identity: Identity = {
      roles: upload.requestedRoles.split(',').filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
      sub: upload.requestedBy,
    };
    const key = `notices/${upload.noticeId}/${id}`;
    return storeUpload(req, this.files, upload, key, (received) =>
      this.dataSource.transaction(async (em) => {
        await this.draftFor(em, upload.noticeId, 'noticeId');
        const fresh = await em.findOne(NoticeAttachmentUpload, { where: { id: upload.id }, ...forUpdate(em) });
        if (!fresh || fresh.attachmentId) throw new HttpError(403, 'URL_INVALID', 'The upload URL was used already');
        await this.assertRoom(em, upload.noticeId, 'noticeId', false);
        const last = await em
          .createQueryBuilder(NoticeAttachment, 'a')
          .select('MAX(a.position)', 'last')
          .where('a.notice_id = :id', { id: upload.noticeId })
          .getRawOne<{ last: number | string | null }>();
        const attachment: NoticeAttachment = {
          id,
          noticeId: upload.noticeId,
          position: Number(last?.last ?? 0) + 1,
          fileName: upload.fileName,
          contentType: upload.contentType,
          size: received.size,
          sha256: received.sha256,
          storageKey: key,
          uploadedAt: this.clock(),
          uploadedBy: upload.requestedBy,
        };
        await em.insert(NoticeAttachment, attachment);
        await em.update(NoticeAttachmentUpload, { id: upload.id }, { attachmentId: id });
        await recordAudit(em, identity, attachment.uploadedAt, {
          action: 'notice.attach',
          entityType: 'Notice',
          entityId: upload.noticeId,
          after: metadata(attachment),
        });
        return attachment;
      }),
    );
  }

  /** Serves the file a download URL names; a file since removed is NOT_FOUND. */
  async download(res: ServerResponse, token: string): Promise<void> {
    const grant = grantOf(this.files, token, 'download', this.clock());
    const attachment = await this.dataSource.manager.findOneBy(NoticeAttachment, { id: grant.id });
    if (!attachment) throw new HttpError(404, 'NOT_FOUND', 'The file was removed');
    await sendFile(res, await this.files.storage.get(attachment.storageKey), { ...attachment, fileName: grant.name });
  }

  /** Removes a draft's file, and its stored bytes once the removal is committed. */
  async remove(identity: Identity, attachmentId: string): Promise<Notice> {
    const { notice, removed } = await this.dataSource.transaction(async (em) => {
      const found = await em.findOneBy(NoticeAttachment, { id: attachmentId });
      if (!found) throw notFound('NoticeAttachment', attachmentId);
      const draft = await this.draftFor(em, found.noticeId, 'id');
      await em.delete(NoticeAttachment, { id: found.id });
      await recordAudit(em, identity, this.clock(), {
        action: 'notice.detach',
        entityType: 'Notice',
        entityId: found.noticeId,
        before: metadata(found),
      });
      return { notice: draft, removed: found };
    });
    await this.files.storage.delete(removed.storageKey);
    return notice;
  }

  /**
   * A signed URL that serves the file for the next FILES_DOWNLOAD_MINUTES: anyone's when its
   * notice is published, the office's for a draft or a withdrawn notice; null otherwise.
   */
  downloadUrl(identity: Identity, notice: Notice | null, attachment: NoticeAttachment): string | null {
    if (!notice || !noticeVisible(notice.status, isNoticeOffice(identity))) return null;
    const expiresAt = new Date(this.clock().getTime() + this.files.downloadMinutes * 60_000);
    return `${FILES_PATH}/download/${this.files.tokens.mint({ purpose: 'download', id: attachment.id, name: attachment.fileName, expiresAt })}`;
  }
}
