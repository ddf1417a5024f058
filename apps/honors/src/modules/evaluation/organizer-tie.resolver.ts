import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Repository } from 'typeorm';
import { type AuditEntry, AuditEntryConnection, PageArgs, type RequestContext, auditTrail, withRange } from '@meritgraph/subgraph-kit';
import type { OrganizerTie as Tie } from '@meritgraph/domain';
import { OrganizationRef } from '../references/references';
import type { EvaluationService } from './evaluation.service';

@ObjectType({ description: 'The office’s choice of the tied units that take the seats left, with its reason.' })
class OrganizerTieChoice {
  @Field(() => [OrganizationRef], { description: 'The tied units that take the seats left.' })
  chosen: OrganizationRef[];

  @Field(() => String, { description: 'The office’s reason.' })
  reason: string;

  @Field(() => Date, { description: 'When the office decided.' })
  decidedAt: Date;
}

@ObjectType({ description: 'Organizing units that share a rank across the places line of 优秀组织奖.' })
class OrganizerTie {
  contestId: string;

  @Field(() => Int, { description: 'The rank they share.' })
  rank: number;

  @Field(() => Int, { description: 'The places left for them, fewer than they are.' })
  seatsLeft: number;

  @Field(() => [OrganizationRef], { description: 'The tied units, more than the places left.' })
  organizations: OrganizationRef[];

  @Field(() => OrganizerTieChoice, {
    nullable: true,
    description: 'Null while the tie stands: 优秀组织奖 cannot be proposed (ORGANIZER_TIE_UNRESOLVED).',
  })
  decision: OrganizerTieChoice | null;
}

const PLACES = withRange('How many places the award has (its quota).', 0, 10_000);

type Standing = Awaited<ReturnType<EvaluationService['ranking']>>;
const view = (contestId: string, { tie, decision }: Standing): OrganizerTie | null =>
  tie && {
    contestId,
    rank: tie.rank,
    seatsLeft: tie.seatsLeft,
    organizations: (tie as Tie).organizationIds.map((id) => ({ id })),
    decision: decision && {
      chosen: decision.chosenIds.map((id) => ({ id })),
      reason: decision.reason,
      decidedAt: decision.decidedAt,
    },
  };

@Resolver(() => OrganizerTie)
export class OrganizerTieResolver {
  constructor(
    private readonly service: EvaluationService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @FieldResolver(() => AuditEntryConnection, { description: 'The office’s decisions on the contest’s organizer ties, with their reasons.' })
  auditTrail(@Root() tie: OrganizerTie, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new AuditEntryConnection(auditTrail(ctx, this.audit, tie.contestId, args));
  }

  @Query(() => OrganizerTie, {
    nullable: true,
    description: 'The tie across the places line of 优秀组织奖, decided or not; null when there is none (office and analysts).',
  })
  async organizerTie(
    @Arg('contestId', () => ID, { description: 'The contest.' }) contestId: string,
    @Arg('places', () => Int, { defaultValue: 10, description: PLACES }) places: number,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganizerTie | null> {
    return view(contestId, await this.service.ranking(ctx, contestId, places));
  }

  @Authorized('ADMIN')
  @Mutation(() => OrganizerTie, { description: 'Decides which of the tied organizing units take the seats left; audited with the reason.' })
  async decideOrganizerTie(
    @Arg('contestId', () => ID, { description: 'The contest.' }) contestId: string,
    @Arg('places', () => Int, { description: PLACES }) places: number,
    @Arg('organizationIds', () => [ID], { description: 'Exactly as many of the tied units as there are seats left.' })
    organizationIds: string[],
    @Arg('reason', () => String, { description: 'Why these units, for the audit log; at most 500 characters.' }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganizerTie> {
    return view(contestId, await this.service.decideTie(ctx.identity, contestId, places, organizationIds, reason))!;
  }
}
