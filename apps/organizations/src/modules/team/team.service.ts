import type { DataSource, EntityManager, Repository } from 'typeorm';
import { In } from 'typeorm';
import {
  type Identity,
  InvalidInput,
  type PageArgs,
  alreadyExists,
  assertAllowed,
  check,
  isAuthenticated,
  notFound,
} from '@meritgraph/domain';
import { escapeLike, LIKE_ESCAPE, newId } from '@meritgraph/db';
import { type Page, type RequestContext, paginate, recordAudit } from '@meritgraph/subgraph-kit';
import { Organization } from '../organization/organization.entity';
import type { OrganizationService } from '../organization/organization.service';
import { Person } from '../person/person.entity';
import { Team, TeamMember } from './team.entity';

export interface TeamInput {
  organizationId?: string | null;
  name?: string | null;
  memberIds?: string[] | null;
}

const MAX_MEMBERS = 200;

export class TeamService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationService,
    private readonly clock: () => Date,
  ) {}

  private get repo(): Repository<Team> {
    return this.dataSource.getRepository(Team);
  }

  /** Teams are for signed-in callers, like the people in them. */
  loadVisible(ctx: RequestContext, id: string): Promise<Team | null> {
    assertAllowed(isAuthenticated(ctx.identity));
    return ctx.loaders.byId(this.repo).load(id);
  }

  list(identity: Identity, filter: { organizationId?: string | null; nameContains?: string | null }, page: PageArgs): Page<Team> {
    assertAllowed(isAuthenticated(identity));
    const query = this.repo.createQueryBuilder('t');
    if (filter.organizationId) query.andWhere('t.organization_id = :organizationId', { organizationId: filter.organizationId });
    if (filter.nameContains) query.andWhere(`t.name LIKE :name ${LIKE_ESCAPE}`, { name: `%${escapeLike(filter.nameContains)}%` });
    return paginate(query, page, [
      { column: 't.name', value: (t) => t.name },
      { column: 't.id', value: (t) => t.id },
    ]);
  }

  /** Member ids of a team, in order, batched across the request. */
  async memberIds(ctx: RequestContext, teamId: string): Promise<string[]> {
    const members = await ctx.loaders.groupedBy(this.dataSource.getRepository(TeamMember), 'teamId', { position: 'ASC' }).load(teamId);
    return members.map((m) => m.personId);
  }

  private validate(input: TeamInput, creating: boolean) {
    check(input)
      .text('organizationId', { max: 36, optional: !creating })
      .text('name', { min: 2, max: 120, optional: !creating })
      .rule('memberIds', (v) => (Array.isArray(v) && v.length > MAX_MEMBERS ? `at most ${MAX_MEMBERS} members` : null), { optional: true })
      .done();
  }

  /** Members must be people of the team's organization or of a unit below it. */
  private async setMembers(em: EntityManager, team: Team, memberIds: string[]) {
    const unique = [...new Set(memberIds)];
    const people = await em.findBy(Person, { id: In(unique) });
    const missing = unique.find((id) => !people.some((p) => p.id === id));
    if (missing) throw notFound('Person', missing, 'memberIds');
    for (const person of people) {
      if (!(await this.organizations.isWithin(em, person.organizationId, team.organizationId))) {
        throw new InvalidInput([{ field: 'memberIds', message: `${person.name} is not in the team's organization` }]);
      }
    }
    await em.delete(TeamMember, { teamId: team.id });
    if (unique.length)
      await em.insert(
        TeamMember,
        unique.map((personId, position) => ({ teamId: team.id, personId, position })),
      );
    return unique;
  }

  async create(identity: Identity, input: TeamInput & { organizationId: string; name: string }): Promise<Team> {
    this.validate(input, true);
    return this.dataSource.transaction(async (em) => {
      if (!(await em.existsBy(Organization, { id: input.organizationId })))
        throw notFound('Organization', input.organizationId, 'organizationId');
      assertAllowed(await this.organizations.mayEditMembersOf(em, identity, input.organizationId), 'organizationId');
      if (await em.existsBy(Team, { organizationId: input.organizationId, name: input.name.trim() }))
        throw alreadyExists('Team', 'name', input.name);
      const team = em.create(Team, { id: newId(), organizationId: input.organizationId, name: input.name.trim(), createdAt: this.clock() });
      await em.insert(Team, team);
      const memberIds = await this.setMembers(em, team, input.memberIds ?? []);
      await recordAudit(em, identity, this.clock(), {
        action: 'team.create',
        entityType: 'Team',
        entityId: team.id,
        after: { ...team, memberIds },
      });
      return team;
    });
  }

  async update(identity: Identity, id: string, input: TeamInput): Promise<Team> {
    this.validate(input, false);
    return this.dataSource.transaction(async (em) => {
      const team = await em.findOneBy(Team, { id });
      assertAllowed(!!team && (await this.organizations.mayEditMembersOf(em, identity, team.organizationId)));
      const before = {
        ...team!,
        memberIds: (await em.find(TeamMember, { where: { teamId: id }, order: { position: 'ASC' } })).map((m) => m.personId),
      };
      if (input.organizationId != null && input.organizationId !== team!.organizationId) {
        throw new InvalidInput([{ field: 'organizationId', message: 'a team stays in its organization; create a new team instead' }]);
      }
      if (input.name != null && input.name.trim() !== team!.name) {
        if (await em.existsBy(Team, { organizationId: team!.organizationId, name: input.name.trim() }))
          throw alreadyExists('Team', 'name', input.name);
        team!.name = input.name.trim();
        await em.save(Team, team!);
      }
      const memberIds = input.memberIds != null ? await this.setMembers(em, team!, input.memberIds) : before.memberIds;
      await recordAudit(em, identity, this.clock(), {
        action: 'team.update',
        entityType: 'Team',
        entityId: id,
        before,
        after: { ...team!, memberIds },
      });
      return team!;
    });
  }
}
