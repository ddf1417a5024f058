import type { PeerClient } from '@meritgraph/subgraph-kit';
import type { ContestStatus, SubmissionStatus } from '@meritgraph/domain';

export interface ContestFacts {
  id: string;
  status: ContestStatus;
  tracks: { id: string; code: string }[];
  /** The checks its entries pass before review (absent: none). */
  requiresEndorsement?: boolean;
  requiresFormCheck?: boolean;
}

export interface OrganizationFacts {
  id: string;
  ancestorIds: string[];
  descendantIds: string[];
}

/** What intake records of a submission. */
export interface SubmissionFacts {
  id: string;
  referenceNumber: string | null;
  title: string;
  summary: string | null;
  submittedAt: string | null;
  organizationId: string;
  trackId: string | null;
  leaderId: string | null;
  teamMemberIds: string[];
}

type Paged<T> = { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** An organization as an import finds it: by credit code, or by name when it has none. */
export interface RegisteredOrganization {
  id: string;
  name: string;
  creditCode: string | null;
}

/** Facts expert-review needs from organizations, read through its API with the service identity. */
export class OrganizationsApi {
  constructor(private readonly peer: PeerClient) {}

  /** Every organization, a page of 100 at a time. */
  async registry(): Promise<RegisteredOrganization[]> {
    const all: RegisteredOrganization[] = [];
    let after: string | null = null;
    for (;;) {
      const { organizations }: { organizations: Paged<RegisteredOrganization> } = await this.peer.request(
        `query($after: String) { organizations(first: 100, after: $after) { nodes { id name creditCode } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      all.push(...organizations.nodes);
      if (!organizations.pageInfo.hasNextPage) return all;
      after = organizations.pageInfo.endCursor;
    }
  }

  /** The people of each organization, by name. */
  async peopleOf(organizationIds: readonly string[]): Promise<{ id: string; name: string; organizationId: string }[]> {
    const found: { id: string; name: string; organizationId: string }[] = [];
    for (const organizationId of new Set(organizationIds)) {
      let after: string | null = null;
      for (;;) {
        const { people }: { people: Paged<{ id: string; name: string }> } = await this.peer.request(
          `query($o: ID!, $after: String) { people(organizationId: $o, first: 100, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } } }`,
          { o: organizationId, after },
        );
        found.push(...people.nodes.map((p) => ({ ...p, organizationId })));
        if (!people.pageInfo.hasNextPage) break;
        after = people.pageInfo.endCursor;
      }
    }
    return found;
  }

  async contest(contestId: string): Promise<ContestFacts | null> {
    const { contest } = await this.peer.request<{ contest: ContestFacts | null }>(
      `query($id: ID!) { contest(id: $id) { id status requiresEndorsement requiresFormCheck tracks { id code } } }`,
      { id: contestId },
    );
    return contest;
  }

  /** Each person's organization; absent ids are missing from the map. */
  async personOrganizations(ids: readonly string[]): Promise<Map<string, string>> {
    const people = await this.peer.lookup<{ id: string; organization: { id: string } }>('person', 'id organization { id }', ids);
    return new Map([...people.values()].map((p) => [p.id, p.organization.id]));
  }

  /** Each organization with everything above and below it; a deep subtree is paged through. */
  async organizations(ids: readonly string[]): Promise<Map<string, OrganizationFacts>> {
    type Row = { id: string; ancestors: { id: string }[]; descendants: Paged<{ id: string }> };
    const found = new Map<string, OrganizationFacts>();
    const more: { id: string; after: string }[] = [];
    const rows = await this.peer.lookup<Row>(
      'organization',
      'id ancestors { id } descendants(first: 100) { nodes { id } pageInfo { hasNextPage endCursor } }',
      ids,
    );
    for (const o of rows.values()) {
      found.set(o.id, { id: o.id, ancestorIds: o.ancestors.map((a) => a.id), descendantIds: o.descendants.nodes.map((d) => d.id) });
      if (o.descendants.pageInfo.hasNextPage) more.push({ id: o.id, after: o.descendants.pageInfo.endCursor! });
    }
    for (const { id, after: first } of more) {
      let after = first;
      for (;;) {
        const { organization }: { organization: { descendants: Paged<{ id: string }> } } = await this.peer.request(
          `query($id: ID!, $after: String) { organization(id: $id) { descendants(first: 100, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } }`,
          { id, after },
        );
        found.get(id)!.descendantIds.push(...organization.descendants.nodes.map((d) => d.id));
        if (!organization.descendants.pageInfo.hasNextPage) break;
        after = organization.descendants.pageInfo.endCursor!;
      }
    }
    return found;
  }
}

const SUBMISSION_FIELDS = `id referenceNumber title summary submittedAt organization { id } track { id } leader { id } teamMembers { id }`;

type SubmissionRow = Omit<SubmissionFacts, 'organizationId' | 'trackId' | 'leaderId' | 'teamMemberIds'> & {
  organization: { id: string } | null;
  track: { id: string } | null;
  leader: { id: string } | null;
  teamMembers: { id: string }[];
};

const toFacts = (s: SubmissionRow): SubmissionFacts => ({
  id: s.id,
  referenceNumber: s.referenceNumber,
  title: s.title,
  summary: s.summary,
  submittedAt: s.submittedAt,
  organizationId: s.organization?.id ?? '',
  trackId: s.track?.id ?? null,
  leaderId: s.leader?.id ?? null,
  teamMemberIds: s.teamMembers.map((m) => m.id),
});

/** A submission's file as submissions hands it to review, with its signed download URL. */
export interface ReviewFileFacts {
  submissionId: string;
  position: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  downloadUrl: string;
}

/** Facts expert-review needs from submissions. */
export class SubmissionsApi {
  constructor(private readonly peer: PeerClient) {}

  /** The files of entries under review, neutrally named when `blind`, with download URLs; 500 submissions a call. */
  async reviewFiles(submissionIds: readonly string[], blind: boolean): Promise<ReviewFileFacts[]> {
    const found: ReviewFileFacts[] = [];
    const ids = [...new Set(submissionIds)];
    for (let start = 0; start < ids.length; start += 500) {
      const { reviewFiles } = await this.peer.request<{ reviewFiles: ReviewFileFacts[] }>(
        `query($ids: [ID!]!, $blind: Boolean!) { reviewFiles(submissionIds: $ids, blind: $blind) { submissionId position fileName contentType size sha256 downloadUrl } }`,
        { ids: ids.slice(start, start + 500), blind },
      );
      found.push(...reviewFiles);
    }
    return found;
  }

  /** Every submission of a contest in this status: the one review takes in (intakeStatus of the contest's checks). */
  async submitted(contestId: string, status: SubmissionStatus = 'SUBMITTED'): Promise<SubmissionFacts[]> {
    const all: SubmissionFacts[] = [];
    let after: string | null = null;
    for (;;) {
      const { submissions }: { submissions: Paged<SubmissionRow> } = await this.peer.request(
        `query($c: ID!, $s: SubmissionStatus!, $after: String) { submissions(contestId: $c, status: $s, first: 100, after: $after) { nodes { ${SUBMISSION_FIELDS} } pageInfo { hasNextPage endCursor } } }`,
        { c: contestId, s: status, after },
      );
      all.push(...submissions.nodes.map(toFacts));
      if (!submissions.pageInfo.hasNextPage) return all;
      after = submissions.pageInfo.endCursor;
    }
  }
}
