import { makeCreditCode } from '@meritgraph/domain';
import type { GraphClient } from './client';

/** Builders that create records through the public API, the way a user would. */
export class Factories {
  private seq = 0;

  constructor(private readonly client: GraphClient) {}

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

  async organization(input: Partial<{ name: string; kind: string; parentId: string; district: string; creditCode: string }> = {}) {
    this.seq += 1;
    const { createOrganization } = await this.client.data<{ createOrganization: { id: string; name: string } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }`,
      { input: { name: `Unit ${String(this.seq).padStart(4, '0')}`, kind: 'ENTERPRISE', ...input } },
    );
    return createOrganization;
  }

  async submission(input: { contestId: string; organizationId: string; title?: string; summary?: string }) {
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

  async honor(input: { contestId: string; awardTypeCode: string; recipientKind: string; recipientId: string; recipientName: string }) {
    const { nominateHonor } = await this.client.data<{ nominateHonor: { id: string } }>(
      `mutation($input: NominateHonorInput!) { nominateHonor(input: $input) { id } }`,
      { input },
    );
    return nominateHonor;
  }
}
