import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { HonorStatus, RecipientKind } from '@meritgraph/domain';

registerEnumType(HonorStatus, {
  name: 'HonorStatus',
  description: 'NOMINATED → PROPOSED (拟授予) → ANNOUNCED (公示) → CONFERRED; WITHDRAWN before conferral, REVOKED after.',
});
registerEnumType(RecipientKind, { name: 'RecipientKind' });

@Entity()
@Index(['contestId', 'awardTypeCode', 'recipientId'], { unique: true })
@Index(['recipientKind', 'recipientId'])
@ObjectType({ description: 'An honor for a person, team, organization or achievement in a contest.' })
@Directive('@key(fields: "id")')
export class Honor {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID)
  id: string;

  @Column('varchar', { length: 36 })
  contestId: string;

  @Column('varchar', { length: 40 })
  @Field(() => String, { description: 'Code of the award type, e.g. EXCELLENT_ACHIEVEMENT.' })
  awardTypeCode: string;

  @Column('varchar', { length: 16 })
  @Field(() => RecipientKind)
  recipientKind: RecipientKind;

  @Column('varchar', { length: 36 })
  recipientId: string;

  @Column('varchar', { length: 200 })
  @Field(() => String, { description: "The recipient's name as awarded; kept even if the recipient is renamed." })
  recipientName: string;

  @Column('varchar', { length: 1000, nullable: true })
  @Field(() => String, { nullable: true })
  citation: string | null;

  @Column('varchar', { length: 16 })
  @Field(() => HonorStatus)
  status: HonorStatus;

  @Column('datetime')
  @Field(() => Date)
  createdAt: Date;
}
