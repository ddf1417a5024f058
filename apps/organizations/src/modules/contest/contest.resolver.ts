import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ContestStatus } from '@meritgraph/domain';
import { Connection, PageArgs, type RequestContext } from '@meritgraph/subgraph-kit';
import { Contest } from './contest.entity';
import { ContestService } from './contest.service';

export const ContestConnection = Connection(Contest);

@InputType()
class CreateContestInput {
  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => Int)
  year: number;

  @Field(() => String, { nullable: true })
  theme?: string | null;
}

@Resolver(() => Contest)
export class ContestResolver {
  constructor(private readonly service: ContestService) {}

  @Query(() => Contest, { nullable: true, description: 'A contest by id, or by its code.' })
  async contest(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('code', () => String, { nullable: true }) code?: string | null,
  ): Promise<Contest | null> {
    if (id) return this.service.load(ctx, id);
    return code ? this.service.findByCode(ctx, code) : null;
  }

  @Query(() => ContestConnection)
  contests(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: RequestContext) {
    return new ContestConnection(this.service.list(ctx.identity, page));
  }

  @Authorized('ADMIN')
  @Mutation(() => Contest, { description: 'Moves a contest to its next status; no skipping, no going back.' })
  changeContestStatus(@Arg('id', () => ID) id: string, @Arg('status', () => ContestStatus) status: ContestStatus): Promise<Contest> {
    return this.service.changeStatus(id, status);
  }

  @Authorized('ADMIN')
  @Mutation(() => Contest)
  createContest(@Arg('input', () => CreateContestInput) input: CreateContestInput): Promise<Contest> {
    return this.service.create(input);
  }
}
