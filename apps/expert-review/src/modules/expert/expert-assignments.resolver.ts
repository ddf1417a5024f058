import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { AssignmentConnection, ExpertAssignmentsArgs } from '../assignment/assignment.types';
import type { ExpertAssignmentService } from '../assignment/expert-assignment.service';
import { Expert } from './expert.entity';

@Resolver(() => Expert)
export class ExpertAssignmentsResolver {
  constructor(private readonly service: ExpertAssignmentService) {}

  @FieldResolver(() => AssignmentConnection, {
    nullable: true,
    description:
      "The expert's assignments across rounds, round by round then by id, each with its entry as the expert may see it (without unit and people in a blind round). For the expert itself and the office only: null with FORBIDDEN for anyone else; BAD_USER_INPUT for an empty roundStatus or a bad cursor. The expert does not see rounds still in DRAFT.",
  })
  assignments(@Root() expert: Expert, @Args(() => ExpertAssignmentsArgs) args: ExpertAssignmentsArgs, @Ctx() ctx: RequestContext) {
    return new AssignmentConnection(this.service.ofExpert(ctx, expert.id, args, args));
  }
}
