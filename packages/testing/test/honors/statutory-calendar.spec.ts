import { type GraphClient, type TestGraph } from '../../src';
import { at, ext, honorsSuite } from './fixtures';

/** Honors through the gateway: windows counted on the State Council's holidays and make-up workdays, under the office's own days. */
describe('honors', () => {
  const suite = honorsSuite();
  const { contest, unit, nominated, propose, announce, read, statuses, auditOf } = suite;
  let graph: TestGraph;
  let admin: GraphClient;
  beforeAll(() => {
    ({ graph, admin } = suite.world());
  });

  /** A proposed honor of a fresh contest, announced at `announcedAt`; its window's close as read back. */
  async function windowFrom(announcedAt: string): Promise<string | null> {
    const c = await contest(2026);
    const [id] = (await nominated(c, 'MAY_DAY_AWARD', [await unit()], 1)) as [string];
    expect((await propose([id])).errors).toBeUndefined();
    graph.setNow(at(announcedAt));
    const result = await announce([id]);
    expect(result.errors).toBeUndefined();
    return (await read(id)).objectionsCloseAt;
  }
  const setDay = (date: string, kind: 'HOLIDAY' | 'WORKDAY', name: string) =>
    admin.data(`mutation($d: LocalDate!, $k: CalendarDayKind!, $n: String!) { setCalendarDay(date: $d, kind: $k, name: $n) { date } }`, {
      d: date,
      k: kind,
      n: name,
    });
  const removeDay = (date: string) => admin.data(`mutation($d: LocalDate!) { removeCalendarDay(date: $d) { date } }`, { d: date });
  const confirmYear = (client: GraphClient, year: number) =>
    client.request<{ confirmCalendarYear: { year: number; reason: string } }>(
      `mutation($y: Int!) { confirmCalendarYear(year: $y, reason: "依据国务院办公厅关于2027年部分节假日安排的通知录入") { year reason } }`,
      { y: year },
    );

  it('across the 2026 Spring Festival: announced Thursday 12 February, the make-up Saturday the 14th counts and the holiday to the 23rd does not; it closes at the end of the 26th', async () => {
    expect(await windowFrom('2026-02-12T02:00:00Z')).toBe('2026-02-26T16:00:00.000Z');
  });

  it('across the 2026 National Day: announced Tuesday 29 September, the week off is skipped and the make-up Saturday 10 October counts; it closes at the end of 12 October', async () => {
    expect(await windowFrom('2026-09-29T02:00:00Z')).toBe('2026-10-12T16:00:00.000Z');
  });

  it('a make-up workday on a Sunday: announced Friday 18 September 2026, Sunday the 20th is the first working day, and the window closes at the end of the 24th', async () => {
    expect(await windowFrom('2026-09-18T02:00:00Z')).toBe('2026-09-24T16:00:00.000Z');
  });

  it("the office's own days win over the statutory ones", async () => {
    await setDay('2026-02-24', 'HOLIDAY', '春节延长假期');
    await setDay('2026-02-14', 'HOLIDAY', '调休取消');
    try {
      // The 14th is off and the 24th too: Fri 13, Wed 25, Thu 26, Fri 27, and the make-up Saturday 28th.
      expect(await windowFrom('2026-02-12T02:00:00Z')).toBe('2026-02-28T16:00:00.000Z');
    } finally {
      await removeDay('2026-02-24');
      await removeDay('2026-02-14');
    }
  });

  it('a window reaching a year the library does not cover is CALENDAR_NOT_COVERED and nothing is written, until the office confirms that year', async () => {
    const c = await contest(2026);
    const [id] = (await nominated(c, 'MAY_DAY_AWARD', [await unit()], 1)) as [string];
    expect((await propose([id])).errors).toBeUndefined();
    // Monday 28 December 2026: five working days run into 2027.
    graph.setNow(at('2026-12-28T02:00:00Z'));
    expect(ext(await announce([id]))).toMatchObject({ code: 'CALENDAR_NOT_COVERED', details: { years: [2027] } });
    expect(await statuses([id])).toEqual(['PROPOSED']);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['honor.nominate', 'honor.propose']);

    // Only the office confirms, and only a year the library does not cover.
    expect(ext(await confirmYear(await graph.as('ANALYST'), 2027))).toMatchObject({ code: 'FORBIDDEN' });
    expect(ext(await confirmYear(admin, 2026))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(ext(await announce([id]))).toMatchObject({ code: 'CALENDAR_NOT_COVERED' });
    expect((await admin.data<{ confirmedCalendarYears: unknown[] }>(`{ confirmedCalendarYears { year } }`)).confirmedCalendarYears).toEqual(
      [],
    );

    await setDay('2027-01-01', 'HOLIDAY', '元旦');
    expect((await confirmYear(admin, 2027)).data?.confirmCalendarYear).toMatchObject({ year: 2027 });
    expect((await announce([id])).errors).toBeUndefined();
    // 29, 30, 31 December; 1 January is off; Monday 4 and Tuesday 5 January.
    expect((await read(id)).objectionsCloseAt).toBe('2027-01-05T16:00:00.000Z');
  });
});
