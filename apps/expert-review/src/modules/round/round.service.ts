import type { DataSource, EntityManager, Repository } from 'typeorm';
import { LessThan } from 'typeorm';
import {
  AggregationMethod,
  type AdvancementRule,
  type Criterion,
  DEFAULT_TIE_BREAKS,
  DomainError,
  type Identity,
  InvalidInput,
  REVIEW_STAGES,
  type ReviewStage,
  ReviewState,
  type RoundConfig,
  type RoundStatus,
  type TieBreak,
  alreadyExists,
  assertRoundActivity,
  canSeeReviewOf,
  canSeeRound,
  check,
  forbidden,
  isIsoDate,
  notFound,
  openingProblems,
  readsEverything,
  roundConfigProblems,
  roundLifecycle,
} from '@meritgraph/domain';
import { forUpdate, newId } from '@meritgraph/db';
import { type RequestContext, recordAudit } from '@meritgraph/subgraph-kit';
import type { OrganizationsApi } from '../references/peers';
import { Entry } from '../entry/entry.entity';
import { Assignment } from '../assignment/assignment.entity';
import { QuotaGroup, ReviewRound, RoundCriterion } from './round.entity';

export interface QuotaGroupInput {
  code: string;
  trackIds: string[];
  quota: number;
}

export interface RoundSettings {
  name?: string | null;
  blind?: boolean | null;
  reviewDate?: string | null;
  criteria?: Criterion[] | null;
  reviewersPerEntry?: number | null;
  aggregationMethod?: AggregationMethod | null;
  trimMinimum?: number | null;
  /** Quota groups, or a threshold; setting one clears the other. */
  quotaGroups?: QuotaGroupInput[] | null;
  threshold?: number | null;
  tieBreaks?: TieBreak[] | null;
  passShare?: number | null;
}

export interface NewReviewRound extends RoundSettings {
  contestId: string;
  name: string;
  stage: ReviewStage;
  order: number;
}

export interface SubmissionReview {
  state: ReviewState;
  round: ReviewRound | null;
}

/** A round with everything that says how it is judged. */
export interface JudgedRound {
  round: ReviewRound;
  criteria: RoundCriterion[];
  groups: QuotaGroup[];
  config: RoundConfig;
}

/** Rounds that have no criteria of their own are scored on one overall mark out of 100. */
const OVERALL: Criterion[] = [{ code: 'OVERALL', name: '综合评价 (overall)', weight: 1, maxScore: 100 }];

const advancementOf = (round: Pick<ReviewRound, 'threshold'>, groups: readonly QuotaGroup[]): AdvancementRule | null =>
  groups.length
    ? { kind: 'QUOTA', groups: groups.map((g) => ({ code: g.code, trackIds: g.trackIds, quota: g.quota })) }
    : round.threshold !== null
      ? { kind: 'THRESHOLD', minimum: round.threshold }
      : null;

/** Computes and freezes a round's results, inside the transaction that finalizes it. */
export type Finalizer = (em: EntityManager, judged: JudgedRound, identity: Identity) => Promise<void>;

