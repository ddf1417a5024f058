import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  type Identity,
  type NoticeKind,
  assertNoticeContent,
  assertNoticeEditable,
  check,
  noticeLifecycle,
  noticeOrderKey,
  notFound,
  withdrawalReasonOf,
} from '@meritgraph/domain';
import { forUpdate, newId } from '@meritgraph/db';
import { type FileKit, recordAudit } from '@meritgraph/subgraph-kit';
import type { ContestService } from '../contest/contest.service';
import { Organization } from '../organization/organization.entity';
import { Notice, NoticeAttachment, NoticeAttachmentUpload } from './notice.entity';

export interface NewNotice {
  contestId: string;
  kind: NoticeKind;
  title: string;
  body: string;
}

export interface NoticeChanges {
  kind?: NoticeKind | null;
  title?: string | null;
  body?: string | null;
}

/** Versions start at 1 and count every change. */
const VERSIONS = { min: 1, max: 2_147_483_647 };

/** What the audit log keeps of a notice: all but its internal order key. */
const snapshot = ({ orderKey: _orderKey, ...rest }: Notice) => rest;

const subjectOf = (identity: Identity): string => identity.sub ?? (identity.service ? `service:${identity.service}` : 'anonymous');

/**
 * A notice's life, each step the office's and audited: drafted, edited while a draft,
 * published at the clock's time, withdrawn with a reason, or a draft deleted with its files.
 * Every change is made against the version the caller read (VERSION_CONFLICT otherwise).
 */
export class NoticeLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contests: ContestService,
    private readonly files: FileKit,
    private readonly clock: () => Date,
  ) {}

  /** The notice, locked for the change; an unknown id is NOT_FOUND (the office asks). */
  async locked(em: EntityManager, id: string, field = 'id'): Promise<Notice> {
    const notice = await em.findOne(Notice, { where: { id }, ...forUpdate(em) });
    if (!notice) throw notFound('Notice', id, field);
    return notice;
  }

  async create(identity: Identity, input: NewNotice): Promise<Notice> {
    assertNoticeContent(input, true);
    return this.dataSource.transaction(async (em) => {
      const contest = await this.contests.require(em, input.contestId);
      const organizer = contest.organizerId ? await em.findOneBy(Organization, { id: contest.organizerId }) : null;
      const now = this.clock();
      const notice = em.create(Notice, {
        id: newId(),
        contestId: contest.id,
        kind: input.kind,
        status: noticeLifecycle.initial,
        title: input.title.trim(),
        body: input.body.trim(),
        publishedAt: null,
        withdrawnAt: null,
        withdrawalReason: null,
        author: organizer?.name ?? contest.name,
        createdBy: subjectOf(identity),
        createdAt: now,
        updatedAt: now,
        orderKey: noticeOrderKey(null, now),
        version: 1,
      });
      await em.insert(Notice, notice);
      await recordAudit(em, identity, now, { action: 'notice.create', entityType: 'Notice', entityId: notice.id, after: snapshot(notice) });
      return notice;
    });
  }

  /**
   * Writes a change only if nobody changed the notice since `expectedVersion` was read; one
   * UPDATE decides, so two concurrent editors can never both win.
   */
  private async writeVersioned(em: EntityManager, notice: Notice, expectedVersion: number, changes: Partial<Notice>): Promise<Notice> {
    const result = await em
      .createQueryBuilder()
      .update(Notice)
      .set({ ...changes, version: expectedVersion + 1, updatedAt: this.clock() })
      .where('id = :id AND version = :version', { id: notice.id, version: expectedVersion })
      .execute();
    if (!result.affected) {
      throw new DomainError(ErrorCode.VERSION_CONFLICT, 'Someone else changed this notice; reload it and try again', 'expectedVersion', {
        currentVersion: notice.version,
      });
    }
    return (await em.findOneBy(Notice, { id: notice.id }))!;
  }

  /** One step of the notice's life, judged on the locked row, written against the version read, and audited. */
  private async step(
    identity: Identity,
    id: string,
    expectedVersion: number,
    action: string,
    judge: (notice: Notice) => Partial<Notice>,
  ): Promise<Notice> {
    check({ expectedVersion }).int('expectedVersion', VERSIONS).done();
    return this.dataSource.transaction(async (em) => {
      const before = await this.locked(em, id);
      const changes = judge(before);
      const after = await this.writeVersioned(em, before, expectedVersion, changes);
      await recordAudit(em, identity, this.clock(), {
        action,
        entityType: 'Notice',
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  /** Edits a draft; a published or withdrawn notice is fixed (INVALID_TRANSITION). */
  update(identity: Identity, id: string, expectedVersion: number, input: NoticeChanges): Promise<Notice> {
    assertNoticeContent(input, false);
    return this.step(identity, id, expectedVersion, 'notice.update', (notice) => {
      assertNoticeEditable(notice.status);
      const changes: Partial<Notice> = {};
      if (input.kind != null) changes.kind = input.kind;
      if (input.title != null) changes.title = input.title.trim();
      if (input.body != null) changes.body = input.body.trim();
      return changes;
    });
  }

  /** Publishes a draft, dated by the clock: from now on anyone may read it and download its files. */
  publish(identity: Identity, id: string, expectedVersion: number): Promise<Notice> {
    return this.step(identity, id, expectedVersion, 'notice.publish', (notice) => {
      noticeLifecycle.assert(notice.status, 'PUBLISHED');
      const publishedAt = this.clock();
      return { status: 'PUBLISHED', publishedAt, orderKey: noticeOrderKey(publishedAt, notice.createdAt) };
    });
  }

  /** Withdraws a published notice with its reason (1 to 500 characters); it is then the office's alone to see. */
  withdraw(identity: Identity, id: string, expectedVersion: number, reason: string | null | undefined): Promise<Notice> {
    const withdrawalReason = withdrawalReasonOf(reason);
    return this.step(identity, id, expectedVersion, 'notice.withdraw', (notice) => {
      noticeLifecycle.assert(notice.status, 'WITHDRAWN');
      return { status: 'WITHDRAWN', withdrawnAt: this.clock(), withdrawalReason };
    });
  }

  /** Deletes a draft and its files (their bytes once the deletion is committed); a published notice is withdrawn instead. */
  async deleteDraft(identity: Identity, id: string): Promise<Notice> {
    const { notice, keys } = await this.dataSource.transaction(async (em) => {
      const notice = await this.locked(em, id);
      assertNoticeEditable(notice.status);
      const files = await em.findBy(NoticeAttachment, { noticeId: id });
      await em.delete(NoticeAttachment, { noticeId: id });
      await em.delete(NoticeAttachmentUpload, { noticeId: id });
      await em.delete(Notice, { id });
      await recordAudit(em, identity, this.clock(), {
        action: 'notice.delete',
        entityType: 'Notice',
        entityId: id,
        before: { ...snapshot(notice), attachments: files.map((f) => ({ id: f.id, fileName: f.fileName, sha256: f.sha256 })) },
      });
      return { notice, keys: files.map((f) => f.storageKey) };
    });
    for (const key of keys) await this.files.storage.delete(key);
    return notice;
  }
}
