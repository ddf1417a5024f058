import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType, createUnionType, registerEnumType } from 'type-graphql';
import { HonorStatus, ObjectionChannel, RecipientKind } from '@meritgraph/domain';
import { Connection, PageArgs, withRange } from '@meritgraph/subgraph-kit';
import { OrganizationRef, PersonRef, SubmissionRef, TeamRef } from '../references/references';
import { AwardType } from '../award/award.entity';
import { Honor } from './honor.entity';

export const HonorRecipient = createUnionType({
  name: 'HonorRecipient',
  description: 'Who or what an honor is for.',
  // Resolved by class: recipient() returns an instance of the right reference type.
  types: () => [PersonRef, TeamRef, OrganizationRef, SubmissionRef] as const,
});

export const HonorConnection = Connection(Honor);

export const ObjectionOutcome = { UPHELD: 'UPHELD', DISMISSED: 'DISMISSED' } as const;
export type ObjectionOutcome = keyof typeof ObjectionOutcome;
registerEnumType(ObjectionOutcome, {
  name: 'ObjectionOutcome',
  description: 'UPHELD withdraws the honor; DISMISSED lets conferral go ahead.',
  valuesConfig: {
    UPHELD: { description: 'The objection is founded: the honor is WITHDRAWN.' },
    DISMISSED: { description: 'The objection is unfounded: it no longer blocks conferral.' },
  },
});

@ArgsType()
export class HonorsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only honors of this contest.' })
  contestId?: string | null;

  @Field(() => Int, { nullable: true, description: withRange('The contest year.', 1949, 2200) })
  year?: number | null;

  @Field(() => HonorStatus, {
    nullable: true,
    description: 'Only honors in this status (callers who see public records only: ANNOUNCED, CONFERRED or REVOKED).',
  })
  status?: HonorStatus | null;

  @Field(() => String, { nullable: true, description: 'Only honors of this award type, e.g. MAY_DAY_MEDAL.' })
  awardTypeCode?: string | null;

  @Field(() => RecipientKind, { nullable: true, description: 'Only honors for this kind of recipient.' })
  recipientKind?: RecipientKind | null;

  @Field(() => String, { nullable: true, description: "Words in the recipient's organization name as awarded." })
  organizationName?: string | null;
}

@InputType({ description: 'A nomination for an award in a contest, within 120% of the type’s quota.' })
export class NominateHonorInput {
  @Field(() => ID, { description: 'The contest, which must have a quota for the award type.' })
  contestId: string;

  @Field(() => String, { description: 'An award type code of the catalog, e.g. MAY_DAY_AWARD.' })
  awardTypeCode: string;

  @Field(() => RecipientKind, { nullable: true, description: "Checked against the award type's recipient kind when given." })
  recipientKind?: RecipientKind | null;

  @Field(() => ID, { description: 'A person, team, organization or submission, as the award type requires.' })
  recipientId: string;

  @Field(() => String, { nullable: true, description: 'Why the recipient deserves it; at most 1000 characters.' })
  citation?: string | null;
}

@InputType({ description: 'The conferral decision the honors are granted by.' })
export class ConferralInput {
  @Field(() => String, { description: 'The decision that confers the honors, e.g. 沪工总〔2020〕1号.' })
  decisionNumber: string;

  @Field(() => LocalDateResolver, { description: 'The decision’s date, YYYY-MM-DD.' })
  conferredOn: string;

  @Field(() => String, { nullable: true, description: 'Where the honors are presented, e.g. 总结表彰大会; at most 200 characters.' })
  ceremony?: string | null;

  @Field(() => String, { nullable: true, description: 'For a single honor; numbered automatically when absent.' })
  certificateNumber?: string | null;
}

@InputType({ description: 'An objection to an announced honor, filed during its window.' })
export class ObjectionInput {
  @Field(() => ID, { description: 'An ANNOUNCED honor whose window is open (ANNOUNCEMENT_WINDOW_CLOSED otherwise).' })
  honorId: string;

  @Field(() => String, { description: 'What is wrong; 10 to 2000 characters.' })
  text: string;

  @Field(() => String, { description: 'How the office can reach you; only the office sees it.' })
  contact: string;
}

@InputType({ description: 'An objection the office received by letter, phone or email.' })
export class RecordObjectionInput {
  @Field(() => ID, { description: 'The ANNOUNCED honor objected to.' })
  honorId: string;

  @Field(() => ObjectionChannel, { description: 'How the objection reached the office.' })
  channel: ObjectionChannel;

  @Field(() => LocalDateResolver, { description: 'The day it was received (Beijing), within the honor’s 公示 window.' })
  receivedOn: string;

  @Field(() => String, { description: 'Only the office sees it; it is kept out of the audit log.' })
  objectorName: string;

  @Field(() => String, { description: 'How to reach the objector; only the office sees it; kept out of the audit log.' })
  contact: string;

  @Field(() => String, { description: 'What the objector says; 10 to 2000 characters.' })
  text: string;
}

@ObjectType({ description: 'How many honors of a type are in one status.' })
export class HonorCount {
  @Field(() => AwardType, { nullable: true, description: 'The award.' })
  awardType: AwardType | null;

  @Field(() => HonorStatus, { description: 'The status counted.' })
  status: HonorStatus;

  @Field(() => Int, { description: 'Honors of the type in the status.' })
  count: number;
}

@ObjectType({ description: 'A contest’s honors at a glance.' })
export class HonorsSummary {
  contestId: string;

  @Field(() => [HonorCount], { description: 'Per award type and status; public records only unless the caller reads everything.' })
  counts: HonorCount[];
}
