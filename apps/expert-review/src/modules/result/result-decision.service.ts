import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { DomainError, type Identity, InvalidInput, assertAllowed, check, hasRole, notFound, readsEverything } from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type RequestContext, recordAudit } from '@meritgraph/subgraph-kit';
import { Entry } from '../entry/entry.entity';
import type { ReviewRound } from '../round/round.entity';
import type { Finalizer, JudgedRound, RoundService } from '../round/round.service';
import { type OverrideOutcome, QuotaRaise, ResultOverride, RoundResult } from './result.entity';
import type { ResultComputationService } from './result-computation.service';
import { toSecond } from './result-time';

const BATCH = 200;

/** Only the office decides results; the same rule the ADMIN-only mutations are guarded by. */
const assertOffice = (identity: Identity): void => assertAllowed(hasRole(identity, 'ADMIN'));

/** What the office decides about a round's results: overrides, raised quotas, and when they freeze and go public. */
export class ResultDecisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundService,
    private readonly computation: ResultComputationService,
    private readonly clock: () => Date,
  ) {}

  private now(): Date {
    return toSecond(this.clock());
  }

  /** CLOSED → FINALIZED: computes, refuses while a tie or problem stands, then freezes results and entry outcomes. */
  readonly finalize: Finalizer = async (em, judged, identity) => {
    assertOffice(identity);
    const computed = await this.computation.compute(em, judged);
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
      this.clock(),
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
    assertOffice(identity);
    return this.dataSource.transaction(async (em) => {
      const { round } = await this.rounds.judged(em, roundId, 'id', true);
      if (round.status !== 'FINALIZED')
        throw new DomainError('ROUND_NOT_FINALIZED', 'Only a finalized round’s results can be published', 'id');
      if (round.publishedAt) throw new DomainError('ALREADY_PUBLISHED', 'The results are already public', 'id');
      const before = { ...round };
      round.publishedAt = this.now();
      await em.save(round);
      await recordAudit(em, identity, this.clock(), {
        action: 'round.publish',
        entityType: 'ReviewRound',
        entityId: roundId,
        before,
        after: round,
      });
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
    assertOffice(identity);
    check({ roundId, entryId, reason })
      .text('roundId', { max: 36 })
      .text('entryId', { max: 36 })
      .text('reason', { min: 4, max: 500, multiline: true })
      .done();
    return this.dataSource.transaction(async (em) => {
      await this.decidable(em, roundId);
      if (!(await em.existsBy(Entry, { id: entryId, roundId }))) throw notFound('Entry', entryId, 'entryId');
      const existing = await em.findOneBy(ResultOverride, { roundId, entryId });
      const before = existing ? { ...existing } : null;
      const o = existing ?? em.create(ResultOverride, { id: newId(), roundId, entryId, createdAt: this.now() });
      Object.assign(o, { outcome, reason: reason.trim() });
      await em.save(o);
      await recordAudit(em, identity, this.clock(), {
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
    assertOffice(identity);
    check({ roundId, groupCode, quota, reason })
      .text('roundId', { max: 36 })
      .text('groupCode', { max: 40 })
      .int('quota', { min: 1, max: 1_000_000 })
      .text('reason', { min: 4, max: 500, multiline: true })
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
      await recordAudit(em, identity, this.clock(), {
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
}
