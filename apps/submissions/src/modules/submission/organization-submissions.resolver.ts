import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { OrganizationRef } from '../references/references';
import { SubmissionService } from './submission.service';
import { ChildSubmissionsArgs, SubmissionConnection } from './submission.types';

@Resolver(() => OrganizationRef)
export class OrganizationSubmissionsResolver {
  constructor(private readonly service: SubmissionService) {}

  @FieldResolver(() => SubmissionConnection, { nullable: true, description: 'Achievements this unit submitted.' })
  async submissions(
    @Root() organization: OrganizationRef,
    @Args(() => ChildSubmissionsArgs) args: ChildSubmissionsArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return new SubmissionConnection(await this.service.listFor(ctx, 'organization', organization.id, args, args));
  }
}
