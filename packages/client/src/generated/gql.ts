/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Figures($code: String!) {\n  contest(code: $code) {\n    id\n    participantCount\n    milestones {\n      date\n      kind\n      title\n    }\n    submissions(status: SUBMITTED) {\n      totalCount\n    }\n    reviewRounds {\n      stage\n      name\n      reviewDate\n      judgeCount\n    }\n    reviewFunnel {\n      round {\n        stage\n      }\n      groupCode\n      entries\n      advanced\n      eliminated\n      excellent\n    }\n    honorsSummary {\n      counts {\n        awardType {\n          code\n          nameZh\n        }\n        status\n        count\n      }\n      priorHonorLevels(awardTypeCode: \"EXCELLENT_ACHIEVEMENT\") {\n        level\n        count\n      }\n    }\n  }\n  experts(first: 1) {\n    totalCount\n  }\n}": typeof types.FiguresDocument,
    "query Leaderboard($code: String!) {\n  contest(code: $code) {\n    reviewRounds {\n      name\n      results(groupCode: \"AI\", first: 3) {\n        totalCount\n        nodes {\n          rank\n          aggregate\n          trimmedMean\n          outcome\n          referenceNumber\n          submission {\n            title\n            organization {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.LeaderboardDocument,
    "query OrganizationHonors {\n  organizations(nameContains: \"上海应用物理研究所\", first: 1) {\n    nodes {\n      name\n      honors {\n        awardType {\n          nameZh\n        }\n        status\n        recipientName\n        decisionNumber\n        conferredOn\n      }\n    }\n  }\n}": typeof types.OrganizationHonorsDocument,
    "query Story($code: String!) {\n  contest(code: $code) {\n    submissions(search: \"隧道内镜\", first: 1) {\n      nodes {\n        referenceNumber\n        title\n        organization {\n          name\n          parent {\n            name\n          }\n        }\n        leader {\n          name\n        }\n        track {\n          code\n          name\n        }\n        reviewStatus {\n          state\n          round {\n            name\n          }\n        }\n        roundResults {\n          round {\n            name\n          }\n          aggregate\n          rank\n          outcome\n          recommended\n        }\n        priorHonors {\n          level\n          name\n          verified\n        }\n        honors {\n          awardType {\n            nameZh\n          }\n          status\n          decisionNumber\n          certificateNumber\n        }\n      }\n    }\n  }\n}": typeof types.StoryDocument,
};
const documents: Documents = {
    "query Figures($code: String!) {\n  contest(code: $code) {\n    id\n    participantCount\n    milestones {\n      date\n      kind\n      title\n    }\n    submissions(status: SUBMITTED) {\n      totalCount\n    }\n    reviewRounds {\n      stage\n      name\n      reviewDate\n      judgeCount\n    }\n    reviewFunnel {\n      round {\n        stage\n      }\n      groupCode\n      entries\n      advanced\n      eliminated\n      excellent\n    }\n    honorsSummary {\n      counts {\n        awardType {\n          code\n          nameZh\n        }\n        status\n        count\n      }\n      priorHonorLevels(awardTypeCode: \"EXCELLENT_ACHIEVEMENT\") {\n        level\n        count\n      }\n    }\n  }\n  experts(first: 1) {\n    totalCount\n  }\n}": types.FiguresDocument,
    "query Leaderboard($code: String!) {\n  contest(code: $code) {\n    reviewRounds {\n      name\n      results(groupCode: \"AI\", first: 3) {\n        totalCount\n        nodes {\n          rank\n          aggregate\n          trimmedMean\n          outcome\n          referenceNumber\n          submission {\n            title\n            organization {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.LeaderboardDocument,
    "query OrganizationHonors {\n  organizations(nameContains: \"上海应用物理研究所\", first: 1) {\n    nodes {\n      name\n      honors {\n        awardType {\n          nameZh\n        }\n        status\n        recipientName\n        decisionNumber\n        conferredOn\n      }\n    }\n  }\n}": types.OrganizationHonorsDocument,
    "query Story($code: String!) {\n  contest(code: $code) {\n    submissions(search: \"隧道内镜\", first: 1) {\n      nodes {\n        referenceNumber\n        title\n        organization {\n          name\n          parent {\n            name\n          }\n        }\n        leader {\n          name\n        }\n        track {\n          code\n          name\n        }\n        reviewStatus {\n          state\n          round {\n            name\n          }\n        }\n        roundResults {\n          round {\n            name\n          }\n          aggregate\n          rank\n          outcome\n          recommended\n        }\n        priorHonors {\n          level\n          name\n          verified\n        }\n        honors {\n          awardType {\n            nameZh\n          }\n          status\n          decisionNumber\n          certificateNumber\n        }\n      }\n    }\n  }\n}": types.StoryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Figures($code: String!) {\n  contest(code: $code) {\n    id\n    participantCount\n    milestones {\n      date\n      kind\n      title\n    }\n    submissions(status: SUBMITTED) {\n      totalCount\n    }\n    reviewRounds {\n      stage\n      name\n      reviewDate\n      judgeCount\n    }\n    reviewFunnel {\n      round {\n        stage\n      }\n      groupCode\n      entries\n      advanced\n      eliminated\n      excellent\n    }\n    honorsSummary {\n      counts {\n        awardType {\n          code\n          nameZh\n        }\n        status\n        count\n      }\n      priorHonorLevels(awardTypeCode: \"EXCELLENT_ACHIEVEMENT\") {\n        level\n        count\n      }\n    }\n  }\n  experts(first: 1) {\n    totalCount\n  }\n}"): (typeof documents)["query Figures($code: String!) {\n  contest(code: $code) {\n    id\n    participantCount\n    milestones {\n      date\n      kind\n      title\n    }\n    submissions(status: SUBMITTED) {\n      totalCount\n    }\n    reviewRounds {\n      stage\n      name\n      reviewDate\n      judgeCount\n    }\n    reviewFunnel {\n      round {\n        stage\n      }\n      groupCode\n      entries\n      advanced\n      eliminated\n      excellent\n    }\n    honorsSummary {\n      counts {\n        awardType {\n          code\n          nameZh\n        }\n        status\n        count\n      }\n      priorHonorLevels(awardTypeCode: \"EXCELLENT_ACHIEVEMENT\") {\n        level\n        count\n      }\n    }\n  }\n  experts(first: 1) {\n    totalCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Leaderboard($code: String!) {\n  contest(code: $code) {\n    reviewRounds {\n      name\n      results(groupCode: \"AI\", first: 3) {\n        totalCount\n        nodes {\n          rank\n          aggregate\n          trimmedMean\n          outcome\n          referenceNumber\n          submission {\n            title\n            organization {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query Leaderboard($code: String!) {\n  contest(code: $code) {\n    reviewRounds {\n      name\n      results(groupCode: \"AI\", first: 3) {\n        totalCount\n        nodes {\n          rank\n          aggregate\n          trimmedMean\n          outcome\n          referenceNumber\n          submission {\n            title\n            organization {\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrganizationHonors {\n  organizations(nameContains: \"上海应用物理研究所\", first: 1) {\n    nodes {\n      name\n      honors {\n        awardType {\n          nameZh\n        }\n        status\n        recipientName\n        decisionNumber\n        conferredOn\n      }\n    }\n  }\n}"): (typeof documents)["query OrganizationHonors {\n  organizations(nameContains: \"上海应用物理研究所\", first: 1) {\n    nodes {\n      name\n      honors {\n        awardType {\n          nameZh\n        }\n        status\n        recipientName\n        decisionNumber\n        conferredOn\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Story($code: String!) {\n  contest(code: $code) {\n    submissions(search: \"隧道内镜\", first: 1) {\n      nodes {\n        referenceNumber\n        title\n        organization {\n          name\n          parent {\n            name\n          }\n        }\n        leader {\n          name\n        }\n        track {\n          code\n          name\n        }\n        reviewStatus {\n          state\n          round {\n            name\n          }\n        }\n        roundResults {\n          round {\n            name\n          }\n          aggregate\n          rank\n          outcome\n          recommended\n        }\n        priorHonors {\n          level\n          name\n          verified\n        }\n        honors {\n          awardType {\n            nameZh\n          }\n          status\n          decisionNumber\n          certificateNumber\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query Story($code: String!) {\n  contest(code: $code) {\n    submissions(search: \"隧道内镜\", first: 1) {\n      nodes {\n        referenceNumber\n        title\n        organization {\n          name\n          parent {\n            name\n          }\n        }\n        leader {\n          name\n        }\n        track {\n          code\n          name\n        }\n        reviewStatus {\n          state\n          round {\n            name\n          }\n        }\n        roundResults {\n          round {\n            name\n          }\n          aggregate\n          rank\n          outcome\n          recommended\n        }\n        priorHonors {\n          level\n          name\n          verified\n        }\n        honors {\n          awardType {\n            nameZh\n          }\n          status\n          decisionNumber\n          certificateNumber\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;