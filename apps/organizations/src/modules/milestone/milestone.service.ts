import type { DataSource, EntityManager, Repository } from 'typeorm';
import {
  type Identity,
  InvalidInput,
  MILESTONE_KINDS,
  type MilestoneKind,
  check,
  milestoneDateProblem,
  notFound,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type RequestContext, recordAudit } from '@meritgraph/subgraph-kit';
import type { ContestService } from '../contest/contest.service';
import { Organization } from '../organization/organization.entity';
import { Milestone } from './milestone.entity';

export interface MilestoneInput {
  date?: string | null;
  kind?: MilestoneKind | null;
  title?: string | null;
  hostOrganizationId?: string | null;
}

export class MilestoneService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contests: ContestService,
    private readonly clock: () => Date,
  ) {}

  private get repo(): Repository<Milestone> {
    return this.dataSource.getRepository(Milestone);
  }

  /** A contest's milestones by date, batched across the request. */
  forContest(ctx: RequestContext, contestId: string): Promise<Milestone[]> {
    return ctx.loaders.groupedBy(this.repo, 'contestId', { date: 'ASC', id: 'ASC' }).load(contestId);
  }

  private async validate(em: EntityManager, contestId: string, input: MilestoneInput, creating: boolean) {
    check(input)
      .oneOf('kind', MILESTONE_KINDS, { optional: !creating })
      .text('title', { min: 2, max: 200, optional: !creating })
      .text('date', { max: 10, optional: !creating })
      .done();
    const contest = await this.contests.require(em, contestId);
    if (input.date != null) {
      const problem = milestoneDateProblem(input.date, contest);
      if (problem) throw new InvalidInput([{ field: 'date', message: problem }]);
    }
    if (input.hostOrganizationId && !(await em.existsBy(Organization, { id: input.hostOrganizationId }))) {
      throw notFound('Organization', input.hostOrganizationId, 'hostOrganizationId');
    }
  }

  async create(
    identity: Identity,
    contestId: string,
    input: MilestoneInput & { date: string; kind: MilestoneKind; title: string },
  ): Promise<Milestone> {
    return this.dataSource.transaction(async (em) => {
      await this.validate(em, contestId, input, true);
      const milestone = em.create(Milestone, {
        id: newId(),
        contestId,
        date: input.date,
        kind: input.kind,
        title: input.title.trim(),
        hostOrganizationId: input.hostOrganizationId ?? null,
      });
      await em.insert(Milestone, milestone);
      await recordAudit(em, identity, this.clock(), {
        action: 'milestone.create',
        entityType: 'Milestone',
        entityId: milestone.id,
        after: milestone,
      });
      return milestone;
    });
  }

  async update(identity: Identity, id: string, input: MilestoneInput): Promise<Milestone> {
    return this.dataSource.transaction(async (em) => {
      const milestone = await em.findOneBy(Milestone, { id });
      if (!milestone) throw notFound('Milestone', id);
      await this.validate(em, milestone.contestId, input, false);
      const before = { ...milestone };
      if (input.date != null) milestone.date = input.date;
      if (input.kind != null) milestone.kind = input.kind;
      if (input.title != null) milestone.title = input.title.trim();
      if (input.hostOrganizationId !== undefined) milestone.hostOrganizationId = input.hostOrganizationId;
      await em.save(Milestone, milestone);
      await recordAudit(em, identity, this.clock(), {
        action: 'milestone.update',
        entityType: 'Milestone',
        entityId: id,
        before,
        after: milestone,
      });
      return milestone;
    });
  }
}
