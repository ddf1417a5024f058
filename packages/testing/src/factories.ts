import { makeCreditCode } from '@meritgraph/domain';
import type { GraphClient } from '@meritgraph/supergraph';

/** Builders that create records through the public API, the way a user would. */
const UNION_KINDS = ['TRADE_UNION_FEDERATION', 'DISTRICT_UNION', 'INDUSTRY_UNION'];

export class Factories {
  private seq = 0;
  private defaultUnion: Promise<string> | undefined;

  constructor(private readonly client: GraphClient) {}

  /** The district union that units made here belong to unless a test places them itself. */
  union(): Promise<string> {
    return (this.defaultUnion ??= this.client
      .data<{ createOrganization: { id: string } }>(
        `mutation { createOrganization(input: { name: "测试区总工会", kind: DISTRICT_UNION }) { id } }`,
      )
      .then((d) => d.createOrganization.id));
  }

  /** Enrols a unit in a contest, mobilized by its nearest union; does nothing if it already is. */
  async enrol(contestId: string, organizationId: string): Promise<void> {
    const { organization } = await this.client.data<{ organization: { ancestors: { id: string; kind: string }[] } }>(
      `query($id: ID!) { organization(id: $id) { ancestors { id kind } } }`,
      { id: organizationId },
    );
    const union = organization.ancestors.find((a) => UNION_KINDS.includes(a.kind));
    if (!union) throw new Error('Factories.enrol: the unit has no union above it');
    const result = await this.client.request(
      `mutation($c: ID!, $o: ID!, $m: ID!) { enrolUnit(input: { contestId: $c, organizationId: $o, mobilizedById: $m }) { id } }`,
      {
        c: contestId,
        o: organizationId,
        m: union.id,
      },
    );
    const code = result.errors?.[0]?.extensions?.code;
    if (code && code !== 'ALREADY_EXISTS') throw new Error(`Factories.enrol: ${JSON.stringify(result.errors)}`);
  }

  /** A valid, unique unified social credit code (synthetic). */
  creditCode(): string {
    this.seq += 1;
    return makeCreditCode('9', '1', '310115', String(10000000 + this.seq * 7919).slice(-8));
  }

  async contest(input: Partial<{ code: string; name: string; year: number; theme: string }> = {}) {
    this.seq += 1;
    const { createContest } = await this.client.data<{ createContest: { id: string; code: string } }>(
      `mutation($input: CreateContestInput!) { createContest(input: $input) { id code } }`,
      { input: { code: `test-${this.seq}`, name: `Test contest ${this.seq}`, year: 2019, ...input } },
    );
    return createContest;
  }

  /** A unit; unless a parent is given, units (not unions) sit under the default union. */
  async organization(input: Partial<{ name: string; kind: string; parentId: string; district: string; creditCode: string }> = {}) {
    const kind = input.kind ?? 'ENTERPRISE';
    const parentId = input.parentId ?? (UNION_KINDS.includes(kind) || kind === 'GOVERNMENT_AGENCY' ? undefined : await this.union());
    input = { ...input, kind, ...(parentId ? { parentId } : {}) };
    this.seq += 1;
    const { createOrganization } = await this.client.data<{ createOrganization: { id: string; name: string } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }`,
      { input: { name: `Unit ${String(this.seq).padStart(4, '0')}`, kind: 'ENTERPRISE', ...input } },
    );
    return createOrganization;
  }

  /** A draft, its unit enrolled in the contest first (as a real unit must be). */
  async submission(input: { contestId: string; organizationId: string; title?: string; summary?: string }) {
    await this.enrol(input.contestId, input.organizationId);
    this.seq += 1;
    const { createSubmission } = await this.client.data<{ createSubmission: { id: string; title: string } }>(
      `mutation($input: CreateSubmissionInput!) { createSubmission(input: $input) { id title } }`,
      {
        input: {
          title: `Achievement ${String(this.seq).padStart(4, '0')}`,
          summary: 'A synthetic innovation achievement used by tests.',
          ...input,
        },
      },
    );
    return createSubmission;
  }

  async reviewRound(input: { contestId: string; name?: string; stage?: string; order?: number }) {
    const { createReviewRound } = await this.client.data<{ createReviewRound: { id: string } }>(
      `mutation($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { id } }`,
      { input: { name: 'Screening', stage: 'SCREENING', order: 1, ...input } },
    );
    return createReviewRound;
  }

  /** A nomination, with a quota for its type set first if the contest has none (nominations need one). */
  async honor(input: { contestId: string; awardTypeCode: string; recipientKind?: string; recipientId: string; quota?: number }) {
    const { contest } = await this.client.data<{ contest: { awardQuotas: { awardType: { code: string } }[] } }>(
      `query($id: ID!) { contest(id: $id) { awardQuotas { awardType { code } } } }`,
      { id: input.contestId },
    );
    if (!contest.awardQuotas.some((q) => q.awardType.code === input.awardTypeCode)) {
      await this.client.data(
        `mutation($c: ID!, $t: String!, $q: Int!) { setAwardQuota(contestId: $c, awardTypeCode: $t, quota: $q) { id } }`,
        {
          c: input.contestId,
          t: input.awardTypeCode,
          q: input.quota ?? 10,
        },
      );
    }
    const { quota: _quota, ...nomination } = input;
    const { nominateHonor } = await this.client.data<{ nominateHonor: { id: string } }>(
      `mutation($input: NominateHonorInput!) { nominateHonor(input: $input) { id } }`,
      { input: nomination },
    );
    return nominateHonor;
  }
}
