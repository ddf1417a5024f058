import type { DataSource, EntityManager, Repository } from 'typeorm';
import { In } from 'typeorm';
import {
  type AdvancementResult,
  type Agreement,
  type BoundaryTie,
  type CardScore,
  type Candidate,
  DomainError,
  type ExpertStatistics,
  type Identity,
  InvalidInput,
  type PageArgs,
  type ReviewStage,
  type Slot,
  advance,
  agreement,
  aggregateEntries,
  assertAllowed,
  canSeeRoundResults,
  check,
  expertStatistics,
  forbidden,
  hasRole,
  notFound,
  outcomeFor,
  presentationSchedule,
  readsEverything,
  scoreMax,
  screeningOutcomes,
  topCriterion,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type OrderKey, type Page, type RequestContext, groupByKey, paginate, recordAudit } from '@meritgraph/subgraph-kit';
import { Assignment } from '../assignment/assignment.entity';
import { Entry } from '../entry/entry.entity';
import { Panel } from '../panel/panel.entity';
import { ReviewRound } from '../round/round.entity';
import type { Finalizer, JudgedRound, RoundService } from '../round/round.service';
import { Scorecard } from '../scorecard/scorecard.entity';
import { type OverrideOutcome, Presentation, QuotaRaise, ResultOverride, RoundResult } from './result.entity';

/** What computing a round's results gives, before anything is frozen. */
export interface Computation {
  results: RoundResult[];
  ties: BoundaryTie[];
  groups: AdvancementResult['groups'];
  /** Things a person must settle before finalizing: an entry nobody scored, too many forced advances … */
  problems: { entryId?: string; groupCode?: string; message: string }[];
}

export interface ScheduleSettings {
  startTime?: string | null;
  slotMinutes: number;
  breakEvery?: number | null;
  breakMinutes?: number | null;
  lunchFrom?: string | null;
  lunchTo?: string | null;
}

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
const BATCH = 200;

/**
 * A time to the whole second: MySQL's DATETIME keeps no fractions, so a time with
 * milliseconds would be returned by the mutation that set it and read back differently.
 */
const toSecond = (at: Date): Date => new Date(Math.floor(at.getTime() / 1000) * 1000);

/** The schedule rules name the lunch window as one object; the API takes it as two fields. */
const SCHEDULE_FIELDS: Record<string, string> = { 'lunch.from': 'lunchFrom', 'lunch.to': 'lunchTo' };

function withInputFields<T>(plan: () => T): T {
  try {
    return plan();
  } catch (error) {
    if (error instanceof InvalidInput)
      throw new InvalidInput(error.problems.map((p) => ({ ...p, field: SCHEDULE_FIELDS[p.field] ?? p.field })));
    throw error;
  }
}

