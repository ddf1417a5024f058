import { DomainError, ErrorCode } from '@meritgraph/domain';
import { Random } from './random';
import { SUBMISSIONS_PER_TRACK, type TrackCode, UNITS } from './world';

/**
 * One contest's year: what it is called, the days it lives through, and how many of each
 * thing it plans (entries per track, the review's quotas, honors). The 2019 season is the
 * report's; a later season is a synthetic contest drawn from the seed and its year, named as
 * synthetic wherever a person reads it.
 */

export type QuotaGroup = 'AI' | 'BIOMED' | 'IC+BIG_SCIENCE';
export type QuotaSplit = Record<QuotaGroup, number>;
export type AwardCode = 'MAY_DAY_MEDAL' | 'WORKER_PIONEER' | 'MAY_DAY_AWARD' | 'EXCELLENT_ORGANIZATION' | 'EXCELLENT_ACHIEVEMENT';

export interface Milestone {
  date: string;
  kind: string;
  title: string;
  /** The host organization's key. */
  host: string;
}

export interface Season {
  year: number;
  code: string;
  synthetic: boolean;
  name: string;
  theme: string;
  startsOn: string;
  endsOn: string;
  submissionOpensAt: string;
  submissionClosesAt: string;
  milestones: readonly Milestone[];
  /** Moments on the platform's clock (ISO instants) the replay moves it to. */
  clock: {
    setup: string;
    enrolment: string;
    firstSubmission: string;
    lastSubmission: string;
    /** The unions endorse their units' entries, returning a few for revision (推荐). */
    endorsement: string;
    /** The units revise and resubmit what was returned. */
    revision: string;
    /** Their unions endorse the resubmitted entries. */
    reEndorsement: string;
    /** The office checks every entry's form and accepts it (形式审查), before the window closes. */
    acceptance: string;
    review: string;
    priorHonors: string;
    awards: string;
    objection: string;
    objectionResolved: string;
    conferral: string;
    closed: string;
  };
  /** Review days of the three rounds. */
  rounds: { screening: string; evaluation: string; final: string };
  conferral: { decisionNumber: string; conferredOn: string; ceremony: string };
  /** Achievements per track, and the entries' moments on the submission timeline (one each at scale 1). */
  submissionsPerTrack: Record<TrackCode, number>;
  moments: number;
  /** Units taking part, and of them those no earlier contest had (2019: all of them), at the season's scale. */
  units: number;
  newUnits: number;
  finalists: QuotaSplit;
  excellent: QuotaSplit;
  honors: Record<AwardCode, number>;
  /** Of the excellent, how many hold verified prior honors: the strongest national, the next provincial, then municipal. */
  priorHonors: { national: number; provincialMinisterial: number; municipal: number };
  /** Units nominated first for the unit award (2019: the big-science carriers the report names). */
  unitAwardFirst: readonly string[];
  /** Unions the assessment favours (2019: the two the report names among the excellent organizers). */
  favouredUnions: readonly string[];
  /** The seed of the shuffled order entries are submitted in: 42 in 2019 whatever the replay's seed, drawn from it and the year later. */
  orderSeed: number;
}

export const FIRST_YEAR = 2019;
/**
 * The last year a synthetic contest may live through: its honors are announced for 5
 * working days, which the platform counts on the State Council calendar it ships (to 2026).
 */
export const LAST_YEAR = 2026;

export const seasonCode = (year: number): string => (year === FIRST_YEAR ? '2019-sci-tech' : `${year}-syn`);

const MILESTONES_2019: readonly Milestone[] = [
  { date: '2019-03-29', kind: 'LAUNCH', title: '立功竞赛启动仪式', host: 'huahong' },
  { date: '2019-08-30', kind: 'PROMOTION_MEETING', title: '推进会暨2019“浦东杯”人工智能创新应用大赛启动（世界人工智能大会）', host: 'kcb' },
  { date: '2019-09-19', kind: 'EXCHANGE_MEETING', title: '生物医药专场交流推介会', host: 'med-union' },
  { date: '2019-10-09', kind: 'REVIEW', title: '初审', host: 'jxw' },
  { date: '2019-10-24', kind: 'REVIEW', title: '第二轮评审', host: 'federation' },
  { date: '2019-11-21', kind: 'FINAL_REVIEW', title: '终评会', host: 'federation' },
  { date: '2019-11-29', kind: 'AWARDS_MEETING', title: '评审表彰会', host: 'federation' },
  { date: '2020-01-15', kind: 'CEREMONY', title: '总结表彰大会', host: 'federation' },
];

