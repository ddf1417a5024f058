import { InvalidInput } from '../errors';
import { isIsoDate } from '../calendar';

export const TimeUnit = {
  /** A calendar day, UTC. */
  DAY: 'DAY',
  /** An ISO week, Monday to Sunday, UTC. */
  WEEK: 'WEEK',
} as const;
export type TimeUnit = keyof typeof TimeUnit;
export const TIME_UNITS: readonly TimeUnit[] = Object.values(TimeUnit);

/** A series never has more buckets than this; a longer range is refused. */
export const MAX_TIME_BUCKETS = 1000;

const DAY_MS = 86_400_000;

/** A Date, or an ISO string: a date, YYYY-MM-DD, read as UTC midnight, or a timestamp with its zone (Z or ±hh:mm). */
export type Instant = Date | string;

/** A timestamp must carry its zone: without one, Date.parse would read it in the server's local time. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function toTime(value: Instant, field: string): number {
  const time =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'string' && (isIsoDate(value) || ISO_TIMESTAMP.test(value))
        ? Date.parse(value)
        : NaN;
  if (!Number.isFinite(time)) throw new InvalidInput([{ field, message: 'must be a valid date or ISO timestamp' }]);
  return time;
}

const dayStart = (time: number): number => Math.floor(time / DAY_MS) * DAY_MS;

/** The Monday of the week: day 0, 1970-01-01, was a Thursday, so day d is (d + 3) mod 7 days after a Monday. */
const weekStart = (time: number): number => {
  const day = dayStart(time);
  return day - ((((Math.floor(day / DAY_MS) + 3) % 7) + 7) % 7) * DAY_MS;
};

const label = (time: number): string => new Date(time).toISOString().slice(0, 10);

/**
 * The day a moment falls on, as YYYY-MM-DD in UTC: the key of its bucket in a daily series.
 * 2026-03-01T23:30:00+08:00 is still 2026-03-01 in Beijing but 2026-03-01T15:30Z, so its day
 * is 2026-03-01; 2026-03-01T23:30:00-05:00 is 2026-03-02 UTC. Refused (BAD_USER_INPUT,
 * `date`): anything that is not a valid Date or ISO date/timestamp.
 */
export function dayOf(date: Instant): string {
  return label(dayStart(toTime(date, 'date')));
}

/**
 * The ISO week a moment falls in (weeks start on Monday, UTC), named by its Monday as
 * YYYY-MM-DD: the key of its bucket in a weekly series. Sunday 2026-03-08 belongs to the week
 * of Monday 2026-03-02. Refused as dayOf.
 */
export function weekOf(date: Instant): string {
  return label(weekStart(toTime(date, 'date')));
}

/**
 * Every bucket key from the bucket of `from` to the bucket of `to`, both included, in order
 * — the days (dayOf) or the Mondays of the weeks (weekOf) — so that a series shows its empty
 * days or weeks as zeros rather than skipping them.
 *
 * Refused (BAD_USER_INPUT): an invalid date (`from`, `to`), `to` before `from` or a range of
 * more than MAX_TIME_BUCKETS buckets (`to`), an unknown unit (`unit`).
 */
export function timeBuckets(from: Instant, to: Instant, unit: TimeUnit): string[] {
  if (!(TIME_UNITS as readonly string[]).includes(unit))
    throw new InvalidInput([{ field: 'unit', message: `must be one of ${TIME_UNITS.join(', ')}` }]);
  const start = toTime(from, 'from');
  const end = toTime(to, 'to');
  if (end < start) throw new InvalidInput([{ field: 'to', message: 'must not be before from' }]);
  const step = unit === TimeUnit.DAY ? DAY_MS : 7 * DAY_MS;
  const first = unit === TimeUnit.DAY ? dayStart(start) : weekStart(start);
  const last = unit === TimeUnit.DAY ? dayStart(end) : weekStart(end);
  const count = (last - first) / step + 1;
  if (count > MAX_TIME_BUCKETS)
    throw new InvalidInput([
      { field: 'to', message: `makes ${count} buckets, more than ${MAX_TIME_BUCKETS}: choose a shorter range or a longer unit` },
    ]);
  return Array.from({ length: count }, (_, i) => label(first + i * step));
}
