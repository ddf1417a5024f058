import { registerEnumType } from 'type-graphql';
import { AnalyticsFact } from '@meritgraph/domain';

/** The facts a cube counts: the domain's analytics facts, whose access rules decide who may count them. */
export const CubeFact = AnalyticsFact;
export type CubeFact = keyof typeof CubeFact;

/** What a cube groups and filters by. */
export const CubeDimension = {
  CONTEST: 'CONTEST',
  YEAR: 'YEAR',
  TRACK: 'TRACK',
  ROUND: 'ROUND',
  STAGE: 'STAGE',
  PANEL: 'PANEL',
  QUOTA_GROUP: 'QUOTA_GROUP',
  ORGANIZATION: 'ORGANIZATION',
  ORGANIZATION_KIND: 'ORGANIZATION_KIND',
  PARENT_ORGANIZATION: 'PARENT_ORGANIZATION',
  DISTRICT: 'DISTRICT',
  MOBILIZING_UNION: 'MOBILIZING_UNION',
  EXPERT: 'EXPERT',
  EXPERT_TITLE: 'EXPERT_TITLE',
  EXPERT_AFFILIATION_KIND: 'EXPERT_AFFILIATION_KIND',
  AWARD_TYPE: 'AWARD_TYPE',
  RECIPIENT_KIND: 'RECIPIENT_KIND',
  STATUS: 'STATUS',
  OUTCOME: 'OUTCOME',
  ACHIEVEMENT_KIND: 'ACHIEVEMENT_KIND',
  PRIOR_HONOR_LEVEL: 'PRIOR_HONOR_LEVEL',
  WEEK: 'WEEK',
  DAY: 'DAY',
} as const;
export type CubeDimension = keyof typeof CubeDimension;

/** The figures a measure is taken of: numbers, or yes/no facts (1 and 0) for rates and sums. */
export const CubeField = {
  TEAM_SIZE: 'TEAM_SIZE',
  FINALIST: 'FINALIST',
  EXCELLENT: 'EXCELLENT',
  PRIOR_HONORS: 'PRIOR_HONORS',
  AGGREGATE: 'AGGREGATE',
  MEAN: 'MEAN',
  TRIMMED_MEAN: 'TRIMMED_MEAN',
  NORMALIZED: 'NORMALIZED',
  RANK: 'RANK',
  SCORECARDS: 'SCORECARDS',
  ADVANCED: 'ADVANCED',
  SCORED: 'SCORED',
  DECLINED: 'DECLINED',
  CONFLICT_DECLARED: 'CONFLICT_DECLARED',
  TOTAL: 'TOTAL',
  CONFERRED: 'CONFERRED',
  PUBLIC: 'PUBLIC',
  VERIFIED: 'VERIFIED',
  LEADERSHIP: 'LEADERSHIP',
  PROMOTION: 'PROMOTION',
  PERFORMANCE: 'PERFORMANCE',
  INCENTIVE: 'INCENTIVE',
  FEATURES: 'FEATURES',
} as const;
export type CubeField = keyof typeof CubeField;

export const SortDirection = { ASC: 'ASC', DESC: 'DESC' } as const;
export type SortDirection = keyof typeof SortDirection;

