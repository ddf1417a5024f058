import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { type RequestContext, withRange } from '@meritgraph/subgraph-kit';
import { DIMENSION_MAX } from '@meritgraph/domain';
import { OrganizationRef } from '../references/references';
import { OrganizerEvaluation } from './evaluation.entity';
import type { EvaluationService } from './evaluation.service';

const score = (dimension: string) => withRange(`${dimension}.`, 0, DIMENSION_MAX);

@InputType({ description: 'Scores out of 20 on each of the five dimensions.' })
class EvaluationInput {
  @Field(() => ID, { description: 'The contest.' })
  contestId: string;

  @Field(() => ID, { description: 'A union that organized units for the contest.' })
  organizationId: string;

  @Field(() => Float, { description: score('组织领导') })
  leadership: number;

  @Field(() => Float, { description: score('推进举措') })
  promotion: number;

  @Field(() => Float, { description: score('竞赛绩效') })
  performance: number;

  @Field(() => Float, { description: score('激励机制') })
  incentive: number;

  @Field(() => Float, { description: score('竞赛特色') })
  features: number;

  @Field(() => String, { nullable: true, description: 'The office’s comment; at most 1000 characters.' })
  comment?: string | null;
}

@ObjectType({ description: 'An organizing unit’s place in the ranking for 优秀组织奖.' })
class RankedEvaluation {
  @Field(() => OrganizerEvaluation, { description: 'The unit’s assessment.' })
  evaluation: OrganizerEvaluation;

  @Field(() => Float, { description: 'Out of 100.' })
  total: number;

  @Field(() => Int, { description: 'Units equal on total, contest performance and leadership share a rank.' })
  rank: number;

  @Field(() => Boolean, { description: 'Within the award’s places: of a tie across the line, only the units the office chose.' })
  candidate: boolean;

  @Field(() => Boolean, { description: 'Shares its rank across the places line, with no decision of the office yet.' })
  tied: boolean;
}

@Resolver(() => OrganizerEvaluation)
export class EvaluationResolver {
  constructor(private readonly service: EvaluationService) {}

  @FieldResolver(() => OrganizationRef, { nullable: true, description: 'The organizing unit assessed.' })
  organization(@Root() evaluation: OrganizerEvaluation): OrganizationRef {
    return { id: evaluation.organizationId };
  }

  @Authorized('ADMIN')
  @Mutation(() => OrganizerEvaluation, { description: 'Records (or revises) an organizing unit’s assessment.' })
  evaluateOrganizer(
    @Arg('input', () => EvaluationInput, { description: 'The unit, the contest and its five scores.' }) input: EvaluationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganizerEvaluation> {
    return this.service.evaluate(ctx.identity, input);
  }

  @Query(() => [RankedEvaluation], {
    nullable: true,
    description:
      'A contest’s assessed organizing units, ranked by total; the first `places` are candidates for 优秀组织奖. For the office and analysts; null with FORBIDDEN for anyone else.',
  })
  async organizerEvaluations(
    @Arg('contestId', () => ID, { description: 'The contest.' }) contestId: string,
    @Arg('places', () => Int, { defaultValue: 10, description: withRange('How many ranks are candidates.', 0, 10_000) }) places: number,
    @Ctx() ctx: RequestContext,
  ): Promise<RankedEvaluation[]> {
    return (await this.service.ranking(ctx, contestId, places)).ranked.map((r) => ({
      evaluation: r,
      total: r.total,
      rank: r.rank,
      candidate: r.candidate,
      tied: r.tied,
    }));
  }
}
