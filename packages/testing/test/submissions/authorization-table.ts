import type { GraphClient } from '../../src';
import { type Fixture, type Row, root, total } from '../gateway/authorization-matrix';

/** A draft of unit A with every field submitting needs, made by the office. */
async function completeDraft(admin: GraphClient, fx: Fixture, title: string): Promise<string> {
  const { createSubmission } = await admin.data<{ createSubmission: { id: string } }>(
    `mutation($contest: ID!, $unitA: ID!, $trackA: ID!, $personA: ID!, $title: String!) {
      createSubmission(input: { contestId: $contest, organizationId: $unitA, trackId: $trackA, leaderId: $personA, title: $title,
        summary: "A complete entry.", achievementKind: PRODUCT, keywords: ["AI"], applicationEffect: "Used widely." }) { id }
    }`,
    { ...fx, title },
  );
  return createSubmission.id;
}

/** A file the office uploaded to a fresh draft of unit A: its id. */
async function uploadedFile(admin: GraphClient, fx: Fixture, title: string): Promise<string> {
  const submissionId = await completeDraft(admin, fx, title);
  const body = Buffer.from('%PDF-1.4\n%%EOF\n');
  const { createAttachmentUpload } = await admin.data<{ createAttachmentUpload: { uploadUrl: string } }>(
    `mutation($input: AttachmentUploadInput!) { createAttachmentUpload(input: $input) { uploadUrl } }`,
    { input: { submissionId, fileName: 'matrix.pdf', contentType: 'application/pdf', size: body.length } },
  );
  const put = await fetch(`${fx.origin}${createAttachmentUpload.uploadUrl}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/pdf' },
    body,
  });
  if (put.status !== 201) throw new Error(`upload answered ${put.status}`);
  const { submission } = await admin.data<{ submission: { attachments: { id: string }[] } }>(
    `query($id: ID!) { submission(id: $id) { attachments { id } } }`,
    { id: submissionId },
  );
  return submission.attachments[0]!.id;
}

/** A contest asking both checks, per fixture: unit A enrolled in it, mobilized by the organizer's union. */
const checkedContests = new WeakMap<Fixture, Promise<{ contest: string; track: string }>>();

function checkedContest(admin: GraphClient, fx: Fixture, n: number) {
  let made = checkedContests.get(fx);
  if (!made) {
    made = (async () => {
      const { createContest } = await admin.data<{ createContest: { id: string } }>(
        `mutation($code: String!) { createContest(input: { code: $code, name: "Checked contest", year: 2019, requiresEndorsement: true, requiresFormCheck: true }) { id } }`,
        { code: `matrix-checks-${n}` },
      );
      const contest = createContest.id;
      const { track } = await admin.data<{ track: { id: string } }>(
        `mutation($contest: ID!, $unitA: ID!, $union: ID!) {
          track: createTrack(input: { contestId: $contest, code: "AI", name: "AI" }) { id }
          open: changeContestStatus(id: $contest, status: OPEN_FOR_SUBMISSIONS) { status }
          enrol: enrolUnit(input: { contestId: $contest, organizationId: $unitA, mobilizedById: $union }) { id }
        }`,
        { contest, unitA: fx.unitA, union: fx.union },
      );
      return { contest, track: track.id };
    })();
    checkedContests.set(fx, made);
  }
  return made;
}

/** A submitted entry of unit A in the checked contest (endorsed by the office when asked): its id and version. */
async function checkedEntry(admin: GraphClient, fx: Fixture, n: number, endorsed: boolean): Promise<{ id: string; version: number }> {
  const { contest, track } = await checkedContest(admin, fx, n);
  const { createSubmission } = await admin.data<{ createSubmission: { id: string } }>(
    `mutation($contest: ID!, $unitA: ID!, $track: ID!, $personA: ID!, $title: String!) {
      createSubmission(input: { contestId: $contest, organizationId: $unitA, trackId: $track, leaderId: $personA, title: $title,
        summary: "A checked entry.", achievementKind: PRODUCT, keywords: ["AI"], applicationEffect: "Used widely." }) { id }
    }`,
    { contest, track, unitA: fx.unitA, personA: fx.personA, title: `Checked entry ${n}` },
  );
  const id = createSubmission.id;
  await admin.data(`mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 1) { id } }`, { id });
  if (!endorsed) return { id, version: 2 };
  await admin.data(`mutation($id: ID!) { endorseSubmissions(inputs: [{ id: $id, expectedVersion: 2 }]) { id } }`, { id });
  return { id, version: 3 };
}

/** How many entries are in a status, over every contest. */
const inStatus = (status: string) => total(`{ submissions(status: ${status}) { totalCount } }`);

/**
 * The authorization rows of the operations the submissions subgraph serves: submissions, from draft to
 * withdrawal.
 */
export const SUBMISSIONS_TABLE: Row[] = [
  {
    operation: 'Query.submission',
    scenario: "unit A's draft (its submitter; the union that mobilized it)",
    allowed: ['ADMIN', 'ANALYST', 'SUBMITTER', 'ORGANIZER'],
    pick: root('submission'),
    run: (api, fx) => api.request(`query($draftA: ID!) { submission(id: $draftA) { title } }`, { ...fx }),
  },
  {
    operation: 'Query.submission',
    scenario: "unit B's draft",
    allowed: ['ADMIN', 'ANALYST', 'ORGANIZER'],
    pick: root('submission'),
    run: (api, fx) => api.request(`query($draftB: ID!) { submission(id: $draftB) { title } }`, { ...fx }),
  },
  {
    operation: 'Query.submissions',
    scenario: 'the list (a unit sees its own; the office and analysts all)',
    allowed: ['ADMIN', 'ANALYST', 'SUBMITTER', 'ORGANIZER'],
    pick: root('submissions'),
    run: (api) => api.request(`{ submissions { totalCount } }`),
  },
  {
    operation: 'Mutation.createSubmission',
    scenario: 'a draft for unit A',
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('createSubmission'),
    snapshot: total(`{ submissions { totalCount } }`),
    run: (api, fx, n) =>
      api.request(
        `mutation($contest: ID!, $unitA: ID!, $title: String!) { createSubmission(input: { contestId: $contest, organizationId: $unitA, title: $title, summary: "Matrix summary text." }) { id } }`,
        {
          ...fx,
          title: `Matrix achievement ${n}`,
        },
      ),
  },
  {
    operation: 'Mutation.createSubmission',
    scenario: 'a draft for another unit (B)',
    allowed: ['ADMIN'],
    pick: root('createSubmission'),
    snapshot: total(`{ submissions { totalCount } }`),
    run: (api, fx, n) =>
      api.request(
        `mutation($contest: ID!, $unitB: ID!, $title: String!) { createSubmission(input: { contestId: $contest, organizationId: $unitB, title: $title, summary: "Matrix summary text." }) { id } }`,
        {
          ...fx,
          title: `Matrix achievement B ${n}`,
        },
      ),
  },
  {
    operation: 'Mutation.createSubmissions',
    scenario: 'a list of two drafts for unit A',
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('createSubmissions'),
    snapshot: total(`{ submissions { totalCount } }`),
    run: (api, fx, n) =>
      api.request(
        `mutation($contest: ID!, $unitA: ID!, $t1: String!, $t2: String!) { createSubmissions(inputs: [{ contestId: $contest, organizationId: $unitA, title: $t1 }, { contestId: $contest, organizationId: $unitA, title: $t2 }]) { id } }`,
        { ...fx, t1: `Matrix list entry ${n}a`, t2: `Matrix list entry ${n}b` },
      ),
  },
  {
    operation: 'Mutation.createSubmissions',
    scenario: 'a list naming another unit (B)',
    allowed: ['ADMIN'],
    pick: root('createSubmissions'),
    snapshot: total(`{ submissions { totalCount } }`),
    run: (api, fx, n) =>
      api.request(
        `mutation($contest: ID!, $unitB: ID!, $title: String!) { createSubmissions(inputs: [{ contestId: $contest, organizationId: $unitB, title: $title }]) { id } }`,
        { ...fx, title: `Matrix list entry B ${n}` },
      ),
  },
  {
    operation: 'Mutation.updateSubmission',
    scenario: "retitling unit A's draft",
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('updateSubmission'),
    snapshot: (admin, fx) => admin.data(`query($draftA: ID!) { submission(id: $draftA) { title version } }`, { ...fx }),
    run: async (api, fx, n, admin) => {
      const { submission } = await admin.data<{ submission: { version: number } }>(
        `query($draftA: ID!) { submission(id: $draftA) { version } }`,
        { ...fx },
      );
      return api.request(
        `mutation($draftA: ID!, $v: Int!, $t: String!) { updateSubmission(id: $draftA, expectedVersion: $v, input: { title: $t }) { id } }`,
        {
          ...fx,
          v: submission.version,
          t: `Draft A retitled ${n}`,
        },
      );
    },
  },
  {
    operation: 'Mutation.submitSubmission',
    scenario: 'submitting a complete draft of unit A',
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('submitSubmission'),
    snapshot: (admin, fx) =>
      admin.data(`query($contest: ID!) { submissions(contestId: $contest, status: SUBMITTED) { totalCount } }`, { ...fx }),
    run: async (api, fx, n, admin) => {
      const id = await completeDraft(admin, fx, `Complete ${n}`);
      return api.request(`mutation($id: ID!) { submitSubmission(id: $id, expectedVersion: 1) { referenceNumber } }`, { id });
    },
  },
  {
    operation: 'Mutation.submitSubmissions',
    scenario: 'submitting two complete drafts of unit A',
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('submitSubmissions'),
    snapshot: (admin, fx) =>
      admin.data(`query($contest: ID!) { submissions(contestId: $contest, status: SUBMITTED) { totalCount } }`, { ...fx }),
    run: async (api, fx, n, admin) => {
      const ids = [await completeDraft(admin, fx, `Complete list ${n}a`), await completeDraft(admin, fx, `Complete list ${n}b`)];
      return api.request(`mutation($inputs: [SubmitSubmissionInput!]!) { submitSubmissions(inputs: $inputs) { referenceNumber } }`, {
        inputs: ids.map((id) => ({ id, expectedVersion: 1 })),
      });
    },
  },
  {
    operation: 'Mutation.withdrawSubmission',
    scenario: 'withdrawing a draft of unit A',
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('withdrawSubmission'),
    snapshot: (admin, fx) =>
      admin.data(`query($contest: ID!) { submissions(contestId: $contest, status: WITHDRAWN) { totalCount } }`, { ...fx }),
    run: async (api, fx, n, admin) => {
      const id = await completeDraft(admin, fx, `To withdraw ${n}`);
      return api.request(`mutation($id: ID!) { withdrawSubmission(id: $id, reason: "test") { status } }`, { id });
    },
  },
  {
    operation: 'Mutation.endorseSubmissions',
    scenario: "endorsing unit A's entry (the union that mobilized it, or the office)",
    allowed: ['ADMIN', 'ORGANIZER'],
    pick: root('endorseSubmissions'),
    snapshot: inStatus('ENDORSED'),
    run: async (api, fx, n, admin) => {
      const entry = await checkedEntry(admin, fx, n, false);
      return api.request(`mutation($inputs: [SubmissionStepInput!]!) { endorseSubmissions(inputs: $inputs) { status } }`, {
        inputs: [{ id: entry.id, expectedVersion: entry.version }],
      });
    },
  },
  {
    operation: 'Mutation.returnSubmission',
    scenario: "returning unit A's entry for revision",
    allowed: ['ADMIN', 'ORGANIZER'],
    pick: root('returnSubmission'),
    snapshot: inStatus('RETURNED'),
    run: async (api, fx, n, admin) => {
      const entry = await checkedEntry(admin, fx, n, false);
      return api.request(
        `mutation($id: ID!, $v: Int!) { returnSubmission(id: $id, expectedVersion: $v, reason: "缺少盖章页") { status } }`,
        {
          id: entry.id,
          v: entry.version,
        },
      );
    },
  },
  {
    operation: 'Mutation.acceptSubmissions',
    scenario: "accepting unit A's endorsed entry (the office's form check)",
    allowed: ['ADMIN'],
    pick: root('acceptSubmissions'),
    snapshot: inStatus('ACCEPTED'),
    run: async (api, fx, n, admin) => {
      const entry = await checkedEntry(admin, fx, n, true);
      return api.request(`mutation($inputs: [SubmissionStepInput!]!) { acceptSubmissions(inputs: $inputs) { status } }`, {
        inputs: [{ id: entry.id, expectedVersion: entry.version }],
      });
    },
  },
  {
    operation: 'Mutation.rejectSubmission',
    scenario: "rejecting unit A's endorsed entry (the office's form check)",
    allowed: ['ADMIN'],
    pick: root('rejectSubmission'),
    snapshot: inStatus('REJECTED'),
    run: async (api, fx, n, admin) => {
      const entry = await checkedEntry(admin, fx, n, true);
      return api.request(
        `mutation($id: ID!, $v: Int!) { rejectSubmission(id: $id, expectedVersion: $v, reason: "不符合申报条件") { status } }`,
        {
          id: entry.id,
          v: entry.version,
        },
      );
    },
  },
  {
    operation: 'Mutation.createAttachmentUpload',
    scenario: "an upload URL for unit A's draft",
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('createAttachmentUpload'),
    snapshot: (admin, fx) => admin.data(`query($draftA: ID!) { submission(id: $draftA) { attachments { id } } }`, { ...fx }),
    run: (api, fx) =>
      api.request(
        `mutation($draftA: ID!) { createAttachmentUpload(input: { submissionId: $draftA, fileName: "申报书.pdf", contentType: "application/pdf", size: 100 }) { uploadUrl } }`,
        { ...fx },
      ),
  },
  {
    operation: 'Mutation.deleteAttachment',
    scenario: "removing a file of unit A's draft",
    allowed: ['ADMIN', 'SUBMITTER'],
    pick: root('deleteAttachment'),
    run: async (api, fx, n, admin) => {
      const id = await uploadedFile(admin, fx, `With a file ${n}`);
      return api.request(`mutation($id: ID!) { deleteAttachment(id: $id) { id } }`, { id });
    },
  },
];
