import type { MailSender, OutgoingMail } from '@meritgraph/notifier';
import type { GraphClient, TestGraph } from '../../src';
import { reviewFixtures } from '../expert-review/review-fixtures';

/** A mail transport that keeps what it is given, for tests that do not need an SMTP server. */
export function memoryMail(): MailSender & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    sent,
    describe: () => 'memory',
    send: async (mail) => {
      sent.push(mail);
    },
    close: () => undefined,
  };
}

/** The organizations subgraph called directly with the notifier's own service token. */
export async function asNotifier(graph: TestGraph): Promise<GraphClient> {
  return graph
    .direct('organizations')
    .with({ authorization: `Bearer ${await graph.auth.internal.forService('notifier', 'organizations')}` });
}

export interface InboxNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
}

export const INBOX = `query Inbox($unread: Boolean, $first: Int, $after: String) { me { unreadCount
  notifications(unread: $unread, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id kind title body link readAt } } } }`;

export async function inboxOf(client: GraphClient, unread?: boolean): Promise<{ unreadCount: number; nodes: InboxNotification[] }> {
  const { me } = await client.data<{ me: { unreadCount: number; notifications: { nodes: InboxNotification[] } } }>(INBOX, {
    unread,
    first: 100,
  });
  return { unreadCount: me.unreadCount, nodes: me.notifications.nodes };
}

export interface ReviewWorld {
  contest: string;
  round: string;
  units: { id: string; leaderId: string }[];
  experts: { id: string; personId: string; email: string }[];
  /** Entry ids by the expert assigned to them. */
  assignments: { entryId: string; expertId: string }[];
}

/**
 * Two units with an entry each in an open screening round, three experts with email
 * addresses, each entry assigned to two of them: six ASSIGNMENT_MADE events.
 */
export async function reviewWorld(graph: TestGraph, code: string): Promise<ReviewWorld> {
  const f = reviewFixtures(graph);
  const admin = graph.gateway;
  const contest = await f.contest(code, ['AI']);
  const units = [await f.unit(`${code}甲单位`), await f.unit(`${code}乙单位`)];
  const subs = [
    await f.submission(contest, 'AI', units[0]!, '智能巡检机器人'),
    await f.submission(contest, 'AI', units[1]!, '工业视觉质检'),
  ];
  const university = (await f.make.organization({ name: `${code}大学`, kind: 'UNIVERSITY' })).id;
  const experts: ReviewWorld['experts'] = [];
  for (const [i, name] of ['李教授', '王研究员', '赵工程师'].entries()) {
    const email = `${code}-expert${i + 1}@example.org`;
    const { createPerson } = await admin.data<{ createPerson: { id: string } }>(
      `mutation($n: String!, $o: ID!, $e: String!) { createPerson(input: { name: $n, organizationId: $o, email: $e }) { id } }`,
      { n: name, o: university, e: email },
    );
    const { createExpert } = await admin.data<{ createExpert: { id: string } }>(
      `mutation($p: ID!) { createExpert(input: { personId: $p, title: PROFESSOR, expertise: ["AI"] }) { id } }`,
      { p: createPerson.id },
    );
    experts.push({ id: createExpert.id, personId: createPerson.id, email });
  }
  const round = await f.round(contest, { reviewersPerEntry: 2 });
  await f.intake(round);
  const ids = await f.entryIds(round);
  const assignments: ReviewWorld['assignments'] = [];
  for (const [i, sub] of subs.entries()) {
    for (const x of [experts[i]!, experts[2]!]) {
      const entryId = ids[sub.referenceNumber]!;
      const result = await f.assign(entryId, x.id);
      if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
      assignments.push({ entryId, expertId: x.id });
    }
  }
  return { contest: contest.id, round, units, experts, assignments };
}