/** What each fact can be grouped by and measured on. */
export const FACT_SHAPES: Readonly<Record<CubeFact, { dimensions: readonly CubeDimension[]; fields: readonly CubeField[] }>> = {
  SUBMISSION: {
    dimensions: [
      'CONTEST',
      'YEAR',
      'TRACK',
      'ORGANIZATION',
      'ORGANIZATION_KIND',
      'PARENT_ORGANIZATION',
      'DISTRICT',
      'MOBILIZING_UNION',
      'STATUS',
      'ACHIEVEMENT_KIND',
      'PRIOR_HONOR_LEVEL',
      'WEEK',
      'DAY',
    ],
    fields: ['TEAM_SIZE', 'FINALIST', 'EXCELLENT', 'PRIOR_HONORS'],
  },
  ENTRY: {
    dimensions: [
      'CONTEST',
      'YEAR',
      'ROUND',
      'STAGE',
      'TRACK',
      'QUOTA_GROUP',
      'ORGANIZATION',
      'ORGANIZATION_KIND',
      'PARENT_ORGANIZATION',
      'DISTRICT',
      'MOBILIZING_UNION',
      'STATUS',
      'OUTCOME',
    ],
    fields: ['AGGREGATE', 'MEAN', 'TRIMMED_MEAN', 'NORMALIZED', 'RANK', 'SCORECARDS', 'ADVANCED', 'EXCELLENT'],
  },
  ASSIGNMENT: {
    dimensions: ['CONTEST', 'YEAR', 'ROUND', 'STAGE', 'TRACK', 'PANEL', 'EXPERT', 'EXPERT_TITLE', 'EXPERT_AFFILIATION_KIND', 'STATUS'],
    fields: ['SCORED', 'DECLINED', 'CONFLICT_DECLARED'],
  },
  SCORECARD: {
    dimensions: [
      'CONTEST',
      'YEAR',
      'ROUND',
      'STAGE',
      'TRACK',
      'PANEL',
      'EXPERT',
      'EXPERT_TITLE',
      'EXPERT_AFFILIATION_KIND',
      'ORGANIZATION',
      'STATUS',
    ],
    fields: ['TOTAL'],
  },
  HONOR: {
    dimensions: [
      'CONTEST',
      'YEAR',
      'AWARD_TYPE',
      'RECIPIENT_KIND',
      'STATUS',
      'ORGANIZATION',
      'ORGANIZATION_KIND',
      'PARENT_ORGANIZATION',
      'DISTRICT',
      'MOBILIZING_UNION',
      'DAY',
    ],
    fields: ['CONFERRED', 'PUBLIC'],
  },
  PRIOR_HONOR: {
    dimensions: ['CONTEST', 'YEAR', 'TRACK', 'ORGANIZATION', 'DISTRICT', 'MOBILIZING_UNION', 'PRIOR_HONOR_LEVEL', 'STATUS'],
    fields: ['VERIFIED', 'EXCELLENT'],
  },
  ORGANIZER_EVALUATION: {
    dimensions: ['CONTEST', 'YEAR', 'ORGANIZATION', 'ORGANIZATION_KIND', 'PARENT_ORGANIZATION', 'DISTRICT'],
    fields: ['LEADERSHIP', 'PROMOTION', 'PERFORMANCE', 'INCENTIVE', 'FEATURES', 'TOTAL'],
  },
};

registerEnumType(CubeFact, {
  name: 'CubeFact',
  description:
    'What a cube counts: one record per submission, entry in a round, assignment, scorecard, honor, prior honor or organizer evaluation.',
  valuesConfig: {
    SUBMISSION: { description: 'A submission, with whether it reached the final (FINALIST) and was judged excellent (EXCELLENT).' },
    ENTRY: { description: 'A submission taken into a round, with its frozen result once the round is finalized.' },
    ASSIGNMENT: { description: 'An expert assigned an entry: scored, declined, or a declared conflict.' },
    SCORECARD: { description: 'A scorecard’s weighted total; analysts see those of finalized rounds only.' },
    HONOR: { description: 'An honor in any status; callers who are not the office or analysts count public ones only.' },
    PRIOR_HONOR: { description: 'An honor a submission already held, by level.' },
    ORGANIZER_EVALUATION: { description: 'A mobilizing union’s evaluation on the five dimensions.' },
  },
});

