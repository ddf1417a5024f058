import type { PeerClient } from '@meritgraph/subgraph-kit';
import type { OrganizationKind, RecipientKind } from '@meritgraph/domain';

/** A recipient as its owner knows it: the name to print, and the organization it belongs to. */
export interface RecipientFacts {
  id: string;
  kind: RecipientKind;
  name: string;
  /** The recipient's organization (an organization is its own), with everything above it. */
  organizationId: string;
  organizationName: string;
  organizationLine: string[];
  /** Submissions only: the contest it was entered in. */
  contestId?: string;
}

type OrgRow = { id: string; name: string; ancestors: { id: string }[] };
const ORG = 'id name ancestors { id }';

const line = (o: OrgRow) => [o.id, ...o.ancestors.map((a) => a.id)];

/** Facts honors needs from organizations and submissions, read through their APIs with the service identity. */
export class RecipientsApi {
  constructor(
    private readonly organizationsPeer: PeerClient,
    private readonly submissionsPeer: PeerClient,
  ) {}

  async contest(contestId: string): Promise<{ id: string; year: number } | null> {
    const { contest } = await this.organizationsPeer.request<{ contest: { id: string; year: number } | null }>(
      `query($id: ID!) { contest(id: $id) { id year } }`,
      { id: contestId },
    );
    return contest;
  }

  /** Contests by id; unknown ones are missing from the map. */
  async contests(contestIds: readonly string[]): Promise<Map<string, { id: string; year: number }>> {
    return this.organizationsPeer.lookup<{ id: string; year: number }>('contest', 'id year', contestIds);
  }

  async organizations(ids: readonly string[]): Promise<Map<string, OrgRow>> {
    return this.organizationsPeer.lookup<OrgRow>('organization', ORG, ids);
  }

  async organizationKinds(ids: readonly string[]): Promise<Map<string, { id: string; kind: OrganizationKind }>> {
    return this.organizationsPeer.lookup<{ id: string; kind: OrganizationKind }>('organization', 'id kind', ids);
  }

  /** Recipients of one kind, by id. */
  async recipients(kind: RecipientKind, ids: readonly string[]): Promise<Map<string, RecipientFacts>> {
    const out = new Map<string, RecipientFacts>();
    if (kind === 'ORGANIZATION') {
      for (const o of (await this.organizations(ids)).values()) {
        out.set(o.id, { id: o.id, kind, name: o.name, organizationId: o.id, organizationName: o.name, organizationLine: line(o) });
      }
      return out;
    }
    if (kind === 'PERSON' || kind === 'TEAM') {
      const rows = await this.organizationsPeer.lookup<{ id: string; name: string; organization: OrgRow }>(
        kind === 'PERSON' ? 'person' : 'team',
        `id name organization { ${ORG} }`,
        ids,
      );
      for (const r of rows.values()) {
        out.set(r.id, {
          id: r.id,
          kind,
          name: r.name,
          organizationId: r.organization.id,
          organizationName: r.organization.name,
          organizationLine: line(r.organization),
        });
      }
      return out;
    }
    const subs = await this.submissionsPeer.lookup<{
      id: string;
      title: string;
      contest: { id: string } | null;
      organization: { id: string } | null;
    }>('submission', 'id title contest { id } organization { id }', ids);
    const orgs = await this.organizations([...subs.values()].map((s) => s.organization?.id).filter((id): id is string => !!id));
    for (const s of subs.values()) {
      const o = s.organization && orgs.get(s.organization.id);
      if (!o) continue;
      out.set(s.id, {
        id: s.id,
        kind,
        name: s.title,
        organizationId: o.id,
        organizationName: o.name,
        organizationLine: line(o),
        contestId: s.contest?.id,
      });
    }
    return out;
  }

  /** Each submission's unit, for checking who may record its prior honors; unknown submissions are missing from the map. */
  async submissionUnits(submissionIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.submissionsPeer.lookup<{ id: string; organization: { id: string } | null }>(
      'submission',
      'id organization { id }',
      submissionIds,
    );
    return new Map([...rows.values()].flatMap((s) => (s.organization ? [[s.id, s.organization.id] as const] : [])));
  }
}

/** What expert-review decided: which submissions the final round of a contest found EXCELLENT. */
export class ReviewApi {
  constructor(private readonly expertReview: PeerClient) {}

  /** Of these submissions, those EXCELLENT in a FINAL round of the contest. */
  async excellent(contestId: string, submissionIds: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    const unique = [...new Set(submissionIds)];
    for (let start = 0; start < unique.length; start += 100) {
      const batch = unique.slice(start, start + 100);
      const { _entities } = await this.expertReview.request<{
        _entities: ({
          id: string;
          roundResults: { outcome: string; round: { stage: string; contest: { id: string } | null } | null }[] | null;
        } | null)[];
      }>(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Submission { id roundResults { outcome round { stage contest { id } } } } } }`,
        { reps: batch.map((id) => ({ __typename: 'Submission', id })) },
      );
      for (const s of _entities) {
        if (s?.roundResults?.some((r) => r.outcome === 'EXCELLENT' && r.round?.stage === 'FINAL' && r.round.contest?.id === contestId))
          out.add(s.id);
      }
    }
    return out;
  }

  /**
   * A round's stage, status and contest, and — once it is FINALIZED, when its results are
   * frozen — the submissions it found EXCELLENT.
   */
  async excellentOfRound(roundId: string): Promise<{ contestId: string; stage: string; status: string; submissionIds: string[] } | null> {
    const { reviewRound: round } = await this.expertReview.request<{
      reviewRound: { stage: string; status: string; contest: { id: string } } | null;
    }>(`query($id: ID!) { reviewRound(id: $id) { stage status contest { id } } }`, { id: roundId });
    if (!round) return null;
    const found = { contestId: round.contest.id, stage: round.stage, status: round.status, submissionIds: [] as string[] };
    if (round.stage !== 'FINAL' || round.status !== 'FINALIZED') return found;
    for (let after: string | null = null; ;) {
      const {
        reviewRound,
      }: {
        reviewRound: { results: { nodes: { submission: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      } = await this.expertReview.request(
        `query($id: ID!, $after: String) { reviewRound(id: $id) { results(outcome: EXCELLENT, first: 100, after: $after) { nodes { submission { id } } pageInfo { hasNextPage endCursor } } } }`,
        { id: roundId, after },
      );
      found.submissionIds.push(...reviewRound.results.nodes.map((n) => n.submission.id));
      if (!reviewRound.results.pageInfo.hasNextPage) return found;
      after = reviewRound.results.pageInfo.endCursor;
    }
  }
}
