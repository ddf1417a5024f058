import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ExpertTitle } from '@meritgraph/domain';

registerEnumType(ExpertTitle, {
  name: 'ExpertTitle',
  description: 'Professional title: 院士, 教授, 研究员, 副教授, 高级工程师, 主任医师, 工程师 or other.',
  valuesConfig: {
    ACADEMICIAN: { description: '院士: member of the Chinese Academy of Sciences or of Engineering.' },
    PROFESSOR: { description: '教授' },
    RESEARCHER: { description: '研究员' },
    ASSOCIATE_PROFESSOR: { description: '副教授' },
    SENIOR_ENGINEER: { description: '高级工程师' },
    CHIEF_PHYSICIAN: { description: '主任医师' },
    ENGINEER: { description: '工程师' },
    OTHER: { description: 'Any other title.' },
  },
});

/** A member of the expert pool (专家库): a person, where they work, and what they can judge. */
@Entity()
@ObjectType({ description: 'A member of the expert pool (专家库).' })
@Directive('@key(fields: "id")')
export class Expert {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable id of the expert profile (the `expert` claim of an EXPERT token).' })
  id: string;

  @Column('varchar', { length: 36 })
  @Index({ unique: true })
  personId: string;

  /** The organization the expert works for; conflicts of interest are judged from it. */
  @Column('varchar', { length: 36 })
  @Index()
  affiliationId: string;

  @Column('varchar', { length: 24 })
  @Field(() => ExpertTitle, { description: 'Professional title.' })
  title: ExpertTitle;

  /** Track codes (AI, BIOMED …), primary first: expertise outlives any one contest's track ids. */
  @Column('simple-array')
  @Field(() => [String], { description: 'Track codes the expert can judge, primary first (e.g. AI, BIOMED).' })
  expertise: string[];

  @Column('boolean')
  @Field(() => Boolean, { description: 'Inactive experts keep their history but get no new assignments.' })
  active: boolean;

  @Column('datetime')
  @Field(() => Date, { description: 'When the profile joined the pool.' })
  createdAt: Date;

  @Column('datetime')
  @Field(() => Date, { description: 'When the profile last changed.' })
  updatedAt: Date;
}
