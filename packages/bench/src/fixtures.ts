import {
  AGENCY_HONORS,
  type AgencyVariables,
  type Fixtures,
  LEADERBOARD,
  type LeaderboardVariables,
  type ListVariables,
  SUBMISSION_LIST,
  interleave,
} from './operations';

/** POSTs one GraphQL request; throws on a non-200 answer or any GraphQL error, naming the operation. */
export async function graphql<T>(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`${url} answered ${response.status} with no JSON: ${text.slice(0, 200)}`);
  }
  if (response.status !== 200 || body.errors?.length || !body.data) {
    const name = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? query.slice(0, 60);
    throw new Error(`${name} at ${url}: HTTP ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 400)}`);
  }
  return body.data;
}

/** How many variants of each kind the diverse workload gathers, at most. */
export const GATHER_LIMITS = {
  listPages: 40,
  trackPages: 4,
  searchWords: 24,
  leaderboardPages: 8,
  stories: 200,
  agencyPages: 40,
  agencyTypePages: 10,
};

interface Page<T> {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: T[];
}

/** The cursors of up to `pages` pages of one list: null (the first page), then each page's endCursor. */
async function cursors<T>(pages: number, fetchPage: (after: string | null) => Promise<Page<T> | null>, seen?: (nodes: T[]) => void) {
  const out: (string | null)[] = [];
  let after: string | null = null;
  for (let i = 0; i < pages; i++) {
    const page = await fetchPage(after);
    if (!page || page.nodes.length === 0) break;
    out.push(after);
    seen?.(page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return out;
}

interface ListNode {
  id: string;
  title: string;
  keywords: string[];
}

/**
 * Gathers the fixtures from the platform's gateway as the office (admin token) and from the
 * honors subgraph's port as an agency: the contest, cursors of the list's pages (whole list,
 * each track, search words taken from the entries' own keywords), every round and group with
 * results, submission ids, and pages of the agency's honors list.
 */
export async function gatherFixtures(
  gateway: string,
  honors: string,
  admin: string,
  agency: string,
  contestCode: string,
): Promise<Fixtures> {
  const { contest } = await graphql<{
    contest: {
      id: string;
      tracks: { id: string; code: string }[];
      reviewRounds: { id: string; name: string }[] | null;
      reviewFunnel: { groupCode: string | null }[] | null;
    } | null;
  }>(
    gateway,
    admin,
    `
      query ($code: String!) {
        contest(code: $code) {
          id
          tracks {
            id
            code
          }
          reviewRounds {
            id
            name
          }
          reviewFunnel {
            groupCode
          }
        }
      }
    `,
    { code: contestCode },
  );
  if (!contest) throw new Error(`No contest ${contestCode} in the data: rebuild it with --fresh`);

  const listPage = (vars: ListVariables) =>
    graphql<{ submissions: Page<ListNode> | null }>(gateway, admin, SUBMISSION_LIST, { ...vars }).then((d) => d.submissions);
  const nodes = new Map<string, ListNode>();
  const remember = (list: ListNode[]) => list.forEach((n) => nodes.set(n.id, n));
  const base = { contestId: contest.id, trackId: null, search: null };
  const whole = (await cursors(GATHER_LIMITS.listPages, (after) => listPage({ ...base, after }), remember)).map((after) => ({
    ...base,
    after,
  }));
  const byTrack: ListVariables[][] = [];
  for (const track of contest.tracks) {
    const vars = { ...base, trackId: track.id };
    byTrack.push(
      (await cursors(GATHER_LIMITS.trackPages, (after) => listPage({ ...vars, after }), remember)).map((after) => ({ ...vars, after })),
    );
  }
  const words = [...new Set([...nodes.values()].flatMap((n) => n.keywords))].filter((w) => w.trim()).slice(0, GATHER_LIMITS.searchWords);
  const bySearch: ListVariables[] = [];
  for (const search of words) {
    const page = await listPage({ ...base, search, after: null });
    if (page && page.nodes.length > 0) bySearch.push({ ...base, search, after: null });
  }

  const leaderboard = (vars: LeaderboardVariables) =>
    graphql<{ reviewRound: { results: Page<unknown> | null } | null }>(gateway, admin, LEADERBOARD, { ...vars }).then(
      (d) => d.reviewRound?.results ?? null,
    );
  // The quota groups (AI, BIOMED, IC+BIG_SCIENCE), as the funnel names them.
  const groups = [...new Set((contest.reviewFunnel ?? []).map((s) => s.groupCode).filter((g): g is string => !!g))];
  const boards: { vars: LeaderboardVariables[]; total: number; ai: boolean; round: string }[] = [];
  for (const round of contest.reviewRounds ?? []) {
    for (const group of groups) {
      let total = 0;
      const pages = await cursors(GATHER_LIMITS.leaderboardPages, async (after) => {
        const page = await leaderboard({ round: round.id, group, after });
        total = Math.max(total, page?.totalCount ?? 0);
        return page;
      });
      if (pages.length)
        boards.push({ vars: pages.map((after) => ({ round: round.id, group, after })), total, ai: group === 'AI', round: round.name });
    }
  }
  const ai = boards.filter((b) => b.ai).sort((a, b) => b.total - a.total)[0];
  if (!ai) throw new Error('No review round has results in the AI group: the data is not a finished 2019 contest');
  const leaderboards = [ai.vars[0]!, ...interleave(boards.map((b) => b.vars)).filter((v) => v !== ai.vars[0])];

  // The story of the entry the README follows, then other entries of the list.
  const { contest: named } = await graphql<{ contest: { submissions: { nodes: { id: string; title: string }[] } | null } | null }>(
    gateway,
    admin,
    `
      query ($code: String!) {
        contest(code: $code) {
          submissions(search: "隧道内镜", first: 1) {
            nodes {
              id
              title
            }
          }
        }
      }
    `,
    { code: contestCode },
  );
  const first = named?.submissions?.nodes[0]?.id ?? [...nodes.keys()][0];
  if (!first) throw new Error(`The contest ${contestCode} has no submissions`);
  const stories = [first, ...[...nodes.keys()].filter((id) => id !== first)].slice(0, GATHER_LIMITS.stories);

  const agencyPage = (vars: AgencyVariables) =>
    graphql<{ honors: Page<unknown> | null }>(honors, agency, AGENCY_HONORS, { ...vars }).then((d) => d.honors);
  const { awardTypes } = await graphql<{ awardTypes: { code: string }[] }>(
    honors,
    agency,
    `
      {
        awardTypes {
          code
        }
      }
    `,
  );
  const agencyGroups: AgencyVariables[][] = [];
  for (const awardTypeCode of [null, ...awardTypes.map((t) => t.code)]) {
    const limit = awardTypeCode === null ? GATHER_LIMITS.agencyPages : GATHER_LIMITS.agencyTypePages;
    agencyGroups.push((await cursors(limit, (after) => agencyPage({ awardTypeCode, after }))).map((after) => ({ awardTypeCode, after })));
  }
  if (!agencyGroups[0]!.length) throw new Error('The honors subgraph lists no public honors of 2019 for an agency');

  const story = named?.submissions?.nodes[0]?.title ?? nodes.get(first)?.title ?? first;
  const identical =
    `the contest ${contestCode}; the list's first page (${contest.tracks.length} tracks); the AI group of ${ai.round} (${ai.total} results); ` +
    `the story of “${story}”; the agency list's first page`;
  return {
    identical,
    contestCode,
    contestId: contest.id,
    listPages: interleave([whole, ...byTrack, bySearch]),
    leaderboards,
    stories,
    agencyPages: interleave(agencyGroups),
  };
}
