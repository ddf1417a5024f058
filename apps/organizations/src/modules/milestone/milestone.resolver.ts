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
  @Mutation(() => Milestone, {
    description: 'Adds an event to a contest’s timeline. The office only (else FORBIDDEN, or UNAUTHENTICATED).',
  })
  createMilestone(
    @Arg('input', () => CreateMilestoneInput, { description: 'The new event.' }) input: CreateMilestoneInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Milestone> {
    return this.service.create(ctx.identity, input.contestId, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Milestone, { description: 'Edits an event. The office only; an unknown id is NOT_FOUND.' })
  updateMilestone(
    @Arg('id', () => ID, { description: 'The event to edit.' }) id: string,
    @Arg('input', () => UpdateMilestoneInput, { description: 'The fields to change.' }) input: UpdateMilestoneInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Milestone> {
    return this.service.update(ctx.identity, id, input);
  }
}
