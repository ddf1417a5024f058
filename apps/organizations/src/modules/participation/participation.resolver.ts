import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Connection, PageArgs, type RequestContext } from '@meritgraph/subgraph-kit';
import { Contest } from '../contest/contest.entity';
import { ContestService } from '../contest/contest.service';
import { Organization } from '../organization/organization.entity';
import { OrganizationService } from '../organization/organization.service';
import { Participation } from './participation.entity';
import { ParticipationService } from './participation.service';

export const ParticipationConnection = Connection(Participation);

@ArgsType()
class ParticipationsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  contestId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the enrolments of this unit.' })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the units this union mobilized.' })
  mobilizedById?: string | null;
}

@InputType()
class EnrolUnitInput {
  @Field(() => ID)
  contestId: string;

  @Field(() => ID, { description: 'The participating unit.' })
  organizationId: string;

  @Field(() => ID, { description: 'The union that mobilized it; the unit must be inside it.' })
  mobilizedById: string;
}

@InputType()
class UpdateParticipationInput {
  @Field(() => ID, { nullable: true })
  mobilizedById?: string | null;
}

@Resolver(() => Participation)
export class ParticipationResolver {
  constructor(
    private readonly service: ParticipationService,
    private readonly contests: ContestService,
    private readonly organizations: OrganizationService,
  ) {}

  @Query(() => ParticipationConnection, {
    description: 'Enrolled units in enrolment order, by contest, unit or mobilizing union (at least one).',
  })
  async participations(@Args(() => ParticipationsArgs) args: ParticipationsArgs, @Ctx() ctx: RequestContext) {
    return new ParticipationConnection(await this.service.list(ctx, args, args));
  }

  @FieldResolver(() => Contest, { nullable: true })
  contest(@Root() participation: Participation, @Ctx() ctx: RequestContext) {
    return this.contests.load(ctx, participation.contestId);
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
  @Mutation(() => Participation, { description: 'Enrols a unit in a contest; an organizer, for unions within its own subtree.' })
  enrolUnit(@Arg('input', () => EnrolUnitInput) input: EnrolUnitInput, @Ctx() ctx: RequestContext): Promise<Participation> {
    return this.service.enrol(ctx.identity, input);
  }

  @Authorized('ADMIN', 'ORGANIZER')
  @Mutation(() => Participation)
  updateParticipation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateParticipationInput) input: UpdateParticipationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Participation> {
    return this.service.update(ctx.identity, id, input);
  }
}

@Resolver(() => Contest)
export class ContestParticipationResolver {
  constructor(private readonly service: ParticipationService) {}

  @FieldResolver(() => Int, { description: 'How many units are enrolled (participating units).' })
  participantCount(@Root() contest: Contest, @Ctx() ctx: RequestContext): Promise<number> {
    return this.service.count(ctx, contest.id);
  }
}
