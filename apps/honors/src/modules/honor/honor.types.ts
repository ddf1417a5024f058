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
});

@ArgsType()
export class HonorsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  contestId?: string | null;

  @Field(() => Int, { nullable: true, description: withRange('The contest year.', 1949, 2200) })
  year?: number | null;

  @Field(() => HonorStatus, { nullable: true })
  status?: HonorStatus | null;

  @Field(() => String, { nullable: true })
  awardTypeCode?: string | null;

  @Field(() => RecipientKind, { nullable: true })
  recipientKind?: RecipientKind | null;

  @Field(() => String, { nullable: true, description: "Words in the recipient's organization name as awarded." })
  organizationName?: string | null;
}

@InputType()
export class NominateHonorInput {
  @Field(() => ID)
  contestId: string;

  @Field(() => String)
  awardTypeCode: string;

  @Field(() => RecipientKind, { nullable: true, description: "Checked against the award type's recipient kind when given." })
  recipientKind?: RecipientKind | null;

  @Field(() => ID, { description: 'A person, team, organization or submission, as the award type requires.' })
  recipientId: string;

  @Field(() => String, { nullable: true })
  citation?: string | null;
}

@InputType()
export class ConferralInput {
  @Field(() => String, { description: 'The decision that confers the honors, e.g. 沪工总〔2020〕1号.' })
  decisionNumber: string;

  @Field(() => LocalDateResolver)
  conferredOn: string;

  @Field(() => String, { nullable: true })
  ceremony?: string | null;

  @Field(() => String, { nullable: true, description: 'For a single honor; numbered automatically when absent.' })
  certificateNumber?: string | null;
}

@InputType()
export class ObjectionInput {
  @Field(() => ID)
  honorId: string;

  @Field(() => String)
  text: string;

  @Field(() => String, { description: 'How the office can reach you; only the office sees it.' })
  contact: string;
}

@InputType({ description: 'An objection the office received by letter, phone or email.' })
export class RecordObjectionInput {
  @Field(() => ID)
  honorId: string;

  @Field(() => ObjectionChannel)
  channel: ObjectionChannel;

  @Field(() => LocalDateResolver, { description: 'The day it was received (Beijing), within the honor’s 公示 window.' })
  receivedOn: string;

  @Field(() => String, { description: 'Only the office sees it; it is kept out of the audit log.' })
  objectorName: string;

  @Field(() => String, { description: 'How to reach the objector; only the office sees it; kept out of the audit log.' })
  contact: string;

  @Field(() => String)
  text: string;
}

@ObjectType({ description: 'How many honors of a type are in one status.' })
export class HonorCount {
  @Field(() => AwardType, { nullable: true })
  awardType: AwardType | null;

  @Field(() => HonorStatus)
  status: HonorStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'A contest’s honors at a glance.' })
export class HonorsSummary {
  contestId: string;

  @Field(() => [HonorCount], { description: 'Per award type and status; public records only unless the caller reads everything.' })
  counts: HonorCount[];
}
