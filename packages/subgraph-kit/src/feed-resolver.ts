import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode, forbidden } from '@meritgraph/domain';
import type { RequestContext } from './context';
import { FeedChange, FeedHead } from './feed';

/** Changes per page of the feed: a reader catching up reads large pages. */
export const FEED_PAGE_MAX = 500;
const FEED_PAGE_DEFAULT = 100;

@ObjectType('FeedChange', {
  description: "One committed change of this subgraph's records, as its change feed serves it to the graph's own services.",
})
@Directive('@shareable')
@Directive('@inaccessible')
export class FeedChangeRecord {
  @Field(() => ID, { description: 'The change’s place in commit order; pass it as `after` to read on from it.' })
  position: string;

  @Field(() => String, { description: 'The changed record’s type, as the graph names it (Submission, Honor…).' })
  entityType: string;

  @Field(() => ID, { description: 'The changed record’s id.' })
  entityId: string;

  @Field(() => Int, { description: 'The record’s version after this change: 1 for its first change, one more for each later one.' })
  version: number;

  @Field(() => String, { description: 'What was done, as the audit log names it (submission.submit, honor.announce…).' })
  change: string;

  @Field(() => Date, { description: 'When, by the platform’s clock.' })
  at: Date;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The record’s state as the change committed it, in the fields the feed keeps; null when removed or kept without state.',
  })
  state: Record<string, unknown> | null;
}

@ObjectType('FeedPage', { description: 'A page of a change feed, in commit order.' })
@Directive('@shareable')
@Directive('@inaccessible')
export class FeedPage {
  @Field(() => [FeedChangeRecord])
  changes: FeedChangeRecord[];

  @Field(() => ID, { description: 'The position to read on from: the last change’s, or `after` when the page is empty.' })
  endCursor: string;

  @Field(() => ID, { description: 'The last position committed so far; the reader’s lag is head − endCursor changes.' })
  head: string;

  @Field(() => Boolean, { description: 'Whether later changes are already committed.' })
  hasMore: boolean;
}

const isPosition = (value: string) => /^(0|[1-9][0-9]{0,17})$/.test(value);

/**
 * `changes(after, first)`: the subgraph's change feed, to the graph's own services only (the
 * analytics subgraph and the notifier read it through this field, never the tables). Not
 * part of the public graph: the gateway does not route it.
 */
@Resolver(() => FeedChangeRecord)
export class ChangeFeedResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => FeedPage, {
    description: `Changes committed after a position, oldest first (1 to ${FEED_PAGE_MAX}, default ${FEED_PAGE_DEFAULT}); the graph's own services only, FORBIDDEN to anyone else.`,
  })
  @Directive('@shareable')
  @Directive('@inaccessible')
  async changes(
    @Ctx() ctx: RequestContext,
    @Arg('after', () => ID, { nullable: true, description: 'A position already read; from the start when absent.' }) after?: string | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
  ): Promise<FeedPage> {
    if (!ctx.identity.service) throw forbidden('changes');
    const from = after ?? '0';
    if (!isPosition(from)) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'after must be a position the feed gave', 'after');
    const size = first ?? FEED_PAGE_DEFAULT;
    if (!Number.isInteger(size) || size < 1 || size > FEED_PAGE_MAX)
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `first must be 1 to ${FEED_PAGE_MAX}`, 'first');
    // On SQLite a read outside a transaction could see a commit still under way on the shared connection.
    return this.dataSource.transaction(async (em) => {
      const rows = await em
        .createQueryBuilder(FeedChange, 'c')
        .where('c.position > :from', { from })
        .orderBy('c.position', 'ASC')
        .limit(size + 1)
        .getMany();
      const head = await em.findOneBy(FeedHead, { id: 1 });
      const page = rows.slice(0, size);
      return {
        changes: page.map((row) => ({
          position: String(row.position),
          entityType: row.entityType,
          entityId: row.entityId,
          version: row.version,
          change: row.change,
          at: row.at,
          state: row.state === null ? null : (JSON.parse(row.state) as Record<string, unknown>),
        })),
        endCursor: page.length ? String(page[page.length - 1]!.position) : from,
        head: String(head?.position ?? '0'),
        hasMore: rows.length > size,
      };
    });
  }
}
