import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ExpertRef, ReviewRoundRef, TrackRef } from '../references';
import { CubePanel } from './cube.types';

export const HistogramOf = { SCORECARD_TOTAL: 'SCORECARD_TOTAL', ENTRY_AGGREGATE: 'ENTRY_AGGREGATE' } as const;
export type HistogramOf = keyof typeof HistogramOf;
registerEnumType(HistogramOf, {
  name: 'HistogramOf',
  valuesConfig: {
    SCORECARD_TOTAL: { description: 'Scorecards’ weighted totals.' },
    ENTRY_AGGREGATE: { description: 'Entries’ aggregates.' },
  },
  description: 'SCORECARD_TOTAL: each scorecard’s weighted total; ENTRY_AGGREGATE: each entry’s frozen aggregate.',
});

export const SeriesBy = { NONE: 'NONE', TRACK: 'TRACK', PANEL: 'PANEL' } as const;
export type SeriesBy = keyof typeof SeriesBy;
registerEnumType(SeriesBy, {
  name: 'SeriesBy',
  description: 'One series for the whole round (NONE), or one per track or panel.',
  valuesConfig: {
    NONE: { description: 'The whole round.' },
    TRACK: { description: 'One per track.' },
    PANEL: { description: 'One per panel.' },
  },
});

export const AgreementBy = { ROUND: 'ROUND', PANEL: 'PANEL', TRACK: 'TRACK' } as const;
export type AgreementBy = keyof typeof AgreementBy;
registerEnumType(AgreementBy, {
  name: 'AgreementBy',
  description: 'Agreement of the whole round, of each panel, or of each track.',
  valuesConfig: {
    ROUND: { description: 'The whole round.' },
    PANEL: { description: 'Each panel.' },
    TRACK: { description: 'Each track.' },
  },
});

export const HarshnessOrder = { HARSHEST_FIRST: 'HARSHEST_FIRST', MOST_LENIENT_FIRST: 'MOST_LENIENT_FIRST' } as const;
export type HarshnessOrder = keyof typeof HarshnessOrder;
registerEnumType(HarshnessOrder, {
  name: 'HarshnessOrder',
  description: 'Harshest judges first, or the most lenient first.',
  valuesConfig: {
    HARSHEST_FIRST: { description: 'The most negative mean deviation first.' },
    MOST_LENIENT_FIRST: { description: 'The most positive first.' },
  },
});

export const SeriesFact = { SUBMISSION: 'SUBMISSION', HONOR: 'HONOR' } as const;
export type SeriesFact = keyof typeof SeriesFact;
registerEnumType(SeriesFact, {
  name: 'SeriesFact',
  valuesConfig: { SUBMISSION: { description: 'Submissions, when submitted.' }, HONOR: { description: 'Honors, at each step they took.' } },
  description:
    'SUBMISSION: submissions by the day or week they were submitted; HONOR: honors by the day or week of each step (status) they took.',
});

export const SeriesUnit = { DAY: 'DAY', WEEK: 'WEEK' } as const;
export type SeriesUnit = keyof typeof SeriesUnit;
registerEnumType(SeriesUnit, {
  name: 'SeriesUnit',
  description: 'Days (UTC), or ISO weeks labelled by their Monday.',
  valuesConfig: { DAY: { description: 'A day, YYYY-MM-DD (UTC).' }, WEEK: { description: 'An ISO week, by its Monday.' } },
});

@ObjectType({ description: 'How many figures fell in [from, to); the last bucket also holds its upper bound.' })
export class Bucket {
  @Field(() => Float, { description: 'The bucket’s lower bound (included).' }) from: number;
  @Field(() => Float, { description: 'Its upper bound (excluded, but for the last bucket).' }) to: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Null when suppressed: fewer than the minimum, for a caller who may not see the records.',
  })
  count: number | null;
}

@ObjectType({ description: 'The distribution of a round’s scores, for the round or one of its tracks or panels.' })
export class ScoreDistribution {
  @Field(() => ReviewRoundRef, { description: 'The round.' }) round: ReviewRoundRef;
  @Field(() => TrackRef, { nullable: true, description: 'The track, by TRACK.' }) track: TrackRef | null;
  @Field(() => CubePanel, { nullable: true, description: 'The panel, by PANEL.' }) panel: CubePanel | null;
  @Field(() => Int, { description: 'Figures counted.' }) records: number;
  @Field(() => [Bucket], { description: 'The buckets, lowest first, empty ones included.' }) buckets: Bucket[];
}

@ObjectType({
  description:
    'A judge’s relative harshness: the mean of its score minus the mean of the other judges of the same entry, over the entries it shared. Negative is harsher than its co-raters.',
})
export class JudgeHarshness {
  @Field(() => ExpertRef, { description: 'The judge.' }) expert: ExpertRef;
  @Field(() => Int, { description: 'Entries it scored that at least one other judge scored too.' }) items: number;
  @Field(() => Float, { nullable: true, description: 'Its mean deviation from its co-raters; null without a shared entry.' })
  meanDeviation: number | null;
  @Field(() => Float, { nullable: true, description: 'Sample standard deviation of its deviations.' }) stdDev: number | null;
  @Field(() => Float, { nullable: true, description: 'The 95% confidence interval’s low end (Student’s t).' }) low: number | null;
  @Field(() => Float, { nullable: true, description: 'The interval’s high end.' }) high: number | null;
  @Field(() => Int, { description: '1 for the harshest (or, MOST_LENIENT_FIRST, the most lenient).' }) place: number;
}

@ObjectType({ description: 'How far the judges of a round, panel or track agree.' })
export class AgreementCell {
  @Field(() => ReviewRoundRef, { description: 'The round.' }) round: ReviewRoundRef;
  @Field(() => CubePanel, { nullable: true, description: 'The panel, by PANEL.' }) panel: CubePanel | null;
  @Field(() => TrackRef, { nullable: true, description: 'The track, by TRACK.' }) track: TrackRef | null;
  @Field(() => Int, { description: 'Entries scored.' }) items: number;
  @Field(() => Int, { description: 'Judges who scored any.' }) raters: number;
  @Field(() => Int, { description: 'Judges who scored every entry: the figures are over them.' }) ratersCompared: number;
  @Field(() => Float, { nullable: true, description: 'ICC(2,1): two-way random, absolute agreement, one judge.' }) icc21: number | null;
  @Field(() => Float, { nullable: true, description: 'ICC(3,1): two-way mixed, consistency, one judge.' }) icc31: number | null;
  @Field(() => Float, { nullable: true, description: 'Kendall’s W over the judges who scored every entry.' }) kendallsW: number | null;
  @Field(() => Boolean, { description: 'Every judge scored every entry.' }) complete: boolean;
}

@ObjectType({ description: 'One point of a time series.' })
export class SeriesPoint {
  @Field(() => String, { description: 'The day, or the week’s Monday (YYYY-MM-DD).' }) bucket: string;
  @Field(() => String, { nullable: true, description: 'The status (HONOR), or null (SUBMISSION).' }) status: string | null;
  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' }) count: number | null;
}

@ObjectType({ description: 'A time series: every bucket from `from` to `to`, empty ones included.' })
export class TimeSeries {
  @Field(() => ID, { description: 'The contest.' }) contestId: string;
  @Field(() => String, { description: 'The first day (YYYY-MM-DD).' }) from: string;
  @Field(() => String, { description: 'The last day.' }) to: string;
  @Field(() => [SeriesPoint], { description: 'Each bucket (and status), in time order.' }) points: SeriesPoint[];
}
