import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AssignmentStatus, RoundStatus } from '@meritgraph/domain';
import { Connection, PageArgs, withRange } from '@meritgraph/subgraph-kit';
import { Entry } from '../entry/entry.entity';
import { Expert } from '../expert/expert.entity';
import { ReviewRound } from '../round/round.entity';
import { Assignment } from './assignment.entity';

export const AssignmentConnection = Connection(Assignment);

@ArgsType()
export class AssignmentsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this expert’s assignments.' })
  expertId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the assignments of this entry.' })
  entryId?: string | null;

  @Field(() => AssignmentStatus, { nullable: true, description: 'Only assignments in this status.' })
  status?: AssignmentStatus | null;
}

@ArgsType()
export class ExpertAssignmentsArgs extends PageArgs {
  @Field(() => [RoundStatus], {
    nullable: true,
    description:
      'Only assignments in rounds of these statuses, e.g. [OPEN]; every status the caller may see when absent. An empty list is BAD_USER_INPUT.',
  })
  roundStatus?: RoundStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only the assignments of this round.' })
  roundId?: string | null;
}

@InputType({ description: 'One expert to assign to one entry by hand.' })
export class AssignExpertInput {
  @Field(() => ID, { description: 'The entry to staff.' })
  entryId: string;

  @Field(() => ID, { description: 'The expert to assign: active, judging the entry’s track, without a conflict.' })
  expertId: string;
}

const UnstaffedReason = {
  NO_ELIGIBLE_EXPERTS: 'NO_ELIGIBLE_EXPERTS',
  TOO_FEW_ELIGIBLE_EXPERTS: 'TOO_FEW_ELIGIBLE_EXPERTS',
  EXPERT_LOAD_LIMIT: 'EXPERT_LOAD_LIMIT',
} as const;
registerEnumType(UnstaffedReason, {
  name: 'UnstaffedReason',
  description:
    'NO_ELIGIBLE_EXPERTS: nobody without a conflict judges the track; TOO_FEW_ELIGIBLE_EXPERTS: fewer than the round needs; EXPERT_LOAD_LIMIT: enough experts, but their maximum load is reached.',
  valuesConfig: {
    NO_ELIGIBLE_EXPERTS: { description: 'No active expert without a conflict judges the entry’s track.' },
    TOO_FEW_ELIGIBLE_EXPERTS: { description: 'Fewer eligible experts than the round’s reviewersPerEntry.' },
    EXPERT_LOAD_LIMIT: { description: 'Enough eligible experts, but they have reached maxLoad.' },
  },
});

@ObjectType({ description: 'An entry the automatic assignment could not fully staff.' })
export class UnstaffedEntry {
  @Field(() => Entry, { description: 'The entry left short.' })
  entry: Entry;

  @Field(() => Int, { description: 'Experts the entry should have: the round’s reviewersPerEntry.' })
  needed: number;

  @Field(() => Int, { description: 'Experts it has now.' })
  assigned: number;

  @Field(() => Int, { description: 'Experts who could still be added (expertise, no conflict, not on it already).' })
  eligible: number;

  @Field(() => UnstaffedReason, { description: 'Why no more experts could be added.' })
  reason: keyof typeof UnstaffedReason;
}

@ObjectType({ description: "An expert's number of assignments in the round." })
export class ExpertLoad {
  @Field(() => Expert, { description: 'The expert.' })
  expert: Expert;

  @Field(() => Int, { description: 'Entries assigned to the expert in the round (status ASSIGNED).' })
  load: number;
}

@ObjectType({ description: 'What the automatic assignment did, and what it could not do.' })
export class AutoAssignmentReport {
  @Field(() => ReviewRound, { description: 'The round assigned.' })
  round: ReviewRound;

  @Field(() => Int, { description: 'Assignments made now.' })
  created: number;

  @Field(() => [UnstaffedEntry], { description: 'Entries left short of reviewers, with why; empty when every entry is staffed.' })
  unstaffed: UnstaffedEntry[];

  @Field(() => [ExpertLoad], { description: 'Experts left below the minimum load.' })
  underloaded: ExpertLoad[];

  @Field(() => [ExpertLoad], { description: 'Every expert drawn on, with their load after assignment.' })
  loads: ExpertLoad[];
}

@InputType({ description: 'Limits for the automatic assignment; every field is optional.' })
export class AutoAssignInput {
  @Field(() => [ID], {
    nullable: true,
    description: 'The experts to draw on (e.g. the 31 judges of a round); the whole active pool when absent.',
  })
  expertIds?: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description: withRange('Each expert should get at least this many entries (reported when missed).', 0, 100_000),
  })
  minLoad?: number | null;

  @Field(() => Int, { nullable: true, description: withRange('No expert gets more entries than this.', 1, 100_000) })
  maxLoad?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: withRange('For very large pools: consider only this many eligible experts per entry.', 1, 10_000),
  })
  candidatesPerEntry?: number | null;
}
