import type { ValueTransformer } from 'typeorm';

/**
 * A presentation day is planned, printed and stored in Beijing wall-clock time
 * ('YYYY-MM-DDTHH:MM'; UTC+8 all year, no daylight saving), as the schedule rules lay it
 * out; the API speaks in instants (DateTimeISO), so a client in any time zone reads the
 * same moment.
 */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** The instant of a Beijing wall-clock time 'YYYY-MM-DDTHH:MM'. */
export const instantOf = (wallClock: string): Date => new Date(Date.parse(`${wallClock}:00Z`) - BEIJING_OFFSET_MS);

/** The Beijing wall-clock time 'YYYY-MM-DDTHH:MM' of an instant (seconds dropped). */
export const wallClockOf = (at: Date): string => new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16);

/** Keeps a slot's instant in its column as the Beijing wall-clock time it was always stored as. */
export const wallClockColumn: ValueTransformer = {
  from: (stored: string | null) => (stored === null ? null : instantOf(stored)),
  to: (value: unknown) => (value instanceof Date ? wallClockOf(value) : value),
};
