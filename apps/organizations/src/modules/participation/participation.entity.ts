import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity()
@Index(['contestId', 'organizationId'], { unique: true })
@Index(['contestId', 'mobilizedById'])
// A unit's and a mobilizing union's enrolments, in enrolment (id) order, whatever the number of enrolments.
@Index(['organizationId', 'id'])
@Index(['mobilizedById', 'id'])
@ObjectType({ description: 'A unit enrolled in a contest, with the union that mobilized it. Public with its contest.' })
export class Participation {
  /** Time-ordered, so the id order is the enrolment order. */
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable identifier; ids sort in enrolment order.' })
  id: string;

  @Column('varchar', { length: 36 })
  contestId: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  mobilizedById: string;

  @Column('datetime')
  @Field(() => Date, { description: 'When the unit was enrolled (UTC).' })
  enrolledAt: Date;
}
