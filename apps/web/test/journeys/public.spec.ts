import { OfficeDashboardDocument, OfficeReviewProgressDocument } from '@meritgraph/client';
import { Factories } from '@meritgraph/testing';
import { print } from 'graphql';
import { type ConsoleRun, startConsole } from '../console';

jest.setTimeout(300_000);

/** A moment as the page writes it: Beijing time (UTC+8), to the minute, midnight as the day before's 24:00. */
function beijing(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  if (local.slice(11, 16) !== '00:00') return local.slice(0, 16).replace('T', ' ');
  return `${new Date(new Date(iso).getTime() + 8 * 3600_000 - 1).toISOString().slice(0, 10)} 24:00`;
}

type Milestone = { date: string; kind: string; title: string; host: { name: string } | null };

describe('the public pages', () => {
  let run: ConsoleRun;
  beforeAll(async () => {
    run = await startConsole();
  });
  afterAll(() => run?.stop());

  it('the contest page shows the latest public contest (2019): its organizers, tracks, timeline and published results', async () => {
    const { contests } = await run.graph.anonymous.data<{ contests: { nodes: { code: string; year: number }[] } }>(
      `{ contests(first: 100) { nodes { code year } } }`,
    );
    const code = contests.nodes.find((c) => c.year === 2019)!.code;
    const { contest } = await run.graph.anonymous.data<{
      contest: {
        name: string;
        organizer: { name: string };
        tracks: { code: string }[];
        milestones: Milestone[];
        reviewFunnel: { round: { id: string }; groupCode: string | null; entries: number; excellent: number }[];
      };
    }>(
      `query($code: String!) { contest(code: $code) { name organizer { name } tracks { code } milestones { date kind title host { name } }
        reviewFunnel { round { id } groupCode entries excellent } } }`,
      { code },
    );
    const page = await run.open('/');
    await page.locator('[data-testid="contest"]').waitFor();
    expect(await page.locator('[data-testid="contest"]').getAttribute('data-code')).toBe(code);
    expect(await page.locator('h1').textContent()).toBe(contest.name);
    expect(await page.locator('[data-testid="organizer"]').textContent()).toBe(contest.organizer.name);

    const tracks = await page.locator('[data-testid="tracks"] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-track')));
    expect(tracks).toEqual(contest.tracks.map((t) => t.code));
    expect(tracks).toEqual(expect.arrayContaining(['AI', 'BIOMED', 'IC', 'BIG_SCIENCE']));

    const milestones = await page
      .locator('[data-testid="milestones"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-date'), r.getAttribute('data-kind'), r.children[2]!.textContent]));
    expect(milestones).toEqual(contest.milestones.map((m) => [m.date, m.kind, m.title]));
    expect(milestones.map((m) => m[0])).toEqual(expect.arrayContaining(['2019-03-29', '2019-11-21', '2020-01-15']));
    // The timeline names each milestone's host where it has one.
    const hosted = contest.milestones.find((m) => m.host);
    if (hosted) await expect(page.getByRole('cell', { name: hosted.host!.name }).first().isVisible()).resolves.toBe(true);

    // Published results per round and quota group: the final's excellent entries add up to 90.
    const excellent = await page
      .locator('[data-testid="round-results"] tbody tr')
      .evaluateAll((rows) => rows.reduce((n, r) => n + Number(r.children[4]!.textContent), 0));
    expect(excellent).toBe(contest.reviewFunnel.reduce((n, s) => n + s.excellent, 0));
    expect(excellent).toBe(90);

    await run.screenshot(page, 'public-contest');
    expect(await run.accessibility(page)).toEqual([]);
    await page.context().close();
  });

  it('公示 lists exactly the honors being announced, each with its window’s closing date and time, and says how to object', async () => {
    const admin = run.graph.gateway;
    const make = new Factories(admin);
    const { id: contestId } = await make.contest({ name: '公示测试竞赛', year: 2019 });
    const names = ['上海测试精密机械有限公司', '上海测试生物医药研究院'];
    const ids: string[] = [];
    for (const name of names) {
      const unit = await make.organization({ name });
      ids.push((await make.honor({ contestId, awardTypeCode: 'MAY_DAY_AWARD', recipientId: unit.id, quota: 2 })).id);
    }
    await admin.data(`mutation($ids: [ID!]!) { proposeHonors(ids: $ids) { id } }`, { ids });
    run.graph.setNow(new Date('2019-11-29T02:00:00Z'));
    try {
      await admin.data(`mutation($ids: [ID!]!) { announceHonors(ids: $ids) { id } }`, { ids });
    } finally {
      run.graph.setNow(null);
    }
    const { honors } = await run.graph.anonymous.data<{
      honors: { nodes: { id: string; recipientName: string; objectionsCloseAt: string; awardType: { nameZh: string } }[] };
    }>(`{ honors(status: ANNOUNCED, first: 100) { nodes { id recipientName objectionsCloseAt awardType { nameZh } } } }`);
    expect(honors.nodes.map((h) => h.id).sort()).toEqual([...ids].sort());

    const page = await run.open('/announcements');
    await page.locator('[data-testid="announced-honors"]').waitFor();
    const rows = await page.locator('[data-testid="announced-honors"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-honor'),
        recipient: tr.querySelector('[data-cell="recipient"]')!.textContent,
        award: tr.querySelector('[data-cell="award"]')!.textContent,
        closes: tr.querySelector('[data-cell="closes"] time')!.getAttribute('datetime'),
        closesText: tr.querySelector('[data-cell="closes"] time')!.textContent,
      })),
    );
    expect(rows.sort((a, b) => a.id!.localeCompare(b.id!))).toEqual(
      [...honors.nodes]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((h) => ({
          id: h.id,
          recipient: h.recipientName,
          award: '上海市五一劳动奖状',
          closes: h.objectionsCloseAt,
          closesText: beijing(h.objectionsCloseAt),
        })),
    );
    expect(rows.map((r) => r.recipient).sort()).toEqual([...names].sort());
    // Announced on Friday 29 November 2019: five working days end on Friday 6 December, at midnight in Beijing.
    expect(rows.map((r) => r.closesText)).toEqual(['2019-12-06 24:00', '2019-12-06 24:00']);
    expect(await page.locator('[data-testid="how-to-object"]').textContent()).toContain('异议');
    // The conferred honors of 2019 are a separate list.
    await page.locator('[data-testid="conferred-honors"]').waitFor();
    expect(await page.locator('[data-testid="conferred-count"]').textContent()).toContain('179');

    await run.screenshot(page, 'public-announcements');
    expect(await run.accessibility(page)).toEqual([]);
    await page.context().close();

    // Signed in, a visitor may object here: once the window has closed the graph refuses it with its code and files nothing;
    // within the window it is filed, and the office sees it open.
    const objectionsOf = async (honorId: string) =>
      (
        await admin.data<{ honor: { objections: { id: string; status: string; text: string }[] } }>(
          `query($id: ID!) { honor(id: $id) { objections { id status text } } }`,
          { id: honorId },
        )
      ).honor.objections;
    const text = '该单位申报材料中的部分数据与实际不符，请核实。';
    const visitor = await run.open('/announcements', 'SUBMITTER');
    const form = visitor.locator('[data-testid="objection-form"]');
    await form.waitFor();
    await form.locator('select[name="honorId"]').selectOption(ids[0]!);
    await form.locator('textarea[name="text"]').fill(text);
    await form.locator('input[name="contact"]').fill('13800000000');
    await form.getByRole('button').click();
    await form.locator('.refused').waitFor();
    expect(await form.locator('.refused').getAttribute('data-code')).toBe('ANNOUNCEMENT_WINDOW_CLOSED');
    expect(await objectionsOf(ids[0]!)).toEqual([]);
    expect(await run.accessibility(visitor)).toEqual([]);
    run.graph.setNow(new Date('2019-12-02T03:00:00Z'));
    try {
      await form.getByRole('button').click();
      await form.locator('[data-testid="objection-filed"]').waitFor();
    } finally {
      run.graph.setNow(null);
    }
    const filed = await form.locator('[data-testid="objection-filed"]').getAttribute('data-objection');
    expect(await objectionsOf(ids[0]!)).toEqual([{ id: filed, status: 'OPEN', text }]);
    expect(await objectionsOf(ids[1]!)).toEqual([]);
    await visitor.context().close();
  });

  it('an anonymous visitor to /office is asked to sign in and sees none of its figures; the graph refuses the office’s query too', async () => {
    const page = await run.open('/office');
    await page.locator('[data-testid="sign-in-required"]').waitFor();
    expect(await page.locator('[data-testid="office-dashboard"]').count()).toBe(0);
    expect(await page.locator('[data-testid="review-progress"], [data-testid="funnel-table"]').count()).toBe(0);
    expect(await run.accessibility(page)).toEqual([]);
    await page.context().close();

    // The office's own queries, sent anonymously: the entries and the review progress are refused with their code.
    const { contests } = await run.graph.anonymous.data<{ contests: { nodes: { id: string; code: string; year: number }[] } }>(
      `{ contests(first: 100) { nodes { id code year } } }`,
    );
    const contest = contests.nodes.find((c) => c.year === 2019)!;
    const dashboard = await run.graph.anonymous.request<{ contest: { submissions: unknown } | null }>(print(OfficeDashboardDocument), {
      code: contest.code,
    });
    expect(dashboard.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['contest.submissions', 'FORBIDDEN']]);
    expect(dashboard.data?.contest?.submissions).toBeNull();
    const progress = await run.graph.anonymous.request<{ analytics: { cube: unknown } | null }>(print(OfficeReviewProgressDocument), {
      contestId: contest.id,
      first: 5,
    });
    expect(progress.errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
      ['analytics.cube', 'FORBIDDEN'],
      ['analyticsStatus', 'FORBIDDEN'],
    ]);
    expect(progress.data?.analytics?.cube ?? null).toBeNull();
  });
});