registerEnumType(CubeDimension, {
  name: 'CubeDimension',
  description:
    'What a cube groups or filters by; each fact takes the dimensions its description lists (others are BAD_USER_INPUT on groupBy).',
  valuesConfig: {
    CONTEST: { description: 'The contest.' },
    YEAR: { description: 'The contest’s year.' },
    TRACK: { description: 'The track.' },
    ROUND: { description: 'The review round.' },
    STAGE: { description: 'The round’s stage: SCREENING, EVALUATION or FINAL.' },
    PANEL: { description: 'The review panel.' },
    QUOTA_GROUP: { description: 'The quota group an entry was ranked in.' },
    ORGANIZATION: { description: 'The submitting, honored or evaluated organization.' },
    ORGANIZATION_KIND: { description: 'That organization’s kind.' },
    EXPERT: { description: 'The expert.' },
    EXPERT_TITLE: { description: 'The expert’s title.' },
    AWARD_TYPE: { description: 'The award type.' },
    RECIPIENT_KIND: { description: 'What an honor is given to: PERSON, TEAM, ORGANIZATION or SUBMISSION.' },
    ACHIEVEMENT_KIND: { description: 'The achievement’s kind (technology, product, platform…).' },
    MOBILIZING_UNION: { description: 'The union that mobilized the unit for the contest (its nearest union for one not enrolled).' },
    DISTRICT: { description: 'The district of the submitting or honored organization.' },
    PARENT_ORGANIZATION: { description: 'The organization above it (a park, a group, a union): one step up its parent chain.' },
    EXPERT_AFFILIATION_KIND: { description: 'The kind of the expert’s own organization (university, research institute, enterprise…).' },
    PRIOR_HONOR_LEVEL: { description: 'The highest level of a submission’s prior honors (NATIONAL first), NONE without any.' },
    WEEK: { description: 'The ISO week (its Monday, YYYY-MM-DD, UTC) of a submission’s submission, or an honor’s latest step.' },
    DAY: { description: 'The day (YYYY-MM-DD, UTC), as WEEK.' },
    STATUS: { description: 'The record’s status (a scorecard’s: its screening decision).' },
    OUTCOME: { description: 'An entry’s frozen outcome: ADVANCED, ELIMINATED or EXCELLENT; PENDING before its round is finalized.' },
  },
});

registerEnumType(CubeField, {
  name: 'CubeField',
  description: 'What a measure is taken of. Yes/no fields count as 1 and 0: RATE gives their share, SUM their number.',
  valuesConfig: {
    TEAM_SIZE: { description: 'A submission’s team members.' },
    FINALIST: { description: 'Yes when the submission has an entry in a FINAL round.' },
    EXCELLENT: { description: 'Yes when an entry of it (or the entry) was judged EXCELLENT.' },
    PRIOR_HONORS: { description: 'A submission’s prior honors.' },
    AGGREGATE: { description: 'An entry’s frozen aggregate score.' },
    MEAN: { description: 'An entry’s mean score.' },
    TRIMMED_MEAN: { description: 'An entry’s trimmed mean.' },
    NORMALIZED: { description: 'An entry’s normalized score.' },
    RANK: { description: 'An entry’s rank in its quota group.' },
    SCORECARDS: { description: 'Scorecards an entry’s result was computed from.' },
    ADVANCED: { description: 'Yes when an entry ADVANCED or was judged EXCELLENT.' },
    SCORED: { description: 'Yes when an assignment’s expert has saved its scorecard.' },
    DECLINED: { description: 'Yes when the expert declined the assignment.' },
    CONFLICT_DECLARED: { description: 'Yes when the expert declared a conflict of interest.' },
    TOTAL: { description: 'A scorecard’s weighted total, or an organizer evaluation’s sum of its five dimensions.' },
    CONFERRED: { description: 'Yes when the honor is conferred.' },
    PUBLIC: { description: 'Yes when the honor is a public record (announced, conferred or revoked).' },
    VERIFIED: { description: 'Yes when the office verified the prior honor.' },
    LEADERSHIP: { description: 'An organizer evaluation’s leadership (组织领导) score.' },
    PROMOTION: { description: 'Its promotion (宣传发动) score.' },
    PERFORMANCE: { description: 'Its performance (工作成效) score.' },
    INCENTIVE: { description: 'Its incentive (激励保障) score.' },
    FEATURES: { description: 'Its features (特色亮点) score.' },
  },
});

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'ASC or DESC.',
  valuesConfig: { ASC: { description: 'Lowest first.' }, DESC: { description: 'Highest first.' } },
});
