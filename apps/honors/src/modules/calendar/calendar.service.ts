import type { DataSource } from 'typeorm';
import { Like } from 'typeorm';
import { type Identity, assertAllowed, check, hasRole, isIsoDate, notFound } from '@meritgraph/domain';
import { recordAudit } from '@meritgraph/subgraph-kit';
import { CalendarDay, type CalendarDayKind } from './calendar.entity';

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
}
