import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { MilestoneKind } from '@meritgraph/domain';

registerEnumType(MilestoneKind, {
  name: 'MilestoneKind',
  description: 'What sort of event a milestone is on the contest timeline.',
  valuesConfig: {
    LAUNCH: { description: 'The launch meeting (启动会) that opens the contest.' },
    PROMOTION_MEETING: { description: 'A promotion meeting (推进会) during the contest.' },
    EXCHANGE_MEETING: { description: 'An exchange meeting (交流会) between units.' },
    REVIEW: { description: 'A review session (评审) of a round.' },
    FINAL_REVIEW: { description: 'The final review (终评).' },
    AWARDS_MEETING: { description: 'The meeting that decides the awards (评定会).' },
    CEREMONY: { description: 'The award ceremony (表彰大会).' },
  },
});

@Entity()
@Index(['contestId', 'date'])
@ObjectType({ description: 'A dated event of a contest: launch, meetings, reviews, awards, ceremony. Public with its contest.' })
export class Milestone {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Column('varchar', { length: 36 })
  contestId: string;

  @Column('date')
  @Field(() => LocalDateResolver, { description: 'The day it takes place, in the contest’s year or period.' })
  date: string;

  @Column('varchar', { length: 24 })
  @Field(() => MilestoneKind, { description: 'What sort of event it is.' })
  kind: MilestoneKind;

  @Column('varchar', { length: 200 })
  @Field(() => String, { description: 'Its title as announced (at most 200 characters).' })
  title: string;

  @Column('varchar', { length: 36, nullable: true })
  hostOrganizationId: string | null;
}
