import type { DataSource, EntityManager } from 'typeorm';
import {
  type AdvancementResult,
  type BoundaryTie,
  type CardScore,
  type Candidate,
  DomainError,
  type ReviewStage,
  advance,
  aggregateEntries,
  assertAllowed,
  hasRole,
  outcomeFor,
  scoreMax,
  screeningOutcomes,
  topCriterion,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Assignment } from '../assignment/assignment.entity';
import { Entry } from '../entry/entry.entity';
import { ReviewRound } from '../round/round.entity';
import type { JudgedRound, RoundService } from '../round/round.service';
import { Scorecard } from '../scorecard/scorecard.entity';
import { QuotaRaise, ResultOverride, RoundResult } from './result.entity';
import { toSecond } from './result-time';

/** What computing a round's results gives, before anything is frozen. */
export interface Computation {
  results: RoundResult[];
  ties: BoundaryTie[];
  groups: AdvancementResult['groups'];
  /** Things a person must settle before finalizing: an entry nobody scored, too many forced advances … */
  problems: { entryId?: string; groupCode?: string; message: string }[];
}

/** The scorecards that count: those of assignments the expert did not step back from. */
export function countedScorecards(em: EntityManager, roundId: string): Promise<Scorecard[]> {
  return em
    .createQueryBuilder(Scorecard, 'c')
    .innerJoin(Assignment, 'a', 'a.id = c.assignment_id AND a.status = :assigned', { assigned: 'ASSIGNED' })
    .where('c.round_id = :roundId', { roundId })
    .orderBy('c.id')
    .getMany();
}

/** Computes a round's results from its scorecards and the office's decisions, with aggregation and advancement from the domain. */
export class ResultComputationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundService,
    private readonly clock: () => Date,
  ) {}

  /**
   * Computes every entry's result from the scorecards as they stand, applying the office's
   * overrides and quota raises. Nothing is written; ties and problems are reported, never
   * settled here.
   */
  async compute(em: EntityManager, judged: JudgedRound): Promise<Computation> {
    const { round, criteria, config } = judged;
    const [entries, cards, overrides, raises] = await Promise.all([
      em.find(Entry, { where: { roundId: round.id }, order: { id: 'ASC' } }),
      countedScorecards(em, round.id),
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

    const computedAt = toSecond(this.clock());
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
}
