import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { MilestoneKind } from '@meritgraph/domain';

registerEnumType(MilestoneKind, { name: 'MilestoneKind' });

@Entity()
@Index(['contestId', 'date'])
@ObjectType({ description: 'A dated event of a contest: launch, meetings, reviews, awards, ceremony.' })
export class Milestone {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID)
  id: string;

  @Column('varchar', { length: 36 })
  contestId: string;

  @Column('date')
  @Field(() => LocalDateResolver)
  date: string;

  @Column('varchar', { length: 24 })
  @Field(() => MilestoneKind)
  kind: MilestoneKind;

  @Column('varchar', { length: 200 })
  @Field(() => String)
  title: string;

  @Column('varchar', { length: 36, nullable: true })
  hostOrganizationId: string | null;
}
