import type { DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import { In } from 'typeorm';
import {
  type CriterionScore,
  type Decision,
  DomainError,
  type EliminationReason,
  type Identity,
  InvalidInput,
  type PageArgs,
  assertRoundActivity,
  canSeeScorecard,
  check,
  conflictsOf,
  decisionProblems,
  forbidden,
  hasRole,
  readsEverything,
  scoreCard,
} from '@meritgraph/domain';
import { forUpdate, newId } from '@meritgraph/db';
import { type OrderKey, type Page, type RequestContext, loadChildPage, paginate, recordAudit } from '@meritgraph/subgraph-kit';
import type { JudgedRound, RoundService } from '../round/round.service';
import { Assignment } from '../assignment/assignment.entity';
import { Entry, EntryLink } from '../entry/entry.entity';
import { toConflictFacts } from '../entry/entry.service';
import { Expert } from '../expert/expert.entity';
import { Scorecard } from './scorecard.entity';

export interface ScorecardInput {
  entryId: string;
  scores: CriterionScore[];
  comment?: string | null;
  decision?: Decision | null;
  eliminationReason?: EliminationReason | null;
}

const ORDER: OrderKey<Scorecard>[] = [{ column: 'c.id', value: (c) => c.id }];

export class ScorecardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundService,
    private readonly clock: () => Date,
  ) {}

  private get repo(): Repository<Scorecard> {
    return this.dataSource.getRepository(Scorecard);
  }

  /**
   * Limits a scorecard query to what the caller may read: the office all of them, an expert
   * its own, analysts those of FINALIZED rounds. Nobody else reads any.
   */
  private scoped(identity: Identity, query: SelectQueryBuilder<Scorecard>): SelectQueryBuilder<Scorecard> {
    if (hasRole(identity, 'ADMIN') || identity.service) return query;
    const own = identity.expert ? 'c.expert_id = :me' : null;
    if (readsEverything(identity)) {
      const finalized = `c.round_id IN (SELECT r.id FROM review_round r WHERE r.status = 'FINALIZED')`;
      return query.andWhere(own ? `(${finalized} OR ${own})` : finalized, { me: identity.expert });
    }
    if (!own) throw forbidden('scorecards');
    return query.andWhere(own, { me: identity.expert });
  }

  /** A round's scorecards the caller may read (see scoped), by id; to an analyst, a round not yet FINALIZED has none to show. */
  async list(ctx: RequestContext, roundId: string, filter: { expertId?: string | null }, page: PageArgs): Promise<Page<Scorecard>> {
    const { identity } = ctx;
    if (
      !hasRole(identity, 'ADMIN') &&
      !identity.service &&
      !identity.expert &&
      (await this.rounds.find(ctx, roundId))?.status !== 'FINALIZED'
    )
      throw forbidden('scorecards');
    const query = this.scoped(ctx.identity, this.repo.createQueryBuilder('c').where('c.round_id = :roundId', { roundId }));
    if (filter.expertId) query.andWhere('c.expert_id = :expertId', { expertId: filter.expertId });
    return paginate(query, page, ORDER);
  }

  /** An entry's scorecards the caller may read, batched across every entry of the request. */
  ofEntry(ctx: RequestContext, entryId: string, filter: { expertId?: string | null }, page: PageArgs): Page<Scorecard> {
    return loadChildPage(ctx, entryId, {
      name: `Entry.scorecards:${filter.expertId ?? ''}`,
      repository: this.repo,
      query: () => {
        const query = this.scoped(ctx.identity, this.repo.createQueryBuilder('c'));
        return filter.expertId ? query.andWhere('c.expert_id = :expertId', { expertId: filter.expertId }) : query;
      },
      alias: 'c',
      parentColumn: 'entry_id',
      parentOf: (c) => c.entryId,
      order: ORDER,
      args: page,
    });
  }

  /** An assignment's scorecard, batched; hidden (null) from whoever may not read it. */
  async ofAssignment(ctx: RequestContext, assignment: Assignment): Promise<Scorecard | null> {
    const card = await ctx.loaders.byColumn(this.repo, 'assignmentId').load(assignment.id);
    if (!card) return null;
    const round = await this.rounds.find(ctx, card.roundId);
    return round && canSeeScorecard(ctx.identity, card, round.status) ? card : null;
  }

  /**
   * The calling expert scores an entry it is assigned to, while the round is OPEN. Writing
   * again replaces its scorecard. The order of refusals reveals nothing to an expert who is
   * not assigned: FORBIDDEN comes before anything about the round.
   */
  async submit(identity: Identity, input: ScorecardInput): Promise<Scorecard> {
    return (await this.submitMany(identity, [input]))[0]!;
  }

  /**
   * Several scorecards of the calling expert at once (a judge saving a day's work), all in
   * one transaction and read in a handful of statements whatever their number. Each is held
   * to the same rules as one alone; if any is refused, none is saved, and every refusal is
   * reported (BATCH_REFUSED). A batch of one reports its own error.
   */
  async submitMany(identity: Identity, inputs: readonly ScorecardInput[]): Promise<Scorecard[]> {
    if (inputs.length === 0 || inputs.length > 500) throw new InvalidInput([{ field: 'inputs', message: 'give 1 to 500 scorecards' }]);
    for (const input of inputs)
      check(input).text('entryId', { max: 36 }).text('comment', { max: 5000, optional: true, multiline: true }).done();
    const entryIds = inputs.map((i) => i.entryId);
    if (new Set(entryIds).size !== entryIds.length)
      throw new InvalidInput([{ field: 'entryId', message: 'an entry is scored twice in one batch' }]);
    if (!identity.expert) throw forbidden();
    const expertId = identity.expert;
    return this.dataSource.transaction(async (em) => {
      const assignments = new Map(
        (await em.find(Assignment, { where: { entryId: In(entryIds), expertId }, ...forUpdate(em) })).map((a) => [a.entryId, a]),
      );
      const entries = new Map((await em.findBy(Entry, { id: In(entryIds) })).map((e) => [e.id, e]));
      const expert = await em.findOneBy(Expert, { id: expertId });
      const links = await em.findBy(EntryLink, { entryId: In(entryIds) });
      const facts = toConflictFacts([...entries.values()], links);
      const rounds = new Map<string, JudgedRound>();
      const existing = new Map(
        (await em.findBy(Scorecard, { assignmentId: In([...assignments.values()].map((a) => a.id).concat([''])) })).map((c) => [
          c.assignmentId,
          c,
        ]),
      );
      const now = this.clock();
      const cards: { card: Scorecard; before: Scorecard | null }[] = [];
      const errors: { entryId: string; code: string; message: string }[] = [];
      for (const input of inputs) {
        try {
          const assignment = assignments.get(input.entryId);
          const entry = entries.get(input.entryId);
          if (!assignment || !entry || !expert || assignment.status === 'DECLINED') throw forbidden('entryId');
          if (assignment.status === 'CONFLICT_DECLARED') {
            throw new DomainError('CONFLICT_OF_INTEREST', 'You declared a conflict of interest with this entry', 'entryId', {
              reasons: ['DECLARED'],
            });
          }
          const reasons = conflictsOf(expert, facts.get(entry.id)!);
          if (reasons.length)
            throw new DomainError(
              'CONFLICT_OF_INTEREST',
              `You have a conflict of interest with this entry (${reasons.join(', ')})`,
              'entryId',
              { reasons },
            );
          let judged = rounds.get(entry.roundId);
          if (!judged) rounds.set(entry.roundId, (judged = await this.rounds.judged(em, entry.roundId, 'entryId')));
          assertRoundActivity(judged.round.status, 'SCORE', 'entryId');
          const scored = scoreCard(judged.criteria, input.scores ?? []);
          const problems = decisionProblems(judged.round.stage, input.decision, input.eliminationReason);
          if (problems.length) throw new InvalidInput(problems);
          const prior = existing.get(assignment.id) ?? null;
          const card =
            prior ??
            em.create(Scorecard, {
              id: newId(),
              assignmentId: assignment.id,
              roundId: entry.roundId,
              entryId: entry.id,
              expertId,
              version: 0,
              createdAt: now,
            });
          const before = prior ? { ...prior } : null;
          Object.assign(card, {
            scores: scored.scores,
            total: scored.total,
            comment: input.comment?.trim() || null,
            decision: input.decision ?? null,
            eliminationReason: input.eliminationReason ?? null,
            version: card.version + 1,
            updatedAt: now,
          });
          cards.push({ card, before });
        } catch (e) {
          if (!(e instanceof DomainError) || inputs.length === 1) throw e;
          errors.push({ entryId: input.entryId, code: e.code, message: e.message });
        }
      }
      if (errors.length)
        throw new DomainError('BATCH_REFUSED', `${errors.length} of ${inputs.length} scorecards were refused; none was saved`, 'inputs', {
          errors,
        });
      const fresh = cards.filter((c) => !c.before).map((c) => c.card);
      for (let i = 0; i < fresh.length; i += 200) await em.insert(Scorecard, fresh.slice(i, i + 200));
      for (const { card, before } of cards) if (before) await em.save(card);
      await recordAudit(
        em,
        identity,
        this.clock(),
        cards.map(({ card, before }) => ({
          action: before ? 'scorecard.update' : 'scorecard.create',
          entityType: 'Scorecard',
          entityId: card.id,
          before,
          after: card,
        })),
      );
      return cards.map((c) => c.card);
    });
  }
}
