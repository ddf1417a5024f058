import { InvalidInput } from './errors';
import { type ScheduleEntry, type ScheduleInput, type Slot, presentationSchedule } from './schedule';

const entry = (entryId: string, trackId: string, referenceNumber: string, presenterId: string | null = null): ScheduleEntry => ({
  entryId,
  trackId,
  presenterId,
  referenceNumber,
});

const day = (over: Partial<ScheduleInput>): ScheduleInput => ({
  date: '2019-11-20',
  slotMinutes: 20,
  panels: [{ id: 'P1', trackIds: ['AI'] }],
  entries: [],
  ...over,
});

const times = (slots: readonly Slot[]) => slots.map((s) => `${s.startsAt.slice(11)}-${s.endsAt.slice(11)}`);
const minutes = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));

describe('presentationSchedule', () => {
  it('sends each entry to its track’s panel, in reference-number order, panels running in parallel from 09:00', () => {
    const { slots, unscheduled } = presentationSchedule(
      day({
        panels: [
          { id: 'P2', trackIds: ['BIOMED', 'IC'] },
          { id: 'P1', trackIds: ['AI'] },
        ],
        entries: [
          entry('c1', 'IC', '2019-IC-0001'),
          entry('a2', 'AI', '2019-AI-0002', 'li'),
          entry('b1', 'BIOMED', '2019-BIOMED-0001'),
          entry('a1', 'AI', '2019-AI-0001', 'zhang'),
        ],
      }),
    );
    expect(slots).toEqual([
      { panelId: 'P1', entryId: 'a1', presenterId: 'zhang', startsAt: '2019-11-20T09:00', endsAt: '2019-11-20T09:20', order: 1 },
      { panelId: 'P1', entryId: 'a2', presenterId: 'li', startsAt: '2019-11-20T09:20', endsAt: '2019-11-20T09:40', order: 2 },
      { panelId: 'P2', entryId: 'b1', presenterId: null, startsAt: '2019-11-20T09:00', endsAt: '2019-11-20T09:20', order: 1 },
      { panelId: 'P2', entryId: 'c1', presenterId: null, startsAt: '2019-11-20T09:20', endsAt: '2019-11-20T09:40', order: 2 },
    ]);
    expect(unscheduled).toEqual([]);
  });

  it('reads numbers inside reference numbers by value', () => {
    const { slots } = presentationSchedule(day({ entries: [entry('ten', 'AI', '2019-AI-10'), entry('nine', 'AI', '2019-AI-9')] }));
    expect(slots.map((s) => s.entryId)).toEqual(['nine', 'ten']);
  });

  it('starts at the given time', () => {
    const { slots } = presentationSchedule(day({ startTime: '13:30', entries: [entry('a', 'AI', '1')] }));
    expect(times(slots)).toEqual(['13:30-13:50']);
  });

  it('skips lunch, moving a presentation that would run into it to after it', () => {
    const entries = ['1', '2', '3', '4'].map((n) => entry(`e${n}`, 'AI', n));
    const onTheHour = presentationSchedule(day({ startTime: '11:00', slotMinutes: 30, lunch: { from: '12:00', to: '13:00' }, entries }));
    expect(times(onTheHour.slots)).toEqual(['11:00-11:30', '11:30-12:00', '13:00-13:30', '13:30-14:00']);
    const offset = presentationSchedule(day({ startTime: '11:15', slotMinutes: 30, lunch: { from: '12:00', to: '13:00' }, entries }));
    expect(times(offset.slots)).toEqual(['11:15-11:45', '13:00-13:30', '13:30-14:00', '14:00-14:30']);
  });

  it('puts a break after every few presentations, and none after the last', () => {
    const entries = ['1', '2', '3', '4', '5'].map((n) => entry(`e${n}`, 'AI', n));
    const { slots } = presentationSchedule(day({ breakEvery: 2, breakMinutes: 10, entries }));
    expect(times(slots)).toEqual(['09:00-09:20', '09:20-09:40', '09:50-10:10', '10:10-10:30', '10:40-11:00']);
  });

  it('counts lunch as a break', () => {
    const entries = ['1', '2', '3', '4'].map((n) => entry(`e${n}`, 'AI', n));
    const { slots } = presentationSchedule(
      day({ startTime: '11:00', slotMinutes: 30, breakEvery: 2, breakMinutes: 10, lunch: { from: '11:30', to: '12:30' }, entries }),
    );
    expect(times(slots)).toEqual(['11:00-11:30', '12:30-13:00', '13:00-13:30', '13:40-14:10']);
  });

  it('moves the later of two presentations by one presenter in different rooms until they are free', () => {
    const { slots } = presentationSchedule(
      day({
        panels: [
          { id: 'P1', trackIds: ['AI'] },
          { id: 'P2', trackIds: ['BIOMED'] },
        ],
        entries: [
          entry('a1', 'AI', 'A1', 'wang'),
          entry('a2', 'AI', 'A2'),
          entry('b1', 'BIOMED', 'B1', 'wang'),
          entry('b2', 'BIOMED', 'B2'),
        ],
      }),
    );
    expect(slots.map((s) => [s.entryId, s.startsAt.slice(11), s.endsAt.slice(11)])).toEqual([
      ['a1', '09:00', '09:20'],
      ['a2', '09:20', '09:40'],
      ['b1', '09:20', '09:40'],
      ['b2', '09:40', '10:00'],
    ]);
  });

  it('moves a presenter’s second presentation past lunch when waiting for them runs into it', () => {
    const { slots } = presentationSchedule(
      day({
        startTime: '11:20',
        lunch: { from: '12:00', to: '13:00' },
        panels: [
          { id: 'P1', trackIds: ['AI'] },
          { id: 'P2', trackIds: ['BIOMED'] },
        ],
        entries: [
          entry('a1', 'AI', 'A1'),
          entry('a2', 'AI', 'A2', 'wang'),
          entry('b0', 'BIOMED', 'B0'),
          entry('b1', 'BIOMED', 'B1', 'wang'),
        ],
      }),
    );
    // a2 (room P1, first by id) holds wang 11:40–12:00; b1 was due at 11:40 too, and once
    // wang is free it is lunch.
    expect(slots.map((s) => [s.entryId, s.startsAt.slice(11)])).toEqual([
      ['a1', '11:20'],
      ['a2', '11:40'],
      ['b0', '11:20'],
      ['b1', '13:00'],
    ]);
  });

  it('reports an entry whose track no panel covers', () => {
    const { slots, unscheduled } = presentationSchedule(day({ entries: [entry('a', 'AI', '1'), entry('q', 'QUANTUM', '2')] }));
    expect(slots.map((s) => s.entryId)).toEqual(['a']);
    expect(unscheduled).toEqual([{ entryId: 'q', reason: 'no panel covers track QUANTUM' }]);
  });

  it('gives a track covered by two panels to the first panel by id', () => {
    const { slots } = presentationSchedule(
      day({
        panels: [
          { id: 'P-B', trackIds: ['AI'] },
          { id: 'P-A', trackIds: ['AI', 'IC'] },
        ],
        entries: [entry('a', 'AI', '1')],
      }),
    );
    expect(slots.map((s) => s.panelId)).toEqual(['P-A']);
  });

  it('lets a presentation end at 23:59 but leaves what would run later unscheduled', () => {
    expect(times(presentationSchedule(day({ startTime: '23:00', slotMinutes: 59, entries: [entry('a', 'AI', '1')] })).slots)).toEqual([
      '23:00-23:59',
    ]);
    const { slots, unscheduled } = presentationSchedule(
      day({ startTime: '23:00', slotMinutes: 25, entries: ['1', '2', '3', '4'].map((n) => entry(`e${n}`, 'AI', n)) }),
    );
    expect(times(slots)).toEqual(['23:00-23:25', '23:25-23:50']);
    expect(unscheduled).toEqual([
      { entryId: 'e3', reason: 'panel P1 runs past 23:59 before this presentation' },
      { entryId: 'e4', reason: 'panel P1 runs past 23:59 before this presentation' },
    ]);
  });

  it('gives the same programme whatever order panels and entries are listed in', () => {
    const input = day({
      lunch: { from: '12:00', to: '13:00' },
      breakEvery: 3,
      breakMinutes: 15,
      panels: [
        { id: 'P1', trackIds: ['AI'] },
        { id: 'P2', trackIds: ['BIOMED'] },
      ],
      entries: Array.from({ length: 12 }, (_, i) => entry(`e${i}`, i % 2 ? 'AI' : 'BIOMED', `R-${i}`, `p${i % 5}`)),
    });
    const reversed = { ...input, panels: [...input.panels].reverse(), entries: [...input.entries].reverse() };
    expect(presentationSchedule(reversed)).toEqual(presentationSchedule(input));
  });

  it('on a busy day places every entry once, never overlaps within a room or for one presenter, and keeps lunch free', () => {
    const tracks = ['AI', 'BIOMED', 'IC', 'BIG_SCIENCE', 'NEW_MATERIALS', 'QUANTUM'];
    const entries = Array.from({ length: 80 }, (_, i) =>
      entry(
        `e${String(i).padStart(2, '0')}`,
        tracks[(i * 7) % 6]!,
        `2019-${String(i).padStart(4, '0')}`,
        i % 3 === 0 ? `p${i % 11}` : null,
      ),
    );
    const { slots, unscheduled } = presentationSchedule(
      day({
        slotMinutes: 15,
        breakEvery: 4,
        breakMinutes: 10,
        lunch: { from: '12:00', to: '13:30' },
        panels: [
          { id: 'P1', trackIds: ['AI'] },
          { id: 'P2', trackIds: ['BIOMED', 'IC'] },
          { id: 'P3', trackIds: ['BIG_SCIENCE', 'NEW_MATERIALS'] },
        ],
        entries,
      }),
    );

    const placed = [...slots.map((s) => s.entryId), ...unscheduled.map((u) => u.entryId)].sort();
    expect(placed).toEqual(entries.map((e) => e.entryId));
    expect(unscheduled.every((u) => u.reason === 'no panel covers track QUANTUM')).toBe(true);

    const disjoint = (group: Slot[]) => {
      const sorted = [...group].sort((a, b) => minutes(a.startsAt) - minutes(b.startsAt));
      return sorted.every((s, i) => i === 0 || minutes(sorted[i - 1]!.endsAt) <= minutes(s.startsAt));
    };
    for (const panelId of ['P1', 'P2', 'P3']) expect(disjoint(slots.filter((s) => s.panelId === panelId))).toBe(true);
    for (const presenterId of new Set(slots.map((s) => s.presenterId).filter((p) => p !== null))) {
      expect(disjoint(slots.filter((s) => s.presenterId === presenterId))).toBe(true);
    }
    expect(slots.every((s) => minutes(s.endsAt) <= 12 * 60 || minutes(s.startsAt) >= 13 * 60 + 30)).toBe(true);
  });

  it('refuses a malformed day', () => {
    expect(() =>
      presentationSchedule(
        day({
          date: '2019-02-30',
          startTime: '9:00',
          slotMinutes: 0,
          lunch: { from: '13:00', to: '12:00' },
          entries: [entry('a', 'AI', '1'), entry('a', 'AI', '2')],
        }),
      ),
    ).toThrow(InvalidInput);
    try {
      presentationSchedule(day({ date: '2019-02-30', startTime: '9:00', slotMinutes: 0, lunch: { from: '13:00', to: '12:00' } }));
    } catch (e) {
      expect((e as InvalidInput).problems.map((p) => p.field)).toEqual(['date', 'startTime', 'slotMinutes', 'lunch.to']);
    }
  });

  it('refuses settings past their limits, which would push every entry off the day', () => {
    const problemsOf = (settings: Partial<ScheduleInput>) => {
      try {
        presentationSchedule(day({ entries: [entry('a', 'AI', '1')], ...settings }));
        return [];
      } catch (e) {
        return (e as InvalidInput).problems;
      }
    };
    expect(problemsOf({ slotMinutes: 2147483647 })).toEqual([{ field: 'slotMinutes', message: 'must be a whole number from 1 to 240' }]);
    expect(problemsOf({ slotMinutes: 30, breakEvery: 101, breakMinutes: 241 }).map((p) => p.field)).toEqual(['breakEvery', 'breakMinutes']);
    expect(problemsOf({ slotMinutes: 240, breakEvery: 100, breakMinutes: 240 })).toEqual([]);
  });
});