export class ResultService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now(): Date {
    return toSecond(this.clock());
  }

  private get repo(): Repository<RoundResult> {
    return this.dataSource.getRepository(RoundResult);
  }

  /** The scorecards that count: those of assignments the expert did not step back from. */
  private cards(em: EntityManager, roundId: string): Promise<Scorecard[]> {
    return em
      .createQueryBuilder(Scorecard, 'c')
      .innerJoin(Assignment, 'a', 'a.id = c.assignment_id AND a.status = :assigned', { assigned: 'ASSIGNED' })
      .where('c.round_id = :roundId', { roundId })
      .orderBy('c.id')
      .getMany();
  }

  /**
   * Computes every entry's result from the scorecards as they stand, applying the office's
   * overrides and quota raises. Nothing is written; ties and problems are reported, never
   * settled here.
   */
  async compute(em: EntityManager, judged: JudgedRound): Promise<Computation> {
    const { round, criteria, config } = judged;
    const [entries, cards, overrides, raises] = await Promise.all([
      em.find(Entry, { where: { roundId: round.id }, order: { id: 'ASC' } }),
      this.cards(em, round.id),
      em.findBy(ResultOverride, { roundId: round.id }),
      em.findBy(QuotaRaise, { roundId: round.id }),
    ]);
    // Recommendations from earlier rounds (screening) stay with the entry and break ties later.
    // Each result keeps the count up to its round, so the latest earlier round's is the highest.
    const earlier: { submissionId: string; recommends: string | number; recommended: string | number }[] = await em
      .createQueryBuilder(RoundResult, 'x')
      .innerJoin(ReviewRound, 'r', 'r.id = x.round_id')
      .select('x.submission_id', 'submissionId')
      .addSelect('MAX(x.recommend_count)', 'recommends')
      .addSelect('MAX(CASE WHEN x.recommended THEN 1 ELSE 0 END)', 'recommended')
      .where('r.contest_id = :contestId AND r.round_order < :order', { contestId: round.contestId, order: round.roundOrder })
      .groupBy('x.submission_id')
      .getRawMany();
    const before = new Map(
      earlier.map((e) => [e.submissionId, { recommends: Number(e.recommends), recommended: Number(e.recommended) > 0 }]),
    );
    const overrideOf = new Map(overrides.map((o) => [o.entryId, o]));
    const problems: Computation['problems'] = [];

    const aggregates = new Map(
      aggregateEntries(
        cards.map((c): CardScore => ({ entryId: c.entryId, expertId: c.expertId, total: c.total, scores: c.scores })),
        { method: config.aggregationMethod, trimMinimum: config.trimMinimum, scoreMax: scoreMax(criteria) },
      ).map((a) => [a.entryId, a]),
    );
    const decisions = new Map(
      screeningOutcomes(
        cards.filter((c) => c.decision).map((c) => ({ entryId: c.entryId, decision: c.decision!, eliminationReason: c.eliminationReason })),
        { passShare: config.passShare },
      ).map((o) => [o.entryId, o]),
    );
    for (const e of entries) {
      if (!aggregates.has(e.id) && !overrideOf.has(e.id))
        problems.push({ entryId: e.id, message: `${e.referenceNumber} has no scorecards: assign and score it, or override its outcome` });
    }

    const top = topCriterion(criteria);
    /** RECOMMEND decisions in this round and the rounds before it: the figure ties are broken on, and the one shown. */
    const recommendsOf = (e: Entry) => (decisions.get(e.id)?.recommend ?? 0) + (before.get(e.submissionId)?.recommends ?? 0);
    const candidates: Candidate[] = entries.map((e) => {
      const agg = aggregates.get(e.id);
      const screening = decisions.get(e.id);
      return {
        entryId: e.id,
        trackId: e.trackId,
        aggregate: agg?.aggregate ?? 0,
        topCriterion: (top && agg?.criterionMeans[top.code]) ?? 0,
        recommendCount: recommendsOf(e),
        submittedAt: e.submittedAt ?? new Date(8.64e15),
        eligible: !!agg && (round.stage !== 'SCREENING' || !!screening?.passed),
      };
    });

    let ranked: Map<string, AdvancementResult['ranked'][number]>;
    let ties: BoundaryTie[] = [];
    let groups: AdvancementResult['groups'] = [];
    if (config.advancement) {
      const outcome = advance(candidates, config.advancement, {
        tieBreaks: config.tieBreaks,
        overrides: overrides.map((o) => ({ entryId: o.entryId, outcome: o.outcome, reason: o.reason })),
        quotaRaises: raises.map((r) => ({ groupCode: r.groupCode, quota: r.quota, reason: r.reason })),
      });
      ranked = new Map(outcome.ranked.map((r) => [r.entryId, r]));
      ties = outcome.ties;
      groups = outcome.groups;
      problems.push(...outcome.problems);
    } else {
      // Screening without a quota: the experts' decisions decide, unless the office overrode them.
      ranked = new Map(
        candidates.map((c) => {
          const o = overrideOf.get(c.entryId);
          const advanced = o ? o.outcome === 'ADVANCE' : c.eligible;
          return [c.entryId, { entryId: c.entryId, groupCode: null, rank: 0, advanced, overridden: o ?? null, decidedBy: null }];
        }),
      );
    }

    const computedAt = this.now();
    const results = entries.map((e) => {
      const agg = aggregates.get(e.id);
      const screening = decisions.get(e.id);
      const r = ranked.get(e.id)!;
      const o = overrideOf.get(e.id) ?? null;
      const advanced = r.advanced && !ties.some((t) => t.entryIds.includes(e.id));
      return Object.assign(new RoundResult(), {
        id: newId(),
        roundId: round.id,
        entryId: e.id,
        submissionId: e.submissionId,
        organizationId: e.organizationId,
        trackId: e.trackId,
        groupCode: r.groupCode,
        scorecardCount: agg?.count ?? 0,
        mean: agg?.mean ?? 0,
        trimmedMean: agg?.trimmedMean ?? 0,
        median: agg?.median ?? 0,
        normalized: agg?.normalized ?? 0,
        aggregate: agg?.aggregate ?? 0,
        topCriterion: (top && agg?.criterionMeans[top.code]) ?? 0,
        passCount: (screening?.pass ?? 0) + (screening?.recommend ?? 0),
        recommendCount: recommendsOf(e),
        eliminateCount: screening?.eliminate ?? 0,
        recommended: !!screening?.recommended || !!before.get(e.submissionId)?.recommended,
        eliminationReasons: advanced ? [] : (screening?.eliminationReasons ?? []),
        rank: config.advancement ? r.rank : null,
        decidedBy: r.decidedBy,
        outcome: outcomeFor(round.stage as ReviewStage, advanced),
        override: o?.outcome ?? null,
        overrideReason: o?.reason ?? null,
        computedAt,
      });
    });
    return { results, ties, groups, problems };
  }

  /** The results the round would have if finalized now (the office only: they show scores). */
  async preview(ctx: RequestContext, roundId: string): Promise<Computation & { round: ReviewRound }> {
    assertAllowed(hasRole(ctx.identity, 'ADMIN') || !!ctx.identity.service);
    return this.dataSource.transaction(async (em) => {
      const judged = await this.rounds.judged(em, roundId, 'roundId');
      if (judged.round.status === 'DRAFT')
        throw new DomainError('ROUND_NOT_OPEN', 'The round has not opened; there is nothing to preview', 'roundId');
      return { ...(await this.compute(em, judged)), round: judged.round };
    });
  }

  /** CLOSED → FINALIZED: computes, refuses while a tie or problem stands, then freezes results and entry outcomes. */
  readonly finalize: Finalizer = async (em, judged, identity) => {
    const computed = await this.compute(em, judged);
    if (computed.ties.length) {
      const t = computed.ties[0]!;
      throw new DomainError(
        'UNRESOLVED_TIE',
        `${computed.ties.length} tie(s) stand at a quota line (group ${t.groupCode}: ${t.entryIds.length} entries for ${t.seatsLeft} place(s)); override the tied entries or raise the quota`,
        'id',
        { ties: computed.ties },
      );
    }
    if (computed.problems.length) {
      throw new DomainError('RESULTS_INCOMPLETE', computed.problems.map((p) => p.message).join('; '), 'id', {
        problems: computed.problems,
      });
    }
    for (let i = 0; i < computed.results.length; i += BATCH) await em.insert(RoundResult, computed.results.slice(i, i + BATCH));
    for (const outcome of ['ADVANCED', 'ELIMINATED', 'EXCELLENT'] as const) {
      const ids = computed.results.filter((r) => r.outcome === outcome).map((r) => r.entryId);
      for (let i = 0; i < ids.length; i += BATCH) await em.update(Entry, { id: In(ids.slice(i, i + BATCH)) }, { state: outcome });
    }
    await recordAudit(
      em,
      identity,
      computed.results.map((r) => ({
        action: 'result.finalize',
        entityType: 'Entry',
        entityId: r.entryId,
        after: r,
        reason: r.overrideReason,
      })),
    );
  };

  /** Makes a finalized round's results public. */
  async publish(identity: Identity, roundId: string): Promise<ReviewRound> {
    return this.dataSource.transaction(async (em) => {
      const { round } = await this.rounds.judged(em, roundId, 'id', true);
      if (round.status !== 'FINALIZED')
        throw new DomainError('ROUND_NOT_FINALIZED', 'Only a finalized round’s results can be published', 'id');
      if (round.publishedAt) throw new DomainError('ALREADY_PUBLISHED', 'The results are already public', 'id');
      const before = { ...round };
      round.publishedAt = this.now();
      await em.save(round);
      await recordAudit(em, identity, { action: 'round.publish', entityType: 'ReviewRound', entityId: roundId, before, after: round });
      return round;
    });
  }

  /** Overrides and quota raises are decided after scoring and before the results freeze. */
  private async decidable(em: EntityManager, roundId: string): Promise<JudgedRound> {
    const judged = await this.rounds.judged(em, roundId, 'roundId', true);
    const { status } = judged.round;
    if (status === 'FINALIZED') throw new DomainError('ROUND_CLOSED', 'The round is finalized: its results are frozen', 'roundId');
    if (status !== 'CLOSED') throw new DomainError('ROUND_NOT_CLOSED', 'Close the round before deciding its results', 'roundId');
    return judged;
  }

  /** The office advances or eliminates one entry, with a reason; the quota still holds unless raised. */
  async override(identity: Identity, roundId: string, entryId: string, outcome: OverrideOutcome, reason: string): Promise<ResultOverride> {
    check({ roundId, entryId, reason })
      .text('roundId', { max: 36 })
      .text('entryId', { max: 36 })
      .text('reason', { min: 4, max: 500 })
      .done();
    return this.dataSource.transaction(async (em) => {
      await this.decidable(em, roundId);
      if (!(await em.existsBy(Entry, { id: entryId, roundId }))) throw notFound('Entry', entryId, 'entryId');
      const existing = await em.findOneBy(ResultOverride, { roundId, entryId });
      const before = existing ? { ...existing } : null;
      const o = existing ?? em.create(ResultOverride, { id: newId(), roundId, entryId, createdAt: this.now() });
      Object.assign(o, { outcome, reason: reason.trim() });
      await em.save(o);
      await recordAudit(em, identity, {
        action: 'result.override',
        entityType: 'Entry',
        entityId: entryId,
        before,
        after: o,
        reason: o.reason,
      });
      return o;
    });
  }

  /** The office gives a quota group more places, with a reason. */
  async raiseQuota(identity: Identity, roundId: string, groupCode: string, quota: number, reason: string): Promise<QuotaRaise> {
    check({ roundId, groupCode, quota, reason })
      .text('roundId', { max: 36 })
      .text('groupCode', { max: 40 })
      .int('quota', { min: 1, max: 1_000_000 })
      .text('reason', { min: 4, max: 500 })
      .done();
    return this.dataSource.transaction(async (em) => {
      const judged = await this.decidable(em, roundId);
      const group = judged.groups.find((g) => g.code === groupCode);
      if (!group)
        throw new InvalidInput([
          {
            field: 'groupCode',
            message: `the round has no quota group ${groupCode} (${judged.groups.map((g) => g.code).join(', ') || 'none'})`,
          },
        ]);
      if (quota <= group.quota) throw new InvalidInput([{ field: 'quota', message: `must be above the configured ${group.quota}` }]);
      const existing = await em.findOneBy(QuotaRaise, { roundId, groupCode });
      const before = existing ? { ...existing } : null;
      const raise = existing ?? em.create(QuotaRaise, { id: newId(), roundId, groupCode, createdAt: this.now() });
      Object.assign(raise, { quota, reason: reason.trim() });
      await em.save(raise);
      await recordAudit(em, identity, {
        action: 'round.raise-quota',
        entityType: 'ReviewRound',
        entityId: roundId,
        before,
        after: raise,
        reason: raise.reason,
      });
      return raise;
    });
  }

  overrides(ctx: RequestContext, roundId: string): Promise<ResultOverride[]> {
    assertAllowed(readsEverything(ctx.identity), 'overrides');
    return this.dataSource.getRepository(ResultOverride).find({ where: { roundId }, order: { entryId: 'ASC' } });
  }

  quotaRaises(ctx: RequestContext, roundId: string): Promise<QuotaRaise[]> {
    assertAllowed(readsEverything(ctx.identity), 'quotaRaises');
    return this.dataSource.getRepository(QuotaRaise).find({ where: { roundId }, order: { groupCode: 'ASC' } });
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
      .get<string, (RoundResult & { round: ReviewRound })[]>('Submission.roundResults', async (ids) => {
        const found = (await this.repo
          .createQueryBuilder('r')
          .innerJoinAndMapOne('r.round', ReviewRound, 'rr', 'rr.id = r.round_id')
          .where('r.submission_id IN (:...ids)', { ids })
          .orderBy('rr.round_order', 'ASC')
          .getMany()) as (RoundResult & { round: ReviewRound })[];
        return groupByKey(ids, found, (r) => r.submissionId);
      })
      .load(submissionId);
    return rows.filter((r) => this.visible(ctx, r.round));
  }

  /**
   * Per round and quota group: entries, advanced, eliminated and excellent. Two grouped
   * statements for every contest in the request, whatever the number of entries.
   */
  async funnel(ctx: RequestContext, contestId: string): Promise<FunnelRow[]> {
    const rows = await ctx.loaders
      .get<string, FunnelRow[]>('Contest.reviewFunnel', async (ids) => {
        const rounds = await this.dataSource
          .getRepository(ReviewRound)
          .find({ where: { contestId: In([...ids]) }, order: { roundOrder: 'ASC' } });
        if (!rounds.length) return ids.map(() => []);
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
        return groupByKey(ids, out, (r) => r.round.contestId);
      })
      .load(contestId);
    // A round's figures are public once published; the office and analysts see every round as it stands.
    return rows.filter((r) => r.round.publishedAt !== null || readsEverything(ctx.identity));
  }

  private async statsCards(ctx: RequestContext, round: ReviewRound): Promise<Scorecard[]> {
    const mayRead =
      hasRole(ctx.identity, 'ADMIN') || !!ctx.identity.service || (round.status === 'FINALIZED' && readsEverything(ctx.identity));
    if (!mayRead) throw forbidden('expertStatistics');
    return this.cards(this.dataSource.manager, round.id);
  }

  /** How harsh or lenient each judge was: the office any time, analysts once finalized. */
  async expertStatistics(ctx: RequestContext, round: ReviewRound): Promise<ExpertStatistics[]> {
    return expertStatistics(await this.statsCards(ctx, round));
  }

  /** Inter-rater agreement of the round, as ICC(1). */
  async agreement(ctx: RequestContext, round: ReviewRound): Promise<Agreement> {
    return agreement(await this.statsCards(ctx, round));
  }

  /**
   * Lays out the final round's presentations: each panel's entries in reference order, one
   * slot each, presented by the entry's leader, with no overlap in a room or for a
   * presenter. Replaces an earlier schedule; the same entries give the same schedule.
   */
  async schedule(
    identity: Identity,
    roundId: string,
    settings: ScheduleSettings,
  ): Promise<{ slots: Presentation[]; unscheduled: { entryId: string; reason: string }[] }> {
    return this.dataSource.transaction(async (em) => {
      const { round } = await this.rounds.judged(em, roundId, 'roundId', true);
      if (round.stage !== 'FINAL') throw new InvalidInput([{ field: 'roundId', message: 'only a final round has presentations' }]);
      if (round.status !== 'DRAFT' && round.status !== 'OPEN')
        throw new DomainError('ROUND_CLOSED', 'The round is closed: its schedule is final', 'roundId');
      if (!round.reviewDate) throw new InvalidInput([{ field: 'roundId', message: 'set the round’s reviewDate first' }]);
      if (!settings.lunchFrom !== !settings.lunchTo) {
        throw new InvalidInput([
          { field: settings.lunchFrom ? 'lunchTo' : 'lunchFrom', message: 'a lunch break needs both lunchFrom and lunchTo' },
        ]);
      }
      const panels = await em.find(Panel, { where: { roundId }, order: { id: 'ASC' } });
      if (!panels.length) throw new InvalidInput([{ field: 'roundId', message: 'the round has no panels to present to' }]);
      const entries = await em.find(Entry, { where: { roundId }, order: { referenceNumber: 'ASC' } });
      const plan = withInputFields(() =>
        presentationSchedule({
          date: round.reviewDate!,
          startTime: settings.startTime ?? undefined,
          slotMinutes: settings.slotMinutes,
          breakEvery: settings.breakEvery ?? undefined,
          breakMinutes: settings.breakMinutes ?? undefined,
          lunch: settings.lunchFrom && settings.lunchTo ? { from: settings.lunchFrom, to: settings.lunchTo } : undefined,
          panels: panels.map((p) => ({ id: p.id, trackIds: p.trackIds })),
          entries: entries.map((e) => ({ entryId: e.id, trackId: e.trackId, presenterId: e.leaderId, referenceNumber: e.referenceNumber })),
        }),
      );
      const before = await em.find(Presentation, { where: { roundId } });
      await em.delete(Presentation, { roundId });
      const slots = plan.slots.map((s: Slot) =>
        Object.assign(new Presentation(), {
          id: newId(),
          roundId,
          panelId: s.panelId,
          entryId: s.entryId,
          presenterId: s.presenterId,
          position: s.order,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
        }),
      );
      for (let i = 0; i < slots.length; i += BATCH) await em.insert(Presentation, slots.slice(i, i + BATCH));
      await recordAudit(em, identity, {
        action: 'round.schedule',
        entityType: 'ReviewRound',
        entityId: roundId,
        before: before.length ? { presentations: before.length } : null,
        after: { presentations: slots.length, unscheduled: plan.unscheduled.length, settings },
      });
      return { slots, unscheduled: plan.unscheduled };
    });
  }

  presentations(ctx: RequestContext, roundId: string): Promise<Presentation[]> {
    return ctx.loaders
      .get<string, Presentation[]>('ReviewRound.presentations', async (ids) =>
        groupByKey(
          ids,
          await this.dataSource
            .getRepository(Presentation)
            .find({ where: { roundId: In([...ids]) }, order: { panelId: 'ASC', position: 'ASC' } }),
          (p) => p.roundId,
        ),
      )
      .load(roundId);
  }
}
