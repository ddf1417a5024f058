import { changeFeed } from '@meritgraph/subgraph-kit';
import { Contest } from './modules/contest/contest.entity';
import { Milestone } from './modules/milestone/milestone.entity';
import { Notice } from './modules/notice/notice.entity';
import { Organization } from './modules/organization/organization.entity';
import { Participation } from './modules/participation/participation.entity';
import { Person } from './modules/person/person.entity';
import { Track } from './modules/track/track.entity';

/** What the change feed carries of each record: the facts analytics and notifications read, never contact data. */
export const feed = changeFeed({
  Contest: {
    entity: Contest,
    state: (c: Contest) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      year: c.year,
      status: c.status,
      organizerId: c.organizerId,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      submissionOpensAt: c.submissionOpensAt,
      submissionClosesAt: c.submissionClosesAt,
      requiresEndorsement: c.requiresEndorsement,
      requiresFormCheck: c.requiresFormCheck,
    }),
  },
  Track: { entity: Track, state: (t: Track) => ({ id: t.id, contestId: t.contestId, code: t.code, name: t.name }) },
  Milestone: { entity: Milestone },
  Notice: {
    entity: Notice,
    state: (n: Notice) => ({
      id: n.id,
      contestId: n.contestId,
      kind: n.kind,
      status: n.status,
      publishedAt: n.publishedAt,
      title: n.title,
    }),
  },
  Organization: {
    entity: Organization,
    state: (o: Organization) => ({
      id: o.id,
      name: o.name,
      shortName: o.shortName,
      kind: o.kind,
      parentId: o.parentId,
      district: o.district,
      creditCode: o.creditCode,
    }),
  },
  Participation: { entity: Participation },
  Person: { entity: Person, state: (p: Person) => ({ id: p.id, name: p.name, organizationId: p.organizationId, position: p.position }) },
});
