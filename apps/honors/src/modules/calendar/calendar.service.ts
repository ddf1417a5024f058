import type { DataSource } from 'typeorm';
import { Like } from 'typeorm';
import { type Identity, InvalidInput, assertAllowed, check, hasRole, isIsoDate, notFound } from '@meritgraph/domain';
import { recordAudit } from '@meritgraph/subgraph-kit';
import { CalendarDay, type CalendarDayKind, CalendarYear } from './calendar.entity';
import { statutoryCalendar } from './statutory';

/** The working-day calendar announcement windows are counted on: weekends, public holidays and make-up workdays. */
export class CalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date,
  ) {}

  days(year?: number | null): Promise<CalendarDay[]> {
    check({ year }).int('year', { min: 1949, max: 2200, optional: true }).done();
    return this.dataSource.getRepository(CalendarDay).find({ where: year ? { date: Like(`${year}-%`) } : {}, order: { date: 'ASC' } });
  }

  async set(identity: Identity, date: string, kind: CalendarDayKind, name: string): Promise<CalendarDay> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    check({ date, kind, name })
      .rule('date', (v) => (typeof v === 'string' && isIsoDate(v) ? null : 'must be a date, YYYY-MM-DD'))
      .oneOf('kind', ['HOLIDAY', 'WORKDAY'])
      .text('name', { max: 60 })
      .done();
    return this.dataSource.transaction(async (em) => {
      const before = await em.findOneBy(CalendarDay, { date });
      const day = em.create(CalendarDay, { date, kind, name: name.trim() });
      await em.save(day);
      await recordAudit(em, identity, this.clock(), {
        action: 'calendar.set',
        entityType: 'CalendarDay',
        entityId: date,
        before,
        after: day,
      });
      return day;
    });
  }

  async remove(identity: Identity, date: string): Promise<CalendarDay> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    return this.dataSource.transaction(async (em) => {
      const day = await em.findOneBy(CalendarDay, { date });
      if (!day) throw notFound('CalendarDay', date, 'date');
      await em.delete(CalendarDay, { date });
      await recordAudit(em, identity, this.clock(), { action: 'calendar.remove', entityType: 'CalendarDay', entityId: date, before: day });
      return day;
    });
  }

  confirmedYears(): Promise<CalendarYear[]> {
    return this.dataSource.getRepository(CalendarYear).find({ order: { year: 'ASC' } });
  }

  /** The office confirms it entered a year's holidays and make-up workdays, for a year the statutory calendar does not cover. */
  async confirmYear(identity: Identity, year: number, reason: string): Promise<CalendarYear> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    check({ year, reason }).int('year', { min: 1949, max: 2200 }).text('reason', { max: 500 }).done();
    if (statutoryCalendar().years.has(year))
      throw new InvalidInput([
        { field: 'year', message: `${year} is covered by the State Council's calendar; set single days to differ from it` },
      ]);
    return this.dataSource.transaction(async (em) => {
      const before = await em.findOneBy(CalendarYear, { year });
      const row = em.create(CalendarYear, { year, reason: reason.trim(), confirmedAt: this.clock() });
      await em.save(row);
      await recordAudit(em, identity, this.clock(), {
        action: 'calendar.confirm-year',
        entityType: 'CalendarYear',
        entityId: String(year),
        before,
        after: row,
        reason: row.reason,
      });
      return row;
    });
  }
}
