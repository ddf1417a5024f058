import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Organization } from '../organization/organization.entity';
import { OrganizationService } from '../organization/organization.service';
import { Milestone } from './milestone.entity';
import { MilestoneService } from './milestone.service';
import { CreateMilestoneInput, UpdateMilestoneInput } from './milestone.types';

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
