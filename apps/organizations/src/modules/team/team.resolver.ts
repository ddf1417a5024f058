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

  @Query(() => Team, { nullable: true })
  team(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Team | null> {
    return this.service.loadVisible(ctx, id);
  }

  @Query(() => TeamConnection, { description: 'Teams in name order (signed-in callers).' })
  teams(@Args(() => TeamsArgs) args: TeamsArgs, @Ctx() ctx: RequestContext) {
    return new TeamConnection(this.service.list(ctx.identity, args, args));
  }

  @FieldResolver(() => Organization, { nullable: true })
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
  @Mutation(() => Team, { description: "The office anywhere; an organizer within its union; a unit's submitter for its own unit." })
  createTeam(@Arg('input', () => CreateTeamInput) input: CreateTeamInput, @Ctx() ctx: RequestContext): Promise<Team> {
    return this.service.create(ctx.identity, input);
  }

  @Authorized('ADMIN', 'ORGANIZER', 'SUBMITTER')
  @Mutation(() => Team)
  updateTeam(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTeamInput) input: UpdateTeamInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Team> {
    return this.service.update(ctx.identity, id, input);
  }
}
