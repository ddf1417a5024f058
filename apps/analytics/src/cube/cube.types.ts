import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MEASURE_KINDS, type MeasureKind } from '@meritgraph/domain';
import { ContestRef, ExpertRef, OrganizationRef, ReviewRoundRef, TrackRef } from '../references';
import { CubeDimension, CubeFact, CubeField, SortDirection } from './model';

export const MeasureKindEnum = Object.fromEntries(MEASURE_KINDS.map((k) => [k, k])) as { [K in MeasureKind]: K };
registerEnumType(MeasureKindEnum, {
  name: 'MeasureKind',
  valuesConfig: {
    COUNT: { description: 'Records in the group.' },
    SUM: { description: 'The sum of the field (of yes/no fields: how many are yes).' },
    MEAN: { description: 'The mean of the field.' },
    MEDIAN: { description: 'The median of the field.' },
    MIN: { description: 'The least value.' },
    MAX: { description: 'The greatest value.' },
    PERCENTILE: { description: 'The `percentile`-th percentile, interpolated between ranks.' },
    RATE: { description: 'The share of yes in a yes/no field, 0 to 1.' },
    STDDEV: { description: 'The sample standard deviation (null for one value).' },
  },
  description:
    'COUNT of records; SUM, MEAN, MEDIAN, MIN, MAX, STDDEV or PERCENTILE (with `percentile`, interpolated) of a field; RATE: the share of yes in a yes/no field.',
});

@InputType({ description: 'One figure to take of each group.' })
export class MeasureInput {
  @Field(() => MeasureKindEnum, { description: 'What figure to take.' })
  kind: MeasureKind;

  @Field(() => CubeField, { nullable: true, description: 'The field measured; every kind but COUNT needs one.' })
  field?: CubeField | null;

  @Field(() => Float, { nullable: true, description: 'For PERCENTILE, which percentile (50 is the median). From 0 to 100.' })
  percentile?: number | null;
}

@InputType({ description: 'A yes/no field that must be yes (is: true) or no.' })
export class FieldIs {
  @Field(() => CubeField, { description: 'A yes/no field of the fact (FINALIST, EXCELLENT, SCORED…).' })
  field: CubeField;

  @Field(() => Boolean, { description: 'Yes (true) or no (false).' })
  is: boolean;
}

@InputType({ description: 'Which records a cube counts; every list given must hold the record’s value. Absent lists do not filter.' })
export class CubeFilter {
  @Field(() => [ID], { nullable: true, description: 'Contests, by id.' }) contest?: string[] | null;
  @Field(() => [Int], { nullable: true, description: 'Contest years. From 1949 to 2200.' }) year?: number[] | null;
  @Field(() => [ID], { nullable: true, description: 'Tracks, by id.' }) track?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Review rounds, by id.' }) round?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'SCREENING, EVALUATION or FINAL.' }) stage?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Panels, by id.' }) panel?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Quota groups, by code.' }) quotaGroup?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Organizations, by id (exactly these; see `within` for a subtree).' }) organization?:
    string[] | null;
  @Field(() => [String], { nullable: true, description: 'Organization kinds (ENTERPRISE, UNIVERSITY…).' }) organizationKind?:
    string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Parent organizations, by id.' }) parentOrganization?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Districts, e.g. 浦东新区.' }) district?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Mobilizing unions, by id.' }) mobilizingUnion?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Experts, by id.' }) expert?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Expert titles (PROFESSOR…).' }) expertTitle?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Kinds of the experts’ organizations.' }) expertAffiliationKind?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Award type codes.' }) awardType?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Recipient kinds.' }) recipientKind?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Statuses of the record (SUBMITTED, CONFERRED…).' }) status?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Entry outcomes.' }) outcome?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Achievement kinds.' }) achievementKind?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Highest prior-honor levels (NONE for none).' }) priorHonorLevel?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Weeks, by their Monday (YYYY-MM-DD).' }) week?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Days (YYYY-MM-DD).' }) day?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Only records of this organization or those below it.' })
  within?: string | null;

  @Field(() => [FieldIs], { nullable: true, description: 'Yes/no fields the records must match.' })
  fields?: FieldIs[] | null;
}

@InputType({ description: 'One key of the cells’ order: a measure by its place in `measures` (0 first), or a dimension of `groupBy`.' })
export class CubeOrder {
  @Field(() => Int, { nullable: true, description: 'A measure’s place in `measures`, 0 first. From 0 to 11.' }) measure?: number | null;
  @Field(() => CubeDimension, { nullable: true, description: 'A dimension of `groupBy`, ordered by its labels (names, codes).' })
  dimension?: CubeDimension | null;
  @Field(() => SortDirection, { defaultValue: 'DESC', description: 'DESC (the default) or ASC; empty figures go last either way.' })
  direction: SortDirection;
}

@ObjectType({ description: 'A review panel, as the star schema keeps it.' })
export class CubePanel {
  @Field(() => ID, { description: 'The panel’s id, as expert-review gives it.' }) id: string;
  @Field(() => String, { description: 'Its name, e.g. 人工智能专业组.' }) name: string;
}

