import { isIsoDate } from './calendar';
import { type FieldProblem, InvalidInput } from './errors';

/**
 * The final round's presentation day: each finalist presents to the panel that covers its
 * track. Panels sit in parallel rooms, so different panels may run at the same time, but
 * one panel hears one presentation at a time, and one person cannot present in two rooms
 * at once.
 *
 * Times are local wall-clock times on one day ('YYYY-MM-DDTHH:MM'), as printed on the
 * programme; no time zone is involved.
 */

export interface SchedulePanel {
  id: string;
  trackIds: readonly string[];
}

export interface ScheduleEntry {
  entryId: string;
  trackId: string;
  presenterId: string | null;
  referenceNumber: string;
}

export interface ScheduleInput {
  /** YYYY-MM-DD */
  date: string;
  /** 'HH:MM'; 09:00 when not given. */
  startTime?: string;
  slotMinutes: number;
  /** A break after every N presentations in a panel. */
  breakEvery?: number;
  breakMinutes?: number;
  /** No presentation runs into this window. */
  lunch?: { from: string; to: string };
  panels: readonly SchedulePanel[];
  entries: readonly ScheduleEntry[];
}

export interface Slot {
  panelId: string;
  entryId: string;
  presenterId: string | null;
  /** Local 'YYYY-MM-DDTHH:MM'. */
  startsAt: string;
  endsAt: string;
  /** 1-based position within the panel. */
  order: number;
}

export interface PresentationSchedule {
  /** By panel id, then order. */
  slots: Slot[];
  /** Entries that could not be placed, each with why; by entryId. */
  unscheduled: { entryId: string; reason: string }[];
}

export const DEFAULT_START_TIME = '09:00';

/**
 * What a schedule's settings may be: a slot of at most four hours, a break after at most
 * every 100 presentations and of at most four hours. A value past these (a slot of 2^31
 * minutes) would only push every entry off the day and leave the schedule empty.
 */
export const SCHEDULE_LIMITS = {
  slotMinutes: { min: 1, max: 240 },
  breakEvery: { min: 1, max: 100 },
  breakMinutes: { min: 0, max: 240 },
} as const;

/** The last minute of the day a presentation may end on: nothing runs past 23:59. */
const DAY_END = 23 * 60 + 59;

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const clockOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Reference numbers in reading order: runs of digits compare by value, so '2019-AI-9'
 * comes before '2019-AI-10' even without zero padding. Plain code-unit comparison (not the
 * locale's collation) keeps the order the same on every machine.
 */
function byReference(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    const order = numeric ? Number(x) - Number(y) || x.length - y.length : byText(x, y);
    if (order !== 0) return order;
  }
  return pa.length - pb.length;
}

function checked(input: ScheduleInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const clock = (field: string, value: string | undefined) => {
    if (value !== undefined && !CLOCK.test(value)) problems.push({ field, message: 'must be a time of day, HH:MM' });
  };
  if (!isIsoDate(input.date)) problems.push({ field: 'date', message: 'must be a date (YYYY-MM-DD)' });
  clock('startTime', input.startTime);
  for (const field of ['slotMinutes', 'breakEvery', 'breakMinutes'] as const) {
    const value = input[field];
    const { min, max } = SCHEDULE_LIMITS[field];
    if (value !== undefined && (!Number.isInteger(value) || value < min || value > max))
      problems.push({ field, message: `must be a whole number from ${min} to ${max}` });
  }
  if (input.lunch) {
    clock('lunch.from', input.lunch.from);
    clock('lunch.to', input.lunch.to);
    if (CLOCK.test(input.lunch.from) && CLOCK.test(input.lunch.to) && input.lunch.to <= input.lunch.from) {
      problems.push({ field: 'lunch.to', message: 'must be after lunch.from' });
    }
  }
  const panelIds = new Set<string>();
  input.panels.forEach((panel, i) => {
    if (!panel.id) problems.push({ field: `panels[${i}].id`, message: 'is required' });
    else if (panelIds.has(panel.id)) problems.push({ field: `panels[${i}].id`, message: `${panel.id} is listed twice` });
    panelIds.add(panel.id);
  });
  const entryIds = new Set<string>();
  input.entries.forEach((entry, i) => {
    if (!entry.entryId) problems.push({ field: `entries[${i}].entryId`, message: 'is required' });
    else if (entryIds.has(entry.entryId)) problems.push({ field: `entries[${i}].entryId`, message: `${entry.entryId} is listed twice` });
    entryIds.add(entry.entryId);
  });
  return problems;
}

interface Interval {
  start: number;
  end: number;
}

interface PanelDay {
  id: string;
  queue: ScheduleEntry[];
  next: number;
  /** When the panel's last presentation ended (or the day's start). */
  free: number;
  /** Presentations since the last break or lunch. */
  sinceBreak: number;
}

