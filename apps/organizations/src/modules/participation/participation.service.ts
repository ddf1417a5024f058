import { type DataSource, type EntityManager, In, type Repository } from 'typeorm';
import {
  DomainError,
  type Identity,
  InvalidInput,
  type PageArgs,
  alreadyExists,
  assertAllowed,
  check,
  hasRole,
  isWithinSubtree,
  mobilizationProblem,
  notFound,
  readsEverything,
} from '@meritgraph/domain';
import { type Page, type RequestContext, paginate, recordAudit, timeOrderedId } from '@meritgraph/subgraph-kit';
import { INSERT_BATCH, assertBatchSize, distinct, judgeEach } from '../bulk';
import { Contest } from '../contest/contest.entity';
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

/** What enrolments are judged on, read once for a whole batch. */
interface EnrolmentFacts {
  contests: Map<string, Contest>;
  organizations: Map<string, Organization>;
  /** Ancestor ids, nearest first, of every unit and mobilizer named. */
  ancestors: Map<string, string[]>;
  /** `contestId|organizationId` of every enrolment already made, and of the batch's items judged so far. */
  enrolled: Set<string>;
}

const pairOf = (input: Pick<EnrolmentInput, 'contestId' | 'organizationId'>) => `${input.contestId}|${input.organizationId}`;

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

  /** The facts enrolments are judged on: four reads, whatever the number of items. */
  private async enrolmentFacts(em: EntityManager, inputs: readonly EnrolmentInput[]): Promise<EnrolmentFacts> {
    const contestIds = distinct(inputs.map((i) => i.contestId));
    const unitIds = distinct(inputs.map((i) => i.organizationId));
    const orgIds = distinct([...unitIds, ...inputs.map((i) => i.mobilizedById)]);
    const contests = new Map((contestIds.length ? await em.findBy(Contest, { id: In(contestIds) }) : []).map((c) => [c.id, c]));
    const organizations = new Map((orgIds.length ? await em.findBy(Organization, { id: In(orgIds) }) : []).map((o) => [o.id, o]));
    const ancestors = await this.organizations.ancestorMap(em, [...organizations.keys()]);
    const existing =
      contests.size && unitIds.length
        ? await em.find(Participation, {
            select: { contestId: true, organizationId: true },
            where: { contestId: In([...contests.keys()]), organizationId: In(unitIds) },
          })
        : [];
    return { contests, organizations, ancestors, enrolled: new Set(existing.map(pairOf)) };
  }

  /**
   * The rules of an enrolment: the contest still takes units, the mobilizer is a union with
   * the unit inside it, and an organizer acts only for unions within its own subtree.
   */
  private assertEnrolment(identity: Identity, facts: EnrolmentFacts, input: EnrolmentInput) {
    const contest = facts.contests.get(input.contestId);
    if (!contest) throw notFound('Contest', input.contestId, 'contestId');
    if (contest.status !== 'DRAFT' && contest.status !== 'OPEN_FOR_SUBMISSIONS') {
      throw new DomainError('CONTEST_LOCKED', `Units cannot be enrolled once the contest is ${contest.status}`, 'contestId');
    }
    const unit = facts.organizations.get(input.organizationId);
    const mobilizer = facts.organizations.get(input.mobilizedById);
    if (!unit) throw notFound('Organization', input.organizationId, 'organizationId');
    if (!mobilizer) throw notFound('Organization', input.mobilizedById, 'mobilizedById');
    assertAllowed(
      hasRole(identity, 'ADMIN') ||
        (hasRole(identity, 'ORGANIZER') &&
          !!identity.org &&
          isWithinSubtree(mobilizer.id, identity.org, facts.ancestors.get(mobilizer.id) ?? [])),
      'mobilizedById',
    );
    const problem = mobilizationProblem(
      { id: unit.id, ancestors: facts.ancestors.get(unit.id) ?? [] },
      { id: mobilizer.id, kind: mobilizer.kind },
    );
    if (problem) throw new InvalidInput([problem]);
  }

  async enrol(identity: Identity, input: EnrolmentInput): Promise<Participation> {
    return (await this.enrolMany(identity, [input]))[0]!;
  }

  /**
   * Several units enrolled at once (a union handing in its list), in one transaction and a
   * handful of reads whatever their number. Each is held to the same rules as one alone,
   * counting the items before it (a unit named twice for one contest is ALREADY_EXISTS). If
   * any is refused, none is enrolled, and every refusal is reported (BATCH_REFUSED); a batch
   * of one reports its own error.
   */
  async enrolMany(identity: Identity, inputs: readonly EnrolmentInput[]): Promise<Participation[]> {
    assertBatchSize(inputs, 'enrolments');
    return this.dataSource.transaction((em) => this.enrolManyIn(em, identity, inputs));
  }

  /** enrolMany inside a transaction the caller holds (an import's), by the same rules. */
  async enrolManyIn(em: EntityManager, identity: Identity, inputs: readonly EnrolmentInput[]): Promise<Participation[]> {
    assertBatchSize(inputs, 'enrolments');
    const facts = await this.enrolmentFacts(em, inputs);
    const now = this.clock();
    const created = judgeEach(
      inputs,
      'enrolments',
      (i) => ({ contestId: i.contestId, organizationId: i.organizationId, mobilizedById: i.mobilizedById }),
      (input) => {
        check(input).text('contestId', { max: 36 }).text('organizationId', { max: 36 }).text('mobilizedById', { max: 36 }).done();
        this.assertEnrolment(identity, facts, input);
        if (facts.enrolled.has(pairOf(input))) throw alreadyExists('Participation', 'organizationId', input.organizationId);
        // Later items of the batch are judged with this unit enrolled.
        facts.enrolled.add(pairOf(input));
        const { contestId, organizationId, mobilizedById } = input;
        return em.create(Participation, { id: timeOrderedId(), contestId, organizationId, mobilizedById, enrolledAt: now });
      },
    );
    for (let i = 0; i < created.length; i += INSERT_BATCH) await em.insert(Participation, created.slice(i, i + INSERT_BATCH));
    await recordAudit(
      em,
      identity,
      this.clock(),
      created.map((participation) => ({
        action: 'participation.create',
        entityType: 'Participation',
        entityId: participation.id,
        after: participation,
      })),
    );
    return created;
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
        const moved = { ...participation!, mobilizedById: input.mobilizedById };
        this.assertEnrolment(identity, await this.enrolmentFacts(em, [moved]), moved);
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
