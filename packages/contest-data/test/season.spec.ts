import { DomainError, nominationCap } from '@meritgraph/domain';
import { buildLaterWorld } from '../src/replay/later-world';
import { checkYears, parseYears, season2019, syntheticSeason } from '../src/replay/season';
import { SUBMISSIONS_PER_TRACK, type TrackCode, buildWorld } from '../src/replay/world';

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];
const SEEDS = [2019, 1, 77, 123456];
const sum = (split: Record<string, number>) => Object.values(split).reduce((a, b) => a + b, 0);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

const refusal = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('a synthetic contest after 2019', () => {
  it('is the same for the same seed and year, and another for another year or seed', () => {
    expect(syntheticSeason(2020, 2019)).toEqual(syntheticSeason(2020, 2019));
    const counts = (year: number, seed: number) => syntheticSeason(year, seed).submissionsPerTrack;
    expect(counts(2021, 2019)).not.toEqual(counts(2020, 2019));
    expect(counts(2020, 7)).not.toEqual(counts(2020, 2019));
  });

  it('is coded <year>-syn and says it is synthetic (模拟) in its name, theme, milestones and decision', () => {
    const season = syntheticSeason(2020, 2019);
    expect(season.code).toBe('2020-syn');
    expect(season.synthetic).toBe(true);
    expect(season.name).toMatch(/模拟.*synthetic/);
    expect(season.theme).toMatch(/模拟.*synthetic/);
    for (const m of season.milestones) expect(m.title).toMatch(/（模拟）$/);
    expect(season.conferral.decisionNumber).toContain('模拟');
    expect(season2019().name).not.toContain('模拟');
  });

  it('keeps every track within 15% of 2019’s entries', () => {
    for (const year of YEARS)
      for (const seed of SEEDS) {
        const { submissionsPerTrack } = syntheticSeason(year, seed);
        for (const [track, n] of Object.entries(SUBMISSIONS_PER_TRACK) as [TrackCode, number][]) {
          expect(submissionsPerTrack[track]).toBeGreaterThanOrEqual(Math.floor(n * 0.85));
          expect(submissionsPerTrack[track]).toBeLessThanOrEqual(Math.ceil(n * 1.15));
        }
      }
  });

  it('sets quotas the workflow can fill: fewer finalists than entries, fewer excellent than finalists, nominations within the excellent', () => {
    for (const year of YEARS)
      for (const seed of SEEDS) {
        const s = syntheticSeason(year, seed);
        const entries = {
          AI: s.submissionsPerTrack.AI,
          BIOMED: s.submissionsPerTrack.BIOMED,
          'IC+BIG_SCIENCE': s.submissionsPerTrack.IC + s.submissionsPerTrack.BIG_SCIENCE,
        };
        for (const group of ['AI', 'BIOMED', 'IC+BIG_SCIENCE'] as const) {
          expect(s.finalists[group]).toBeLessThan(entries[group]);
          expect(s.excellent[group]).toBeLessThan(s.finalists[group]);
        }
        const excellent = sum(s.excellent);
        expect(s.honors.EXCELLENT_ACHIEVEMENT).toBe(excellent);
        expect(nominationCap(s.honors.MAY_DAY_MEDAL)).toBeLessThanOrEqual(excellent);
        expect(nominationCap(s.honors.WORKER_PIONEER)).toBeLessThanOrEqual(excellent);
        expect(sum(s.priorHonors)).toBeLessThanOrEqual(excellent);
      }
  });

  it('lives through its own year on weekdays, from the launch to the ceremony in the January after', () => {
    for (const year of YEARS) {
      const s = syntheticSeason(year, 2019);
      const dates = [...s.milestones.map((m) => m.date), s.rounds.screening, s.rounds.evaluation, s.rounds.final, s.conferral.conferredOn];
      for (const date of dates) {
        expect([String(year), String(year + 1)]).toContain(date.slice(0, 4));
        expect([0, 6]).not.toContain(weekday(date));
      }
      expect(s.milestones.at(-1)!.date.slice(0, 7)).toBe(`${year + 1}-01`);
      expect(s.milestones.map((m) => m.date)).toEqual([...s.milestones.map((m) => m.date)].sort());
      const clock = Object.values(s.clock);
      expect(clock).toEqual([...clock].sort());
      expect(clock[0]!.slice(0, 4)).toBe(String(year));
    }
  });
});

