import type { SubgraphSchema } from '@meritgraph/db';
import { AuditEntry } from '@meritgraph/subgraph-kit';
import { Attachment, AttachmentUpload } from './modules/attachment/attachment.entity';
import { SubmissionCheck } from './modules/submission/submission-check.entity';
import { ReferenceCounter, Submission } from './modules/submission/submission.entity';
import { feed } from './feed';
import { migrations as mysql } from './migrations/mysql';
import { migrations as sqlite } from './migrations/sqlite';

export const schema: SubgraphSchema = {
  subgraph: 'submissions',
  entities: [Submission, SubmissionCheck, ReferenceCounter, Attachment, AttachmentUpload, AuditEntry, ...feed.entities],
  subscribers: feed.subscribers,
  migrations: { sqlite, mysql },
};
