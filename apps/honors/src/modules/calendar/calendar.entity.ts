import { LocalDateResolver } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CalendarDayKind = { HOLIDAY: 'HOLIDAY', WORKDAY: 'WORKDAY' } as const;
export type CalendarDayKind = keyof typeof CalendarDayKind;
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'HOLIDAY: a day off on a weekday (法定节假日); WORKDAY: a weekend day worked (调休).',
  valuesConfig: {
    HOLIDAY: { description: 'A day off that does not count as a working day (法定节假日).' },
    WORKDAY: { description: 'A weekend day that counts as a working day (调休).' },
  },
});

/** An exception to the Monday-to-Friday week, used to count announcement windows in working days. */
@Entity()
@ObjectType({ description: 'An exception to the Monday-to-Friday working week.' })
export class CalendarDay {
  @PrimaryColumn('varchar', { length: 10 })
  @Field(() => LocalDateResolver, { description: 'The day, in Beijing.' })
  date: string;

  @Column('varchar', { length: 8 })
  @Field(() => CalendarDayKind, { description: 'A day off on a weekday, or a weekend day worked.' })
  kind: CalendarDayKind;

  @Column('varchar', { length: 60 })
  @Field(() => String, { description: 'e.g. 国庆节.' })
  name: string;
}

/**
 * A year the statutory calendar does not cover, whose holidays and make-up workdays the office
 * entered itself and confirmed: announcement windows may then be counted across it.
 */
@Entity()
@ObjectType({ description: 'A year whose working-day calendar the office entered and confirmed.' })
export class CalendarYear {
  @PrimaryColumn('int')
  @Field(() => Int, { description: 'The year confirmed.' })
  year: number;

  @Column('varchar', { length: 500 })
  @Field(() => String, { description: 'e.g. the State Council notice the days were taken from.' })
  reason: string;

  @Column('datetime')
  @Field(() => Date, { description: 'When the office confirmed it.' })
  confirmedAt: Date;
}
