import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AssignmentStatus } from '@meritgraph/domain';
import { Connection, PageArgs, withRange } from '@meritgraph/subgraph-kit';
import { Entry } from '../entry/entry.entity';
import { Expert } from '../expert/expert.entity';
import { ReviewRound } from '../round/round.entity';
import { Assignment } from './assignment.entity';

export const AssignmentConnection = Connection(Assignment);

@ArgsType()
export class AssignmentsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  expertId?: string | null;

  @Field(() => ID, { nullable: true })
  entryId?: string | null;

  @Field(() => AssignmentStatus, { nullable: true })
  status?: AssignmentStatus | null;
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
});

@ObjectType({ description: 'An entry the automatic assignment could not fully staff.' })
export class UnstaffedEntry {
  @Field(() => Entry)
  entry: Entry;

  @Field(() => Int)
  needed: number;

  @Field(() => Int, { description: 'Experts it has now.' })
  assigned: number;

  @Field(() => Int, { description: 'Experts who could still be added (expertise, no conflict, not on it already).' })
  eligible: number;

  @Field(() => UnstaffedReason)
  reason: keyof typeof UnstaffedReason;
}

@ObjectType({ description: "An expert's number of assignments in the round." })
export class ExpertLoad {
  @Field(() => Expert)
  expert: Expert;

  @Field(() => Int)
  load: number;
}

@ObjectType({ description: 'What the automatic assignment did, and what it could not do.' })
export class AutoAssignmentReport {
  @Field(() => ReviewRound)
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

@InputType()
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
