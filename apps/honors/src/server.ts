import { AuditEntry, type SchemaDeps, buildFederatedSchema, subgraphServer } from '@meritgraph/subgraph-kit';
import { AwardResolver, ContestQuotasResolver } from './modules/award/award.resolver';
import { AwardService } from './modules/award/award.service';
import { CalendarResolver } from './modules/calendar/calendar.resolver';
import { CalendarService } from './modules/calendar/calendar.service';
import { EvaluationResolver } from './modules/evaluation/evaluation.resolver';
import { EvaluationService } from './modules/evaluation/evaluation.service';
import { honorReference } from './modules/honor/honor.reference';
import {
  ContestHonorsResolver,
  HonorResolver,
  ObjectionResolver,
  OrganizationHonorsResolver,
  PersonHonorsResolver,
  SubmissionHonorsResolver,
  TeamHonorsResolver,
} from './modules/honor/honor.resolver';
import { HonorService } from './modules/honor/honor.service';
import { PriorHonorResolver, SubmissionPriorHonorsResolver, SummaryPriorHonorsResolver } from './modules/prior/prior.resolver';
import { PriorHonorService } from './modules/prior/prior.service';
import { RecipientsApi, ReviewApi } from './modules/references/peers';
import { ContestRef, OrganizationRef, PersonRef, SubmissionRef, TeamRef } from './modules/references/references';

export { schema as databaseSchema } from './database';

/** The subgraph's schema; needs a DataSource but not a connection, so composition can build it offline. */
export async function buildSchema({ dataSource, peers, clock }: SchemaDeps) {
  const recipients = new RecipientsApi(peers('organizations'), peers('submissions'));
  const audit = dataSource.getRepository(AuditEntry);
  const honors = new HonorService(dataSource, recipients, new ReviewApi(peers('expert-review')), clock);
  const awards = new AwardService(dataSource, recipients);
  const priors = new PriorHonorService(dataSource, recipients, clock);
  return buildFederatedSchema({
    resolvers: [
      new HonorResolver(honors, awards, audit),
      new ObjectionResolver(),
      new SubmissionHonorsResolver(honors),
      new OrganizationHonorsResolver(honors),
      new PersonHonorsResolver(honors),
      new TeamHonorsResolver(honors),
      new ContestHonorsResolver(honors, awards),
      new AwardResolver(awards),
      new ContestQuotasResolver(awards),
      new CalendarResolver(new CalendarService(dataSource)),
      new EvaluationResolver(new EvaluationService(dataSource, recipients, clock)),
      new PriorHonorResolver(priors),
      new SubmissionPriorHonorsResolver(priors),
      new SummaryPriorHonorsResolver(priors),
    ],
    // Entity stubs this subgraph extends; some are reachable only as parents of field resolvers.
    orphanedTypes: [SubmissionRef, OrganizationRef, ContestRef, PersonRef, TeamRef],
    references: honorReference(honors),
  });
}

export const createServer = subgraphServer('honors', buildSchema, { acceptDirect: ['AGENCY'] });
