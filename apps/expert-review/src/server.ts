import {
  AuditEntry,
  ChangeFeedResolver,
  type SchemaDeps,
  buildFederatedSchema,
  importRoutes,
  subgraphServer,
} from '@meritgraph/subgraph-kit';
import { expertImport } from './modules/imports/expert-import';
import { AssignmentResolver } from './modules/assignment/assignment.resolver';
import { AssignmentService } from './modules/assignment/assignment.service';
import { ExpertAssignmentService } from './modules/assignment/expert-assignment.service';
// Loaded before the entry resolver: resolvers declare their queries and mutations in the order
// their modules load, and that order is the published schema's.
import { RoundResolver } from './modules/round/round.resolver';
import { EntryResolver } from './modules/entry/entry.resolver';
import { EntryService } from './modules/entry/entry.service';
import { expertReference } from './modules/expert/expert.reference';
import { ExpertResolver } from './modules/expert/expert.resolver';
import { ExpertService } from './modules/expert/expert.service';
import { PersonExpertResolver } from './modules/expert/person-expert.resolver';
import { ExpertAssignmentsResolver } from './modules/expert/expert-assignments.resolver';
import { PanelResolver } from './modules/panel/panel.resolver';
import { PanelService } from './modules/panel/panel.service';
import { OrganizationsApi, SubmissionsApi } from './modules/references/peers';
import { EntryFilesService } from './modules/entry/entry-files';
import { EntryFilesResolver } from './modules/entry/entry-files.resolver';
import { ContestRef, OrganizationRef, PersonRef, SubmissionRef, TrackRef } from './modules/references/references';
import { roundReference } from './modules/round/round.reference';
import { ContestRoundsResolver } from './modules/round/contest-rounds.resolver';
import { QuotaGroupResolver } from './modules/round/quota-group.resolver';
import { RoundService } from './modules/round/round.service';
import { SubmissionReviewResolver } from './modules/round/submission-review.resolver';
import { ScorecardResolver } from './modules/scorecard/scorecard.resolver';
import { ScorecardService } from './modules/scorecard/scorecard.service';
import { ResultComputationService } from './modules/result/result-computation.service';
import { ResultDecisionService } from './modules/result/result-decision.service';
import { ResultReportService } from './modules/result/result-report.service';
import { PresentationService } from './modules/presentation/presentation.service';
// Fields and mutations take the order their resolvers load, and that order is the published
// schema's: a round's results, then its presentations, then the office's decisions on it, while
// the decision mutations come before the scheduling one.
import { RoundResultsResolver } from './modules/result/round-results.resolver';
import { ResultPreviewResolver } from './modules/result/result-preview.resolver';
import { ResultDecisionResolver } from './modules/result/result-decision.resolver';
import { RoundPresentationsResolver } from './modules/presentation/round-presentations.resolver';
import { RoundDecisionsResolver } from './modules/result/round-decisions.resolver';
import { ExpertStatisticResolver } from './modules/result/expert-statistic.resolver';
import { RoundResultResolver } from './modules/result/round-result.resolver';
import { PresentationResolver } from './modules/presentation/presentation.resolver';
import { SubmissionResultsResolver } from './modules/result/submission-results.resolver';
import { ContestFunnelResolver } from './modules/result/contest-funnel.resolver';

export { schema as databaseSchema } from './database';

/** The subgraph's schema; needs a DataSource but not a connection, so composition can build it offline. */
export async function buildSchema({ dataSource, peers, clock }: SchemaDeps) {
  const organizations = new OrganizationsApi(peers('organizations'));
  const submissions = new SubmissionsApi(peers('submissions'));
  const audit = dataSource.getRepository(AuditEntry);
  const experts = new ExpertService(dataSource, organizations, clock);
  const rounds = new RoundService(dataSource, organizations, clock);
  const entries = new EntryService(dataSource, rounds, organizations, submissions, clock);
  const panels = new PanelService(dataSource, rounds, organizations, clock);
  const assignments = new AssignmentService(dataSource, rounds, entries, panels, clock);
  const scorecards = new ScorecardService(dataSource, rounds, clock);
  const computation = new ResultComputationService(dataSource, rounds, clock);
  const decisions = new ResultDecisionService(dataSource, rounds, computation, clock);
  const reports = new ResultReportService(dataSource);
  const presentations = new PresentationService(dataSource, rounds, clock);
  return buildFederatedSchema({
    resolvers: [
      new ChangeFeedResolver(dataSource),
      new ExpertResolver(experts, audit),
      new PersonExpertResolver(experts),
      new RoundResolver(rounds, entries, assignments, scorecards, panels, audit, decisions.finalize),
      new QuotaGroupResolver(),
      new SubmissionReviewResolver(rounds),
      new ContestRoundsResolver(rounds),
      new EntryResolver(entries, rounds, assignments, scorecards, audit),
      new EntryFilesResolver(new EntryFilesService(dataSource, rounds, submissions)),
      new PanelResolver(panels, rounds, experts),
      new AssignmentResolver(assignments, entries, experts, panels, scorecards, audit),
      new ExpertAssignmentsResolver(new ExpertAssignmentService(dataSource)),
      new ScorecardResolver(scorecards, entries, experts, audit),
      new RoundResultsResolver(reports),
      new ResultPreviewResolver(computation, entries),
      new ResultDecisionResolver(decisions),
      new RoundPresentationsResolver(presentations, entries),
      new RoundDecisionsResolver(decisions),
      new ExpertStatisticResolver(experts),
      new RoundResultResolver(entries, rounds),
      new PresentationResolver(entries, panels),
      new SubmissionResultsResolver(reports),
      new ContestFunnelResolver(reports),
    ],
    // Entity stubs this subgraph extends; some are reachable only as parents of field resolvers.
    orphanedTypes: [SubmissionRef, ContestRef, PersonRef, OrganizationRef, TrackRef],
    references: { ...roundReference(rounds), ...expertReference(experts) },
  });
}

export const createServer = subgraphServer('expert-review', buildSchema, {
  // The office's import of the expert pool: each row through createExperts' rules, all or nothing.
  routes: ({ dataSource, peers, clock, identify }) => {
    const organizations = new OrganizationsApi(peers('organizations'));
    return importRoutes(
      { experts: expertImport(dataSource, new ExpertService(dataSource, organizations, clock), organizations, clock) },
      identify,
    );
  },
});
