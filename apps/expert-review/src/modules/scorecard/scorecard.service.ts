import type { DataSource, Repository } from 'typeorm';
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
  decisionProblems,
  forbidden,
  hasRole,
  readsEverything,
  scoreCard,
} from '@meritgraph/domain';
import { forUpdate, newId } from '@meritgraph/db';
import { type OrderKey, type Page, type RequestContext, groupByKey, paginate, recordAudit } from '@meritgraph/subgraph-kit';
import type { RoundService } from '../round/round.service';
import type { AssignmentService } from '../assignment/assignment.service';
import { Assignment } from '../assignment/assignment.entity';
import { Entry } from '../entry/entry.entity';
import { Expert } from '../expert/expert.entity';
import { ReviewRound } from '../round/round.entity';
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
    private readonly assignments: AssignmentService,
  ) {}

  private get repo(): Repository<Scorecard> {
    return this.dataSource.getRepository(Scorecard);
  }

  /**
   * A round's or an entry's scorecards the caller may read: the office all of them, an
   * expert its own; analysts once the round is FINALIZED. Nobody else.
   */
  async list(ctx: RequestContext, where: { roundId: string; entryId?: string }, filter: { expertId?: string | null }, page: PageArgs): Promise<Page<Scorecard>> {
    const round = await this.rounds.find(ctx, where.roundId);
    const query = this.repo.createQueryBuilder('c').where('c.round_id = :roundId', { roundId: where.roundId });
    if (where.entryId) query.andWhere('c.entry_id = :entryId', { entryId: where.entryId });
    if (filter.expertId) query.andWhere('c.expert_id = :expertId', { expertId: filter.expertId });
    const everyone = hasRole(ctx.identity, 'ADMIN') || !!ctx.identity.service || (round?.status === 'FINALIZED' && readsEverything(ctx.identity));
    if (!everyone) {
      if (!ctx.identity.expert) throw forbidden('scorecards');
      query.andWhere('c.expert_id = :me', { me: ctx.identity.expert });
    }
    return paginate(query, page, ORDER);
  }

  /** An assignment's scorecard, batched; hidden (null) from whoever may not read it. */
  async ofAssignment(ctx: RequestContext, assignment: Assignment): Promise<Scorecard | null> {
    const [card] = await ctx.loaders
      .get<string, Scorecard[]>('Assignment.scorecard', async (ids) => groupByKey(ids, await this.repo.findBy({ assignmentId: In([...ids]) }), (c) => c.assignmentId))
      .load(assignment.id);
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
    check(input).text('entryId', { max: 36 }).text('comment', { max: 5000, optional: true }).done();
    if (!identity.expert) throw forbidden();
    const expertId = identity.expert;
    return this.dataSource.transaction(async (em) => {
      const assignment = await em.findOne(Assignment, { where: { entryId: input.entryId, expertId }, ...forUpdate(em) });
      const entry = assignment && (await em.findOneBy(Entry, { id: input.entryId }));
      const expert = await em.findOneBy(Expert, { id: expertId });
      if (!assignment || !entry || !expert || assignment.status === 'DECLINED') throw forbidden('entryId');
      if (assignment.status === 'CONFLICT_DECLARED') {
        throw new DomainError('CONFLICT_OF_INTEREST', 'You declared a conflict of interest with this entry', 'entryId', { reasons: ['DECLARED'] });
      }
      const reasons = await this.assignments.conflictOf(em, entry, expert);
      if (reasons.length) throw new DomainError('CONFLICT_OF_INTEREST', `You have a conflict of interest with this entry (${reasons.join(', ')})`, 'entryId', { reasons });
      const judged = await this.rounds.judged(em, entry.roundId, 'entryId');
      assertRoundActivity(judged.round.status, 'SCORE', 'entryId');
      const scored = scoreCard(judged.criteria, input.scores ?? []);
      const problems = decisionProblems(judged.round.stage, input.decision, input.eliminationReason);
      if (problems.length) throw new InvalidInput(problems);

      const existing = await em.findOneBy(Scorecard, { assignmentId: assignment.id });
      const now = new Date();
      const card =
        existing ??
        em.create(Scorecard, { id: newId(), assignmentId: assignment.id, roundId: entry.roundId, entryId: entry.id, expertId, version: 0, createdAt: now });
      const before = existing ? { ...existing } : null;
      Object.assign(card, {
        scores: scored.scores,
        total: scored.total,
        comment: input.comment?.trim() || null,
        decision: input.decision ?? null,
        eliminationReason: input.eliminationReason ?? null,
        version: card.version + 1,
        updatedAt: now,
      });
      await em.save(card);
      await recordAudit(em, identity, { action: existing ? 'scorecard.update' : 'scorecard.create', entityType: 'Scorecard', entityId: card.id, before, after: card });
      return card;
    });
  }

  /** The round a scorecard belongs to, for field resolvers that show it. */
  round(ctx: RequestContext, card: Scorecard): Promise<ReviewRound | null> {
    return this.rounds.find(ctx, card.roundId);
  }
}
