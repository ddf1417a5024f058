import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AggregationMethod, DEFAULT_TIE_BREAKS, ReviewStage, ReviewState, RoundStatus, TieBreak } from '@meritgraph/domain';

registerEnumType(ReviewStage, {
  name: 'ReviewStage',
  description: 'SCREENING (初审), EVALUATION (第二轮评审) or FINAL (终评).',
  valuesConfig: {
    SCREENING: { description: '初审: experts PASS, RECOMMEND or ELIMINATE; an entry goes on when enough votes are for it.' },
    EVALUATION: { description: '第二轮评审: scored on weighted criteria; the best of each quota group advance.' },
    FINAL: { description: '终评: scored before panels, with presentations; the best are EXCELLENT.' },
  },
});
registerEnumType(RoundStatus, {
  name: 'RoundStatus',
  description: 'DRAFT → OPEN → CLOSED → FINALIZED.',
  valuesConfig: {
    DRAFT: { description: 'Being set up by the office; not visible outside the office and analysts.' },
    OPEN: { description: 'Experts score their assignments.' },
    CLOSED: { description: 'Scoring is over; the office previews results, overrides and raises quotas.' },
    FINALIZED: { description: 'Results are computed and frozen; public once the round is published.' },
  },
});
registerEnumType(ReviewState, {
  name: 'ReviewState',
  description: 'Where a submission stands in review.',
  valuesConfig: {
    NOT_ENTERED: { description: 'Never taken into a round the caller may see.' },
    IN_REVIEW: { description: 'In a round whose results the caller may not read yet (its own unit until they are published).' },
    ADVANCED: { description: 'Its round advanced it to the next one.' },
    ELIMINATED: { description: 'Its round eliminated it.' },
    EXCELLENT: { description: 'The final round found it excellent (优秀成果).' },
  },
});
registerEnumType(AggregationMethod, {
  name: 'AggregationMethod',
  description:
    'How scorecards combine: MEAN, TRIMMED_MEAN (drops one highest and one lowest), MEDIAN, or NORMALIZED (per-expert z-scores).',
  valuesConfig: {
    MEAN: { description: 'The mean of the entry’s card totals.' },
    TRIMMED_MEAN: { description: 'The mean without one highest and one lowest total, once the entry has trimMinimum cards.' },
    MEDIAN: { description: 'The median of the entry’s card totals.' },
    NORMALIZED: {
      description:
        'Each card as its expert’s z-score, averaged and mapped back onto the score range (harsh and lenient experts weigh alike).',
    },
  },
});
registerEnumType(TieBreak, {
  name: 'TieBreak',
  description: 'One step of a tie-break chain.',
  valuesConfig: {
    AGGREGATE: { description: 'The higher aggregate (to 4 decimals).' },
    TOP_CRITERION: { description: 'The higher mean score on the round’s highest-weighted criterion.' },
    RECOMMEND_COUNT: { description: 'More RECOMMEND votes in screening.' },
    EARLIER_SUBMISSION: { description: 'The submission submitted first.' },
  },
});

/** One round of expert review in a contest, and how it is judged. */
@Entity()
@Index(['contestId', 'roundOrder'], { unique: true })
@ObjectType({ description: 'One round of expert review in a contest.' })
@Directive('@key(fields: "id")')
export class ReviewRound {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable id of the round.' })
  id: string;

  @Column('varchar', { length: 36 })
  contestId: string;

  @Column('varchar', { length: 120 })
  @Field(() => String, { description: 'The round’s name, e.g. 第二轮评审.' })
  name: string;

  @Column('varchar', { length: 16 })
  @Field(() => ReviewStage, { description: 'What kind of round it is.' })
  stage: ReviewStage;

  @Column('int')
  @Field(() => Int, { description: 'Position of the round in its contest, from 1.' })
  roundOrder: number;

  @Column('varchar', { length: 16 })
  @Field(() => RoundStatus, { description: 'Where the round is in its lifecycle.' })
  status: RoundStatus;

  @Column('boolean')
  @Field(() => Boolean, { description: 'Blind rounds hide the submitting organization and people from experts.' })
  blind: boolean;

  @Column('date', { nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the round meets, e.g. 2019-10-24.' })
  reviewDate: string | null;

  @Column('int', { default: 3 })
  @Field(() => Int, { description: 'Experts each entry gets.' })
  reviewersPerEntry: number;

  @Column('varchar', { length: 16, default: AggregationMethod.MEAN })
  @Field(() => AggregationMethod, { description: 'How the scorecards of an entry combine into its aggregate.' })
  aggregationMethod: AggregationMethod;

  @Column('int', { default: 5 })
  @Field(() => Int, { description: 'The trimmed mean drops the highest and lowest scorecard only from this many scorecards up.' })
  trimMinimum: number;

  /** Advancement by threshold; null when the round advances by quota groups (or, in screening, by decisions). */
  @Column('double', { nullable: true })
  threshold: number | null;

  @Column('varchar', { length: 200, default: DEFAULT_TIE_BREAKS.join(',') })
  tieBreakList: string;

  /** The screening pass share in thousandths: an integer keeps the stored default exact on every database. */
  @Column('int', { default: 500 })
  passSharePermille: number;

  @Column('datetime')
  @Field(() => Date, { description: 'When the round was created.' })
  createdAt: Date;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the results were made public.' })
  publishedAt: Date | null;

  get passShare(): number {
    return this.passSharePermille / 1000;
  }

  get tieBreaks(): TieBreak[] {
    return this.tieBreakList ? (this.tieBreakList.split(',') as TieBreak[]) : [];
  }
}

/** One scored criterion of a round. */
@Entity()
@Index(['roundId', 'code'], { unique: true })
@ObjectType({ description: 'A criterion of a round: its weight and the highest score it takes.' })
export class RoundCriterion {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  roundId: string;

  @Column('int')
  position: number;

  @Column('varchar', { length: 20 })
  @Field(() => String, { description: 'e.g. INNOVATION.' })
  code: string;

  @Column('varchar', { length: 60 })
  @Field(() => String, { description: 'The criterion’s name, e.g. 创新性.' })
  name: string;

  @Column('double')
  @Field(() => Float, { description: 'The weights of a round sum to 1.' })
  weight: number;

  @Column('double')
  @Field(() => Float, { description: 'The highest score an expert may give on it.' })
  maxScore: number;
}

/** Tracks that share a quota, e.g. IC and BIG_SCIENCE sharing 49 finalist places. */
@Entity()
@Index(['roundId', 'code'], { unique: true })
@ObjectType({ description: 'Tracks whose entries compete for a shared number of places.' })
export class QuotaGroup {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  roundId: string;

  @Column('int')
  position: number;

  @Column('varchar', { length: 40 })
  @Field(() => String, { description: 'e.g. IC+BIG_SCIENCE.' })
  code: string;

  @Column('simple-array')
  trackIds: string[];

  @Column('int')
  @Field(() => Int, { description: 'How many entries of the group advance, as configured (raiseQuota can add places).' })
  quota: number;
}