export class RoundService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsApi,
    private readonly clock: () => Date,
  ) {}

  private get rounds(): Repository<ReviewRound> {
    return this.dataSource.getRepository(ReviewRound);
  }

  /** Rounds by id for this request, unchecked: for rules, not for showing. */
  find(ctx: RequestContext, id: string): Promise<ReviewRound | null> {
    return ctx.loaders.byId(this.rounds).load(id);
  }

  /** A round the caller may see: rounds in DRAFT are for the office and analysts only. */
  async load(ctx: RequestContext, id: string): Promise<ReviewRound | null> {
    const round = await this.find(ctx, id);
    if (round && canSeeRound(ctx.identity, round.status)) return round;
    if (readsEverything(ctx.identity)) return null;
    throw forbidden();
  }

  async forContest(ctx: RequestContext, contestId: string): Promise<ReviewRound[]> {
    const rounds = await ctx.loaders.groupedBy(this.rounds, 'contestId', { roundOrder: 'ASC' }).load(contestId);
    return rounds.filter((r) => canSeeRound(ctx.identity, r.status));
  }

  /** How many experts hold assignments in the round (the judges), for every round of the request in one statement. */
  async judgeCount(ctx: RequestContext, roundId: string): Promise<number> {
    const row = await ctx.loaders
      .one<string, { roundId: string; n: string | number }>(
        'ReviewRound.judgeCount',
        (ids) =>
          this.dataSource
            .getRepository(Assignment)
            .createQueryBuilder('a')
            .select('a.round_id', 'roundId')
            .addSelect('COUNT(DISTINCT a.expert_id)', 'n')
            .where('a.round_id IN (:...ids) AND a.status = :assigned', { ids, assigned: 'ASSIGNED' })
            .groupBy('a.round_id')
            .getRawMany(),
        (r) => r.roundId,
      )
      .load(roundId);
    return Number(row?.n ?? 0);
  }

  criteria(ctx: RequestContext, roundId: string): Promise<RoundCriterion[]> {
    return ctx.loaders.groupedBy(this.dataSource.getRepository(RoundCriterion), 'roundId', { position: 'ASC' }).load(roundId);
  }

  quotaGroups(ctx: RequestContext, roundId: string): Promise<QuotaGroup[]> {
    return ctx.loaders.groupedBy(this.dataSource.getRepository(QuotaGroup), 'roundId', { position: 'ASC' }).load(roundId);
  }

  /** A round and how it is judged, read inside a transaction; NOT_FOUND naming `field` when absent. */
  async judged(em: EntityManager, roundId: string, field = 'roundId', lock = false): Promise<JudgedRound> {
    const round = await em.findOne(ReviewRound, { where: { id: roundId }, ...(lock ? forUpdate(em) : {}) });
    if (!round) throw notFound('ReviewRound', roundId, field);
    const [criteria, groups] = await Promise.all([
      em.find(RoundCriterion, { where: { roundId }, order: { position: 'ASC' } }),
      em.find(QuotaGroup, { where: { roundId }, order: { position: 'ASC' } }),
    ]);
    return {
      round,
      criteria,
      groups,
      config: {
        stage: round.stage,
        criteria,
        reviewersPerEntry: round.reviewersPerEntry,
        aggregationMethod: round.aggregationMethod,
        trimMinimum: round.trimMinimum,
        advancement: advancementOf(round, groups),
        tieBreaks: round.tieBreaks,
        passShare: round.passShare,
      },
    };
  }

  /** The round before this one in its contest, if any. */
  previous(em: EntityManager, round: ReviewRound): Promise<ReviewRound | null> {
    return em.findOne(ReviewRound, {
      where: { contestId: round.contestId, roundOrder: LessThan(round.roundOrder) },
      order: { roundOrder: 'DESC' },
    });
  }

  /**
   * A submission's standing in review, batched across the request, by the rule results
   * follow: the office and analysts see where it stands; its own unit sees its latest round,
   * IN_REVIEW until that round's results are published; everyone else sees the latest
   * published outcome. A submission never taken into a round is NOT_ENTERED for anyone.
   */
  async reviewOf(ctx: RequestContext, submissionId: string): Promise<SubmissionReview> {
    const entries = await ctx.loaders
      .many<string, Entry & { round: ReviewRound }>(
        'Submission.reviewStatus',
        async (ids) =>
          (await this.dataSource
            .getRepository(Entry)
            .createQueryBuilder('e')
            .innerJoinAndMapOne('e.round', ReviewRound, 'r', 'r.id = e.round_id')
            .where('e.submission_id IN (:...ids)', { ids })
            .orderBy('r.round_order', 'DESC')
            .getMany()) as (Entry & { round: ReviewRound })[],
        (e) => e.submissionId,
      )
      .load(submissionId);
    if (readsEverything(ctx.identity)) {
      const [latest] = entries;
      return latest ? { state: latest.state, round: latest.round } : { state: ReviewState.NOT_ENTERED, round: null };
    }
    // A round still in DRAFT is the office's; a caller who may not see it sees the rounds before it.
    const [latest] = entries.filter((e) => canSeeRound(ctx.identity, e.round.status));
    if (!latest) return { state: ReviewState.NOT_ENTERED, round: null };
    if (canSeeReviewOf(ctx.identity, { organizationId: latest.organizationId })) {
      return { state: latest.round.publishedAt ? latest.state : ReviewState.IN_REVIEW, round: latest.round };
    }
    const published = entries.find((e) => e.round.publishedAt !== null);
    if (published) return { state: published.state, round: published.round };
    throw forbidden();
  }

  private validateSettings(settings: RoundSettings & { contestId?: string; order?: number; stage?: ReviewStage }, creating: boolean) {
    const checker = check(settings)
      .text('name', { min: 2, max: 120, optional: !creating })
      .rule('reviewDate', (v) => (typeof v === 'string' && isIsoDate(v) ? null : 'must be a date, YYYY-MM-DD'), { optional: true })
      .rule(
        'passShare',
        (v) => (typeof v === 'number' && Math.abs(v * 1000 - Math.round(v * 1000)) < 1e-9 ? null : 'takes at most 3 decimals'),
        { optional: true },
      )
      .rule('threshold', (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : 'must be a non-negative number'), {
        optional: true,
      });
    if (creating) checker.text('contestId', { max: 36 }).oneOf('stage', REVIEW_STAGES).int('order', { min: 1, max: 20 });
    if (settings.quotaGroups && settings.threshold != null) checker.problem('threshold', 'give quota groups or a threshold, not both');
    checker.done();
  }

  /** Writes criteria and quota groups as given, after checking the whole configuration against the contest's tracks. */
  private async applySettings(
    em: EntityManager,
    round: ReviewRound,
    settings: RoundSettings,
    current: { criteria: Criterion[]; groups: QuotaGroup[] },
  ) {
    if (settings.name != null) round.name = settings.name.trim();
    if (settings.blind != null) round.blind = settings.blind;
    if (settings.reviewDate !== undefined) round.reviewDate = settings.reviewDate;
    if (settings.reviewersPerEntry != null) round.reviewersPerEntry = settings.reviewersPerEntry;
    if (settings.aggregationMethod != null) round.aggregationMethod = settings.aggregationMethod;
    if (settings.trimMinimum != null) round.trimMinimum = settings.trimMinimum;
    if (settings.tieBreaks != null) round.tieBreakList = settings.tieBreaks.join(',');
    if (settings.passShare != null) round.passSharePermille = Math.round(settings.passShare * 1000);
    if (settings.threshold != null) round.threshold = settings.threshold;
    if (settings.quotaGroups) round.threshold = null;
    const criteria = settings.criteria ?? current.criteria;
    const groups: QuotaGroupInput[] = settings.threshold != null ? [] : (settings.quotaGroups ?? current.groups);
    const contest = await this.organizations.contest(round.contestId);
    if (!contest) throw notFound('Contest', round.contestId, 'contestId');
    const problems = roundConfigProblems(
      {
        stage: round.stage,
        criteria,
        reviewersPerEntry: round.reviewersPerEntry,
        aggregationMethod: round.aggregationMethod,
        trimMinimum: round.trimMinimum,
        advancement: advancementOf(round, groups as QuotaGroup[]),
        tieBreaks: round.tieBreaks,
        passShare: round.passShare,
      },
      contest.tracks.map((t) => t.id),
    );
    if (problems.length) throw new InvalidInput(problems);
    await em.save(round);
    if (settings.criteria) {
      await em.delete(RoundCriterion, { roundId: round.id });
      await em.save(
        criteria.map((c, i) =>
          em.create(RoundCriterion, {
            id: newId(),
            roundId: round.id,
            position: i,
            code: c.code,
            name: c.name.trim(),
            weight: c.weight,
            maxScore: c.maxScore,
          }),
        ),
      );
    }
    if (settings.quotaGroups || settings.threshold != null) {
      await em.delete(QuotaGroup, { roundId: round.id });
      await em.save(
        groups.map((g, i) =>
          em.create(QuotaGroup, { id: newId(), roundId: round.id, position: i, code: g.code, trackIds: g.trackIds, quota: g.quota }),
        ),
      );
    }
  }

  async create(identity: Identity, input: NewReviewRound): Promise<ReviewRound> {
    this.validateSettings(input, true);
    return this.dataSource.transaction(async (em) => {
      if (await em.existsBy(ReviewRound, { contestId: input.contestId, roundOrder: input.order })) {
        throw alreadyExists('ReviewRound', 'order', String(input.order));
      }
      const round = em.create(ReviewRound, {
        id: newId(),
        contestId: input.contestId,
        name: input.name.trim(),
        stage: input.stage,
        roundOrder: input.order,
        status: roundLifecycle.initial,
        blind: false,
        reviewDate: null,
        reviewersPerEntry: input.stage === 'FINAL' ? 7 : input.stage === 'EVALUATION' ? 5 : 3,
        aggregationMethod: input.stage === 'SCREENING' ? AggregationMethod.MEAN : AggregationMethod.TRIMMED_MEAN,
        trimMinimum: 5,
        threshold: null,
        tieBreakList: DEFAULT_TIE_BREAKS.join(','),
        passSharePermille: 500,
        createdAt: this.clock(),
        publishedAt: null,
      });
      await this.applySettings(em, round, { ...input, criteria: input.criteria ?? OVERALL }, { criteria: [], groups: [] });
      const after = await this.judged(em, round.id);
      await recordAudit(em, identity, this.clock(), {
        action: 'round.create',
        entityType: 'ReviewRound',
        entityId: round.id,
        after: { ...round, criteria: after.criteria, quotaGroups: after.groups },
      });
      return round;
    });
  }

  /** Changes how a round is judged; only while it is a DRAFT. */
  async update(identity: Identity, id: string, settings: RoundSettings): Promise<ReviewRound> {
    this.validateSettings(settings, false);
    return this.dataSource.transaction(async (em) => {
      const before = await this.judged(em, id, 'id', true);
      assertRoundActivity(before.round.status, 'CONFIGURE', 'id');
      const round = Object.assign(new ReviewRound(), before.round);
      await this.applySettings(em, round, settings, { criteria: before.criteria, groups: before.groups });
      const after = await this.judged(em, id, 'id');
      await recordAudit(em, identity, this.clock(), {
        action: 'round.update',
        entityType: 'ReviewRound',
        entityId: id,
        before: { ...before.round, criteria: before.criteria, quotaGroups: before.groups },
        after: { ...after.round, criteria: after.criteria, quotaGroups: after.groups },
      });
      return after.round;
    });
  }

  /**
   * Moves a round on: DRAFT → OPEN (configured, with entries) → CLOSED → FINALIZED, never
   * back and never skipping. `finalize` computes and freezes the results in the same
   * transaction.
   */
  async changeStatus(
    identity: Identity,
    id: string,
    status: RoundStatus,
    finalize: Finalizer,
    reason?: string | null,
  ): Promise<ReviewRound> {
    check({ reason }).text('reason', { max: 500, optional: true, multiline: true }).done();
    return this.dataSource.transaction(async (em) => {
      const judged = await this.judged(em, id, 'id', true);
      const { round } = judged;
      roundLifecycle.assert(round.status, status);
      if (status === 'OPEN') {
        const problems = openingProblems(judged.config, await em.countBy(Entry, { roundId: id }));
        if (problems.length)
          throw new DomainError('ROUND_NOT_READY', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems[0]!.field, {
            problems,
          });
      }
      const before = { ...round };
      if (status === 'FINALIZED') await finalize(em, judged, identity);
      round.status = status;
      await em.save(round);
      await recordAudit(em, identity, this.clock(), {
        action: `round.${status.toLowerCase()}`,
        entityType: 'ReviewRound',
        entityId: id,
        before,
        after: round,
        reason,
      });
      return round;
    });
  }
}
