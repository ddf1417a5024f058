/**
 * The platform's operations as typed documents (TypedDocumentNode): hand one to Apollo Client,
 * urql or graphql-request and its variables and answer are typed from the schema. The
 * operations are those the README shows, in src/operations/; src/generated/ is written from
 * them by GraphQL Code Generator (`npm run generate -w @meritgraph/client`).
 *
 * Scalars arrive as JSON gives them: DateTimeISO and LocalDate are ISO 8601 strings
 * ("2020-01-15T02:00:00.000Z", "2020-01-15"), JSON is unknown.
 */
export {
  EvaluationScoresDocument,
  type EvaluationScoresQuery,
  type EvaluationScoresQueryVariables,
  ExcellentByPriorHonorDocument,
  type ExcellentByPriorHonorQuery,
  type ExcellentByPriorHonorQueryVariables,
  FiguresDocument,
  type FiguresQuery,
  type FiguresQueryVariables,
  FinalistRatesDocument,
  type FinalistRatesQuery,
  type FinalistRatesQueryVariables,
  HarshnessDocument,
  type HarshnessQuery,
  type HarshnessQueryVariables,
  HonorsPerUnionDocument,
  type HonorsPerUnionQuery,
  type HonorsPerUnionQueryVariables,
  LeaderboardDocument,
  type LeaderboardQuery,
  type LeaderboardQueryVariables,
  OrganizationHonorsDocument,
  type OrganizationHonorsQuery,
  type OrganizationHonorsQueryVariables,
  OrganizerRankingDocument,
  type OrganizerRankingQuery,
  type OrganizerRankingQueryVariables,
  PanelAgreementDocument,
  type PanelAgreementQuery,
  type PanelAgreementQueryVariables,
  ReviewProgressDocument,
  type ReviewProgressQuery,
  type ReviewProgressQueryVariables,
  StoryDocument,
  type StoryQuery,
  type StoryQueryVariables,
  SubmissionsPerUnionAndTrackDocument,
  type SubmissionsPerUnionAndTrackQuery,
  type SubmissionsPerUnionAndTrackQueryVariables,
  YearOverYearDocument,
  type YearOverYearQuery,
  type YearOverYearQueryVariables,
} from './generated/graphql';
export { graphql, type DocumentType } from './generated/gql';
export { KEY_FIELDS } from './cache';
