import type { DataSource } from 'typeorm';
import {
  type FactAccess,
  type Identity,
  InvalidInput,
  type Rating,
  type TimeUnit,
  dayOf,
  factAccess,
  forbidden,
  histogram,
  notFound,
  panelAgreement,
  relativeHarshness,
  suppressCell,
  timeBuckets,
  weekOf,
} from '@meritgraph/domain';
import { DimContest, DimRound } from '../projection/dimensions.entity';
import type { AgreementCell, JudgeHarshness, ScoreDistribution, SeriesPoint, TimeSeries } from './questions.types';
import type { AgreementBy, HarshnessOrder, HistogramOf, SeriesBy, SeriesFact } from './questions.types';
import { type CubeRecord, loadRecords } from './records';
import type { Star } from './star';

/** Judges a harshness list returns at most. */
export const HARSHNESS_FIRST_MAX = 500;

const panelOf = (star: Star, id: string | null) => (id ? { id, name: star.panels.get(id)?.name ?? id } : null);

/** Records grouped by a key, in the order the keys first appear. */
function groupBy<K>(records: readonly CubeRecord[], key: (r: CubeRecord) => K): Map<K, CubeRecord[]> {
  const groups = new Map<K, CubeRecord[]>();
  for (const record of records) {
    const k = key(record);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(record);
  }
  return groups;
}

/** Series in the order of their labels (tracks by code, panels by name). */
const byLabel = <T>(entries: [string, T][], label: (key: string) => string) =>
  entries.sort(([a], [b]) => label(a).localeCompare(label(b)) || a.localeCompare(b));

/** Which round a question is about: its id, or its stage in the contest with this code. */
export interface RoundRef {
  round?: string | null;
  contest?: string | null;
  stage?: string | null;
}

/**
 * The questions a cube cannot put as a group-by: score distributions, judges' relative
 * harshness, agreement, and time series. Each reads the star schema within the caller's
 * access, as cubes do.
 */
