import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { AggregationMethod, ReviewStage, ReviewState, TieBreak } from '@meritgraph/domain';
import { withRange } from '@meritgraph/subgraph-kit';
import { QuotaGroup, ReviewRound } from './round.entity';

@ObjectType({ description: "A submission's standing in review: its latest round and how it fared there." })
export class ReviewStatus {
  @Field(() => ReviewState, {
    description: 'Where the submission stands, as the caller may know it (IN_REVIEW until results it may read are out).',
  })
  state: ReviewState;

  @Field(() => ReviewRound, { nullable: true, description: 'The latest round the submission was taken into.' })
  round: ReviewRound | null;
}

@ObjectType({ description: 'Who advances from a round: quota groups over tracks, or everyone at or above a threshold.' })
export class AdvancementRuleType {
  @Field(() => [QuotaGroup], {
    description: 'Groups of tracks, each advancing its best entries up to its quota; empty when the round advances by threshold.',
  })
  quotaGroups: QuotaGroup[];

  @Field(() => Float, {
    nullable: true,
    description: 'Entries whose aggregate reaches it advance; null when the round advances by quota groups.',
  })
  threshold: number | null;
}

@InputType({ description: 'One scoring criterion of a round.' })
export class CriterionInput {
  @Field(() => String, { description: 'Upper-case code, e.g. INNOVATION.' })
  code: string;

  @Field(() => String, { description: 'The criterion’s name, e.g. 创新性.' })
  name: string;

  @Field(() => Float, { description: withRange("The criterion's share of the total, above 0; a round's weights sum to 1.", 0, 1) })
  weight: number;

  @Field(() => Float, { description: withRange('The highest score an expert may give on it, above 0.', 0, 1000) })
  maxScore: number;
}

@InputType({ description: 'Tracks ranked together, and how many of their entries advance.' })
export class QuotaGroupInput {
  @Field(() => String, { description: 'e.g. IC+BIG_SCIENCE.' })
  code: string;

  @Field(() => [ID], { description: 'The tracks of the group; a track is in one group at most.' })
  trackIds: string[];

  @Field(() => Int, { description: withRange('Entries of the group that advance.', 1, 1_000_000) })
  quota: number;
}

// Settings shared by the create and update inputs; the base itself is never an argument.
@InputType({ description: 'How a round is judged.' })
export class RoundSettingsFields {
  @Field(() => Boolean, { nullable: true, description: 'Hide the submitting unit and people from experts; false on creation.' })
  blind?: boolean | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The day the round meets, e.g. 2019-10-24; presentations are scheduled on it.',
  })
  reviewDate?: string | null;

  @Field(() => [CriterionInput], { nullable: true, description: 'Absent on creation: one OVERALL criterion out of 100.' })
  criteria?: CriterionInput[] | null;

  @Field(() => Int, { nullable: true, description: withRange('Experts each entry gets.', 1, 50) })
  reviewersPerEntry?: number | null;

  @Field(() => AggregationMethod, {
    nullable: true,
    description: 'How scorecards combine; on creation MEAN for screening, TRIMMED_MEAN otherwise.',
  })
  aggregationMethod?: AggregationMethod | null;

  @Field(() => Int, {
    nullable: true,
    description: withRange('The trimmed mean drops the highest and lowest scorecard only from this many scorecards up.', 3, 50),
  })
  trimMinimum?: number | null;

  @Field(() => [QuotaGroupInput], { nullable: true, description: 'Advancement by quota groups (clears a threshold).' })
  quotaGroups?: QuotaGroupInput[] | null;

  @Field(() => Float, {
    nullable: true,
    description: withRange('Advancement by threshold (clears quota groups), at most the highest total a scorecard can reach.', 0, 1000),
  })
  threshold?: number | null;

  @Field(() => [TieBreak], {
    nullable: true,
    description: 'The tie-break chain, first step first; AGGREGATE, TOP_CRITERION, RECOMMEND_COUNT, EARLIER_SUBMISSION on creation.',
  })
  tieBreaks?: TieBreak[] | null;

  @Field(() => Float, {
    nullable: true,
    description: withRange('Screening: an entry passes when its PASS and RECOMMEND decisions exceed this share (3 decimals).', 0, 0.999),
  })
  passShare?: number | null;
}

@InputType({ description: 'A new DRAFT round of a contest, with the settings it is judged by.' })
export class CreateReviewRoundInput extends RoundSettingsFields {
  @Field(() => ID, { description: 'The contest (organizations subgraph).' })
  contestId: string;

  @Field(() => String, { description: 'The round’s name, e.g. 初审; 2 to 120 characters.' })
  name: string;

  @Field(() => ReviewStage, { description: 'What kind of round it is; a FINAL round has panels and presentations.' })
  stage: ReviewStage;

  @Field(() => Int, { description: withRange('Position of the round in its contest.', 1, 20) })
  order: number;
}

@InputType({ description: 'Settings to change while the round is a DRAFT; absent fields stay as they are.' })
export class UpdateReviewRoundInput extends RoundSettingsFields {
  @Field(() => String, { nullable: true, description: 'The round’s name; 2 to 120 characters.' })
  name?: string | null;
}
