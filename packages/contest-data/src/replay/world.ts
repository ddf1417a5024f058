import type { ExpertTitle, OrganizationKind } from '@meritgraph/domain';
import {
  DISTRICTS,
  FIELD_WORDS,
  GIVEN,
  NAMED_ACHIEVEMENTS,
  NAMED_EXPERTS,
  NAMED_ORGS,
  NAMED_UNITS,
  PARKS,
  SURNAMES,
  SYLLABLES,
} from './names';
import { type ExpertPlan, type OrgPlan, type PersonPlan, type SubmissionPlan, TRACKS, type TrackCode, type World } from './plans';
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
    const words = FIELD_WORDS[track];
    let name: string;
    do {
      const brand = rnd.pick(SYLLABLES) + rnd.pick(SYLLABLES);
      const kind = rnd.pick(words.kind);
      name =
        kind === 'ENTERPRISE'
          ? `上海${brand}${words.suffix}有限公司`
          : kind === 'HOSPITAL'
            ? `上海${brand}医院`
            : kind === 'UNIVERSITY'
              ? `上海${brand}学院${words.suffix}研究中心`
              : `上海${brand}${words.suffix}研究院`;
      if (usedNames.has(name)) name = `${name}（${i}）`;
    } while (usedNames.has(name));
    usedNames.add(name);
    const kind: OrganizationKind = name.endsWith('有限公司')
      ? 'ENTERPRISE'
      : name.endsWith('医院')
        ? 'HOSPITAL'
        : name.includes('学院')
          ? 'UNIVERSITY'
          : 'RESEARCH_INSTITUTE';
    const parent = PARKS[district] && i % 3 !== 0 ? `park:${district}` : `district:${district}`;
    const unit: OrgPlan = { key: `unit:${i}`, name, kind, parent, district, track };
    orgs.push(unit);
    units.push(unit);
    mobilizerOf.set(unit.key, `district:${district}`);
  }

  const people: PersonPlan[] = [];
  let personSerial = 0;
  const personName = () => rnd.pick([...SURNAMES]) + rnd.pick([...GIVEN]) + (rnd.next() < 0.5 ? rnd.pick([...GIVEN]) : '');
  const person = (org: string, position?: string, name = personName()): string => {
    const key = `person:${personSerial++}`;
    people.push({ key, name, org, position });
    return key;
  };

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
  const add = (plan: Omit<SubmissionPlan, 'key' | 'leader' | 'team' | 'merit'>) => {
    const leader = person(plan.unit, '项目负责人');
    const team = Array.from({ length: rnd.int(2, 4) }, () => person(plan.unit, '研发骨干'));
    // The report's named excellent achievements are among the strongest whatever the seed; the judges' scores do the rest.
    const drawn = rnd.next();
    const merit = REPORTED_EXCELLENT.includes(plan.title) ? 0.95 + 0.05 * drawn : drawn;
    submissions.push({ ...plan, key: `submission:${submissions.length}`, leader, team, merit });
    count[plan.track] += 1;
  };
  for (const a of NAMED_ACHIEVEMENTS) add(a);
  // Every unit submits once; then units add a second achievement until the tracks are full.
  // Big-science facilities come from research institutes, whatever their usual industry.
  const byTrack = (t: TrackCode) =>
    units.filter((u) => u.key.startsWith('unit:') && (t === 'BIG_SCIENCE' ? u.kind === 'RESEARCH_INSTITUTE' : u.track === t));
  const synthetic = (unit: OrgPlan, track: TrackCode) => {
    const words = FIELD_WORDS[track];
    const topic = rnd.pick(words.topics);
    const serial = count[track] + 1;
    add({
      unit: unit.key,
      track,
      title: `${topic}关键技术研发与产业化（${track}-${serial}）`,
      summary: `${unit.name}围绕${topic}开展攻关，形成自主知识产权并实现应用。`,
      kind: track === 'BIG_SCIENCE' ? 'FACILITY' : rnd.pick(['TECHNOLOGY', 'PRODUCT', 'PLATFORM'] as const),
      keywords: [TRACKS.find((t) => t.code === track)!.name, topic],
      effect: `已在${rnd.int(3, 120)}家单位推广应用，新增产值${rnd.int(1, 40)}亿元。`,
    });
  };
  const named = new Set(NAMED_ACHIEVEMENTS.map((a) => a.unit));
  for (const u of units) if (!named.has(u.key) && u.track && count[u.track] < target[u.track]) synthetic(u, u.track);
  for (const t of ['BIG_SCIENCE', 'IC', 'AI', 'BIOMED'] as TrackCode[]) {
    const candidates = byTrack(t);
    for (let i = 0; count[t] < target[t]; i++) synthetic(candidates[i % candidates.length]!, t);
  }

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