export class QuestionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly minimumCell: number,
  ) {}

  private async round(ref: RoundRef): Promise<DimRound> {
    if (ref.round) {
      const round = await this.dataSource.getRepository(DimRound).findOneBy({ id: ref.round });
      if (!round) throw notFound('ReviewRound', ref.round, 'round');
      return round;
    }
    if (!ref.contest || !ref.stage)
      throw new InvalidInput([{ field: 'round', message: 'give the round, or the contest (its code) and the stage' }]);
    const contest = await this.dataSource.getRepository(DimContest).findOneBy({ code: ref.contest });
    if (!contest) throw notFound('Contest', ref.contest, 'contest');
    const rounds = await this.dataSource
      .getRepository(DimRound)
      .find({ where: { contestId: contest.id, stage: ref.stage }, order: { roundOrder: 'ASC' } });
    if (rounds.length !== 1)
      throw new InvalidInput([
        {
          field: 'stage',
          message: rounds.length
            ? `the contest has ${rounds.length} ${ref.stage} rounds: give the round`
            : `the contest has no ${ref.stage} round`,
        },
      ]);
    return rounds[0]!;
  }

  private async roundRecords(identity: Identity, ref: RoundRef, fact: 'SCORECARD' | 'ENTRY', field: string, needsAll: boolean) {
    const access = factAccess(identity, fact);
    if (!access || (needsAll && access.scope !== 'ALL')) throw forbidden(field);
    const round = await this.round(ref);
    const roundId = round.id;
    const { star, records } = await loadRecords(this.dataSource.manager, fact, [round.contestId], access, identity);
    return { access, star, roundId, records: records.filter((r) => r.dims.ROUND === roundId) };
  }

  private hide(access: FactAccess, count: number): number | null {
    return access.suppressSmallCells && suppressCell(count, this.minimumCell) ? null : count;
  }

  async histogram(identity: Identity, ref: RoundRef, width: number, by: SeriesBy, of: HistogramOf): Promise<ScoreDistribution[]> {
    const fact = of === 'ENTRY_AGGREGATE' ? 'ENTRY' : 'SCORECARD';
    const { access, star, roundId, records } = await this.roundRecords(identity, ref, fact, 'scoreHistogram', false);
    const figureOf = (r: CubeRecord) => (fact === 'ENTRY' ? r.fields.AGGREGATE : r.fields.TOTAL);
    const figures = records.map(figureOf).filter((v): v is number => typeof v === 'number');
    // Every series shares the round's buckets, so they line up side by side.
    // Reduces, not Math.min(...figures): spreading a large round's scorecards overflows the stack.
    const min = figures.length ? Math.floor(figures.reduce((a, b) => Math.min(a, b)) / width) * width : 0;
    const max = figures.length ? figures.reduce((a, b) => Math.max(a, b)) : 0;
    const groups = groupBy(records, (r) => (by === 'TRACK' ? (r.dims.TRACK as string) : by === 'PANEL' ? (r.dims.PANEL as string) : null));
    const label = (key: string) => String(star.labelOf(by === 'PANEL' ? 'PANEL' : 'TRACK', key) ?? '');
    return byLabel(
      [...groups].map(([key, list]) => [String(key ?? ''), [key, list] as const]),
      label,
    ).map(([, [key, list]]) => {
      const values = list.map(figureOf).filter((v): v is number => typeof v === 'number');
      return {
        round: { id: roundId },
        track: by === 'TRACK' && key ? { id: key } : null,
        panel: by === 'PANEL' ? panelOf(star, key) : null,
        records: values.length,
        buckets: figures.length ? histogram(values, { width, min, max }).map((b) => ({ ...b, count: this.hide(access, b.count) })) : [],
      };
    });
  }

  async harshness(identity: Identity, ref: RoundRef, order: HarshnessOrder, first: number): Promise<JudgeHarshness[]> {
    const { records } = await this.roundRecords(identity, ref, 'SCORECARD', 'judgeHarshness', true);
    const ranked = relativeHarshness(ratingsOf(records));
    const scored = ranked.filter((r) => r.meanDeviation !== null);
    const listed = order === 'MOST_LENIENT_FIRST' ? [...scored].reverse() : scored;
    return [...listed, ...ranked.filter((r) => r.meanDeviation === null)].slice(0, first).map((r, i) => ({
      expert: { id: r.raterId },
      items: r.items,
      meanDeviation: r.meanDeviation,
      stdDev: r.stdDev,
      low: r.low,
      high: r.high,
      place: i + 1,
    }));
  }

  async agreement(identity: Identity, ref: RoundRef, by: AgreementBy): Promise<AgreementCell[]> {
    const { star, roundId, records } = await this.roundRecords(identity, ref, 'SCORECARD', 'panelAgreement', true);
    const groups = groupBy(records, (r) => (by === 'PANEL' ? (r.dims.PANEL as string) : by === 'TRACK' ? (r.dims.TRACK as string) : null));
    const label = (key: string) => String(star.labelOf(by === 'PANEL' ? 'PANEL' : 'TRACK', key) ?? '');
    return byLabel(
      [...groups].map(([key, list]) => [String(key ?? ''), [key, list] as const]),
      label,
    ).map(([, [key, list]]) => ({
      round: { id: roundId },
      panel: by === 'PANEL' ? panelOf(star, key) : null,
      track: by === 'TRACK' && key ? { id: key } : null,
      ...panelAgreement(ratingsOf(list)),
    }));
  }

  async series(
    identity: Identity,
    fact: SeriesFact,
    contestId: string,
    unit: TimeUnit,
    from?: string | null,
    to?: string | null,
  ): Promise<TimeSeries> {
    const access = factAccess(identity, fact);
    if (!access) throw forbidden('timeSeries');
    const contest = await this.dataSource.getRepository(DimContest).findOneBy({ id: contestId });
    if (!contest) throw notFound('Contest', contestId, 'contest');
    const { records } = await loadRecords(this.dataSource.manager, fact, [contestId], access, identity);
    const events: { status: string | null; at: Date }[] =
      fact === 'SUBMISSION' ? records.flatMap((r) => (r.at ? [{ status: null, at: r.at }] : [])) : records.flatMap((r) => r.steps ?? []);
    const bucketOf = (at: Date) => (unit === 'WEEK' ? weekOf(at) : dayOf(at));
    const times = events.map((e) => e.at.getTime());
    const start =
      from ??
      (fact === 'SUBMISSION' && contest.submissionOpensAt ? dayOf(contest.submissionOpensAt) : null) ??
      (times.length ? dayOf(new Date(times.reduce((a, b) => Math.min(a, b)))) : dayOf(new Date(`${contest.year}-01-01T00:00:00Z`)));
    const end =
      to ??
      (fact === 'SUBMISSION' && contest.submissionClosesAt ? dayOf(contest.submissionClosesAt) : null) ??
      (times.length ? dayOf(new Date(times.reduce((a, b) => Math.max(a, b)))) : start);
    const buckets = timeBuckets(start, end, unit);
    const statuses = fact === 'SUBMISSION' ? [null] : [...new Set(events.map((e) => e.status))].sort();
    const counts = new Map<string, number>();
    for (const e of events) counts.set(`${bucketOf(e.at)}\0${e.status}`, (counts.get(`${bucketOf(e.at)}\0${e.status}`) ?? 0) + 1);
    const points: SeriesPoint[] = buckets.flatMap((bucket) =>
      statuses.map((status) => ({ bucket, status, count: this.hide(access, counts.get(`${bucket}\0${status}`) ?? 0) })),
    );
    return { contestId, from: start, to: end, points };
  }
}

/** A round's scorecards as ratings: judge, entry, weighted total. */
function ratingsOf(records: readonly CubeRecord[]): Rating[] {
  return records
    .filter((r) => typeof r.fields.TOTAL === 'number' && r.item)
    .map((r) => ({ raterId: String(r.dims.EXPERT), itemId: r.item!, score: r.fields.TOTAL! }));
}