describe('the world of a synthetic contest', () => {
  const before = buildWorld(1, 2019);
  const season = syntheticSeason(2020, 2019);
  const { world, newOrgs, newPeople } = buildLaterWorld(before, season, 2019);
  const units2019 = new Set(before.submissions.map((s) => s.unit));
  const units2020 = new Set(world.submissions.map((s) => s.unit));

  it('is the same for the same seed', () => {
    expect(buildLaterWorld(before, season, 2019)).toEqual({ world, newOrgs, newPeople });
  });

  it('brings back most 2019 units, the ones the report names always, and adds new units of its own', () => {
    const returning = [...units2019].filter((u) => units2020.has(u));
    expect(returning.length).toBeGreaterThan(0.7 * units2019.size);
    expect(returning.length).toBeLessThan(units2019.size);
    for (const named of ['huahong', 'microsat', 'zhibang', 'zhongshan', 'sinap', 'siom']) expect(units2020).toContain(named);
    expect(newOrgs.length).toBe(season.newUnits);
    for (const o of newOrgs) expect(units2019).not.toContain(o.key);
    expect(new Set(world.orgs.map((o) => o.name)).size).toBe(world.orgs.length);
  });

  it('enters exactly the planned entries per track, all new, with new leaders and teams', () => {
    for (const track of Object.keys(SUBMISSIONS_PER_TRACK) as TrackCode[])
      expect(world.submissions.filter((s) => s.track === track)).toHaveLength(season.submissionsPerTrack[track]);
    const titles2019 = new Set(before.submissions.map((s) => s.title));
    for (const s of world.submissions) expect(titles2019).not.toContain(s.title);
    const fresh = new Set(newPeople.map((p) => p.key));
    for (const s of world.submissions) for (const p of [s.leader, ...s.team]) expect(fresh).toContain(p);
  });

  it('keeps about as many units as 2019 year after year, most of them from the year before', () => {
    for (const seed of SEEDS) {
      let last = before;
      for (const year of YEARS) {
        const next = buildLaterWorld(last, syntheticSeason(year, seed), seed).world;
        const lastUnits = new Set(last.submissions.map((s) => s.unit));
        const units = new Set(next.submissions.map((s) => s.unit));
        expect(units.size).toBeGreaterThanOrEqual(0.85 * 210);
        expect(units.size).toBeLessThanOrEqual(1.15 * 210);
        expect([...units].filter((u) => lastUnits.has(u)).length).toBeGreaterThan(0.7 * lastUnits.size);
        last = next;
      }
    }
  });

  it('draws on the 2019 expert pool and unions', () => {
    expect(world.experts).toBe(before.experts);
    const unions = new Set(before.mobilizerOf.values());
    for (const s of world.submissions) expect(unions).toContain(world.mobilizerOf.get(s.unit));
  });
});

describe('the years a replay runs', () => {
  it('are 2019 and later years, sorted', () => {
    expect(checkYears([2021, 2019, 2020])).toEqual([2019, 2020, 2021]);
    expect(parseYears('2019, 2020')).toEqual([2019, 2020]);
  });

  it.each([
    ['2019,2019', 'each year once: 2019 is named twice'],
    ['2020,2021', 'the years include 2019'],
    ['2018,2019', 'years are from 2019 to 2026: 2018 is not'],
    ['2019,2027', 'years are from 2019 to 2026: 2027 is not'],
    ['2019,twenty', 'expected years separated by commas'],
    ['', 'expected years separated by commas'],
  ])('refuses %p on years: %s', (text, message) => {
    const error = refusal(() => parseYears(text));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'years' });
    expect(error.message).toContain(message);
  });
});
