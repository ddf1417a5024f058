import type { PeerClient } from '@meritgraph/subgraph-kit';
import type { ContestStatus } from '@meritgraph/domain';

export interface ContestFacts {
  id: string;
  year: number;
  status: ContestStatus;
  submissionOpensAt: Date | null;
  submissionClosesAt: Date | null;
  tracks: { id: string; code: string }[];
}

export interface PersonFacts {
  id: string;
  organizationId: string;
  /** The person's organization and every organization above it. */
  organizationLine: string[];
}

/** The facts this subgraph needs from organizations, read through its API with the service identity. */
export class OrganizationsApi {
  constructor(private readonly peer: PeerClient) {}

  async contest(contestId: string): Promise<ContestFacts | null> {
    const { contest } = await this.peer.request<{
      contest:
        | (Omit<ContestFacts, 'submissionOpensAt' | 'submissionClosesAt'> & {
            submissionOpensAt: string | null;
            submissionClosesAt: string | null;
          })
        | null;
    }>(`query($id: ID!) { contest(id: $id) { id year status submissionOpensAt submissionClosesAt tracks { id code } } }`, {
      id: contestId,
    });
    if (!contest) return null;
    const at = (s: string | null) => (s ? new Date(s) : null);
    return { ...contest, submissionOpensAt: at(contest.submissionOpensAt), submissionClosesAt: at(contest.submissionClosesAt) };
  }

  async isEnrolled(contestId: string, organizationId: string): Promise<boolean> {
    const { participations } = await this.peer.request<{ participations: { totalCount: number } }>(
      `query($c: ID!, $o: ID!) { participations(contestId: $c, organizationId: $o, first: 1) { totalCount } }`,
      { c: contestId, o: organizationId },
    );
    return participations.totalCount > 0;
  }

  /** People by id, with their organization line; one request for all of them. */
  async people(ids: readonly string[]): Promise<Map<string, PersonFacts>> {
    if (ids.length === 0) return new Map();
    const fields = ids.map((_, i) => `p${i}: person(id: $p${i}) { id organization { id ancestors { id } } }`).join('\n');
    const params = ids.map((_, i) => `$p${i}: ID!`).join(', ');
    const data = await this.peer.request<Record<string, { id: string; organization: { id: string; ancestors: { id: string }[] } } | null>>(
      `query(${params}) { ${fields} }`,
      Object.fromEntries(ids.map((id, i) => [`p${i}`, id])),
    );
    const found = new Map<string, PersonFacts>();
    for (const person of Object.values(data)) {
      if (person) {
        found.set(person.id, {
          id: person.id,
          organizationId: person.organization.id,
          organizationLine: [person.organization.id, ...person.organization.ancestors.map((a) => a.id)],
        });
      }
    }
    return found;
  }

  /** Every unit a union mobilized, in any contest. */
  async mobilizedUnits(unionId: string): Promise<string[]> {
    const units = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const {
        participations,
      }: { participations: { nodes: { organization: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
        await this.peer.request(
          `query($m: ID!, $after: String) { participations(mobilizedById: $m, first: 100, after: $after) { nodes { organization { id } } pageInfo { hasNextPage endCursor } } }`,
          { m: unionId, after },
        );
      participations.nodes.forEach((n) => units.add(n.organization.id));
      if (!participations.pageInfo.hasNextPage) return [...units];
      after = participations.pageInfo.endCursor;
    }
  }
}
