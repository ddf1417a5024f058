import { type AchievementDraw, personMaker, planAchievements, unitName } from './achievements';
import { DISTRICTS, PARKS } from './names';
import type { OrgPlan, PersonPlan, SubmissionPlan, TrackCode, World } from './plans';
import { Random } from './random';
import type { Season } from './season';

/**
 * The world of a synthetic contest after 2019: the same federation, unions, parks and expert
 * pool; most units of the contest before come back (the units the report names always do), some
 * do not, and new units join, about as many units in all as 2019 had, give or take. Every achievement, leader and team is new. Pure data, made from the seed
 * and the year.
 */

export interface LaterWorld {
  /** Everything the contest draws on: every organization and person so far, the expert pool, this year's achievements. */
  world: World;
  /** What the office registers this year: the new units and the people new to the platform. */
  newOrgs: OrgPlan[];
  newPeople: PersonPlan[];
}

/** New units' industries, in 2019's proportions (3 : 3 : 2). */
const NEW_UNIT_TRACKS: TrackCode[] = ['AI', 'BIOMED', 'IC', 'AI', 'BIOMED', 'IC', 'AI', 'BIOMED'];

/** `before` is the world of the contest before this one (2019's, or the last synthetic year's). */
export function buildLaterWorld(before: World, season: Season, seed: number): LaterWorld {
  const { year } = season;
  const rnd = Random.of(seed, 'world', String(year));
  // The units of the contest before: the named ones come back, and of the others as many as leave room for the new units,
  // by a draw of each unit's own (so it does not depend on the other units).
  const last = new Set(before.submissions.map((s) => s.unit));
  const candidates = before.orgs.filter((o) => o.track !== undefined && last.has(o.key));
  const isNamed = (u: OrgPlan) => !u.key.startsWith('unit:');
  const luck = new Map(candidates.map((u) => [u.key, Random.of(seed, 'returns', String(year), u.key).next()]));
  const room = Math.max(0, season.units - season.newUnits - candidates.filter(isNamed).length);
  const back = new Set(
    candidates
      .filter((u) => !isNamed(u))
      .sort((a, b) => luck.get(a.key)! - luck.get(b.key)!)
      .slice(0, room)
      .map((u) => u.key),
  );
  const units = candidates.filter((u) => isNamed(u) || back.has(u.key));
  const usedNames = new Set(before.orgs.map((o) => o.name));
  const newOrgs: OrgPlan[] = [];
  const mobilizerOf = new Map(before.mobilizerOf);
  for (let i = 0; i < season.newUnits; i++) {
    const track = rnd.pick(NEW_UNIT_TRACKS);
    const district = rnd.pick(DISTRICTS);
    const { name, kind } = unitName(rnd, track, `${year}-${i}`, usedNames);
    const parent = PARKS[district] && rnd.next() < 2 / 3 ? `park:${district}` : `district:${district}`;
    const unit: OrgPlan = { key: `unit:${year}:${i}`, name, kind, parent, district, track };
    newOrgs.push(unit);
    units.push(unit);
    mobilizerOf.set(unit.key, `district:${district}`);
  }

  const newPeople: PersonPlan[] = [];
  const person = personMaker(rnd, newPeople, `person:${year}:`);
  // A new unit names its contact person (联络员); a returning one keeps the one it had.
  newOrgs.forEach((u, i) => {
    person(u.key, '立功竞赛联络员');
    const p = newPeople[newPeople.length - 1]!;
    p.phone = `021-6${String(year).slice(-2)}${String(100000 + i).slice(-5)}`;
    p.email = `contact${year}-${i}@example.org`;
  });

  const submissions: SubmissionPlan[] = [];
  const draw: AchievementDraw = { rnd, person, submissions, serialPrefix: `${year}-` };
  planAchievements(draw, units, season.submissionsPerTrack, { IC: 0, AI: 0, BIOMED: 0, BIG_SCIENCE: 0 }, { second: () => true });
  return {
    world: {
      orgs: [...before.orgs, ...newOrgs],
      people: [...before.people, ...newPeople],
      experts: before.experts,
      submissions,
      mobilizerOf,
    },
    newOrgs,
    newPeople,
  };
}
