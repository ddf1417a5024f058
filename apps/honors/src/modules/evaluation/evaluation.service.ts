import type { DataSource } from 'typeorm';
import {
  type EvaluationScores,
  type Identity,
  InvalidInput,
  MOBILIZER_KINDS,
  assertAllowed,
  check,
  evaluationProblems,
  hasRole,
  notFound,
  readsEverything,
  tieChoiceProblems,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type RequestContext, recordAudit } from '@meritgraph/subgraph-kit';
import type { RecipientsApi } from '../references/peers';
import { OrganizerEvaluation } from './evaluation.entity';
import { organizerStanding } from './organizer-standing';
import { OrganizerTieDecision } from './tie-decision.entity';

export interface EvaluationInput extends EvaluationScores {
  contestId: string;
  organizationId: string;
  comment?: string | null;
}

export class EvaluationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recipients: RecipientsApi,
    private readonly clock: () => Date,
  ) {}

  /** Records (or revises) the assessment of an organizing unit: a union that mobilized units for the contest. */
  async evaluate(identity: Identity, input: EvaluationInput): Promise<OrganizerEvaluation> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    const checker = check(input)
      .text('contestId', { max: 36 })
      .text('organizationId', { max: 36 })
      .text('comment', { max: 1000, optional: true, multiline: true });
    for (const p of evaluationProblems(input as unknown as Record<string, unknown>)) checker.problem(p.field, p.message);
    checker.done();
    if (!(await this.recipients.contest(input.contestId))) throw notFound('Contest', input.contestId, 'contestId');
    const org = (await this.recipients.organizationKinds([input.organizationId])).get(input.organizationId);
    if (!org) throw notFound('Organization', input.organizationId, 'organizationId');
    if (!MOBILIZER_KINDS.includes(org.kind))
      throw new InvalidInput([
        { field: 'organizationId', message: `organizing units are unions (${MOBILIZER_KINDS.join(', ')}), not ${org.kind}` },
      ]);
    return this.dataSource.transaction(async (em) => {
      const existing = await em.findOneBy(OrganizerEvaluation, { contestId: input.contestId, organizationId: input.organizationId });
      const before = existing ? { ...existing } : null;
      const row =
        existing ?? em.create(OrganizerEvaluation, { id: newId(), contestId: input.contestId, organizationId: input.organizationId });
      Object.assign(row, {
        leadership: input.leadership,
        promotion: input.promotion,
        performance: input.performance,
        incentive: input.incentive,
        features: input.features,
        comment: input.comment?.trim() || null,
        updatedAt: this.clock(),
      });
      await em.save(row);
      await recordAudit(em, identity, this.clock(), {
        action: 'evaluation.record',
        entityType: 'OrganizerEvaluation',
        entityId: row.id,
        before,
        after: row,
      });
      return row;
    });
  }

  /** A contest's organizing units, ranked; the first `places` are the candidates for 优秀组织奖, a tie across the line excepted. */
  async ranking(ctx: RequestContext, contestId: string, places: number) {
    assertAllowed(readsEverything(ctx.identity), 'organizerEvaluations');
    check({ places }).int('places', { min: 0, max: 10_000 }).done();
    return organizerStanding(this.dataSource.manager, contestId, places);
  }

  /** The office decides which of the units tied across the line at `places` take the seats left; audited with its reason. */
  async decideTie(identity: Identity, contestId: string, places: number, chosenIds: readonly string[], reason: string) {
    assertAllowed(hasRole(identity, 'ADMIN'));
    check({ contestId, places, organizationIds: chosenIds, reason })
      .text('contestId', { max: 36 })
      .int('places', { min: 1, max: 10_000 })
      .rule('organizationIds', (v) => (Array.isArray(v) && v.length > 0 && v.length <= 100 ? null : 'name from 1 to 100 units'))
      .text('reason', { max: 500 })
      .done();
    return this.dataSource.transaction(async (em) => {
      const { tie } = await organizerStanding(em, contestId, places);
      if (!tie) throw new InvalidInput([{ field: 'places', message: `no organizing units tie across the line at ${places} places` }]);
      const problems = tieChoiceProblems(tie, chosenIds);
      if (problems.length) throw new InvalidInput(problems);
      const existing = await em.findOneBy(OrganizerTieDecision, { contestId });
      const before = existing ? { ...existing } : null;
      const decision = em.create(OrganizerTieDecision, {
        contestId,
        places,
        tiedIds: tie.organizationIds,
        chosenIds: [...chosenIds].sort(),
        reason: reason.trim(),
        decidedAt: this.clock(),
      });
      await em.save(decision);
      await recordAudit(em, identity, this.clock(), {
        action: 'evaluation.tie-decide',
        entityType: 'OrganizerRanking',
        entityId: contestId,
        before,
        after: decision,
        reason: decision.reason,
      });
      return organizerStanding(em, contestId, places);
    });
  }
}
