import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { PersonRef } from '../references/references';
import { SubmissionService } from './submission.service';
import { ChildSubmissionsArgs, SubmissionConnection } from './submission.types';

@Resolver(() => PersonRef)
export class PersonSubmissionsResolver {
  constructor(private readonly service: SubmissionService) {}

  @FieldResolver(() => SubmissionConnection, { nullable: true, description: 'Achievements this person leads.' })
  async submissions(@Root() person: PersonRef, @Args(() => ChildSubmissionsArgs) args: ChildSubmissionsArgs, @Ctx() ctx: RequestContext) {
    return new SubmissionConnection(await this.service.listFor(ctx, 'leader', person.id, args, args));
  }
}
