import type { PeerClient } from '@meritgraph/subgraph-kit';
import type { ContestStatus } from '@meritgraph/domain';

export interface ContestFacts {
  id: string;
  year: number;
  status: ContestStatus;
  submissionOpensAt: Date | null;
  submissionClosesAt: Date | null;
  tracks: { id: string; code: string }[];
  /** The checks it asks of an entry: endorsement by the mobilizing union, the office's form check. */
  requiresEndorsement: boolean;
  requiresFormCheck: boolean;
}

export interface PersonFacts {
  id: string;
  organizationId: string;
  /** The person's organization and every organization above it. */
  organizationLine: string[];
}

/** People asked of organizations in one request: a list of 500 drafts names far fewer. */
const PEOPLE_PER_REQUEST = 2000;
/** Enrolments of a unit read per page: a unit takes part in few contests, so one page nearly always holds them all. */
const ENROLMENT_PAGE = 100;

const CONTEST = 'id year status submissionOpensAt submissionClosesAt requiresEndorsement requiresFormCheck tracks { id code }';
const PERSON = 'id organization { id ancestors { id } }';
const ENROLMENTS = 'nodes { contest { id } } pageInfo { hasNextPage endCursor }';

type RawContest = Omit<ContestFacts, 'submissionOpensAt' | 'submissionClosesAt'> & {
  submissionOpensAt: string | null;
  submissionClosesAt: string | null;
};
type RawPerson = { id: string; organization: { id: string; ancestors: { id: string }[] } };
type RawEnrolments = { nodes: { contest: { id: string } | null }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** How `OrganizationFacts.enrolled` names a unit enrolled in a contest. */
export const enrolmentKey = (contestId: string, organizationId: string): string => `${contestId}|${organizationId}`;

/** What organizations says about the contests, units and people a batch names. */
export interface OrganizationFacts {
  /** The contests organizations knows, by id, with their tracks. */
  contests: Map<string, ContestFacts>;
  /** Every contest each unit asked about is enrolled in (enrolmentKey). */
  enrolled: Set<string>;
  /** The people organizations knows, by id, with their organization line. */
  people: Map<string, PersonFacts>;
}

/** The facts this subgraph needs from organizations, read through its API with the service identity. */
export class OrganizationsApi {
  constructor(private readonly peer: PeerClient) {}

  /**
   * The contests, the units' enrolments and the people a batch names, in one request to
   * organizations whatever the number of entries (one more per 2,000 people beyond the
   * first 2,000, and per further page of a unit in over 100 contests).
   */
  async facts(asked: {
    contestIds: readonly string[];
    organizationIds: readonly string[];
    personIds: readonly string[];
  }): Promise<OrganizationFacts> {
    const contestIds = [...new Set(asked.contestIds)];
    // An empty id names no unit (and is no filter organizations would take).
    const organizationIds = [...new Set(asked.organizationIds)].filter(Boolean);
    const personIds = [...new Set(asked.personIds)];
    const facts: OrganizationFacts = { contests: new Map(), enrolled: new Set(), people: new Map() };
    const firstPeople = personIds.slice(0, PEOPLE_PER_REQUEST);
    const fields = [
      ...contestIds.map((id, i) => [`c${i}`, id, `contest(id: $c${i}) { ${CONTEST} }`]),
      ...organizationIds.map((id, i) => [
        `o${i}`,
        id,
        `participations(organizationId: $o${i}, first: ${ENROLMENT_PAGE}) { ${ENROLMENTS} }`,
      ]),
      ...firstPeople.map((id, i) => [`p${i}`, id, `person(id: $p${i}) { ${PERSON} }`]),
    ];
    if (fields.length === 0) return facts;
    const [data, ...morePeople] = await Promise.all([
      this.peer.request<Record<string, unknown>>(
        `query(${fields.map(([alias]) => `$${alias}: ID!`).join(', ')}) { ${fields.map(([alias, , field]) => `${alias}: ${field}`).join(' ')} }`,
        Object.fromEntries(fields.map(([alias, id]) => [alias, id])),
      ),
      ...Array.from({ length: Math.ceil((personIds.length - firstPeople.length) / PEOPLE_PER_REQUEST) }, (_, k) =>
        this.peer.lookup<RawPerson>(
          'person',
          PERSON,
          personIds.slice((k + 1) * PEOPLE_PER_REQUEST, (k + 2) * PEOPLE_PER_REQUEST),
          PEOPLE_PER_REQUEST,
        ),
      ),
    ]);
    const at = (s: string | null) => (s ? new Date(s) : null);
    contestIds.forEach((_, i) => {
      const c = data[`c${i}`] as RawContest | null;
      if (c) facts.contests.set(c.id, { ...c, submissionOpensAt: at(c.submissionOpensAt), submissionClosesAt: at(c.submissionClosesAt) });
    });
    const people = [...firstPeople.map((_, i) => data[`p${i}`] as RawPerson | null), ...morePeople.flatMap((m) => [...m.values()])];
    for (const person of people) {
      if (person) {
        facts.people.set(person.id, {
          id: person.id,
          organizationId: person.organization.id,
          organizationLine: [person.organization.id, ...person.organization.ancestors.map((a) => a.id)],
        });
      }
    }
    for (const [i, organizationId] of organizationIds.entries()) {
      let page = data[`o${i}`] as RawEnrolments;
      for (;;) {
        for (const n of page.nodes) if (n.contest) facts.enrolled.add(enrolmentKey(n.contest.id, organizationId));
        if (!page.pageInfo.hasNextPage) break;
        ({ participations: page } = await this.peer.request<{ participations: RawEnrolments }>(
          `query($o: ID!, $after: String) { participations(organizationId: $o, first: ${ENROLMENT_PAGE}, after: $after) { ${ENROLMENTS} } }`,
          { o: organizationId, after: page.pageInfo.endCursor },
        ));
      }
    }
    return facts;
  }

  /** The enrolments a union mobilized in these contests, as enrolmentKey(contest, unit): a page of 100 at a time per contest. */
  async mobilizedEnrolments(unionId: string, contestIds: readonly string[]): Promise<Set<string>> {
    const enrolments = new Set<string>();
    for (const contestId of new Set(contestIds)) await this.mobilizedIn(unionId, contestId, enrolments);
    return enrolments;
  }

  private async mobilizedIn(unionId: string, contestId: string, enrolments: Set<string>): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const {
        participations,
      }: {
        participations: {
          nodes: { contest: { id: string } | null; organization: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await this.peer.request(
        `query($m: ID!, $c: ID!, $after: String) { participations(mobilizedById: $m, contestId: $c, first: 100, after: $after) { nodes { contest { id } organization { id } } pageInfo { hasNextPage endCursor } } }`,
        { m: unionId, c: contestId, after },
      );
      for (const n of participations.nodes) if (n.contest) enrolments.add(enrolmentKey(n.contest.id, n.organization.id));
      if (!participations.pageInfo.hasNextPage) return;
      after = participations.pageInfo.endCursor;
    }
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
