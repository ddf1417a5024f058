import type { GraphClient } from '@meritgraph/supergraph';
import { CONTEST_CODE } from './replay';

/**
 * The replay's business data as the office reads it through the gateway, in a form two
 * replays can be compared by: sorted, and with every generated id replaced by what people
 * know the thing by (reference numbers, expert names, recipient names). Two replays with one
 * seed must give the same export.
 */

export interface CanonicalRound {
  stage: string;
  /** `reference expert: total decision`, one line per scorecard. */
  scorecards: string[];
  /** `reference: aggregate #rank outcome`, one line per result. */
  results: string[];
  /** `panel position start–end reference`, final round only. */
  schedule: string[];
}

export interface CanonicalExport {
  status: string;
  rounds: CanonicalRound[];
  /** `award recipient status certificate decision`, one line per honor. */
  honors: string[];
}

interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function all<T>(read: (after: string | null) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let after: string | null = null; ;) {
    const page: Page<T> = await read(after);
    items.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return items;
    after = page.pageInfo.endCursor;
  }
}

const PAGE = 'pageInfo { hasNextPage endCursor }';

/** The export of the 2019 contest, or of another by its code. */
export async function canonicalExport(admin: GraphClient, code = CONTEST_CODE): Promise<CanonicalExport> {
  const { contest } = await admin.data<{
    contest: { id: string; status: string; reviewRounds: { id: string; stage: string; roundOrder: number }[] };
  }>(`query($code: String!) { contest(code: $code) { id status reviewRounds { id stage roundOrder } } }`, { code });
  const rounds: CanonicalRound[] = [];
  for (const round of [...contest.reviewRounds].sort((a, b) => a.roundOrder - b.roundOrder)) {
    const cards = await all(async (after) => {
      const { reviewRound } = await admin.data<{
        reviewRound: {
          scorecards: Page<{
            total: number;
            decision: string | null;
            entry: { referenceNumber: string };
            expert: { person: { name: string } };
          }>;
        };
      }>(
        `query($id: ID!, $after: String) { reviewRound(id: $id) { scorecards(first: 100, after: $after) { nodes { total decision entry { referenceNumber } expert { person { name } } } ${PAGE} } } }`,
        { id: round.id, after },
      );
      return reviewRound.scorecards;
    });
    const results = await all(async (after) => {
      const { reviewRound } = await admin.data<{
        reviewRound: { results: Page<{ referenceNumber: string; aggregate: number; rank: number | null; outcome: string }> };
      }>(
        `query($id: ID!, $after: String) { reviewRound(id: $id) { results(first: 100, after: $after) { nodes { referenceNumber aggregate rank outcome } ${PAGE} } } }`,
        { id: round.id, after },
      );
      return reviewRound.results;
    });
    const { reviewRound } = await admin.data<{
      reviewRound: {
        presentations: { position: number; startsAt: string; endsAt: string; referenceNumber: string; panel: { name: string } }[] | null;
      };
    }>(`query($id: ID!) { reviewRound(id: $id) { presentations { position startsAt endsAt referenceNumber panel { name } } } }`, {
      id: round.id,
    });
    rounds.push({
      stage: round.stage,
      scorecards: cards.map((c) => `${c.entry.referenceNumber} ${c.expert.person.name}: ${c.total} ${c.decision ?? ''}`.trim()).sort(),
      results: results.map((r) => `${r.referenceNumber}: ${r.aggregate} #${r.rank ?? '-'} ${r.outcome}`).sort(),
      schedule: (reviewRound.presentations ?? [])
        .map((p) => `${p.panel.name} ${String(p.position).padStart(3, '0')} ${p.startsAt}–${p.endsAt} ${p.referenceNumber}`)
        .sort(),
    });
  }
  const honors = await all(async (after) => {
    const data = await admin.data<{
      honors: Page<{
        awardTypeCode: string;
        recipientName: string;
        status: string;
        certificateNumber: string | null;
        decisionNumber: string | null;
      }>;
    }>(
      `query($c: ID!, $after: String) { honors(contestId: $c, first: 100, after: $after) { nodes { awardTypeCode recipientName status certificateNumber decisionNumber } ${PAGE} } }`,
      { c: contest.id, after },
    );
    return data.honors;
  });
  return {
    status: contest.status,
    rounds,
    honors: honors
      .map((h) => `${h.awardTypeCode} ${h.recipientName} ${h.status} ${h.certificateNumber ?? '-'} ${h.decisionNumber ?? '-'}`)
      .sort(),
  };
}
