import { type GraphClient } from '../../src';
import { type Expert, type ReviewFixtures, ext } from './review-fixtures';
import { resultsSuite } from './results-fixtures';

/** Review results through the gateway: the presentation schedule of a final round. */
describe('expert review results: aggregation, advancement, publication, visibility and schedules', () => {
  const suite = resultsSuite();
  const { unit, X, contestWithRound } = suite;
  let admin: GraphClient;
  let fx: ReviewFixtures;
  beforeAll(() => {
    ({ admin, fx } = suite.world());
  });

  describe('the presentation schedule', () => {
    let f: Awaited<ReturnType<typeof contestWithRound>>;
    type Slot = {
      position: number;
      startsAt: string;
      endsAt: string;
      panel: { id: string; name: string };
      referenceNumber: string;
      presenter: { id: string } | null;
    };
    const SLOT = 'position startsAt endsAt panel { id name } referenceNumber presenter { id }';
    const SETTINGS = {
      startTime: '2019-10-24T10:00:00+08:00',
      slotMinutes: 30,
      breakEvery: 2,
      breakMinutes: 15,
      lunchFrom: '12:00',
      lunchTo: '13:30',
    };
    const schedule = (round: string, input: Record<string, unknown> = SETTINGS) =>
      admin.request<{ schedulePresentations: { presentations: Slot[]; unscheduled: { entry: { id: string } | null; reason: string }[] } }>(
        `mutation($r: ID!, $input: ScheduleInput!) { schedulePresentations(roundId: $r, input: $input) { presentations { ${SLOT} } unscheduled { entry { id } reason } } }`,
        { r: round, input },
      );
    const presentations = async (round: string) =>
      (
        await admin.data<{ reviewRound: { presentations: Slot[] } }>(
          `query($r: ID!) { reviewRound(id: $r) { presentations { ${SLOT} } } }`,
          { r: round },
        )
      ).reviewRound.presentations;
    /** Minutes after midnight in Beijing on the review day, where the programme is printed. */
    const minutes = (at: string) => (Date.parse(at) - Date.parse('2019-10-24T00:00:00+08:00')) / 60_000;
    /** The leader of each entry, by reference number: app1 leads an entry in each track. */
    const leaderOf: Record<string, string> = {};
    const trackOf: Record<string, string> = {};

    beforeAll(async () => {
      const entries: Record<string, [string, string]> = {
        AI1: ['app1', 'AI'],
        AI2: ['app2', 'AI'],
        AI3: ['app3', 'AI'],
        AI4: ['app4', 'AI'],
        AI5: ['app5', 'AI'],
        BIO1: ['app1', 'BIOMED'],
        BIO2: ['app5', 'BIOMED'],
        BIO3: ['app6', 'BIOMED'],
        IC1: ['app6', 'IC'],
      };
      f = await contestWithRound('final-day-2019', entries, { name: '终评答辩', stage: 'FINAL', threshold: 75, reviewersPerEntry: 2 });
      for (const [label, [u, track]] of Object.entries(entries)) {
        leaderOf[f.ref[label]!] = unit[u]!.leaderId;
        trackOf[f.ref[label]!] = track;
      }
    });

    it('is for a final round only, and is refused without a review date, without panels or with half a lunch break (BAD_USER_INPUT), writing nothing', async () => {
      const evaluation = await fx.round(f.contest, { name: '复评', stage: 'EVALUATION', order: 2, reviewDate: '2019-10-25' });
      const notFinal = await schedule(evaluation);
      expect(ext(notFinal)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roundId' });
      expect(notFinal.errors![0]!.message).toMatch(/final round/);
      expect(await presentations(evaluation)).toEqual([]);

      const noDate = await schedule(f.round);
      expect(ext(noDate)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roundId' });
      expect(noDate.errors![0]!.message).toMatch(/reviewDate/);
      expect((await fx.updateRound(f.round, { reviewDate: '2019-10-24' })).errors).toBeUndefined();
      const noPanels = await schedule(f.round);
      expect(ext(noPanels)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roundId' });
      expect(noPanels.errors![0]!.message).toMatch(/panels/);
      const { lunchTo: _, ...halfLunch } = SETTINGS;
      expect(ext(await schedule(f.round, halfLunch))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lunchTo' });
      expect(await presentations(f.round)).toEqual([]);
      expect(await fx.roundAudit(f.round)).not.toContain('round.schedule');
    });

    it('gives each entry one slot before the panel covering its track: no overlap in a room or for a presenter, lunch kept free, presented by its leader', async () => {
      const panel = (name: string, track: string, chair: Expert, member: Expert) =>
        admin.data(`mutation($input: CreatePanelInput!) { createPanel(input: $input) { id } }`, {
          input: { roundId: f.round, name, trackIds: [f.contest.tracks[track]], chairId: chair.id, memberIds: [member.id] },
        });
      await panel('人工智能组', 'AI', X[0]!, X[1]!);
      await panel('生物医药组', 'BIOMED', X[2]!, X[3]!);

      // Settings the schedule rules refuse are named by their input fields.
      expect(ext(await schedule(f.round, { ...SETTINGS, lunchFrom: '13:30', lunchTo: '12:00' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'lunchTo',
      });
      expect(ext(await schedule(f.round, { ...SETTINGS, slotMinutes: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slotMinutes' });
      // A start is an instant on the review day in Beijing, to the minute: a bare time of day, another day (16:30 UTC is
      // already the 25th in Beijing) or seconds are refused.
      for (const startTime of ['10:00', '2019-10-25T10:00:00+08:00', '2019-10-24T16:30:00Z', '2019-10-24T10:00:30+08:00']) {
        const refused = await schedule(f.round, { ...SETTINGS, startTime });
        expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startTime' });
      }
      expect((await schedule(f.round, { ...SETTINGS, startTime: '2019-10-23T10:00:00+08:00' })).errors![0]!.message).toMatch(
        /2019-10-24 in Beijing/,
      );
      expect(await presentations(f.round)).toEqual([]);
      expect(await fx.roundAudit(f.round)).not.toContain('round.schedule');

      const made = await schedule(f.round);
      expect(made.errors).toBeUndefined();
      const { presentations: slots, unscheduled } = made.data!.schedulePresentations;
      // No panel covers IC: its entry is reported, not placed.
      expect(unscheduled).toEqual([{ entry: { id: f.entry.IC1 }, reason: expect.stringMatching(/no panel covers track/) }]);
      expect(slots.map((s) => s.referenceNumber).sort()).toEqual(
        Object.entries(f.ref)
          .filter(([l]) => l !== 'IC1')
          .map(([, r]) => r)
          .sort(),
      );

      // The day opens at 10:00 in Beijing, which is 02:00 UTC.
      expect(slots.map((s) => s.startsAt).sort()[0]).toBe('2019-10-24T02:00:00.000Z');
      const lunch = { start: 12 * 60, end: 13 * 60 + 30 };
      const rooms = new Map<string, Slot[]>();
      for (const s of slots) rooms.set(s.panel.id, [...(rooms.get(s.panel.id) ?? []), s]);
      expect(rooms.size).toBe(2);
      for (const room of rooms.values()) {
        const track = trackOf[room[0]!.referenceNumber]!;
        expect(room[0]!.panel.name).toBe(track === 'AI' ? '人工智能组' : '生物医药组');
        expect(room.map((s) => trackOf[s.referenceNumber])).toEqual(room.map(() => track));
        expect(room.map((s) => s.position)).toEqual(room.map((_, i) => i + 1));
        expect(room.map((s) => s.referenceNumber)).toEqual(room.map((s) => s.referenceNumber).sort());
        room.forEach((s, i) => {
          expect(minutes(s.endsAt)).toBeLessThanOrEqual(24 * 60);
          expect(minutes(s.endsAt) - minutes(s.startsAt)).toBe(30);
          expect(minutes(s.startsAt)).toBeGreaterThanOrEqual(10 * 60);
          // Clear of lunch: it ends by 12:00 or starts from 13:30.
          expect(minutes(s.endsAt) <= lunch.start || minutes(s.startsAt) >= lunch.end).toBe(true);
          if (i > 0) expect(minutes(s.startsAt)).toBeGreaterThanOrEqual(minutes(room[i - 1]!.endsAt));
        });
        // A break of at least 15 minutes after every two presentations since the last break (lunch counts as one).
        let since = 0;
        room.forEach((s, i) => {
          const gap = i > 0 ? minutes(s.startsAt) - minutes(room[i - 1]!.endsAt) : 0;
          if (since >= 2) expect(gap).toBeGreaterThanOrEqual(15);
          since = gap >= 15 ? 1 : since + 1;
        });
      }
      const ai = slots.filter((s) => s.panel.name === '人工智能组');
      // Five AI presentations of 30 minutes with a 15-minute break after the second cannot all fit before noon.
      expect(ai.some((s) => minutes(s.startsAt) >= lunch.end)).toBe(true);

      for (const s of slots) expect(s.presenter).toEqual({ id: leaderOf[s.referenceNumber] });
      const byPresenter = new Map<string, Slot[]>();
      for (const s of slots) byPresenter.set(s.presenter!.id, [...(byPresenter.get(s.presenter!.id) ?? []), s]);
      const twice = byPresenter.get(unit.app1!.leaderId)!;
      expect(twice).toHaveLength(2);
      const [early, late] = [...twice].sort((a, b) => minutes(a.startsAt) - minutes(b.startsAt));
      expect(minutes(late!.startsAt)).toBeGreaterThanOrEqual(minutes(early!.endsAt));
      for (const own of byPresenter.values()) {
        for (const a of own)
          for (const b of own)
            if (a !== b) expect(minutes(a.endsAt) <= minutes(b.startsAt) || minutes(b.endsAt) <= minutes(a.startsAt)).toBe(true);
      }
      expect(await presentations(f.round)).toEqual(slots);
    });

    it('running it again gives the same schedule', async () => {
      const before = await presentations(f.round);
      const again = await schedule(f.round);
      expect(again.errors).toBeUndefined();
      expect(again.data!.schedulePresentations.presentations).toEqual(before);
      expect(await presentations(f.round)).toEqual(before);
      expect((await fx.roundAudit(f.round)).filter((a) => a === 'round.schedule')).toHaveLength(2);
    });

    it('is refused once the round is CLOSED (ROUND_CLOSED), keeping the schedule', async () => {
      const before = await presentations(f.round);
      expect((await fx.moveRound(f.round, 'OPEN')).errors).toBeUndefined();
      expect((await fx.moveRound(f.round, 'CLOSED')).errors).toBeUndefined();
      expect(ext(await schedule(f.round, { ...SETTINGS, slotMinutes: 20 }))).toMatchObject({ code: 'ROUND_CLOSED', field: 'roundId' });
      expect(await presentations(f.round)).toEqual(before);
      expect((await fx.roundAudit(f.round)).filter((a) => a === 'round.schedule')).toHaveLength(2);
    });
  });
});
