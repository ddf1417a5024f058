import type { DataSource, EntityManager, Repository } from 'typeorm';
import {
  DomainError,
  type Identity,
  InvalidInput,
  type PageArgs,
  alreadyExists,
  assertAllowed,
  check,
  hasRole,
  mobilizationProblem,
  notFound,
  readsEverything,
} from '@meritgraph/domain';
import { type Page, type RequestContext, paginate, recordAudit, timeOrderedId } from '@meritgraph/subgraph-kit';
import type { ContestService } from '../contest/contest.service';
import { Organization } from '../organization/organization.entity';
import type { OrganizationService } from '../organization/organization.service';
import { Participation } from './participation.entity';

export interface ParticipationFilter {
  contestId?: string | null;
  organizationId?: string | null;
  mobilizedById?: string | null;
}

export interface EnrolmentInput {
  contestId: string;
  organizationId: string;
  mobilizedById: string;
}

export class ParticipationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contests: ContestService,
    private readonly organizations: OrganizationService,
    private readonly clock: () => Date,
  ) {}

  private get repo(): Repository<Participation> {
    return this.dataSource.getRepository(Participation);
  }

  /**
   * Enrolments in enrolment order, by contest, unit or mobilizing union (at least one). As
   * visible as their contests: a draft contest's only to the office and analysts.
   */
  async list(ctx: RequestContext, filter: ParticipationFilter, page: PageArgs): Promise<Page<Participation>> {
    if (!filter.contestId && !filter.organizationId && !filter.mobilizedById) {
      throw new InvalidInput([{ field: 'contestId', message: 'give a contest, a unit or a mobilizing union' }]);
    }
    if (filter.contestId && !(await this.contests.loadVisible(ctx, filter.contestId)))
      throw notFound('Contest', filter.contestId, 'contestId');
    const query = this.repo.createQueryBuilder('p');
    if (filter.contestId) query.andWhere('p.contest_id = :contestId', { contestId: filter.contestId });
    if (filter.organizationId) query.andWhere('p.organization_id = :organizationId', { organizationId: filter.organizationId });
    if (filter.mobilizedById) query.andWhere('p.mobilized_by_id = :mobilizedById', { mobilizedById: filter.mobilizedById });
    if (!readsEverything(ctx.identity)) query.andWhere("p.contest_id IN (SELECT c.id FROM contest c WHERE c.status <> 'DRAFT')");
    return paginate(query, page, [{ column: 'p.id', value: (p) => p.id }]);
  }

  /** How many units are enrolled in a contest, for every contest of the request in one statement. */
  async count(ctx: RequestContext, contestId: string): Promise<number> {
    const row = await ctx.loaders
      .one(
        'Contest.participantCount',
        (ids: string[]) =>
          this.repo
            .createQueryBuilder('p')
            .select('p.contest_id', 'contestId')
            .addSelect('COUNT(*)', 'n')
            .where('p.contest_id IN (:...ids)', { ids })
            .groupBy('p.contest_id')
            .getRawMany<{ contestId: string; n: string | number }>(),
        (r) => r.contestId,
      )
      .load(contestId);
    return Number(row?.n ?? 0);
  }

  /**
   * The rules of an enrolment: the contest still takes units, the mobilizer is a union with
   * the unit inside it, and an organizer acts only for unions within its own subtree.
   */
  private async assertEnrolment(em: EntityManager, identity: Identity, input: EnrolmentInput) {
    const contest = await this.contests.require(em, input.contestId);
    if (contest.status !== 'DRAFT' && contest.status !== 'OPEN_FOR_SUBMISSIONS') {
      throw new DomainError('CONTEST_LOCKED', `Units cannot be enrolled once the contest is ${contest.status}`, 'contestId');
    }
    const [unit, mobilizer] = await Promise.all([
      em.findOneBy(Organization, { id: input.organizationId }),
      em.findOneBy(Organization, { id: input.mobilizedById }),
    ]);
    if (!unit) throw notFound('Organization', input.organizationId, 'organizationId');
    if (!mobilizer) throw notFound('Organization', input.mobilizedById, 'mobilizedById');
    assertAllowed(
      hasRole(identity, 'ADMIN') ||
        (hasRole(identity, 'ORGANIZER') && !!identity.org && (await this.organizations.isWithin(em, mobilizer.id, identity.org))),
      'mobilizedById',
    );
    const problem = mobilizationProblem(
      { id: unit.id, ancestors: await this.organizations.ancestorIds(em, unit.id) },
      { id: mobilizer.id, kind: mobilizer.kind },
    );
    if (problem) throw new InvalidInput([problem]);
  }

  async enrol(identity: Identity, input: EnrolmentInput): Promise<Participation> {
    check(input).text('contestId', { max: 36 }).text('organizationId', { max: 36 }).text('mobilizedById', { max: 36 }).done();
    return this.dataSource.transaction(async (em) => {
      await this.assertEnrolment(em, identity, input);
      if (await em.existsBy(Participation, { contestId: input.contestId, organizationId: input.organizationId })) {
        throw alreadyExists('Participation', 'organizationId', input.organizationId);
      }
      const participation = em.create(Participation, { id: timeOrderedId(), ...input, enrolledAt: this.clock() });
      await em.insert(Participation, participation);
      await recordAudit(em, identity, this.clock(), {
        action: 'participation.create',
        entityType: 'Participation',
        entityId: participation.id,
        after: participation,
      });
      return participation;
    });
  }

  /** Hands a unit to another mobilizing union; an organizer must hold both. */
  async update(identity: Identity, id: string, input: { mobilizedById?: string | null }): Promise<Participation> {
    return this.dataSource.transaction(async (em) => {
      const participation = await em.findOneBy(Participation, { id });
      assertAllowed(
        !!participation &&
          (hasRole(identity, 'ADMIN') ||
            (hasRole(identity, 'ORGANIZER') &&
              !!identity.org &&
              (await this.organizations.isWithin(em, participation.mobilizedById, identity.org)))),
      );
      const before = { ...participation! };
      if (input.mobilizedById != null && input.mobilizedById !== participation!.mobilizedById) {
        await this.assertEnrolment(em, identity, { ...participation!, mobilizedById: input.mobilizedById });
        participation!.mobilizedById = input.mobilizedById;
        await em.save(Participation, participation!);
      }
      await recordAudit(em, identity, this.clock(), {
        action: 'participation.update',
        entityType: 'Participation',
        entityId: id,
        before,
        after: participation!,
      });
      return participation!;
    });
  }
}
