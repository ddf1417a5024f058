import type { GraphClient } from '../../src';

/**
 * The figures of the analytics questions as the transactional subgraphs give them: every
 * list read page by page through the gateway, and every grouping done here in plain code,
 * so that an analytics answer is always checked against something it did not compute.
 */

export type Id = { id: string };
type Page<T> = { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** The union kinds that mobilize units. */
const UNION_KINDS = new Set(['TRADE_UNION_FEDERATION', 'DISTRICT_UNION', 'INDUSTRY_UNION']);

/**
 * Every node of a connection, paged 100 at a time. `query` takes `$after: String` and selects
 * `nodes { … } pageInfo { hasNextPage endCursor }` of the connection `pick` returns.
 */
export async function everyNode<T, D = unknown>(
  client: GraphClient,
  query: string,
  variables: Record<string, unknown>,
  pick: (data: D) => Page<T> | null | undefined,
): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = pick(await client.data<D>(query, { ...variables, after }));
    if (!page) throw new Error(`no connection in the answer to ${query.slice(0, 80)}`);
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

const PAGE = 'pageInfo { hasNextPage endCursor }';

export interface Org {
  id: string;
  name: string;
  kind: string;
  district: string | null;
  parentId: string | null;
}

/** The organization tree, as the organizations subgraph lists it. */
export class OrgTree {
  constructor(readonly byId: ReadonlyMap<string, Org>) {}

  static async load(client: GraphClient): Promise<OrgTree> {
    const rows = await everyNode<Org & { parent: Id | null }, { organizations: Page<Org & { parent: Id | null }> }>(
      client,
      `query($after: String) { organizations(first: 100, after: $after) { nodes { id name kind district parent { id } } ${PAGE} } }`,
      {},
      (d) => d.organizations,
    );
    return new OrgTree(new Map(rows.map((o) => [o.id, { ...o, parentId: o.parent?.id ?? null }])));
  }

  /** The organization and those above it, nearest first. */
  chain(id: string | null): Org[] {
    const chain: Org[] = [];
    for (let at = id; at && !chain.some((o) => o.id === at);) {
      const org = this.byId.get(at);
      if (!org) break;
      chain.push(org);
      at = org.parentId;
    }
    return chain;
  }

  /** Its own district, or that of the nearest organization above it that has one. */
  district(id: string): string | null {
    return this.chain(id).find((o) => o.district)?.district ?? null;
  }

  within(id: string, rootId: string): boolean {
    return this.chain(id).some((o) => o.id === rootId);
  }

  /** The nearest union, the organization itself included. */
  nearestUnion(id: string): string | null {
    return this.chain(id).find((o) => UNION_KINDS.has(o.kind))?.id ?? null;
  }
}

export interface RoundRow {
  id: string;
  name: string;
  stage: string;
  status: string;
  panels: { id: string; name: string }[];
}
export interface ContestRow {
  id: string;
  code: string;
  year: number;
  reviewRounds: RoundRow[];
}

export async function contests(client: GraphClient): Promise<ContestRow[]> {
  return everyNode<ContestRow, { contests: Page<ContestRow> }>(
    client,
    `query($after: String) { contests(first: 100, after: $after) { nodes { id code year reviewRounds { id name stage status panels { id name } } } ${PAGE} } }`,
    {},
    (d) => d.contests,
  );
}

export const roundOf = (contest: ContestRow, stage: string): RoundRow => {
  const round = contest.reviewRounds.find((r) => r.stage === stage);
  if (!round) throw new Error(`${contest.code} has no ${stage} round`);
  return round;
};

export interface SubmissionRow {
  id: string;
  status: string;
  track: Id | null;
  organization: Id | null;
  priorHonors: { level: string; verified: boolean }[];
}

export const submissionsOf = (client: GraphClient, contestId: string) =>
  everyNode<SubmissionRow, { contest: { submissions: Page<SubmissionRow> } }>(
    client,
    `query($c: ID!, $after: String) { contest(id: $c) { submissions(first: 100, after: $after) {
      nodes { id status track { id } organization { id } priorHonors { level verified } } ${PAGE} } } }`,
    { c: contestId },
    (d) => d.contest.submissions,
  );

/** Who mobilized each enrolled unit of the contest. */
export async function mobilizers(client: GraphClient, contestId: string): Promise<Map<string, string>> {
  type Row = { organization: Id; mobilizedBy: Id | null };
  const rows = await everyNode<Row, { participations: Page<Row> }>(
    client,
    `query($c: ID!, $after: String) { participations(contestId: $c, first: 100, after: $after) { nodes { organization { id } mobilizedBy { id } } ${PAGE} } }`,
    { c: contestId },
    (d) => d.participations,
  );
  return new Map(rows.filter((r) => r.mobilizedBy).map((r) => [r.organization.id, r.mobilizedBy!.id]));
}

/** The union that mobilized the unit for the contest, else its nearest union (itself included). */
export const unionOf = (tree: OrgTree, mobilized: ReadonlyMap<string, string>, organizationId: string) =>
  mobilized.get(organizationId) ?? tree.nearestUnion(organizationId);

/** The submissions that have an entry in the round. */
export async function entrantsOf(client: GraphClient, roundId: string): Promise<Set<string>> {
  type Row = { submission: Id };
  const rows = await everyNode<Row, { reviewRound: { entries: Page<Row> } }>(
    client,
    `query($r: ID!, $after: String) { reviewRound(id: $r) { entries(first: 100, after: $after) { nodes { submission { id } } ${PAGE} } } }`,
    { r: roundId },
    (d) => d.reviewRound.entries,
  );
  return new Set(rows.map((r) => r.submission.id));
}

/** The submissions whose result in the round has this outcome. */
export async function withOutcome(client: GraphClient, roundId: string, outcome: string): Promise<Set<string>> {
  type Row = { submission: Id };
  const rows = await everyNode<Row, { reviewRound: { results: Page<Row> } }>(
    client,
    `query($r: ID!, $o: RoundOutcome, $after: String) { reviewRound(id: $r) { results(first: 100, after: $after, outcome: $o) { nodes { submission { id } } ${PAGE} } } }`,
    { r: roundId, o: outcome },
    (d) => d.reviewRound.results,
  );
  return new Set(rows.map((r) => r.submission.id));
}

/** FINALIST and EXCELLENT of a contest's submissions: an entry in a FINAL round; an EXCELLENT result in any round. */
export async function finalistsAndExcellent(client: GraphClient, contest: ContestRow) {
  const finalists = new Set<string>();
  const excellent = new Set<string>();
  for (const round of contest.reviewRounds) {
    if (round.stage === 'FINAL') for (const id of await entrantsOf(client, round.id)) finalists.add(id);
    if (round.status === 'FINALIZED') for (const id of await withOutcome(client, round.id, 'EXCELLENT')) excellent.add(id);
  }
  return { finalists, excellent };
}

export interface AssignmentRow {
  status: string;
  expert: Id;
  entry: { id: string; track: Id | null };
  panel: { id: string; name: string } | null;
  scorecard: { id: string; total: number } | null;
}

export const assignmentsOf = (client: GraphClient, roundId: string) =>
  everyNode<AssignmentRow, { reviewRound: { assignments: Page<AssignmentRow> } }>(
    client,
    `query($r: ID!, $after: String) { reviewRound(id: $r) { assignments(first: 100, after: $after) {
      nodes { status expert { id } entry { id track { id } } panel { id name } scorecard { id total } } ${PAGE} } } }`,
    { r: roundId },
    (d) => d.reviewRound.assignments,
  );

export interface ScorecardRow {
  total: number;
  expert: Id;
  entry: { id: string; track: Id | null };
}

export const scorecardsOf = (client: GraphClient, roundId: string) =>
  everyNode<ScorecardRow, { reviewRound: { scorecards: Page<ScorecardRow> } }>(
    client,
    `query($r: ID!, $after: String) { reviewRound(id: $r) { scorecards(first: 100, after: $after) {
      nodes { total expert { id } entry { id track { id } } } ${PAGE} } } }`,
    { r: roundId },
    (d) => d.reviewRound.scorecards,
  );

export interface HonorRow {
  awardTypeCode: string;
  status: string;
  recipientKind: string;
  recipient: { __typename: string; id?: string; organization?: Id | null } | null;
}

export const honorsOf = (client: GraphClient, contestId: string) =>
  everyNode<HonorRow, { honors: Page<HonorRow> }>(
    client,
    `query($c: ID!, $after: String) { honors(contestId: $c, first: 100, after: $after) { nodes { awardTypeCode status recipientKind
      recipient { __typename ... on Organization { id } ... on Person { organization { id } } ... on Team { organization { id } } ... on Submission { organization { id } } } } ${PAGE} } }`,
    { c: contestId },
    (d) => d.honors,
  );

/** The organization an honor went to or through: the organization itself, or the person's, team's or achievement's. */
export const honoredOrganization = (h: HonorRow): string | null =>
  h.recipient?.__typename === 'Organization' ? (h.recipient.id ?? null) : (h.recipient?.organization?.id ?? null);

/** Counts per key. */
export function tally<T>(rows: readonly T[], key: (row: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}

/** A composite key of a cell's group values (null as the empty string). */
export const keyOf = (...parts: (string | number | null | undefined)[]) => JSON.stringify(parts.map((p) => (p == null ? '' : String(p))));

/** Ratings of scorecards, as the domain's statistics take them. */
export const ratingsOf = (cards: readonly { expert: Id; entry: Id; total: number }[]) =>
  cards.map((c) => ({ raterId: c.expert.id, itemId: c.entry.id, score: c.total }));

/** Standard competition ranks (1224) of the values, highest first. */
export function competitionRanks(values: readonly number[]): number[] {
  return values.map((v) => 1 + values.filter((w) => w > v).length);
}
