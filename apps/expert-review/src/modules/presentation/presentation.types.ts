import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { SCHEDULE_LIMITS } from '@meritgraph/domain';
import { withRange } from '@meritgraph/subgraph-kit';
import { Entry } from '../entry/entry.entity';
import { Presentation } from '../result/result.entity';

const limited = (description: string, setting: keyof typeof SCHEDULE_LIMITS) =>
  withRange(description, SCHEDULE_LIMITS[setting].min, SCHEDULE_LIMITS[setting].max);

@InputType({ description: 'How a final round’s presentation day runs. Times of day are Beijing time.' })
export class ScheduleInput {
  @Field(() => Date, {
    nullable: true,
    description:
      'When the first presentation of each panel starts: an instant on the round’s review date in Beijing time, on a whole minute, e.g. 2019-11-21T08:30:00+08:00; 09:00 Beijing time when absent. Another day or seconds are refused with BAD_USER_INPUT.',
  })
  startTime?: Date | null;

  @Field(() => Int, { description: limited('Minutes per presentation, questions included.', 'slotMinutes') })
  slotMinutes: number;

  @Field(() => Int, { nullable: true, description: limited('A break after every N presentations.', 'breakEvery') })
  breakEvery?: number | null;

  @Field(() => Int, { nullable: true, description: limited('Minutes of each break.', 'breakMinutes') })
  breakMinutes?: number | null;

  @Field(() => String, { nullable: true, description: 'HH:MM' })
  lunchFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'HH:MM' })
  lunchTo?: string | null;
}

@ObjectType({ description: 'An entry the schedule could not place, and why.' })
export class Unscheduled {
  @Field(() => Entry, { nullable: true, description: 'The entry left out.' })
  entry: Entry | null;

  @Field(() => String, { description: 'Why, e.g. no panel covers its track, or its panel runs past 23:59.' })
  reason: string;
}

@ObjectType({ description: 'A generated presentation schedule.' })
export class PresentationSchedule {
  @Field(() => [Presentation], { description: 'The slots, by panel and running order.' })
  presentations: Presentation[];

  @Field(() => [Unscheduled], { description: 'Entries the day could not place; empty when every entry has a slot.' })
  unscheduled: Unscheduled[];
}
