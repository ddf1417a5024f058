import type { ExpertTitle } from '@meritgraph/domain';
import { type AchievementDraw, addAchievement, personMaker, planAchievements, unitName } from './achievements';
import { DISTRICTS, NAMED_ACHIEVEMENTS, NAMED_EXPERTS, NAMED_ORGS, NAMED_UNITS, PARKS } from './names';
import { type ExpertPlan, type OrgPlan, type PersonPlan, type SubmissionPlan, type TrackCode, type World } from './plans';
import { Random } from './random';

/**
 * The world of the 2019 contest: the organizations, people, experts and achievements the
 * report names, and clearly synthetic ones for everything it does not. Pure data, made
 * from a seed; the replay creates it through the API.
 */

export { NAMED_ACHIEVEMENTS } from './names';
export * from './plans';

/** The achievements the report names among its 90 excellent ones (titles of NAMED_ACHIEVEMENTS). */
export const REPORTED_EXCELLENT: readonly string[] = [
  '新一代北斗导航卫星首发星及北斗全球系统MEO卫星组批研制',
  '汽车动力总成国产化高端加工装备与智能制造系统验证示范平台',
  '隧道内镜技术治疗胃肠道及其腔外病变的新应用',
];

/** Achievements per track at scale 1: 294 in all. */
export const SUBMISSIONS_PER_TRACK: Record<TrackCode, number> = { AI: 108, BIOMED: 104, IC: 72, BIG_SCIENCE: 10 };
export const UNITS = 210;
export const EXPERTS = 100;

/** The figure a judge is drawn for: 31 judges at scale 1, spread over the tracks like the entries. */
export const JUDGES_PER_TRACK: Record<'AI' | 'BIOMED' | 'IC', number> = { AI: 11, BIOMED: 11, IC: 9 };

