import {
  AuditEntry,
  ChangeFeedResolver,
  type SchemaDeps,
  buildFederatedSchema,
  importRoutes,
  subgraphServer,
  temporaryFileKit,
} from '@meritgraph/subgraph-kit';
import { ContestResolver } from './modules/contest/contest.resolver';
import { ContestService } from './modules/contest/contest.service';
import { organizationImports } from './modules/imports';
import { MilestoneResolver } from './modules/milestone/milestone.resolver';
import { MilestoneService } from './modules/milestone/milestone.service';
import { DeliveryResolver } from './modules/notification/delivery.resolver';
import { MeResolver } from './modules/notification/me.resolver';
import { NotificationResolver } from './modules/notification/notification.resolver';
import { NotificationService } from './modules/notification/notification.service';
import { ContestNoticesResolver } from './modules/notice/contest-notices.resolver';
import { NoticeAttachmentResolver } from './modules/notice/notice-attachment.resolver';
import { NoticeAttachmentService } from './modules/notice/notice-attachment.service';
import { NoticeFieldsResolver } from './modules/notice/notice-fields.resolver';
import { NoticeLifecycleService } from './modules/notice/notice-lifecycle.service';
import { noticeRoutes } from './modules/notice/notice.routes';
import { NoticeResolver } from './modules/notice/notice.resolver';
import { NoticeService } from './modules/notice/notice.service';
import { OrganizationResolver } from './modules/organization/organization.resolver';
import { OrganizationService } from './modules/organization/organization.service';
import { ContestParticipationResolver } from './modules/participation/contest-participation.resolver';
import { ParticipationResolver } from './modules/participation/participation.resolver';
import { ParticipationService } from './modules/participation/participation.service';
import { PersonResolver } from './modules/person/person.resolver';
import { PersonService } from './modules/person/person.service';
import { references } from './modules/references';
import { TeamResolver } from './modules/team/team.resolver';
import { TeamService } from './modules/team/team.service';
import { TrackResolver } from './modules/track/track.resolver';
import { TrackService } from './modules/track/track.service';

export { schema as databaseSchema } from './database';

/** The subgraph's schema; needs a DataSource but not a connection, so composition can build it offline. */
export async function buildSchema({ dataSource, clock, files = temporaryFileKit() }: SchemaDeps) {
  const audit = dataSource.getRepository(AuditEntry);
  const organizations = new OrganizationService(dataSource, clock);
  const contests = new ContestService(dataSource, clock);
  const people = new PersonService(dataSource, organizations, clock);
  const teams = new TeamService(dataSource, organizations, clock);
  const tracks = new TrackService(dataSource, contests, clock);
  const milestones = new MilestoneService(dataSource, contests, clock);
  const participations = new ParticipationService(dataSource, contests, organizations, clock);
  const notifications = new NotificationService(dataSource, clock);
  const notices = new NoticeService(dataSource);
  const noticeFiles = new NoticeAttachmentService(dataSource, files, clock);
  return buildFederatedSchema({
    resolvers: [
      new ChangeFeedResolver(dataSource),
      new OrganizationResolver(organizations, audit),
      new ContestResolver(contests, organizations, tracks, milestones, audit),
      new TrackResolver(tracks, contests),
      new MilestoneResolver(milestones, organizations),
      new PersonResolver(people, organizations, audit),
      new TeamResolver(teams, organizations, people, audit),
      new ParticipationResolver(participations, contests, organizations),
      new ContestParticipationResolver(participations),
      new MeResolver(notifications),
      new NotificationResolver(notifications),
      new DeliveryResolver(notifications),
      new NoticeResolver(notices, new NoticeLifecycleService(dataSource, contests, files, clock)),
      new NoticeFieldsResolver(notices, contests, audit),
      new ContestNoticesResolver(notices),
      new NoticeAttachmentResolver(noticeFiles, notices),
    ],
    references: references({ organizations, contests, people, teams, tracks }),
  });
}

export const createServer = subgraphServer('organizations', buildSchema, {
  // The Excel imports of organizations, people and enrolments: each row through this subgraph's own rules, all or nothing.
  routes: ({ dataSource, clock, identify, files }) => ({
    ...importRoutes(organizationImports({ dataSource, clock }), identify),
    // Notices' files: uploads to a draft, and downloads (the signed URL is the permission).
    ...noticeRoutes(new NoticeAttachmentService(dataSource, files, clock)),
  }),
});
