import type { SubgraphSchema } from '@meritgraph/db';
import { AuditEntry } from '@meritgraph/subgraph-kit';
import { Contest } from './modules/contest/contest.entity';
import { Milestone } from './modules/milestone/milestone.entity';
import { EmailPreference, Notification } from './modules/notification/notification.entity';
import { Notice, NoticeAttachment, NoticeAttachmentUpload } from './modules/notice/notice.entity';
import { Organization } from './modules/organization/organization.entity';
import { Participation } from './modules/participation/participation.entity';
import { Person } from './modules/person/person.entity';
import { Team, TeamMember } from './modules/team/team.entity';
import { Track } from './modules/track/track.entity';
import { feed } from './feed';
import { migrations as mysql } from './migrations/mysql';
import { migrations as sqlite } from './migrations/sqlite';

export const schema: SubgraphSchema = {
  subgraph: 'organizations',
  entities: [
    Organization,
    Contest,
    Track,
    Milestone,
    Person,
    Team,
    TeamMember,
    Participation,
    Notification,
    EmailPreference,
    Notice,
    NoticeAttachment,
    NoticeAttachmentUpload,
    AuditEntry,
    ...feed.entities,
  ],
  subscribers: feed.subscribers,
  migrations: { sqlite, mysql },
};
