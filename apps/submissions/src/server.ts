import {
  AuditEntry,
  ChangeFeedResolver,
  type SchemaDeps,
  buildFederatedSchema,
  subgraphServer,
  temporaryFileKit,
} from '@meritgraph/subgraph-kit';
import { AttachmentResolver } from './modules/attachment/attachment-url.resolver';
import { SubmissionAttachmentsResolver } from './modules/attachment/attachment.resolver';
import { attachmentRoutes } from './modules/attachment/attachment.routes';
import { AttachmentService } from './modules/attachment/attachment.service';
import { OrganizationsApi } from './modules/references/organizations-api';
import { ContestRef, OrganizationRef, PersonRef, TrackRef } from './modules/references/references';
import { ContestSubmissionsResolver } from './modules/submission/contest-submissions.resolver';
import { OrganizationSubmissionsResolver } from './modules/submission/organization-submissions.resolver';
import { PersonSubmissionsResolver } from './modules/submission/person-submissions.resolver';
import { SubmissionCheck } from './modules/submission/submission-check.entity';
import { SubmissionCheckResolver } from './modules/submission/submission-check.resolver';
import { SubmissionCheckService } from './modules/submission/submission-check.service';
import { SubmissionChecksResolver } from './modules/submission/submission-checks.resolver';
import { SubmissionLifecycleService } from './modules/submission/submission-lifecycle.service';
import { submissionReference } from './modules/submission/submission.reference';
import { SubmissionResolver } from './modules/submission/submission.resolver';
import { SubmissionService } from './modules/submission/submission.service';

export { schema as databaseSchema } from './database';

/** The subgraph's schema; needs a DataSource but not a connection, so composition can build it offline. */
export async function buildSchema({ dataSource, peers, clock, files = temporaryFileKit() }: SchemaDeps) {
  const organizations = new OrganizationsApi(peers('organizations'));
  const submissions = new SubmissionService(dataSource, organizations);
  const lifecycle = new SubmissionLifecycleService(dataSource, organizations, clock);
  const attachments = new AttachmentService(dataSource, files, clock);
  const checks = new SubmissionCheckService(dataSource, organizations, clock);
  return buildFederatedSchema({
    resolvers: [
      new ChangeFeedResolver(dataSource),
      new SubmissionResolver(submissions, lifecycle, dataSource.getRepository(AuditEntry)),
      new SubmissionChecksResolver(checks, dataSource.getRepository(SubmissionCheck)),
      new SubmissionCheckResolver(),
      new OrganizationSubmissionsResolver(submissions),
      new ContestSubmissionsResolver(submissions),
      new PersonSubmissionsResolver(submissions),
      new SubmissionAttachmentsResolver(attachments),
      new AttachmentResolver(attachments),
    ],
    // Entity stubs this subgraph extends; some are reachable only as parents of field resolvers.
    orphanedTypes: [OrganizationRef, ContestRef, TrackRef, PersonRef],
    references: submissionReference(submissions),
  });
}

export const createServer = subgraphServer('submissions', buildSchema, {
  routes: ({ dataSource, clock, files }) => attachmentRoutes(new AttachmentService(dataSource, files, clock)),
});
