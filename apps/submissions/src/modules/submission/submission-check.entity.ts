import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SubmissionCheckActor, SubmissionCheckStep } from '@meritgraph/domain';

registerEnumType(SubmissionCheckStep, {
  name: 'SubmissionCheckStep',
  description: 'A step of the checks an entry goes through before review: endorsement by its union, then the office’s form check.',
  valuesConfig: {
    ENDORSED: { description: 'Its mobilizing union endorsed it (推荐).' },
    RETURNED: { description: 'Its mobilizing union returned it to its unit for revision (退回修改), with a reason.' },
    RESUBMITTED: { description: 'Its unit submitted it again after a return, keeping its reference number.' },
    ACCEPTED: { description: 'The office found its form in order (形式审查通过): review takes it in.' },
    REJECTED: { description: 'The office found its form not in order (未通过形式审查), with a reason; final.' },
  },
});
registerEnumType(SubmissionCheckActor, {
  name: 'SubmissionCheckActor',
  description: 'Who took a step of the checks.',
  valuesConfig: {
    UNIT: { description: 'The entry’s own unit (RESUBMITTED).' },
    UNION: { description: 'The mobilizing union.' },
    OFFICE: { description: 'The contest office.' },
  },
});

/** One step of an entry's checks, kept in the order taken. */
@Entity()
@Index(['submissionId', 'version'])
@ObjectType({ description: 'One step of the checks an entry went through before review: who took it, when, and why.' })
export class SubmissionCheck {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  submissionId: string;

  /** The submission's version this step made: the order of its steps. */
  @Column('int')
  version: number;

  @Column('varchar', { length: 16 })
  @Field(() => SubmissionCheckStep, { description: 'What was done.' })
  step: SubmissionCheckStep;

  @Column('varchar', { length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why, for a return or a rejection (1 to 500 characters); else null.' })
  reason: string | null;

  @Column('datetime')
  @Field(() => Date, { description: 'When it was done (UTC).' })
  at: Date;

  @Column('varchar', { length: 8 })
  @Field(() => SubmissionCheckActor, { description: 'Who did it: the unit (a resubmission), its union or the office.' })
  actor: SubmissionCheckActor;

  /** The acting union (the unit, for a resubmission by it); null for the office. */
  @Column('varchar', { length: 36, nullable: true })
  organizationId: string | null;
}