/** The 2019 contest as the report gives it; its synthetic parts grow with the scale. */
export function season2019(scale = 1): Season {
  return {
    year: 2019,
    code: seasonCode(2019),
    synthetic: false,
    name: '“聚力新科技，奋进新时代”加快科创中心建设主题立功竞赛',
    theme: '聚力新科技，奋进新时代：加快建设具有全球影响力的科技创新中心',
    startsOn: '2019-03-29',
    endsOn: '2020-01-31',
    submissionOpensAt: '2019-03-29T00:00:00.000Z',
    submissionClosesAt: '2019-09-30T15:59:59.000Z',
    milestones: MILESTONES_2019,
    clock: {
      setup: '2019-03-01T01:00:00Z',
      enrolment: '2019-04-01T01:00:00Z',
      firstSubmission: '2019-04-08T01:00:00Z',
      lastSubmission: '2019-09-27T09:00:00Z',
      endorsement: '2019-09-28T01:30:00Z',
      revision: '2019-09-28T07:00:00Z',
      reEndorsement: '2019-09-29T02:00:00Z',
      acceptance: '2019-09-30T02:00:00Z',
      review: '2019-10-01T01:00:00Z',
      priorHonors: '2019-11-25T02:00:00Z',
      awards: '2019-11-29T01:30:00Z',
      objection: '2019-12-03T03:00:00Z',
      objectionResolved: '2019-12-05T03:00:00Z',
      conferral: '2020-01-15T02:00:00Z',
      closed: '2020-01-15T09:00:00Z',
    },
    rounds: { screening: '2019-10-09', evaluation: '2019-10-24', final: '2019-11-21' },
    conferral: { decisionNumber: '沪工总〔2020〕1号', conferredOn: '2020-01-15', ceremony: '总结表彰大会' },
    submissionsPerTrack: scaled(SUBMISSIONS_PER_TRACK, scale),
    moments: sum(SUBMISSIONS_PER_TRACK),
    units: UNITS * scale,
    newUnits: UNITS * scale,
    finalists: scaled({ AI: 68, BIOMED: 68, 'IC+BIG_SCIENCE': 49 }, scale),
    excellent: scaled({ AI: 29, BIOMED: 35, 'IC+BIG_SCIENCE': 26 }, scale),
    honors: {
      ...scaled({ MAY_DAY_MEDAL: 43, WORKER_PIONEER: 25, MAY_DAY_AWARD: 11, EXCELLENT_ACHIEVEMENT: 90 }, scale),
      EXCELLENT_ORGANIZATION: 10,
    },
    priorHonors: scaled({ national: 13, provincialMinisterial: 50, municipal: 10 }, scale),
    unitAwardFirst: ['sinap', 'siom', 'microsat', 'huahong'],
    favouredUnions: ['district:浦东新区', 'tech-union'],
    orderSeed: 42,
  };
}

/** Unions a synthetic year's assessment may favour. */
const UNIONS = ['district:浦东新区', 'district:徐汇区', 'district:闵行区', 'district:杨浦区', 'district:嘉定区', 'tech-union', 'med-union'];

/**
 * A synthetic contest after 2019, a pure function of the seed and its year: the 2019 contest's
 * shape on the same days of its own year (moved off weekends), with entries per track within
 * 15% of 2019's, quotas in 2019's proportions give or take a little, and honors to match.
 */
