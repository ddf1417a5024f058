import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { MAX_BATCH } from '../bulk';
import { Contest } from '../contest/contest.entity';
import { ContestService } from '../contest/contest.service';
import { Organization } from '../organization/organization.entity';
import { OrganizationService } from '../organization/organization.service';
import { Participation } from './participation.entity';
import { ParticipationService } from './participation.service';
import { EnrolUnitInput, ParticipationConnection, ParticipationsArgs, UpdateParticipationInput } from './participation.types';

@Resolver(() => Participation)
export class ParticipationResolver {
  constructor(
    private readonly service: ParticipationService,
    private readonly contests: ContestService,
    private readonly organizations: OrganizationService,
  ) {}

  @Query(() => ParticipationConnection, {
    nullable: true,
    description: 'Enrolled units in enrolment order, by contest, unit or mobilizing union: at least one, else BAD_USER_INPUT on contestId.',
  })
  async participations(@Args(() => ParticipationsArgs) args: ParticipationsArgs, @Ctx() ctx: RequestContext) {
    return new ParticipationConnection(await this.service.list(ctx, args, args));
  }

  @FieldResolver(() => Contest, { nullable: true, description: 'The contest the unit is enrolled in.' })
  contest(@Root() participation: Participation, @Ctx() ctx: RequestContext) {
    return this.contests.loadVisible(ctx, participation.contestId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The participating unit.' })
  organization(@Root() participation: Participation, @Ctx() ctx: RequestContext) {
    return this.organizations.load(ctx, participation.organizationId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The union that mobilized the unit.' })
  mobilizedBy(@Root() participation: Participation, @Ctx() ctx: RequestContext) {
    return this.organizations.load(ctx, participation.mobilizedById);
  }

  @Authorized('ADMIN', 'ORGANIZER')
  @Mutation(() => Participation, {
    description: 'Enrols a unit in a contest: the office, or an organizer for unions within its own subtree (else FORBIDDEN).',
  })
  enrolUnit(
    @Arg('input', () => EnrolUnitInput, { description: 'The enrolment.' }) input: EnrolUnitInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Participation> {
    return this.service.enrol(ctx.identity, input);
  }

  @Authorized('ADMIN', 'ORGANIZER')
  @Mutation(() => [Participation], {
    description:
      'Several units enrolled at once (a union handing in its list), each by the same rules as enrolUnit. All or nothing: BATCH_REFUSED lists every refusal, including a unit named twice for one contest.',
  })
  enrolUnits(
    @Arg('inputs', () => [EnrolUnitInput], {
      description: `The enrolments, 1 to ${MAX_BATCH}, returned in this order; all are made or none.`,
    })
    inputs: EnrolUnitInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<Participation[]> {
    return this.service.enrolMany(ctx.identity, inputs);
  }

  @Authorized('ADMIN', 'ORGANIZER')
  @Mutation(() => Participation, {
    description: 'Changes which union mobilized an enrolled unit: the office, or an organizer within its own subtree (else FORBIDDEN).',
  })
  updateParticipation(
    @Arg('id', () => ID, { description: 'The enrolment to change.' }) id: string,
    @Arg('input', () => UpdateParticipationInput, { description: 'The fields to change.' }) input: UpdateParticipationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Participation> {
    return this.service.update(ctx.identity, id, input);
  }
}
