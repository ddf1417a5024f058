import {
  AuditEntry,
  ChangeFeedResolver,
  type SchemaDeps,
  buildFederatedSchema,
  fileRoutes,
  subgraphServer,
  temporaryFileKit,
} from '@meritgraph/subgraph-kit';
// The schema lists fields in the order their resolver modules load: keep these imports in the published order.
import { AwardResolver } from './modules/award/award.resolver';
import { ContestQuotasResolver } from './modules/award/contest-quotas.resolver';
import { AwardService } from './modules/award/award.service';
import { CalendarResolver } from './modules/calendar/calendar.resolver';
import { CalendarService } from './modules/calendar/calendar.service';
import { EvaluationResolver } from './modules/evaluation/evaluation.resolver';
import { OrganizerTieResolver } from './modules/evaluation/organizer-tie.resolver';
import { EvaluationService } from './modules/evaluation/evaluation.service';
import { honorReference } from './modules/honor/honor.reference';
import { HonorResolver } from './modules/honor/honor.resolver';
import { HonorNominationResolver } from './modules/honor/honor-nomination.resolver';
import { HonorLifecycleResolver } from './modules/honor/honor-lifecycle.resolver';
import { HonorObjectionResolver } from './modules/honor/honor-objection.resolver';
import { ObjectionResolver } from './modules/honor/objection.resolver';
import {
  OrganizationHonorsResolver,
  PersonHonorsResolver,
  SubmissionHonorsResolver,
  TeamHonorsResolver,
} from './modules/honor/recipient-honors.resolver';
import { ContestHonorsResolver } from './modules/honor/contest-honors.resolver';
import { HonorLifecycleService } from './modules/honor/honor-lifecycle.service';
import { HonorNominationService } from './modules/honor/honor-nomination.service';
import { HonorObjectionService } from './modules/honor/honor-objection.service';
import { HonorReadService } from './modules/honor/honor-read.service';
import { PriorHonorResolver } from './modules/prior/prior.resolver';
import { PriorHonorEvidenceResolver } from './modules/prior/evidence.resolver';
import { EvidenceService } from './modules/prior/evidence.service';
import { SubmissionPriorHonorsResolver } from './modules/prior/submission-prior-honors.resolver';
import { SummaryPriorHonorsResolver } from './modules/prior/summary-prior-honors.resolver';
import { PriorHonorService } from './modules/prior/prior.service';
import { RecipientsApi, ReviewApi } from './modules/references/peers';
import { ContestRef, OrganizationRef, PersonRef, SubmissionRef, TeamRef } from './modules/references/references';

export { schema as databaseSchema } from './database';

/** The subgraph's schema; needs a DataSource but not a connection, so composition can build it offline. */
export async function buildSchema({ dataSource, peers, clock, files = temporaryFileKit() }: SchemaDeps) {
  const recipients = new RecipientsApi(peers('organizations'), peers('submissions'));
  const audit = dataSource.getRepository(AuditEntry);
  const reads = new HonorReadService(dataSource);
  const lifecycle = new HonorLifecycleService(dataSource, recipients, clock);
  const nominations = new HonorNominationService(dataSource, recipients, new ReviewApi(peers('expert-review')), lifecycle, clock);
  const objections = new HonorObjectionService(dataSource, clock);
  const awards = new AwardService(dataSource, recipients, clock);
  const priors = new PriorHonorService(dataSource, recipients, clock);
  const evaluations = new EvaluationService(dataSource, recipients, clock);
  return buildFederatedSchema({
    resolvers: [
      new ChangeFeedResolver(dataSource),
      new HonorResolver(reads, awards, audit),
      new HonorNominationResolver(nominations),
      new HonorLifecycleResolver(lifecycle, nominations),
      new HonorObjectionResolver(objections),
      new ObjectionResolver(),
      new SubmissionHonorsResolver(reads),
      new OrganizationHonorsResolver(reads),
      new PersonHonorsResolver(reads),
      new TeamHonorsResolver(reads),
      new ContestHonorsResolver(reads, awards),
      new AwardResolver(awards),
      new ContestQuotasResolver(awards),
      new CalendarResolver(new CalendarService(dataSource, clock)),
      new EvaluationResolver(evaluations),
      new OrganizerTieResolver(evaluations, audit),
      new PriorHonorResolver(priors),
      new PriorHonorEvidenceResolver(new EvidenceService(dataSource, recipients, files, clock)),
      new SubmissionPriorHonorsResolver(priors),
      new SummaryPriorHonorsResolver(priors),
    ],
    // Entity stubs this subgraph extends; some are reachable only as parents of field resolvers.
    orphanedTypes: [SubmissionRef, OrganizationRef, ContestRef, PersonRef, TeamRef],
    references: honorReference(reads),
  });
}

export const createServer = subgraphServer('honors', buildSchema, {
  acceptDirect: ['AGENCY'],
  // A prior honor's proof: uploaded and downloaded by signed URL.
  routes: ({ dataSource, peers, clock, files }) => {
    const evidence = new EvidenceService(dataSource, new RecipientsApi(peers('organizations'), peers('submissions')), files, clock);
    return fileRoutes({ upload: (req, token) => evidence.receive(req, token), download: (res, token) => evidence.download(res, token) });
  },
});
