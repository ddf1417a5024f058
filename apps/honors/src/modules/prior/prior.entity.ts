import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { PriorHonorLevel } from '@meritgraph/domain';

registerEnumType(PriorHonorLevel, { name: 'PriorHonorLevel', description: 'NATIONAL, PROVINCIAL_MINISTERIAL, MUNICIPAL or OTHER.' });

/** An honor an achievement already held when it was entered. */
@Entity()
@ObjectType({ description: 'An honor an achievement already holds, and whether the office verified it.' })
export class PriorHonor {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID)
  id: string;

  @Column('varchar', { length: 36 })
  @Index()
  submissionId: string;

  @Column('varchar', { length: 24 })
  @Field(() => PriorHonorLevel)
  level: PriorHonorLevel;

  @Column('varchar', { length: 200 })
  @Field(() => String)
  name: string;

  @Column('varchar', { length: 200 })
  @Field(() => String)
  issuer: string;

  @Column('int')
  @Field(() => Int)
  year: number;

  @Column('varchar', { length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Where the proof is, e.g. a certificate number or an attachment name.' })
  evidence: string | null;

  @Column('boolean')
  @Field(() => Boolean)
  verified: boolean;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true })
  verifiedAt: Date | null;

  @Column('datetime')
  @Field(() => Date)
  createdAt: Date;
}