@ObjectType({
  description:
    'The values of the dimensions a cell is grouped by; the others are null. Entities are references: select their fields through the graph.',
})
export class CubeGroup {
  @Field(() => ContestRef, { nullable: true, description: 'The contest (CONTEST).' }) contest: ContestRef | null;
  @Field(() => Int, { nullable: true, description: 'The contest’s year (YEAR).' }) year: number | null;
  @Field(() => TrackRef, { nullable: true, description: 'The track (TRACK).' }) track: TrackRef | null;
  @Field(() => ReviewRoundRef, { nullable: true, description: 'The review round (ROUND).' }) round: ReviewRoundRef | null;
  @Field(() => String, { nullable: true, description: 'SCREENING, EVALUATION or FINAL (STAGE).' }) stage: string | null;
  @Field(() => CubePanel, { nullable: true, description: 'The review panel (PANEL); null for entries reviewed outside panels.' })
  panel: CubePanel | null;
  @Field(() => String, { nullable: true, description: 'The quota group’s code (QUOTA_GROUP).' }) quotaGroup: string | null;
  @Field(() => OrganizationRef, { nullable: true, description: 'The submitting, honored or evaluated organization (ORGANIZATION).' })
  organization: OrganizationRef | null;
  @Field(() => String, { nullable: true, description: 'Its kind (ORGANIZATION_KIND).' }) organizationKind: string | null;
  @Field(() => OrganizationRef, { nullable: true, description: 'The organization above it (PARENT_ORGANIZATION).' })
  parentOrganization: OrganizationRef | null;
  @Field(() => String, { nullable: true, description: 'Its district, or its nearest ancestor’s (DISTRICT).' }) district: string | null;
  @Field(() => OrganizationRef, { nullable: true, description: 'The union that mobilized it for the contest (MOBILIZING_UNION).' })
  mobilizingUnion: OrganizationRef | null;
  @Field(() => ExpertRef, { nullable: true, description: 'The expert (EXPERT).' }) expert: ExpertRef | null;
  @Field(() => String, { nullable: true, description: 'The expert’s title (EXPERT_TITLE).' }) expertTitle: string | null;
  @Field(() => String, { nullable: true, description: 'The kind of the expert’s organization (EXPERT_AFFILIATION_KIND).' })
  expertAffiliationKind: string | null;
  @Field(() => String, { nullable: true, description: 'The award type’s code.' }) awardType: string | null;
  @Field(() => String, { nullable: true, description: 'PERSON, TEAM, ORGANIZATION or SUBMISSION (RECIPIENT_KIND).' }) recipientKind:
    string | null;
  @Field(() => String, { nullable: true, description: 'The record’s status (STATUS).' }) status: string | null;
  @Field(() => String, { nullable: true, description: 'ADVANCED, ELIMINATED, EXCELLENT or PENDING (OUTCOME).' }) outcome: string | null;
  @Field(() => String, { nullable: true, description: 'The achievement’s kind (ACHIEVEMENT_KIND).' }) achievementKind: string | null;
  @Field(() => String, { nullable: true, description: 'NATIONAL, PROVINCIAL_MINISTERIAL, MUNICIPAL, OTHER or NONE (PRIOR_HONOR_LEVEL).' })
  priorHonorLevel: string | null;
  @Field(() => String, { nullable: true, description: 'The ISO week’s Monday, YYYY-MM-DD (WEEK).' }) week: string | null;
  @Field(() => String, { nullable: true, description: 'The day, YYYY-MM-DD (DAY).' }) day: string | null;
}

@ObjectType({ description: 'One group of records and its figures.' })
export class CubeCellType {
  @Field(() => CubeGroup, { description: 'The values of the dimensions the cell is grouped by.' }) group: CubeGroup;

  @Field(() => Int, { nullable: true, description: 'Records in the group; null when suppressed.' })
  records: number | null;

  @Field(() => [Float], {
    nullable: 'items',
    description: 'One figure per measure, in their order; null where none can be taken or suppressed.',
  })
  values: (number | null)[];

  @Field(() => Boolean, { description: 'Built from fewer records than the caller may see figures of: the figures are withheld.' })
  suppressed: boolean;

  @Field(() => Int, { description: 'The cell’s rank by the first orderBy key (1224 ranking: ties share a rank).' })
  rank: number;
}

@ObjectType({ description: 'A cube’s answer.' })
export class CubeResult {
  @Field(() => CubeFact, { description: 'The fact counted.' }) fact: CubeFact;

  @Field(() => [CubeCellType], { description: 'The cells, in order; at most `first`.' })
  cells: CubeCellType[];

  @Field(() => Int, { description: 'Groups in all, before `first`.' })
  groups: number;

  @Field(() => Int, { description: 'Records the cube counted.' })
  records: number;

  @Field(() => Int, { description: 'Cells whose figures were withheld for having fewer records than the minimum.' })
  suppressed: number;

  @Field(() => Int, {
    description: 'The minimum number of records of a cell the caller sees figures of (where it may not see the records).',
  })
  minimumCell: number;
}
