import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AssignmentOrigin, AssignmentStatus } from '@meritgraph/domain';

registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description: 'ASSIGNED, DECLINED by the expert, or CONFLICT_DECLARED (回避).',
  valuesConfig: {
    ASSIGNED: { description: 'The expert is to score the entry.' },
    DECLINED: { description: 'The expert stepped back, with a reason; the pair is never offered again.' },
    CONFLICT_DECLARED: { description: 'The expert declared a conflict of interest (回避); the pair is never offered again.' },
  },
});
registerEnumType(AssignmentOrigin, {
  name: 'AssignmentOrigin',
  description: 'Made by the automatic assignment or by hand.',
  valuesConfig: {
    AUTOMATIC: { description: 'Made by autoAssign (minimum-cost assignment over the pool).' },
    MANUAL: { description: 'Made by the office with assignExpert.' },
  },
});

/** An expert asked to review an entry. Kept when the expert declines or declares a conflict. */
@Entity()
@Index(['entryId', 'expertId'], { unique: true })
@Index(['roundId', 'expertId'])
// A round's assignments page by id.
@Index(['roundId', 'id'])
@ObjectType({ description: 'An expert asked to review an entry.' })
export class Assignment {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable id of the assignment.' })
  id: string;

  @Column('varchar', { length: 36 })
  roundId: string;

  @Column('varchar', { length: 36 })
  entryId: string;

  @Column('varchar', { length: 36 })
  expertId: string;

  @Column('varchar', { length: 36, nullable: true })
  panelId: string | null;

  @Column('varchar', { length: 20 })
  @Field(() => AssignmentStatus, { description: 'Whether the expert is on the entry or stepped back (DECLINED, CONFLICT_DECLARED).' })
  status: AssignmentStatus;

  @Column('varchar', { length: 12 })
  @Field(() => AssignmentOrigin, { description: 'Made by autoAssign or by hand.' })
  origin: AssignmentOrigin;

  /** Why the expert declined or declared a conflict. */
  @Column('varchar', { length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the expert declined or declared a conflict.' })
  note: string | null;

  @Column('datetime')
  @Field(() => Date, { description: 'When the expert was assigned.' })
  createdAt: Date;

  @Column('datetime')
  @Field(() => Date, { description: 'When its status last changed.' })
  updatedAt: Date;
}
