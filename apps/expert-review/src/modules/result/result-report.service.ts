import type { DataSource, Repository } from 'typeorm';
import { In } from 'typeorm';
import {
  type Agreement,
  type ExpertStatistics,
  type PageArgs,
  agreement,
  canSeeRoundResults,
  expertStatistics,
  forbidden,
  hasRole,
  readsEverything,
} from '@meritgraph/domain';
import { type OrderKey, type Page, type RequestContext, paginate } from '@meritgraph/subgraph-kit';
import { Entry } from '../entry/entry.entity';
import { ReviewRound } from '../round/round.entity';
import type { Scorecard } from '../scorecard/scorecard.entity';
import { RoundResult } from './result.entity';
import { countedScorecards } from './result-computation.service';

export interface FunnelRow {
  round: ReviewRound;
  groupCode: string | null;
  entries: number;
  advanced: number;
  eliminated: number;
  excellent: number;
}

const ORDER: OrderKey<RoundResult>[] = [
  { column: "COALESCE(r.group_code, '')", value: (r) => r.groupCode ?? '' },
  { column: 'COALESCE(r.rank, 1000000000)', value: (r) => r.rank ?? 1_000_000_000 },
  { column: 'r.id', value: (r) => r.id },
];

/** What can be read of frozen results: a round's list, a submission's history, the funnel and the judges' statistics. */
export class ResultReportService {
  constructor(private readonly dataSource: DataSource) {}

  private get repo(): Repository<RoundResult> {
    return this.dataSource.getRepository(RoundResult);
  }

  private visible(ctx: RequestContext, round: ReviewRound): boolean {
    return canSeeRoundResults(ctx.identity, { status: round.status, published: round.publishedAt !== null });
  }

  /** A round's frozen results, by group and rank: the office and analysts once finalized, everyone once published. */
  async list(
    ctx: RequestContext,
    round: ReviewRound,
    filter: { groupCode?: string | null; outcome?: string | null },
    page: PageArgs,
  ): Promise<Page<RoundResult>> {
    if (!this.visible(ctx, round)) throw forbidden('results');
    const query = this.repo.createQueryBuilder('r').where('r.round_id = :roundId', { roundId: round.id });
    if (filter.groupCode) query.andWhere('r.group_code = :group', { group: filter.groupCode });
    if (filter.outcome) query.andWhere('r.outcome = :outcome', { outcome: filter.outcome });
    return paginate(query, page, ORDER);
  }

  /** A submission's results in every round the caller may see results of, in round order; batched. */
  async ofSubmission(ctx: RequestContext, submissionId: string): Promise<RoundResult[]> {
    const rows = await ctx.loaders
      .many(
        'Submission.roundResults',
        async (ids: string[]) =>
          (await this.repo
            .createQueryBuilder('r')
            .innerJoinAndMapOne('r.round', ReviewRound, 'rr', 'rr.id = r.round_id')
            .where('r.submission_id IN (:...ids)', { ids })
            .orderBy('rr.round_order', 'ASC')
            .getMany()) as (RoundResult & { round: ReviewRound })[],
        (r) => r.submissionId,
      )
      .load(submissionId);
    return rows.filter((r) => this.visible(ctx, r.round));
  }

  /**
   * Per round and quota group: entries, advanced, eliminated and excellent. Two grouped
   * statements for every contest in the request, whatever the number of entries.
   */
  async funnel(ctx: RequestContext, contestId: string): Promise<FunnelRow[]> {
    const rows = await ctx.loaders
      .many(
        'Contest.reviewFunnel',
        (ids: string[]) => this.funnelRows(ids),
        (r) => r.round.contestId,
      )
      .load(contestId);
    // A round's figures are public once published; the office and analysts see every round as it stands.
    return rows.filter((r) => r.round.publishedAt !== null || readsEverything(ctx.identity));
  }

  /** The funnel of every contest in `contestIds`, in round order. */
  private async funnelRows(contestIds: string[]): Promise<FunnelRow[]> {
    const rounds = await this.dataSource
      .getRepository(ReviewRound)
      .find({ where: { contestId: In(contestIds) }, order: { roundOrder: 'ASC' } });
    if (!rounds.length) return [];
    const roundIds = rounds.map((r) => r.id);
    const counted: { roundId: string; groupCode: string | null; outcome: string; n: string | number }[] = await this.repo
      .createQueryBuilder('r')
      .select('r.round_id', 'roundId')
      .addSelect('r.group_code', 'groupCode')
      .addSelect('r.outcome', 'outcome')
      .addSelect('COUNT(*)', 'n')
      .where('r.round_id IN (:...roundIds)', { roundIds })
      .groupBy('r.round_id')
      .addGroupBy('r.group_code')
      .addGroupBy('r.outcome')
      .getRawMany();
    const taken: { roundId: string; n: string | number }[] = await this.dataSource
      .getRepository(Entry)
      .createQueryBuilder('e')
      .select('e.round_id', 'roundId')
      .addSelect('COUNT(*)', 'n')
      .where('e.round_id IN (:...roundIds)', { roundIds })
      .groupBy('e.round_id')
      .getRawMany();
    const out: FunnelRow[] = [];
    for (const round of rounds) {
      const mine = counted.filter((c) => c.roundId === round.id);
      if (!mine.length) {
        out.push({
          round,
          groupCode: null,
          entries: Number(taken.find((t) => t.roundId === round.id)?.n ?? 0),
          advanced: 0,
          eliminated: 0,
          excellent: 0,
        });
        continue;
      }
      const codes = [...new Set(mine.map((c) => c.groupCode))].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
      for (const groupCode of codes) {
        const n = (outcome: string) => Number(mine.find((c) => c.groupCode === groupCode && c.outcome === outcome)?.n ?? 0);
        const [advanced, eliminated, excellent] = [n('ADVANCED'), n('ELIMINATED'), n('EXCELLENT')];
        out.push({ round, groupCode, entries: advanced + eliminated + excellent, advanced, eliminated, excellent });
      }
    }
    return out;
  }

  private async statsCards(ctx: RequestContext, round: ReviewRound): Promise<Scorecard[]> {
    const mayRead =
      hasRole(ctx.identity, 'ADMIN') || !!ctx.identity.service || (round.status === 'FINALIZED' && readsEverything(ctx.identity));
    if (!mayRead) throw forbidden('expertStatistics');
    return countedScorecards(this.dataSource.manager, round.id);
  }

  /** How harsh or lenient each judge was: the office any time, analysts once finalized. */
  async expertStatistics(ctx: RequestContext, round: ReviewRound): Promise<ExpertStatistics[]> {
    return expertStatistics(await this.statsCards(ctx, round));
  }

  /** Inter-rater agreement of the round, as ICC(1). */
  async agreement(ctx: RequestContext, round: ReviewRound): Promise<Agreement> {
    return agreement(await this.statsCards(ctx, round));
  }
}