export function syntheticSeason(year: number, seed: number, scale = 1): Season {
  const base = season2019(1);
  const rnd = Random.of(seed, 'season', String(year));
  const shift = year - FIRST_YEAR;
  const day = (date: string) => weekday(`${Number(date.slice(0, 4)) + shift}${date.slice(4)}`);
  const instant = (iso: string, onWeekday = true) => {
    const date = `${Number(iso.slice(0, 4)) + shift}${iso.slice(4, 10)}`;
    return `${onWeekday ? weekday(date) : date}${iso.slice(10)}`;
  };
  const trend = rnd.between(-0.1, 0.1);
  const perTrack = Object.fromEntries(
    (Object.entries(SUBMISSIONS_PER_TRACK) as [TrackCode, number][]).map(([t, n]) => {
      const factor = Math.min(1.15, Math.max(0.85, 1 + trend + rnd.between(-0.05, 0.05)));
      return [t, Math.max(1, Math.round(n * factor))];
    }),
  ) as Record<TrackCode, number>;
  const groupEntries: QuotaSplit = { AI: perTrack.AI, BIOMED: perTrack.BIOMED, 'IC+BIG_SCIENCE': perTrack.IC + perTrack.BIG_SCIENCE };
  const share = (base2019: QuotaSplit, of2019: QuotaSplit, of: QuotaSplit, spread: number): QuotaSplit =>
    mapSplit(base2019, (g, n) =>
      Math.max(1, Math.min(of[g] - 1, Math.round((n / of2019[g]) * of[g] * (1 + rnd.between(-spread, spread))))),
    );
  const finalists = share(base.finalists, { AI: 108, BIOMED: 104, 'IC+BIG_SCIENCE': 82 }, groupEntries, 0.05);
  const excellent = share(base.excellent, base.finalists, finalists, 0.08);
  const excellentTotal = sum(excellent);
  // Nominations reach 120% of a quota and are drawn from the excellent achievements: a quota stays within what they allow.
  const withinExcellent = (n: number) => Math.min(n, Math.floor(excellentTotal / 1.2));
  const national = Math.round(13 * rnd.between(0.75, 1.25));
  const municipal = 10;
  const provincialMinisterial = Math.min(Math.round(50 * rnd.between(0.85, 1.15)), excellentTotal - national - municipal);
  const favoured = rnd.shuffle(UNIONS).slice(0, 2);
  const honors = {
    MAY_DAY_MEDAL: withinExcellent(Math.round(43 * rnd.between(0.85, 1.15))),
    WORKER_PIONEER: withinExcellent(Math.round(25 * rnd.between(0.85, 1.15))),
    MAY_DAY_AWARD: Math.round(11 * rnd.between(0.8, 1.2)),
    EXCELLENT_ORGANIZATION: rnd.int(9, 11),
  };
  const newUnits = Math.round(UNITS * rnd.between(0.08, 0.16));
  const units = Math.round(UNITS * (1 + trend + rnd.between(-0.03, 0.03)));
  const times = <T extends Record<string, number>>(split: T): T => scaled(split, scale);
  return {
    ...base,
    year,
    code: seasonCode(year),
    synthetic: true,
    name: `${year}年“聚力新科技，奋进新时代”科创中心建设主题立功竞赛（模拟数据 synthetic）`,
    theme: `模拟数据（synthetic）：为逐年对比生成的${year}年竞赛，并非真实记录；沿用2019年竞赛的流程与规则`,
    startsOn: day(base.startsOn),
    endsOn: `${year + 1}${base.endsOn.slice(4)}`,
    submissionOpensAt: `${day(base.startsOn)}${base.submissionOpensAt.slice(10)}`,
    submissionClosesAt: instant(base.submissionClosesAt, false),
    milestones: base.milestones.map((m) => ({ ...m, date: day(m.date), title: `${m.title.replace('2019', String(year))}（模拟）` })),
    clock: {
      setup: instant(base.clock.setup, false),
      enrolment: instant(base.clock.enrolment, false),
      firstSubmission: instant(base.clock.firstSubmission, false),
      lastSubmission: instant(base.clock.lastSubmission, false),
      endorsement: instant(base.clock.endorsement, false),
      revision: instant(base.clock.revision, false),
      reEndorsement: instant(base.clock.reEndorsement, false),
      acceptance: instant(base.clock.acceptance, false),
      review: instant(base.clock.review, false),
      priorHonors: instant(base.clock.priorHonors),
      awards: instant(base.clock.awards),
      objection: instant(base.clock.objection),
      objectionResolved: instant(base.clock.objectionResolved),
      conferral: instant(base.clock.conferral),
      closed: instant(base.clock.closed),
    },
    rounds: { screening: day(base.rounds.screening), evaluation: day(base.rounds.evaluation), final: day(base.rounds.final) },
    conferral: {
      decisionNumber: `沪工总〔${year + 1}〕1号（模拟）`,
      conferredOn: day(base.conferral.conferredOn),
      ceremony: '总结表彰大会（模拟）',
    },
    submissionsPerTrack: scaled(perTrack, scale),
    moments: sum(perTrack),
    units: units * scale,
    newUnits: newUnits * scale,
    finalists: times(finalists),
    excellent: times(excellent),
    honors: {
      ...times({ ...honors, EXCELLENT_ACHIEVEMENT: excellentTotal }),
      EXCELLENT_ORGANIZATION: honors.EXCELLENT_ORGANIZATION,
    },
    priorHonors: times({ national, provincialMinisterial, municipal }),
    unitAwardFirst: [],
    favouredUnions: favoured,
    orderSeed: Random.of(seed, 'submission order', String(year)).int(1, 1_000_000),
  };
}

