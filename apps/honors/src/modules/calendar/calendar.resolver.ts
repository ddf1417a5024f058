import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type RequestContext, withRange } from '@meritgraph/subgraph-kit';
import { CalendarDay, CalendarDayKind, CalendarYear } from './calendar.entity';
import type { CalendarService } from './calendar.service';

@Resolver(() => CalendarDay)
export class CalendarResolver {
  constructor(private readonly service: CalendarService) {}

  @Query(() => [CalendarDay], {
    nullable: true,
    description:
      'The office’s own holidays and make-up workdays, by date, that announcement windows count on besides the State Council calendar; public. Null with BAD_USER_INPUT for a year out of range.',
  })
  calendarDays(
    @Arg('year', () => Int, { nullable: true, description: withRange('Only the days of this year.', 1949, 2200) }) year?: number | null,
  ): Promise<CalendarDay[]> {
    return this.service.days(year);
  }

  @Query(() => [CalendarYear], {
    description: 'Years the State Council calendar does not cover whose days the office entered and confirmed, in order.',
  })
  confirmedCalendarYears(): Promise<CalendarYear[]> {
    return this.service.confirmedYears();
  }

  @Authorized('ADMIN')
  @Mutation(() => CalendarDay, { description: 'Marks a weekday off (HOLIDAY) or a weekend day worked (WORKDAY).' })
  setCalendarDay(
    @Arg('date', () => LocalDateResolver, { description: 'The day; setting it again replaces its kind and name.' }) date: string,
    @Arg('kind', () => CalendarDayKind, { description: 'HOLIDAY or WORKDAY.' }) kind: CalendarDayKind,
    @Arg('name', () => String, { description: 'Why, e.g. 国庆节; at most 60 characters.' }) name: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarDay> {
    return this.service.set(ctx.identity, date, kind, name);
  }

  @Authorized('ADMIN')
  @Mutation(() => CalendarDay, {
    description: 'Removes a day the office entered (the office), so the weekday rule applies again; NOT_FOUND when it has none there.',
  })
  removeCalendarDay(
    @Arg('date', () => LocalDateResolver, { description: 'The day to remove.' }) date: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarDay> {
    return this.service.remove(ctx.identity, date);
  }

  @Authorized('ADMIN')
  @Mutation(() => CalendarYear, {
    description:
      'Confirms the office entered the holidays and make-up workdays of a year the State Council calendar (chinese-days) does not cover, so windows may be counted across it.',
  })
  confirmCalendarYear(
    @Arg('year', () => Int, { description: withRange('The year.', 1949, 2200) }) year: number,
    @Arg('reason', () => String, { description: 'Why the office is sure of the year’s days, for the audit log; at most 500 characters.' })
    reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarYear> {
    return this.service.confirmYear(ctx.identity, year, reason);
  }
}
