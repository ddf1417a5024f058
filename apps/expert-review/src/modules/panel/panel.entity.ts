import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A group of experts judging some tracks of a round, e.g. a final-round panel chaired by an academician. */
@Entity()
@Index(['roundId', 'name'], { unique: true })
@ObjectType({ description: 'A panel of a round: its tracks, its chair and its members.' })
export class Panel {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable id of the panel.' })
  id: string;

  @Column('varchar', { length: 36 })
  roundId: string;

  @Column('varchar', { length: 120 })
  @Field(() => String, { description: 'The panel’s name, e.g. 人工智能组.' })
  name: string;

  @Column('simple-array')
  trackIds: string[];

  @Column('varchar', { length: 36 })
  chairId: string;

  @Column('datetime')
  @Field(() => Date, { description: 'When the panel was formed.' })
  createdAt: Date;
}

/** An expert sits on at most one panel per round. */
@Entity()
@Index(['roundId', 'expertId'], { unique: true })
export class PanelMember {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  @Index()
  panelId: string;

  @Column('varchar', { length: 36 })
  roundId: string;

  @Column('varchar', { length: 36 })
  expertId: string;

  @Column('int')
  position: number;
}
