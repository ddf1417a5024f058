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
  rankEvaluations,
  readsEverything,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type RequestContext, recordAudit } from '@meritgraph/subgraph-kit';
import type { RecipientsApi } from '../references/peers';
import { OrganizerEvaluation } from './evaluation.entity';

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

  /** A contest's organizing units, ranked; the first `places` are the candidates for 优秀组织奖. */
  async ranking(ctx: RequestContext, contestId: string, places: number) {
    assertAllowed(readsEverything(ctx.identity), 'organizerEvaluations');
    check({ places }).int('places', { min: 0, max: 10_000 }).done();
    const rows = await this.dataSource.getRepository(OrganizerEvaluation).find({ where: { contestId }, order: { organizationId: 'ASC' } });
    return rankEvaluations(
      rows.map((r) => Object.assign(r, { scores: r as EvaluationScores })),
      places,
    );
  }
}
