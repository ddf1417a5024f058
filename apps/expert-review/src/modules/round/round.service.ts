import type { DataSource, Repository } from 'typeorm';
import { In } from 'typeorm';
import {
  REVIEW_STAGES,
  ReviewStage,
  ReviewState,
  alreadyExists,
  canSeeReviewOf,
  canSeeRound,
  check,
  forbidden,
  readsEverything,
  roundLifecycle,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type RequestContext, byKey, groupByKey } from '@meritgraph/subgraph-kit';
import { Entry, ReviewRound } from './round.entity';

export interface NewReviewRound {
  contestId: string;
  name: string;
  stage: ReviewStage;
  order: number;
  blind?: boolean | null;
}

export interface SubmissionReview {
  state: ReviewState;
  round: ReviewRound | null;
}

export class RoundService {
  constructor(private readonly dataSource: DataSource) {}

  private get rounds(): Repository<ReviewRound> {
    return this.dataSource.getRepository(ReviewRound);
  }

  private get entries(): Repository<Entry> {
    return this.dataSource.getRepository(Entry);
  }

  /** A round the caller may see: rounds in DRAFT are for the office and analysts only. */
  async load(ctx: RequestContext, id: string): Promise<ReviewRound | null> {
    const round = await ctx.loaders
      .get<string, ReviewRound | null>('ReviewRound.byId', async (ids) =>
        byKey(ids, await this.rounds.findBy({ id: In([...ids]) }), (r) => r.id),
      )
      .load(id);
    if (round && canSeeRound(ctx.identity, round.status)) return round;
    if (readsEverything(ctx.identity)) return null;
    throw forbidden();
  }

  async forContest(ctx: RequestContext, contestId: string): Promise<ReviewRound[]> {
    const rounds = await ctx.loaders
      .get<string, ReviewRound[]>('Contest.reviewRounds', async (ids) =>
        groupByKey(ids, await this.rounds.find({ where: { contestId: In([...ids]) }, order: { roundOrder: 'ASC' } }), (r) => r.contestId),
      )
      .load(contestId);
    return rounds.filter((r) => canSeeRound(ctx.identity, r.status));
  }

  /**
   * A submission's standing in its latest round, batched across the request. Standing is
   * private to the unit until results are published; a submission never taken into a round
   * is NOT_ENTERED for anyone, which reveals nothing.
   */
  async reviewOf(ctx: RequestContext, submissionId: string): Promise<SubmissionReview> {
    const review = await ctx.loaders
      .get<string, SubmissionReview & { organizationId?: string }>('Submission.reviewStatus', async (ids) => {
        const rows = await this.entries
          .createQueryBuilder('e')
          .innerJoinAndMapOne('e.round', ReviewRound, 'r', 'r.id = e.round_id')
          .where('e.submission_id IN (:...ids)', { ids })
          .orderBy('r.round_order', 'DESC')
          .getMany();
        const latest = new Map<string, Entry & { round: ReviewRound }>();
        for (const e of rows as (Entry & { round: ReviewRound })[]) if (!latest.has(e.submissionId)) latest.set(e.submissionId, e);
        return ids.map((id) => {
          const e = latest.get(id);
          return e ? { state: e.state, round: e.round, organizationId: e.organizationId } : { state: ReviewState.NOT_ENTERED, round: null };
        });
      })
      .load(submissionId);
    if (review.organizationId !== undefined && !canSeeReviewOf(ctx.identity, { organizationId: review.organizationId })) throw forbidden();
    return { state: review.state, round: review.round };
  }

  async create(input: NewReviewRound): Promise<ReviewRound> {
    check(input)
      .text('contestId', { max: 36 })
      .text('name', { min: 2, max: 120 })
      .oneOf('stage', REVIEW_STAGES)
      .int('order', { min: 1, max: 20 })
      .done();
    return this.dataSource.transaction(async (em) => {
      if (await em.existsBy(ReviewRound, { contestId: input.contestId, roundOrder: input.order })) {
        throw alreadyExists('ReviewRound', 'order', String(input.order));
      }
      return em.save(
        em.create(ReviewRound, {
          id: newId(),
          contestId: input.contestId,
          name: input.name.trim(),
          stage: input.stage,
          roundOrder: input.order,
          status: roundLifecycle.initial,
          blind: input.blind ?? false,
          createdAt: new Date(),
        }),
      );
    });
  }
}
