import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity()
@Index(['contestId', 'code'], { unique: true })
@ObjectType({ description: 'A track of a contest (an industry such as IC, AI, BIOMED): data per contest, not a fixed list.' })
@Directive('@key(fields: "id")')
export class Track {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable identifier; the key other subgraphs use.' })
  id: string;

  @Column('varchar', { length: 36 })
  contestId: string;

  @Column('varchar', { length: 20 })
  @Field(() => String, { description: 'Short upper-case code, unique in the contest, e.g. BIOMED.' })
  code: string;

  @Column('varchar', { length: 80 })
  @Field(() => String, { description: 'Its name, e.g. 生物医药 (at most 80 characters).' })
  name: string;
}
