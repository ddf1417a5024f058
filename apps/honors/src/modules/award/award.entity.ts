import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { RecipientKind } from '@meritgraph/domain';

/** A kind of honor a contest confers, e.g. 上海市五一劳动奖章. The catalog is data, seeded with the five of 2019. */
@Entity()
@ObjectType({ description: 'A kind of honor: who receives it and at what level.' })
export class AwardType {
  @PrimaryColumn('varchar', { length: 40 })
  @Field(() => String, { description: 'e.g. MAY_DAY_MEDAL.' })
  code: string;

  @Column('varchar', { length: 60 })
  @Field(() => String, { description: 'The award’s official Chinese name, e.g. 上海市五一劳动奖章.' })
  nameZh: string;

  @Column('varchar', { length: 120 })
  @Field(() => String, { description: 'The award’s English name.' })
  nameEn: string;

  @Column('varchar', { length: 16 })
  @Field(() => RecipientKind, { description: 'What the award is given to; a nomination of another kind is refused.' })
  recipientKind: RecipientKind;

  @Column('varchar', { length: 20 })
  @Field(() => String, { description: 'MUNICIPAL for the city’s labor honors, CONTEST for the contest’s own.' })
  level: string;

  @Column('int')
  position: number;
}

/** How many honors of a type a contest may confer. */
@Entity()
@Index(['contestId', 'awardTypeCode'], { unique: true })
@ObjectType({ description: 'How many honors of a type a contest may confer; nominations may reach 120% of it.' })
export class AwardQuota {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable id of the quota.' })
  id: string;

  @Column('varchar', { length: 36 })
  contestId: string;

  @Column('varchar', { length: 40 })
  awardTypeCode: string;

  @Column('int')
  @Field(() => Int, { description: 'How many honors of the type the contest may confer; 1 to 100000.' })
  quota: number;
}
