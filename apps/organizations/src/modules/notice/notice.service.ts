import type { DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import { In } from 'typeorm';
import { type Identity, type NoticeKind, type NoticeStatus, assertNoticeSearch, hasRole, noticeVisible } from '@meritgraph/domain';
import { LIKE_ESCAPE, escapeLike } from '@meritgraph/db';
import { type OrderKey, type Page, type PageArgs, type RequestContext, loadChildPage, paginate } from '@meritgraph/subgraph-kit';
import { Notice, NoticeAttachment } from './notice.entity';

export interface NoticeFilter {
  contestId?: string | null;
  kinds?: readonly NoticeKind[] | null;
  status?: readonly NoticeStatus[] | null;
  search?: string | null;
}

const ORDER: OrderKey<Notice>[] = [
  { column: 'n.order_key', value: (n) => n.orderKey },
  { column: 'n.id', value: (n) => n.id },
];

/** The office (ADMIN) sees every notice; anyone else, signed in or not, the published ones. */
export const isNoticeOffice = (identity: Identity): boolean => hasRole(identity, 'ADMIN');

/** Reading notices: lists newest published first, one notice, a notice's files; drafts and withdrawn ones for the office only. */
export class NoticeService {
  constructor(private readonly dataSource: DataSource) {}

  private get repo(): Repository<Notice> {
    return this.dataSource.getRepository(Notice);
  }

  /** The states the caller may list: the office those it asks for (all by default), anyone else PUBLISHED. */
  private scope(query: SelectQueryBuilder<Notice>, identity: Identity, status: readonly NoticeStatus[] | null | undefined) {
    if (!isNoticeOffice(identity)) query.andWhere("n.status = 'PUBLISHED'");
    else if (status?.length) query.andWhere('n.status IN (:...status)', { status: [...new Set(status)] });
  }

  private filtered(identity: Identity, filter: NoticeFilter): SelectQueryBuilder<Notice> {
    assertNoticeSearch(filter.search);
    const query = this.repo.createQueryBuilder('n');
    this.scope(query, identity, filter.status);
    if (filter.contestId) query.andWhere('n.contest_id = :contestId', { contestId: filter.contestId });
    if (filter.kinds?.length) query.andWhere('n.kind IN (:...kinds)', { kinds: [...new Set(filter.kinds)] });
    const words = (filter.search ?? '').trim().split(/\s+/).filter(Boolean);
    words.forEach((word, i) =>
      query.andWhere(`LOWER(n.title) LIKE :w${i} ${LIKE_ESCAPE}`, { [`w${i}`]: `%${escapeLike(word.toLowerCase())}%` }),
    );
    return query;
  }

  /** Notices the caller may see: drafts first for the office, then the newest published first. */
  list(identity: Identity, filter: NoticeFilter, page: PageArgs): Page<Notice> {
    return paginate(this.filtered(identity, filter), page, ORDER);
  }

  /** A contest's notices the caller may see, batched across every contest of the request. */
  forContest(ctx: RequestContext, contestId: string, kinds: readonly NoticeKind[] | null | undefined, page: PageArgs): Page<Notice> {
    const kindList = kinds?.length ? [...new Set(kinds)].sort() : null;
    return loadChildPage(ctx, contestId, {
      name: `Contest.notices(${JSON.stringify(kindList)})`,
      repository: this.repo,
      query: () => this.filtered(ctx.identity, { kinds: kindList }),
      alias: 'n',
      parentColumn: 'contest_id',
      parentOf: (n) => n.contestId,
      order: ORDER,
      args: page,
    });
  }

  /** Any notice, whoever asks: for the services that check the caller themselves. */
  loadUnchecked(ctx: RequestContext, id: string): Promise<Notice | null> {
    return ctx.loaders.byId(this.repo).load(id);
  }

  /** A notice the caller may see; null when there is none or it is hidden from the caller (a draft, a withdrawn one). */
  async loadVisible(ctx: RequestContext, id: string): Promise<Notice | null> {
    const notice = await this.loadUnchecked(ctx, id);
    return notice && noticeVisible(notice.status, isNoticeOffice(ctx.identity)) ? notice : null;
  }

  /** The files of each notice asked for in the request, by position, in one query. */
  attachmentsOf(ctx: RequestContext, noticeId: string): Promise<NoticeAttachment[]> {
    return ctx.loaders
      .many<string, NoticeAttachment>(
        'Notice.attachments',
        (ids) => this.dataSource.manager.find(NoticeAttachment, { where: { noticeId: In(ids) }, order: { position: 'ASC' } }),
        (a) => a.noticeId,
      )
      .load(noticeId);
  }
}
