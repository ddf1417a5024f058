import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ExpertTitle } from '@meritgraph/domain';

registerEnumType(ExpertTitle, {
  name: 'ExpertTitle',
  description: 'Professional title: 院士, 教授, 研究员, 副教授, 高级工程师, 主任医师, 工程师 or other.',
});

/** A member of the expert pool (专家库): a person, where they work, and what they can judge. */
@Entity()
@ObjectType({ description: 'A member of the expert pool (专家库).' })
@Directive('@key(fields: "id")')
export class Expert {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID)
  id: string;

  @Column('varchar', { length: 36 })
  @Index({ unique: true })
  personId: string;

  /** The organization the expert works for; conflicts of interest are judged from it. */
  @Column('varchar', { length: 36 })
  @Index()
  affiliationId: string;

  @Column('varchar', { length: 24 })
  @Field(() => ExpertTitle)
  title: ExpertTitle;

  /** Track codes (AI, BIOMED …), primary first: expertise outlives any one contest's track ids. */
  @Column('simple-array')
  @Field(() => [String], { description: 'Track codes the expert can judge, primary first (e.g. AI, BIOMED).' })
  expertise: string[];

  @Column('boolean')
  @Field(() => Boolean, { description: 'Inactive experts keep their history but get no new assignments.' })
  active: boolean;

  @Column('datetime')
  @Field(() => Date)
  createdAt: Date;

  @Column('datetime')
  @Field(() => Date)
  updatedAt: Date;
}
