import type { OrganizationKind } from '@meritgraph/domain';
import { FIELD_WORDS, GIVEN, SURNAMES, SYLLABLES } from './names';
import { type OrgPlan, type PersonPlan, type SubmissionPlan, TRACKS, type TrackCode } from './plans';
import type { Random } from './random';

/**
 * What every contest's world is drawn from, whichever year it is: synthetic units with
 * names of their industry, the people who act for them, and the achievements they enter.
 * Each draws on the random source it is given in a fixed order, so a world is the same
 * for the same seed.
 */

/** The name and kind of a synthetic unit of an industry; `serial` tells apart a name drawn twice. */
export function unitName(
  rnd: Random,
  track: TrackCode,
  serial: number | string,
  usedNames: Set<string>,
): { name: string; kind: OrganizationKind } {
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
    if (usedNames.has(name)) name = `${name}（${serial}）`;
  } while (usedNames.has(name));
  usedNames.add(name);
  const kind: OrganizationKind = name.endsWith('有限公司')
    ? 'ENTERPRISE'
    : name.endsWith('医院')
      ? 'HOSPITAL'
      : name.includes('学院')
        ? 'UNIVERSITY'
        : 'RESEARCH_INSTITUTE';
  return { name, kind };
}

/** Makes people into `people`, keyed `${prefix}0`, `${prefix}1`…; resolves to the new person's key. */
export function personMaker(
  rnd: Random,
  people: PersonPlan[],
  prefix = 'person:',
): (org: string, position?: string, name?: string) => string {
  let serial = 0;
  const personName = () => rnd.pick([...SURNAMES]) + rnd.pick([...GIVEN]) + (rnd.next() < 0.5 ? rnd.pick([...GIVEN]) : '');
  return (org, position, name = personName()) => {
    const key = `${prefix}${serial++}`;
    people.push({ key, name, org, position });
    return key;
  };
}

/** How a world's achievements are drawn: its source, its people, and how a title's serial is written. */
export interface AchievementDraw {
  rnd: Random;
  person: (org: string, position?: string) => string;
  /** Achievements, named ones first; strong whatever the seed when `strong` says so. */
  submissions: SubmissionPlan[];
  /** Written before a title's serial: '' in 2019 (`AI-12`), the year in a later contest (`2020-AI-12`). */
  serialPrefix: string;
  strong?: (title: string) => boolean;
}

/**
 * Every unit submits once in its industry while the track has room; then units add a second
 * achievement until each track has its share. Big-science facilities come from research
 * institutes, whatever their usual industry. `skip` units have their achievements already.
 */
export function planAchievements(
  draw: AchievementDraw,
  units: readonly OrgPlan[],
  target: Record<TrackCode, number>,
  count: Record<TrackCode, number>,
  options: { skip?: ReadonlySet<string>; second: (unit: OrgPlan) => boolean },
): void {
  const byTrack = (t: TrackCode) =>
    units.filter((u) => options.second(u) && (t === 'BIG_SCIENCE' ? u.kind === 'RESEARCH_INSTITUTE' : u.track === t));
  for (const u of units) if (!options.skip?.has(u.key) && u.track && count[u.track] < target[u.track]) synthetic(draw, count, u, u.track);
  for (const t of ['BIG_SCIENCE', 'IC', 'AI', 'BIOMED'] as TrackCode[]) {
    const candidates = byTrack(t);
    for (let i = 0; count[t] < target[t]; i++) synthetic(draw, count, candidates[i % candidates.length]!, t);
  }
}

/** One achievement, with its leader and team drawn from the unit's people. */
export function addAchievement(
  draw: AchievementDraw,
  count: Record<TrackCode, number>,
  plan: Omit<SubmissionPlan, 'key' | 'leader' | 'team' | 'merit'>,
): void {
  const { rnd } = draw;
  const leader = draw.person(plan.unit, '项目负责人');
  const team = Array.from({ length: rnd.int(2, 4) }, () => draw.person(plan.unit, '研发骨干'));
  // The report's named excellent achievements are among the strongest whatever the seed; the judges' scores do the rest.
  const drawn = rnd.next();
  const merit = draw.strong?.(plan.title) ? 0.95 + 0.05 * drawn : drawn;
  draw.submissions.push({ ...plan, key: `submission:${draw.submissions.length}`, leader, team, merit });
  count[plan.track] += 1;
}

function synthetic(draw: AchievementDraw, count: Record<TrackCode, number>, unit: OrgPlan, track: TrackCode): void {
  const { rnd } = draw;
  const words = FIELD_WORDS[track];
  const topic = rnd.pick(words.topics);
  const serial = count[track] + 1;
  addAchievement(draw, count, {
    unit: unit.key,
    track,
    title: `${topic}关键技术研发与产业化（${draw.serialPrefix}${track}-${serial}）`,
    summary: `${unit.name}围绕${topic}开展攻关，形成自主知识产权并实现应用。`,
    kind: track === 'BIG_SCIENCE' ? 'FACILITY' : rnd.pick(['TECHNOLOGY', 'PRODUCT', 'PLATFORM'] as const),
    keywords: [TRACKS.find((t) => t.code === track)!.name, topic],
    effect: `已在${rnd.int(3, 120)}家单位推广应用，新增产值${rnd.int(1, 40)}亿元。`,
  });
}
