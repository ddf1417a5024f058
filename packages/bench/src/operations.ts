/**
 * The operations the gateway benchmark sends, and the variables of each request: the same for
 * every request ("identical"), or drawn in turn from the replayed data ("diverse"), so that no
 * two requests in flight at once ask the same thing and in-flight deduplication cannot help.
 * operations.spec.ts validates every one against schema.graphql.
 */

export type OperationKey = 'contest' | 'list' | 'leaderboard' | 'story' | 'agency';
export const OPERATION_KEYS: readonly OperationKey[] = ['contest', 'list', 'leaderboard', 'story', 'agency'];

export type Workload = 'identical' | 'diverse';
export const WORKLOADS: readonly Workload[] = ['identical', 'diverse'];

export interface Operation {
  key: OperationKey;
  /** The row's name in the tables. */
  title: string;
  /** The subgraphs that answer it. */
  subgraphs: string;
  /** Who asks: the office (ADMIN) through a gateway, or an agency (AGENCY) at the honors subgraph's own port. */
  role: 'ADMIN' | 'AGENCY';
  /** `honors`: sent to the honors subgraph directly, as outside agencies do; there is no Hive Gateway peer. */
  via: 'gateway' | 'honors';
  operationName: string;
  query: string;
}

const CONTEST_PAGE = `query ContestPage($code: String!) {
  contest(code: $code) {
    id code name year theme status startsOn endsOn submissionOpensAt submissionClosesAt participantCount
    organizer { name }
    coOrganizers { name }
    tracks { id code name }
    milestones { date kind title }
  }
}`;

/** The list as the office pages through it; the gathering of cursors asks it with the same variables, so every cursor fits. */
export const SUBMISSION_LIST = `query SubmissionList($contestId: ID!, $trackId: ID, $search: String, $after: String) {
  submissions(contestId: $contestId, trackId: $trackId, search: $search, first: 20, after: $after) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes {
      id referenceNumber title status submittedAt keywords
      track { code name }
      organization { name kind parent { name } }
      leader { name }
      reviewStatus { state round { name } }
      roundResults { round { name } aggregate rank outcome recommended }
      honors { awardTypeCode status decisionNumber }
    }
  }
}`;

export const LEADERBOARD = `query Leaderboard($round: ID!, $group: String!, $after: String) {
  reviewRound(id: $round) {
    name stage status
    results(groupCode: $group, first: 20, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes {
        rank aggregate trimmedMean mean median outcome recommended referenceNumber
        submission { title track { code } organization { name } }
      }
    }
  }
}`;

const STORY = `query Story($id: ID!) {
  submission(id: $id) {
    referenceNumber title status submittedAt
    organization { name parent { name } }
    leader { name }
    track { code name }
    reviewStatus { state round { name } }
    roundResults {
      round { name stage }
      aggregate mean median trimmedMean rank outcome recommended scorecardCount passCount recommendCount
    }
    priorHonors { level name verified }
    honors { awardType { nameZh } status decisionNumber certificateNumber conferredOn }
  }
}`;

/** What an agency reads at the honors subgraph's own port: the contest year's public honor records, a page at a time. */
export const AGENCY_HONORS = `query AgencyHonors($awardTypeCode: String, $after: String) {
  honors(year: 2019, awardTypeCode: $awardTypeCode, first: 20, after: $after) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes {
      awardTypeCode awardType { nameZh level } recipientKind recipientName organizationName status
      decisionNumber conferredOn certificateNumber
    }
  }
}`;

export const OPERATIONS: readonly Operation[] = [
  {
    key: 'contest',
    title: 'contest page',
    subgraphs: 'organizations',
    role: 'ADMIN',
    via: 'gateway',
    operationName: 'ContestPage',
    query: CONTEST_PAGE,
  },
  {
    key: 'list',
    title: 'submissions list (20)',
    subgraphs: 'all four',
    role: 'ADMIN',
    via: 'gateway',
    operationName: 'SubmissionList',
    query: SUBMISSION_LIST,
  },
  {
    key: 'leaderboard',
    title: 'leaderboard (20)',
    subgraphs: 'expert-review, submissions, organizations',
    role: 'ADMIN',
    via: 'gateway',
    operationName: 'Leaderboard',
    query: LEADERBOARD,
  },
  {
    key: 'story',
    title: "an entry's story",
    subgraphs: 'all four',
    role: 'ADMIN',
    via: 'gateway',
    operationName: 'Story',
    query: STORY,
  },
  {
    key: 'agency',
    title: 'agency honors list (20), :honors direct',
    subgraphs: 'honors',
    role: 'AGENCY',
    via: 'honors',
    operationName: 'AgencyHonors',
    query: AGENCY_HONORS,
  },
];

export const operation = (key: OperationKey): Operation => OPERATIONS.find((o) => o.key === key)!;

/** Real values from the replayed data, gathered through the API before the load starts. */
export interface Fixtures {
  /** What the identical workload asks for, in words. */
  identical: string;
  contestCode: string;
  contestId: string;
  /** Variables of list pages: every cursor page of the whole list (up to a bound), of each track, and of search words. */
  listPages: ListVariables[];
  /** A round and group with results; the first is the AI group of the round with the most. */
  leaderboards: LeaderboardVariables[];
  /** Submission ids; the first is the one the identical workload asks for. */
  stories: string[];
  agencyPages: AgencyVariables[];
}

export interface ListVariables {
  contestId: string;
  trackId: string | null;
  search: string | null;
  after: string | null;
}
export interface LeaderboardVariables {
  round: string;
  group: string;
  after: string | null;
}
export interface AgencyVariables {
  awardTypeCode: string | null;
  after: string | null;
}

/**
 * The variables of the requests of one operation in one workload, in the order they are sent
 * (round-robin). Identical: one set. Diverse: every set the data offers; none for the contest
 * page, since the data holds one contest (its page cannot vary).
 */
export function variablesFor(key: OperationKey, workload: Workload, f: Fixtures): Record<string, unknown>[] {
  const identical = workload === 'identical';
  switch (key) {
    case 'contest':
      return identical ? [{ code: f.contestCode }] : [];
    case 'list':
      return identical ? [{ contestId: f.contestId, trackId: null, search: null, after: null }] : spread(f.listPages);
    case 'leaderboard':
      return identical ? [{ ...f.leaderboards[0]!, after: null }] : spread(f.leaderboards);
    case 'story':
      return identical ? [{ id: f.stories[0]! }] : f.stories.map((id) => ({ id }));
    case 'agency':
      return identical ? [{ awardTypeCode: null, after: null }] : spread(f.agencyPages);
  }
}

const spread = (list: object[]): Record<string, unknown>[] => list.map((v) => ({ ...v }) as Record<string, unknown>);

/** The request bodies, serialized once: the load generator only picks the next one. */
export const requestBodies = (op: Operation, variables: Record<string, unknown>[]): string[] =>
  variables.map((v) => JSON.stringify({ query: op.query, operationName: op.operationName, variables: v }));

/**
 * Interleaves groups of variants (pages of the whole list, of each track, of each search word)
 * so that neighbours in the round-robin come from different groups.
 */
export function interleave<T>(groups: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...groups.map((g) => g.length));
  for (let i = 0; i < longest; i++) for (const g of groups) if (i < g.length) out.push(g[i]!);
  return out;
}
