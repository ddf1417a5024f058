/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** NOMINATED → PROPOSED (拟授予) → ANNOUNCED (公示) → CONFERRED; WITHDRAWN before conferral, REVOKED after. */
export type HonorStatus =
  /** Published for 5 working days (公示), when anyone may object; public. */
  | 'ANNOUNCED'
  /** Granted by decision, with a certificate number; public. */
  | 'CONFERRED'
  /** Put forward within the award’s quota; seen by the office and analysts only. */
  | 'NOMINATED'
  /** Chosen by the office to be announced (拟授予); not public yet. */
  | 'PROPOSED'
  /** Taken back after conferral, with a reason; public. */
  | 'REVOKED'
  /** Dropped before conferral (差额推荐 not chosen, or an objection upheld); not public. */
  | 'WITHDRAWN';

/** What sort of event a milestone is on the contest timeline. */
export type MilestoneKind =
  /** The meeting that decides the awards (评定会). */
  | 'AWARDS_MEETING'
  /** The award ceremony (表彰大会). */
  | 'CEREMONY'
  /** An exchange meeting (交流会) between units. */
  | 'EXCHANGE_MEETING'
  /** The final review (终评). */
  | 'FINAL_REVIEW'
  /** The launch meeting (启动会) that opens the contest. */
  | 'LAUNCH'
  /** A promotion meeting (推进会) during the contest. */
  | 'PROMOTION_MEETING'
  /** A review session (评审) of a round. */
  | 'REVIEW';

/** NATIONAL, PROVINCIAL_MINISTERIAL, MUNICIPAL or OTHER. */
export type PriorHonorLevel =
  /** Granted by a city or its bureaus (市级). */
  | 'MUNICIPAL'
  /** Granted by the state (国家级), e.g. a State Science and Technology Award. */
  | 'NATIONAL'
  /** Any other level. */
  | 'OTHER'
  /** Granted by a province or a ministry (省部级). */
  | 'PROVINCIAL_MINISTERIAL';

/** SCREENING (初审), EVALUATION (第二轮评审) or FINAL (终评). */
export type ReviewStage =
  /** 第二轮评审: scored on weighted criteria; the best of each quota group advance. */
  | 'EVALUATION'
  /** 终评: scored before panels, with presentations; the best are EXCELLENT. */
  | 'FINAL'
  /** 初审: experts PASS, RECOMMEND or ELIMINATE; an entry goes on when enough votes are for it. */
  | 'SCREENING';

/** Where a submission stands in review. */
export type ReviewState =
  /** Its round advanced it to the next one. */
  | 'ADVANCED'
  /** Its round eliminated it. */
  | 'ELIMINATED'
  /** The final round found it excellent (优秀成果). */
  | 'EXCELLENT'
  /** In a round whose results the caller may not read yet (its own unit until they are published). */
  | 'IN_REVIEW'
  /** Never taken into a round the caller may see. */
  | 'NOT_ENTERED';

/** ADVANCED to the next round, ELIMINATED, or EXCELLENT (优秀成果) in the final round. */
export type RoundOutcome =
  /** Goes on to the next round (before the final round). */
  | 'ADVANCED'
  /** Stops in this round. */
  | 'ELIMINATED'
  /** Found excellent (优秀成果) in the final round: a candidate for EXCELLENT_ACHIEVEMENT. */
  | 'EXCELLENT';

export type FiguresQueryVariables = Exact<{
  code: string;
}>;


export type FiguresQuery = { contest: { id: string, participantCount: number, milestones: Array<{ date: string, kind: MilestoneKind, title: string }>, submissions: { totalCount: number } | null, reviewRounds: Array<{ stage: ReviewStage, name: string, reviewDate: string | null, judgeCount: number }> | null, reviewFunnel: Array<{ groupCode: string | null, entries: number, advanced: number, eliminated: number, excellent: number, round: { stage: ReviewStage } }> | null, honorsSummary: { counts: Array<{ status: HonorStatus, count: number, awardType: { code: string, nameZh: string } | null }>, priorHonorLevels: Array<{ level: PriorHonorLevel, count: number }> } | null } | null, experts: { totalCount: number } | null };

export type LeaderboardQueryVariables = Exact<{
  code: string;
}>;


export type LeaderboardQuery = { contest: { reviewRounds: Array<{ name: string, results: { totalCount: number, nodes: Array<{ rank: number | null, aggregate: number, trimmedMean: number, outcome: RoundOutcome, referenceNumber: string | null, submission: { title: string, organization: { name: string } | null } | null }> } | null }> | null } | null };

export type OrganizationHonorsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationHonorsQuery = { organizations: { nodes: Array<{ name: string, honors: Array<{ status: HonorStatus, recipientName: string, decisionNumber: string | null, conferredOn: string | null, awardType: { nameZh: string } | null }> | null }> } | null };

export type StoryQueryVariables = Exact<{
  code: string;
}>;


export type StoryQuery = { contest: { submissions: { nodes: Array<{ referenceNumber: string | null, title: string, organization: { name: string, parent: { name: string } | null } | null, leader: { name: string } | null, track: { code: string, name: string } | null, reviewStatus: { state: ReviewState, round: { name: string } | null } | null, roundResults: Array<{ aggregate: number, rank: number | null, outcome: RoundOutcome, recommended: boolean, round: { name: string } | null }> | null, priorHonors: Array<{ level: PriorHonorLevel, name: string, verified: boolean }> | null, honors: Array<{ status: HonorStatus, decisionNumber: string | null, certificateNumber: string | null, awardType: { nameZh: string } | null }> | null }> } | null } | null };


export const FiguresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Figures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"participantCount"}},{"kind":"Field","name":{"kind":"Name","value":"milestones"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submissions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"SUBMITTED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewRounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"reviewDate"}},{"kind":"Field","name":{"kind":"Name","value":"judgeCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewFunnel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"round"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"groupCode"}},{"kind":"Field","name":{"kind":"Name","value":"entries"}},{"kind":"Field","name":{"kind":"Name","value":"advanced"}},{"kind":"Field","name":{"kind":"Name","value":"eliminated"}},{"kind":"Field","name":{"kind":"Name","value":"excellent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"honorsSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"awardType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priorHonorLevels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"awardTypeCode"},"value":{"kind":"StringValue","value":"EXCELLENT_ACHIEVEMENT","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"experts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<FiguresQuery, FiguresQueryVariables>;
export const LeaderboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Leaderboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewRounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupCode"},"value":{"kind":"StringValue","value":"AI","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"aggregate"}},{"kind":"Field","name":{"kind":"Name","value":"trimmedMean"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"referenceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"submission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LeaderboardQuery, LeaderboardQueryVariables>;
export const OrganizationHonorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationHonors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"nameContains"},"value":{"kind":"StringValue","value":"上海应用物理研究所","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"honors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"awardType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recipientName"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"conferredOn"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationHonorsQuery, OrganizationHonorsQueryVariables>;
export const StoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Story"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submissions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"StringValue","value":"隧道内镜","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referenceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"leader"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"track"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"round"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"roundResults"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"round"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aggregate"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"recommended"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priorHonors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}}]}},{"kind":"Field","name":{"kind":"Name","value":"honors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"awardType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNumber"}},{"kind":"Field","name":{"kind":"Name","value":"certificateNumber"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StoryQuery, StoryQueryVariables>;