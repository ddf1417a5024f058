import type { ReferenceResolvers, RequestContext } from '@meritgraph/subgraph-kit';
import type { ContestService } from './contest/contest.service';
import type { OrganizationService } from './organization/organization.service';
import type { PersonService } from './person/person.service';
import type { TeamService } from './team/team.service';
import type { TrackService } from './track/track.service';

/** Every entity this subgraph owns, resolved by key through the same batched, access-checked loads as its queries. */
export const references = (services: {
  organizations: OrganizationService;
  contests: ContestService;
  people: PersonService;
  teams: TeamService;
  tracks: TrackService;
}): ReferenceResolvers => {
  const by = (load: (ctx: RequestContext, id: string) => Promise<unknown>) => ({
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => load(ctx, ref.id),
  });
  return {
    Organization: by((ctx, id) => services.organizations.load(ctx, id)),
    Contest: by((ctx, id) => services.contests.loadVisible(ctx, id)),
    Person: by((ctx, id) => services.people.loadVisible(ctx, id)),
    Team: by((ctx, id) => services.teams.loadVisible(ctx, id)),
    Track: by((ctx, id) => services.tracks.loadVisible(ctx, id)),
  };
};
