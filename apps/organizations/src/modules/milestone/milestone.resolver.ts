import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MilestoneKind } from '@meritgraph/domain';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Organization } from '../organization/organization.entity';
import { OrganizationService } from '../organization/organization.service';
import { Milestone } from './milestone.entity';
import { MilestoneService } from './milestone.service';

@InputType()
class CreateMilestoneInput {
  @Field(() => ID)
  contestId: string;

  @Field(() => LocalDateResolver, { description: "In the contest's year, or within its period." })
  date: string;

  @Field(() => MilestoneKind)
  kind: MilestoneKind;

  @Field(() => String)
  title: string;

  @Field(() => ID, { nullable: true })
  hostOrganizationId?: string | null;
}

@InputType()
class UpdateMilestoneInput {
  @Field(() => LocalDateResolver, { nullable: true })
  date?: string | null;

  @Field(() => MilestoneKind, { nullable: true })
  kind?: MilestoneKind | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => ID, { nullable: true })
  hostOrganizationId?: string | null;
}

@Resolver(() => Milestone)
export class MilestoneResolver {
  constructor(
    private readonly service: MilestoneService,
    private readonly organizations: OrganizationService,
  ) {}

  @FieldResolver(() => Organization, { nullable: true, description: 'Where the event took place (承办).' })
  host(@Root() milestone: Milestone, @Ctx() ctx: RequestContext) {
    return milestone.hostOrganizationId ? this.organizations.load(ctx, milestone.hostOrganizationId) : null;
  }

  @Authorized('ADMIN')
  @Mutation(() => Milestone)
  createMilestone(@Arg('input', () => CreateMilestoneInput) input: CreateMilestoneInput, @Ctx() ctx: RequestContext): Promise<Milestone> {
    return this.service.create(ctx.identity, input.contestId, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Milestone)
  updateMilestone(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMilestoneInput) input: UpdateMilestoneInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Milestone> {
    return this.service.update(ctx.identity, id, input);
  }
}
