import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { PriorHonorLevel } from '@meritgraph/domain';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { SubmissionRef } from '../references/references';
import { HonorsSummary } from '../honor/honor.resolver';
import { PriorHonor } from './prior.entity';
import type { PriorHonorService } from './prior.service';

@InputType()
class PriorHonorInput {
  @Field(() => ID)
  submissionId: string;

  @Field(() => PriorHonorLevel)
  level: PriorHonorLevel;

  @Field(() => String)
  name: string;

  @Field(() => String)
  issuer: string;

  @Field(() => Int)
  year: number;

  @Field(() => String, { nullable: true })
  evidence?: string | null;
}

@ObjectType({ description: 'How many honored achievements hold a verified prior honor at this level (their highest).' })
class LevelCount {
  @Field(() => PriorHonorLevel)
  level: PriorHonorLevel;

  @Field(() => Int)
  count: number;
}

@Resolver(() => PriorHonor)
export class PriorHonorResolver {
  constructor(private readonly service: PriorHonorService) {}

  @FieldResolver(() => SubmissionRef, { nullable: true })
  submission(@Root() prior: PriorHonor): SubmissionRef {
    return { id: prior.submissionId };
  }

  @Authorized('ADMIN', 'SUBMITTER')
  @Mutation(() => PriorHonor, {
    description: 'Records an honor an achievement already holds (the office, or its own unit); the office then verifies it.',
  })
  recordPriorHonor(@Arg('input', () => PriorHonorInput) input: PriorHonorInput, @Ctx() ctx: RequestContext): Promise<PriorHonor> {
    return this.service.record(ctx.identity, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => PriorHonor)
  verifyPriorHonor(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<PriorHonor> {
    return this.service.verify(ctx.identity, id);
  }
}

@Resolver(() => SubmissionRef)
export class SubmissionPriorHonorsResolver {
  constructor(private readonly service: PriorHonorService) {}

  @FieldResolver(() => [PriorHonor], {
    nullable: true,
    description: 'Honors the achievement already held: verified ones for everyone, the rest for the office and analysts.',
  })
  priorHonors(@Root() submission: SubmissionRef, @Ctx() ctx: RequestContext): Promise<PriorHonor[]> {
    return this.service.ofSubmission(ctx, submission.id);
  }
}

@Resolver(() => HonorsSummary)
export class SummaryPriorHonorsResolver {
  constructor(private readonly service: PriorHonorService) {}

  @FieldResolver(() => [LevelCount], {
    description:
      'Of the honors of one type (by default the excellent achievements), how many hold verified prior honors, by highest level.',
  })
  priorHonorLevels(
    @Root() summary: HonorsSummary,
    @Ctx() ctx: RequestContext,
    @Arg('awardTypeCode', () => String, { defaultValue: 'EXCELLENT_ACHIEVEMENT' }) awardTypeCode: string,
  ): Promise<LevelCount[]> {
    return this.service.levels(ctx, summary.contestId, awardTypeCode);
  }
}
