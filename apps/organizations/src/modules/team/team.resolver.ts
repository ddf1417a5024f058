import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Repository } from 'typeorm';
import { type AuditEntry, AuditEntryConnection, PageArgs, type RequestContext, auditTrail } from '@meritgraph/subgraph-kit';
import { Organization } from '../organization/organization.entity';
import { OrganizationService } from '../organization/organization.service';
import { Person } from '../person/person.entity';
import { PersonService } from '../person/person.service';
import { Team } from './team.entity';
import { TeamService } from './team.service';
import { CreateTeamInput, TeamConnection, TeamsArgs, UpdateTeamInput } from './team.types';

@Resolver(() => Team)
export class TeamResolver {
  constructor(
    private readonly service: TeamService,
    private readonly organizations: OrganizationService,
    private readonly people: PersonService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @Query(() => Team, { nullable: true, description: 'A team by id; null if there is none. Signed-in callers (else FORBIDDEN).' })
  team(@Arg('id', () => ID, { description: 'The team’s id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Team | null> {
    return this.service.loadVisible(ctx, id);
  }

  @Query(() => TeamConnection, { nullable: true, description: 'Teams in name order. Signed-in callers (else FORBIDDEN).' })
  teams(@Args(() => TeamsArgs) args: TeamsArgs, @Ctx() ctx: RequestContext) {
    return new TeamConnection(this.service.list(ctx.identity, args, args));
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization the team belongs to.' })
  organization(@Root() team: Team, @Ctx() ctx: RequestContext) {
    return this.organizations.load(ctx, team.organizationId);
  }

  @FieldResolver(() => [Person], { description: 'Members, in the order the team lists them.' })
  async members(@Root() team: Team, @Ctx() ctx: RequestContext): Promise<Person[]> {
    const ids = await this.service.memberIds(ctx, team.id);
    return (await Promise.all(ids.map((id) => this.people.loadUnchecked(ctx, id)))).filter((p): p is Person => p !== null);
  }

  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: 'Changes to this team (office and analysts).' })
  auditTrail(@Root() team: Team, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new AuditEntryConnection(auditTrail(ctx, this.audit, team.id, args));
  }

  @Authorized('ADMIN', 'ORGANIZER', 'SUBMITTER')
  @Mutation(() => Team, {
    description:
      "Registers a team: the office anywhere; an organizer within its union; a unit's submitter for its own unit (else FORBIDDEN).",
  })
  createTeam(
    @Arg('input', () => CreateTeamInput, { description: 'The new team.' }) input: CreateTeamInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Team> {
    return this.service.create(ctx.identity, input);
  }

  @Authorized('ADMIN', 'ORGANIZER', 'SUBMITTER')
  @Mutation(() => Team, { description: 'Renames a team or replaces its members, as createTeam allows; it stays in its organization.' })
  updateTeam(
    @Arg('id', () => ID, { description: 'The team to edit.' }) id: string,
    @Arg('input', () => UpdateTeamInput, { description: 'The fields to change.' }) input: UpdateTeamInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Team> {
    return this.service.update(ctx.identity, id, input);
  }
}
