import type { GraphClient } from '../../src';
import { ALL, type Fixture, type Row, root, total } from '../gateway/authorization-matrix';

/** A fresh draft notice of the open contest, drafted by the office for one row's call. */
async function draft(admin: GraphClient, fx: Fixture, title: string): Promise<{ id: string; version: number }> {
  const { createNotice } = await admin.data<{ createNotice: { id: string; version: number } }>(
    `mutation($contest: ID!, $title: String!) { createNotice(input: { contestId: $contest, kind: NOTICE, title: $title, body: "正文" }) { id version } }`,
    { ...fx, title },
  );
  return createNotice;
}

/** A fresh published notice of the open contest. */
async function published(admin: GraphClient, fx: Fixture, title: string): Promise<{ id: string; version: number }> {
  const notice = await draft(admin, fx, title);
  const { publishNotice } = await admin.data<{ publishNotice: { id: string; version: number } }>(
    `mutation($id: ID!) { publishNotice(id: $id, expectedVersion: 1) { id version } }`,
    { id: notice.id },
  );
  return publishNotice;
}

const byStatus = (status: string) => total(`query($contest: ID!) { notices(contestId: $contest, status: [${status}]) { totalCount } }`);

/** Drafts made for the deletion row so far: its snapshot counts the notices it did not make itself. */
let draftedToDelete = 0;

/** The authorization rows of notices (通知公告) and their files, served by organizations. */
export const NOTICES_TABLE: Row[] = [
  {
    operation: 'Query.notices',
    scenario: 'the published notices of a contest',
    allowed: ALL,
    pick: root('notices'),
    run: (api, fx) => api.request(`query($contest: ID!) { notices(contestId: $contest) { totalCount } }`, { ...fx }),
  },
  {
    operation: 'Query.notice',
    scenario: 'a published notice',
    allowed: ALL,
    pick: root('notice'),
    run: async (api, fx, n, admin) => {
      const notice = await published(admin, fx, `公开通知 ${n}`);
      return api.request(`query($id: ID!) { notice(id: $id) { title bodyHtml } }`, { id: notice.id });
    },
  },
  {
    operation: 'Mutation.createNotice',
    scenario: 'a new draft notice',
    allowed: ['ADMIN'],
    pick: root('createNotice'),
    snapshot: byStatus('DRAFT, PUBLISHED, WITHDRAWN'),
    run: (api, fx, n) =>
      api.request(
        `mutation($contest: ID!, $title: String!) { createNotice(input: { contestId: $contest, kind: RULES, title: $title, body: "规则" }) { id } }`,
        { ...fx, title: `申报规则 ${n}` },
      ),
  },
  {
    operation: 'Mutation.updateNotice',
    scenario: 'retitling a draft',
    allowed: ['ADMIN'],
    pick: root('updateNotice'),
    snapshot: total(`query($contest: ID!) { notices(contestId: $contest, search: "改过") { totalCount } }`),
    run: async (api, fx, n, admin) => {
      const notice = await draft(admin, fx, `待改 ${n}`);
      return api.request(`mutation($id: ID!, $t: String!) { updateNotice(id: $id, expectedVersion: 1, input: { title: $t }) { id } }`, {
        id: notice.id,
        t: `改过 ${n}`,
      });
    },
  },
  {
    operation: 'Mutation.publishNotice',
    scenario: 'publishing a draft',
    allowed: ['ADMIN'],
    pick: root('publishNotice'),
    snapshot: byStatus('PUBLISHED, WITHDRAWN'),
    run: async (api, fx, n, admin) => {
      const notice = await draft(admin, fx, `待发布 ${n}`);
      return api.request(`mutation($id: ID!) { publishNotice(id: $id, expectedVersion: 1) { id } }`, { id: notice.id });
    },
  },
  {
    operation: 'Mutation.withdrawNotice',
    scenario: 'withdrawing a published notice',
    allowed: ['ADMIN'],
    pick: root('withdrawNotice'),
    snapshot: byStatus('WITHDRAWN'),
    run: async (api, fx, n, admin) => {
      const notice = await published(admin, fx, `待撤回 ${n}`);
      return api.request(`mutation($id: ID!, $v: Int!) { withdrawNotice(id: $id, expectedVersion: $v, reason: "内容有误") { id } }`, {
        id: notice.id,
        v: notice.version,
      });
    },
  },
  {
    operation: 'Mutation.deleteNoticeDraft',
    scenario: 'deleting a draft',
    allowed: ['ADMIN'],
    pick: (d) => ((d?.deleteNoticeDraft as { id?: string } | null)?.id ? true : null),
    snapshot: async (admin, fx) => Number(await byStatus('DRAFT')(admin, fx)) - draftedToDelete,
    run: async (api, fx, n, admin) => {
      const notice = await draft(admin, fx, `待删除 ${n}`);
      draftedToDelete += 1;
      return api.request(`mutation($id: ID!) { deleteNoticeDraft(id: $id) { id } }`, { id: notice.id });
    },
  },
  {
    operation: 'Mutation.createNoticeAttachmentUpload',
    scenario: "a file for a draft's upload",
    allowed: ['ADMIN'],
    pick: root('createNoticeAttachmentUpload'),
    run: async (api, fx, n, admin) => {
      const notice = await draft(admin, fx, `附件通知 ${n}`);
      return api.request(
        `mutation($id: ID!) { createNoticeAttachmentUpload(input: { noticeId: $id, fileName: "规则.pdf", contentType: "application/pdf", size: 4 }) { uploadUrl } }`,
        { id: notice.id },
      );
    },
  },
  {
    operation: 'Mutation.deleteNoticeAttachment',
    scenario: "removing a draft's file",
    allowed: ['ADMIN'],
    pick: root('deleteNoticeAttachment'),
    run: async (api, fx, n, admin) => {
      const notice = await draft(admin, fx, `删附件 ${n}`);
      const { createNoticeAttachmentUpload: ticket } = await admin.data<{ createNoticeAttachmentUpload: { uploadUrl: string } }>(
        `mutation($id: ID!) { createNoticeAttachmentUpload(input: { noticeId: $id, fileName: "a.pdf", contentType: "application/pdf", size: 4 }) { uploadUrl } }`,
        { id: notice.id },
      );
      const put = await fetch(`${fx.origin}${ticket.uploadUrl}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/pdf' },
        body: new Uint8Array(Buffer.from('%PDF')),
      });
      const { id } = (await put.json()) as { id: string };
      return api.request(`mutation($id: ID!) { deleteNoticeAttachment(id: $id) { id } }`, { id });
    },
  },
];
