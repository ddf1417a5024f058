import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AssignmentOrigin, AssignmentStatus } from '@meritgraph/domain';

registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description: 'ASSIGNED, DECLINED by the expert, or CONFLICT_DECLARED (回避).',
});
registerEnumType(AssignmentOrigin, { name: 'AssignmentOrigin', description: 'Made by the automatic assignment or by hand.' });

/** An expert asked to review an entry. Kept when the expert declines or declares a conflict. */
@Entity()
@Index(['entryId', 'expertId'], { unique: true })
@Index(['roundId', 'expertId'])
@ObjectType({ description: 'An expert asked to review an entry.' })
export class Assignment {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID)
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
  @Field(() => AssignmentStatus)
  status: AssignmentStatus;

  @Column('varchar', { length: 12 })
  @Field(() => AssignmentOrigin)
  origin: AssignmentOrigin;

  /** Why the expert declined or declared a conflict. */
  @Column('varchar', { length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the expert declined or declared a conflict.' })
  note: string | null;

  @Column('datetime')
  @Field(() => Date)
  createdAt: Date;

  @Column('datetime')
  @Field(() => Date)
  updatedAt: Date;
}