/** The seasons a replay of these years lives through, in year order. */
export function seasonsOf(years: readonly number[], seed: number, scale = 1): Season[] {
  return checkYears(years).map((y) => (y === FIRST_YEAR ? season2019(scale) : syntheticSeason(y, seed, scale)));
}

/**
 * The years a replay may run, sorted: 2019 (every later contest builds on its organizations
 * and expert pool) and any later years up to LAST_YEAR, each once.
 */
export function checkYears(years: readonly number[]): number[] {
  const refuse = (message: string) => new DomainError(ErrorCode.BAD_USER_INPUT, message, 'years', { years: [...years] });
  const bad = years.filter((y) => !Number.isInteger(y) || y < FIRST_YEAR || y > LAST_YEAR);
  if (bad.length) throw refuse(`years are from ${FIRST_YEAR} to ${LAST_YEAR}: ${bad.join(', ')} is not`);
  const twice = years.filter((y, i) => years.indexOf(y) !== i);
  if (twice.length) throw refuse(`each year once: ${[...new Set(twice)].join(', ')} is named twice`);
  if (!years.includes(FIRST_YEAR)) throw refuse(`the years include ${FIRST_YEAR}: later contests build on its organizations and experts`);
  return [...years].sort((a, b) => a - b);
}

/** A comma-separated list of years, as `--years 2019,2020,2021` gives it. */
export function parseYears(text: string | undefined): number[] {
  const parts = (text ?? '').split(',').map((p) => p.trim());
  const bad = parts.filter((p) => !/^\d{4}$/.test(p));
  if (!text || bad.length)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `expected years separated by commas, such as 2019,2020,2021`, 'years', {
      text: text ?? null,
    });
  return checkYears(parts.map(Number));
}

/** A Saturday moves to the Friday before it and a Sunday to the Monday after. */
function weekday(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  const move = at.getUTCDay() === 6 ? -1 : at.getUTCDay() === 0 ? 1 : 0;
  return new Date(at.getTime() + move * 86_400_000).toISOString().slice(0, 10);
}

const sum = (split: Record<string, number>): number => Object.values(split).reduce((a, b) => a + b, 0);

function scaled<T extends Record<string, number>>(split: T, scale: number): T {
  return Object.fromEntries(Object.entries(split).map(([k, n]) => [k, n * scale])) as T;
}

function mapSplit(split: QuotaSplit, f: (group: QuotaGroup, n: number) => number): QuotaSplit {
  return { AI: f('AI', split.AI), BIOMED: f('BIOMED', split.BIOMED), 'IC+BIG_SCIENCE': f('IC+BIG_SCIENCE', split['IC+BIG_SCIENCE']) };
}