/**
 * Lays out the day.
 *
 * Each entry goes to the panel covering its track; when two panels cover one track, the
 * one first by id takes it, so the result never depends on input order. Within a panel,
 * entries present in reference-number order, back to back, with a break after every
 * `breakEvery` presentations. A presentation that would run into lunch starts when lunch
 * ends instead, and lunch counts as the break (the break count starts again after it).
 *
 * Presenter clashes: the day is built in time order, always placing next the panel whose
 * next presentation could start earliest (ties by panel id). If that presentation's
 * presenter is already booked in another room at that time, it waits until they are
 * free; the panel sits idle meanwhile and its later entries keep their order. So of two
 * clashing presentations the one placed second is the one moved. Presenting again right as
 * the earlier presentation ends is allowed (no walking time is added).
 *
 * A panel whose next presentation would end after 23:59 stops there: that entry and the
 * rest of the panel's queue are returned as unscheduled.
 */
export function presentationSchedule(input: ScheduleInput): PresentationSchedule {
  const problems = checked(input);
  if (problems.length > 0) throw new InvalidInput(problems);

  const slotMinutes = input.slotMinutes;
  const breakEvery = input.breakEvery ?? 0;
  const breakMinutes = input.breakMinutes ?? 0;
  const lunch = input.lunch ? { start: minutesOf(input.lunch.from), end: minutesOf(input.lunch.to) } : null;
  const dayStart = minutesOf(input.startTime ?? DEFAULT_START_TIME);

  const panels = [...input.panels].sort((a, b) => byText(a.id, b.id));
  const panelOfTrack = new Map<string, string>();
  for (const panel of panels) {
    for (const trackId of panel.trackIds) if (!panelOfTrack.has(trackId)) panelOfTrack.set(trackId, panel.id);
  }

  const unscheduled: PresentationSchedule['unscheduled'] = [];
  const days = new Map<string, PanelDay>(panels.map((p) => [p.id, { id: p.id, queue: [], next: 0, free: dayStart, sinceBreak: 0 }]));
  for (const entry of input.entries) {
    const panelId = panelOfTrack.get(entry.trackId);
    if (panelId === undefined) unscheduled.push({ entryId: entry.entryId, reason: `no panel covers track ${entry.trackId}` });
    else days.get(panelId)!.queue.push(entry);
  }
  for (const day of days.values())
    day.queue.sort((a, b) => byReference(a.referenceNumber, b.referenceNumber) || byText(a.entryId, b.entryId));

  const overlaps = (start: number, busy: Interval) => start < busy.end && start + slotMinutes > busy.start;

  /** The panel's next possible start, before looking at the presenter: after its break, and clear of lunch. */
  const nextStart = (day: PanelDay): { start: number; rested: boolean } => {
    const breakDue = breakEvery > 0 && day.sinceBreak >= breakEvery;
    const start = day.free + (breakDue ? breakMinutes : 0);
    if (lunch && overlaps(start, lunch)) return { start: lunch.end, rested: true };
    return { start, rested: breakDue };
  };

  const presenterBusy = new Map<string, Interval[]>();
  const slots: Slot[] = [];
  const at = (minutes: number) => `${input.date}T${clockOf(minutes)}`;

  for (;;) {
    let chosen: { day: PanelDay; start: number; rested: boolean } | null = null;
    for (const day of days.values()) {
      if (day.next >= day.queue.length) continue;
      const candidate = nextStart(day);
      // Panels are visited in id order, so a strict comparison keeps the lower id on equal starts.
      if (!chosen || candidate.start < chosen.start) chosen = { day, ...candidate };
    }
    if (!chosen) break;

    const { day } = chosen;
    const entry = day.queue[day.next]!;
    let { start, rested } = chosen;
    const busy = entry.presenterId ? (presenterBusy.get(entry.presenterId) ?? []) : [];
    // Wait for the presenter, then for lunch, until neither is in the way; every step moves
    // the start later, and there are finitely many bookings, so this ends.
    for (let moved = true; moved;) {
      moved = false;
      const clash = busy.find((b) => overlaps(start, b));
      if (clash) {
        start = clash.end;
        moved = true;
      }
      if (lunch && overlaps(start, lunch)) {
        start = lunch.end;
        rested = true;
        moved = true;
      }
    }

    const end = start + slotMinutes;
    if (end > DAY_END) {
      for (const late of day.queue.slice(day.next)) {
        unscheduled.push({ entryId: late.entryId, reason: `panel ${day.id} runs past 23:59 before this presentation` });
      }
      day.next = day.queue.length;
      continue;
    }

    day.next += 1;
    day.free = end;
    day.sinceBreak = (rested ? 0 : day.sinceBreak) + 1;
    if (entry.presenterId) presenterBusy.set(entry.presenterId, [...busy, { start, end }]);
    slots.push({
      panelId: day.id,
      entryId: entry.entryId,
      presenterId: entry.presenterId,
      startsAt: at(start),
      endsAt: at(end),
      order: day.next,
    });
  }

  slots.sort((a, b) => byText(a.panelId, b.panelId) || a.order - b.order);
  unscheduled.sort((a, b) => byText(a.entryId, b.entryId));
  return { slots, unscheduled };
}
