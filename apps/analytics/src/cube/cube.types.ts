import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MEASURE_KINDS, type MeasureKind } from '@meritgraph/domain';
import { ContestRef, ExpertRef, OrganizationRef, ReviewRoundRef, TrackRef } from '../references';
import { CubeDimension, CubeFact, CubeField, SortDirection } from './model';

export const MeasureKindEnum = Object.fromEntries(MEASURE_KINDS.map((k) => [k, k])) as { [K in MeasureKind]: K };
registerEnumType(MeasureKindEnum, {
  name: 'MeasureKind',
  description:
    'COUNT of records; SUM, MEAN, MEDIAN, MIN, MAX, STDDEV or PERCENTILE (with `percentile`, interpolated) of a field; RATE: the share of yes in a yes/no field.',
});

@InputType({ description: 'One figure to take of each group.' })
export class MeasureInput {
  @Field(() => MeasureKindEnum)
  kind: MeasureKind;

  @Field(() => CubeField, { nullable: true, description: 'The field measured; every kind but COUNT needs one.' })
  field?: CubeField | null;

  @Field(() => Float, { nullable: true, description: 'For PERCENTILE, which percentile (50 is the median). From 0 to 100.' })
  percentile?: number | null;
}

@InputType({ description: 'A yes/no field that must be yes (is: true) or no.' })
export class FieldIs {
  @Field(() => CubeField)
  field: CubeField;

  @Field(() => Boolean)
  is: boolean;
}

@InputType({ description: 'Which records a cube counts; every list given must hold the record’s value. Absent lists do not filter.' })
export class CubeFilter {
  @Field(() => [ID], { nullable: true }) contest?: string[] | null;
  @Field(() => [Int], { nullable: true, description: 'Contest years. From 1949 to 2200.' }) year?: number[] | null;
  @Field(() => [ID], { nullable: true }) track?: string[] | null;
  @Field(() => [ID], { nullable: true }) round?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'SCREENING, EVALUATION or FINAL.' }) stage?: string[] | null;
  @Field(() => [ID], { nullable: true }) panel?: string[] | null;
  @Field(() => [String], { nullable: true }) quotaGroup?: string[] | null;
  @Field(() => [ID], { nullable: true }) organization?: string[] | null;
  @Field(() => [String], { nullable: true }) organizationKind?: string[] | null;
  @Field(() => [ID], { nullable: true }) parentOrganization?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Districts, e.g. 浦东新区.' }) district?: string[] | null;
  @Field(() => [ID], { nullable: true }) mobilizingUnion?: string[] | null;
  @Field(() => [ID], { nullable: true }) expert?: string[] | null;
  @Field(() => [String], { nullable: true }) expertTitle?: string[] | null;
  @Field(() => [String], { nullable: true }) expertAffiliationKind?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Award type codes.' }) awardType?: string[] | null;
  @Field(() => [String], { nullable: true }) recipientKind?: string[] | null;
  @Field(() => [String], { nullable: true }) status?: string[] | null;
  @Field(() => [String], { nullable: true }) outcome?: string[] | null;
  @Field(() => [String], { nullable: true }) achievementKind?: string[] | null;
  @Field(() => [String], { nullable: true }) priorHonorLevel?: string[] | null;
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
  @Field(() => CubeDimension, { nullable: true }) dimension?: CubeDimension | null;
  @Field(() => SortDirection, { defaultValue: 'DESC' }) direction: SortDirection;
}

@ObjectType({ description: 'A review panel, as the star schema keeps it.' })
export class CubePanel {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
}

@ObjectType({
  description:
    'The values of the dimensions a cell is grouped by; the others are null. Entities are references: select their fields through the graph.',
})
export class CubeGroup {
  @Field(() => ContestRef, { nullable: true }) contest: ContestRef | null;
  @Field(() => Int, { nullable: true }) year: number | null;
  @Field(() => TrackRef, { nullable: true }) track: TrackRef | null;
  @Field(() => ReviewRoundRef, { nullable: true }) round: ReviewRoundRef | null;
  @Field(() => String, { nullable: true }) stage: string | null;
  @Field(() => CubePanel, { nullable: true }) panel: CubePanel | null;
  @Field(() => String, { nullable: true }) quotaGroup: string | null;
  @Field(() => OrganizationRef, { nullable: true }) organization: OrganizationRef | null;
  @Field(() => String, { nullable: true }) organizationKind: string | null;
  @Field(() => OrganizationRef, { nullable: true }) parentOrganization: OrganizationRef | null;
  @Field(() => String, { nullable: true }) district: string | null;
  @Field(() => OrganizationRef, { nullable: true }) mobilizingUnion: OrganizationRef | null;
  @Field(() => ExpertRef, { nullable: true }) expert: ExpertRef | null;
  @Field(() => String, { nullable: true }) expertTitle: string | null;
  @Field(() => String, { nullable: true }) expertAffiliationKind: string | null;
  @Field(() => String, { nullable: true, description: 'The award type’s code.' }) awardType: string | null;
  @Field(() => String, { nullable: true }) recipientKind: string | null;
  @Field(() => String, { nullable: true }) status: string | null;
  @Field(() => String, { nullable: true }) outcome: string | null;
  @Field(() => String, { nullable: true }) achievementKind: string | null;
  @Field(() => String, { nullable: true }) priorHonorLevel: string | null;
  @Field(() => String, { nullable: true }) week: string | null;
  @Field(() => String, { nullable: true }) day: string | null;
}

@ObjectType({ description: 'One group of records and its figures.' })
export class CubeCellType {
  @Field(() => CubeGroup) group: CubeGroup;

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
  @Field(() => CubeFact) fact: CubeFact;

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