export function buildWorld(scale: number, seed: number): World {
  const rnd = new Random(seed);
  const orgs: OrgPlan[] = [...NAMED_ORGS];
  const mobilizerOf = new Map<string, string>();
  for (const d of DISTRICTS) {
    orgs.push({ key: `district:${d}`, name: `${d}总工会`, kind: 'DISTRICT_UNION', parent: 'federation', district: d });
    if (PARKS[d]) orgs.push({ key: `park:${d}`, name: PARKS[d]!, kind: 'PARK', parent: `district:${d}`, district: d });
  }
  for (const u of NAMED_UNITS) {
    const { mobilizer, ...org } = u;
    orgs.push(org);
    mobilizerOf.set(u.key, mobilizer);
  }

  // Participating units: the named ones, then synthetic ones spread over the districts and industries.
  const units: OrgPlan[] = NAMED_UNITS.map((u) => orgs.find((o) => o.key === u.key)!);
  const usedNames = new Set(orgs.map((o) => o.name));
  const trackCycle: TrackCode[] = ['AI', 'BIOMED', 'IC', 'AI', 'BIOMED', 'IC', 'AI', 'BIOMED'];
  for (let i = units.length; i < UNITS * scale; i++) {
    const track = trackCycle[i % trackCycle.length]!;
    const district = DISTRICTS[i % DISTRICTS.length]!;
    const { name, kind } = unitName(rnd, track, i, usedNames);
    const parent = PARKS[district] && i % 3 !== 0 ? `park:${district}` : `district:${district}`;
    const unit: OrgPlan = { key: `unit:${i}`, name, kind, parent, district, track };
    orgs.push(unit);
    units.push(unit);
    mobilizerOf.set(unit.key, `district:${district}`);
  }

  const people: PersonPlan[] = [];
  const person = personMaker(rnd, people);

  // Every participating unit names a contact person (联络员) for the contest office.
  units.forEach((u, i) => {
    person(u.key, '立功竞赛联络员');
    const p = people[people.length - 1]!;
    p.phone = `021-5${String(1000000 + i).slice(-7)}`;
    p.email = `contact${i}@example.org`;
  });

  // Achievements: the named ones first, then synthetic ones until each track has its share.
  const submissions: SubmissionPlan[] = [];
  const target = Object.fromEntries(Object.entries(SUBMISSIONS_PER_TRACK).map(([t, n]) => [t, n * scale])) as Record<TrackCode, number>;
  const count: Record<TrackCode, number> = { IC: 0, AI: 0, BIOMED: 0, BIG_SCIENCE: 0 };
  const draw: AchievementDraw = { rnd, person, submissions, serialPrefix: '', strong: (title) => REPORTED_EXCELLENT.includes(title) };
  for (const a of NAMED_ACHIEVEMENTS) addAchievement(draw, count, a);
  planAchievements(draw, units, target, count, {
    skip: new Set(NAMED_ACHIEVEMENTS.map((a) => a.unit)),
    second: (u) => u.key.startsWith('unit:'),
  });

  // The expert pool: the named experts, then synthetic ones from universities, institutes,
  // agencies and a few participating units (whose own entries they must never judge).
  const experts: ExpertPlan[] = [];
  for (const e of NAMED_EXPERTS) {
    experts.push({
      key: `expert:${experts.length}`,
      person: person(e.org, e.position, e.name),
      title: e.title,
      expertise: e.expertise,
      roles: e.roles,
      panel: e.panel,
    });
  }
  // Not 中国科学院上海分院 itself: as the parent of big-science units it would conflict with their entries.
  const affiliations = ['sjtu', 'fudan', 'shu', 'ecust', 'sioc', 'jxw', 'kw', 'dks', 'ic-assoc'];
  const titles: ExpertTitle[] = ['PROFESSOR', 'RESEARCHER', 'SENIOR_ENGINEER', 'ASSOCIATE_PROFESSOR', 'CHIEF_PHYSICIAN'];
  const need = {
    EVALUATION: {
      ...JUDGES_PER_TRACK,
      AI: JUDGES_PER_TRACK.AI * scale - 1,
      IC: JUDGES_PER_TRACK.IC * scale - 1,
      BIOMED: JUDGES_PER_TRACK.BIOMED * scale,
    },
    FINAL_MEMBER: { AI: 6, BIOMED: 6, IC: 6 },
  };
  const plan: { track: 'AI' | 'BIOMED' | 'IC'; role: ExpertPlan['roles'][number] }[] = [];
  for (const track of ['AI', 'BIOMED', 'IC'] as const) {
    for (let i = 0; i < need.EVALUATION[track]; i++) plan.push({ track, role: 'EVALUATION' });
    for (let i = 0; i < need.FINAL_MEMBER[track]; i++) plan.push({ track, role: 'FINAL_MEMBER' });
  }
  while (experts.length + plan.length < EXPERTS * scale)
    plan.push({ track: (['AI', 'BIOMED', 'IC'] as const)[plan.length % 3]!, role: 'SCREENING' });
  const unitsOf = new Map(['AI', 'BIOMED', 'IC'].map((t) => [t, units.filter((u) => u.track === t)]));
  plan.forEach((p, i) => {
    // Final panels sit with no participating unit; some judges come from industry, and so from participating units.
    const fromUnit = p.role !== 'FINAL_MEMBER' && i % 7 === 3;
    const org = fromUnit ? rnd.pick(unitsOf.get(p.track)!).key : affiliations[i % affiliations.length]!;
    const expertise: TrackCode[] = p.track === 'IC' ? ['IC', 'BIG_SCIENCE'] : [p.track];
    experts.push({
      key: `expert:${experts.length}`,
      person: person(org, '评审专家'),
      title: p.track === 'BIOMED' && i % 3 === 0 ? 'CHIEF_PHYSICIAN' : titles[i % 4]!,
      expertise,
      roles: [p.role],
      panel: p.role === 'FINAL_MEMBER' ? p.track : undefined,
    });
  });
  return { orgs, people, experts, submissions, mobilizerOf };
}
