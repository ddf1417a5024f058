import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Repository } from 'typeorm';
import { type RecipientKind, canSeeObjector } from '@meritgraph/domain';
import { type AuditEntry, AuditEntryConnection, PageArgs, type RequestContext, auditTrail } from '@meritgraph/subgraph-kit';
import { ContestRef, OrganizationRef, PersonRef, SubmissionRef, TeamRef } from '../references/references';
import { AwardType } from '../award/award.entity';
import type { AwardService } from '../award/award.service';
import { Honor, Objection } from './honor.entity';
import type { HonorReadService } from './honor-read.service';
import { OBJECTOR_WITHHELD } from './honor-records';
import { HonorConnection, HonorRecipient, HonorsArgs } from './honor.types';

const RECIPIENT_TYPES: Record<RecipientKind, new () => { id: string }> = {
  PERSON: PersonRef,
  TEAM: TeamRef,
  ORGANIZATION: OrganizationRef,
  SUBMISSION: SubmissionRef,
};

@Resolver(() => Honor)
export class HonorResolver {
  constructor(
    private readonly read: HonorReadService,
    private readonly awards: AwardService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @Query(() => Honor, {
    nullable: true,
    description:
      'One honor: public records for everyone, every record for the office and analysts. FORBIDDEN for a record the caller may not see (or none); null for the office when there is none.',
  })
  honor(@Arg('id', () => ID, { description: 'The honor’s id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Honor | null> {
    return this.read.load(ctx, id);
  }

  @Query(() => HonorConnection, {
    nullable: true,
    description:
      'Honor records, filtered: the public ones (announced, conferred, revoked) unless the caller is the office or an analyst. Null with BAD_USER_INPUT for a filter out of range or a bad cursor.',
  })
  honors(@Args(() => HonorsArgs) args: HonorsArgs, @Ctx() ctx: RequestContext) {
    return new HonorConnection(this.read.list(ctx.identity, args, args));
  }

  @FieldResolver(() => HonorRecipient, { nullable: true, description: 'The person, team, organization or achievement honored.' })
  recipient(@Root() honor: Honor) {
    return Object.assign(new RECIPIENT_TYPES[honor.recipientKind](), { id: honor.recipientId });
  }

  @FieldResolver(() => ContestRef, { nullable: true, description: 'The contest it was awarded in.' })
  contest(@Root() honor: Honor): ContestRef {
    return { id: honor.contestId };
  }

  @FieldResolver(() => AwardType, { nullable: true, description: 'The award.' })
  awardType(@Root() honor: Honor, @Ctx() ctx: RequestContext): Promise<AwardType | null> {
    return this.awards.type(ctx, honor.awardTypeCode);
  }

  @FieldResolver(() => [Objection], { nullable: true, description: 'Objections filed in the announcement window (office and analysts).' })
  objections(@Root() honor: Honor, @Ctx() ctx: RequestContext): Promise<Objection[]> {
    return this.read.objections(ctx, honor.id);
  }

  @FieldResolver(() => AuditEntryConnection, {
    nullable: true,
    description: 'Every transition, with who, when and why (office and analysts); who objected, for the office only.',
  })
  auditTrail(@Root() honor: Honor, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new AuditEntryConnection(auditTrail(ctx, this.audit, honor.id, args, canSeeObjector(ctx.identity) ? null : OBJECTOR_WITHHELD));
  }
}
