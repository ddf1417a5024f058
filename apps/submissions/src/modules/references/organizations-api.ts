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

/** Records asked of organizations in one request: a batch of 500 drafts names far fewer people than this. */
const LOOKUP_CHUNK = 2000;

/** How `enrolments` names an enrolled pair. */
export const enrolmentKey = (contestId: string, organizationId: string): string => `${contestId}|${organizationId}`;

/** The facts this subgraph needs from organizations, read through its API with the service identity. */
export class OrganizationsApi {
  constructor(private readonly peer: PeerClient) {}

  /** Contests by id, with their tracks; one request for all of them. Ids organizations does not know are missing. */
  async contests(ids: readonly string[]): Promise<Map<string, ContestFacts>> {
    type Raw = Omit<ContestFacts, 'submissionOpensAt' | 'submissionClosesAt'> & {
      submissionOpensAt: string | null;
      submissionClosesAt: string | null;
    };
    const unique = [...new Set(ids)];
    const raw = await this.peer.lookup<Raw>(
      'contest',
      'id year status submissionOpensAt submissionClosesAt tracks { id code }',
      unique,
      LOOKUP_CHUNK,
    );
    const at = (s: string | null) => (s ? new Date(s) : null);
    return new Map(
      [...raw.values()].map((c) => [
        c.id,
        { ...c, submissionOpensAt: at(c.submissionOpensAt), submissionClosesAt: at(c.submissionClosesAt) },
      ]),
    );
  }

  /**
   * Which of these units are enrolled in these contests: one request for all the pairs, as
   * aliased `participations` fields. Answers the keys (`enrolmentKey`) of the enrolled pairs.
   * Every contest asked must exist (organizations refuses an unknown one).
   */
  async enrolments(pairs: readonly { contestId: string; organizationId: string }[]): Promise<Set<string>> {
    const unique = [...new Map(pairs.map((p) => [enrolmentKey(p.contestId, p.organizationId), p])).values()];
    const enrolled = new Set<string>();
    for (let start = 0; start < unique.length; start += LOOKUP_CHUNK) {
      const chunk = unique.slice(start, start + LOOKUP_CHUNK);
      const params = chunk.map((_, i) => `$c${i}: ID!, $o${i}: ID!`).join(', ');
      const fields = chunk.map((_, i) => `e${i}: participations(contestId: $c${i}, organizationId: $o${i}, first: 1) { totalCount }`);
      const data = await this.peer.request<Record<string, { totalCount: number }>>(
        `query(${params}) { ${fields.join(' ')} }`,
        Object.fromEntries(
          chunk.flatMap((p, i) => [
            [`c${i}`, p.contestId],
            [`o${i}`, p.organizationId],
          ]),
        ),
      );
      chunk.forEach((p, i) => {
        if (data[`e${i}`]!.totalCount > 0) enrolled.add(enrolmentKey(p.contestId, p.organizationId));
      });
    }
    return enrolled;
  }

  /** People by id, with their organization line; one request for all of them (up to LOOKUP_CHUNK). */
  async people(ids: readonly string[]): Promise<Map<string, PersonFacts>> {
    const raw = await this.peer.lookup<{ id: string; organization: { id: string; ancestors: { id: string }[] } }>(
      'person',
      'id organization { id ancestors { id } }',
      ids,
      LOOKUP_CHUNK,
    );
    const found = new Map<string, PersonFacts>();
    for (const person of raw.values()) {
      found.set(person.id, {
        id: person.id,
        organizationId: person.organization.id,
        organizationLine: [person.organization.id, ...person.organization.ancestors.map((a) => a.id)],
      });
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
