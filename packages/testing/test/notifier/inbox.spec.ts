import { type GraphClient, type TestGraph, startGraph } from '../../src';
import { reviewFixtures } from '../expert-review/review-fixtures';
import { INBOX, type ReviewWorld, asNotifier, inboxOf, memoryMail, reviewWorld } from './notifier-fixtures';

/** The in-app inbox through the gateway: who reads which inbox, marking read, email preferences, and the service-only delivery. */
describe('notifications: the inbox', () => {
  let graph: TestGraph;
  let notifier: GraphClient;
  const mail = memoryMail();
  const DELIVER = `mutation($inputs: [NotificationInput!]!) { deliverNotifications(inputs: $inputs) { delivered ignored } }`;
  const note = (eventKey: string, recipientKey: string, title = `致 ${recipientKey}`) => ({
    eventKey,
    recipientKey,
    kind: 'SUBMISSION_RETURNED',
    title,
    body: '请修改后重新提交。',
    link: '/unit/submissions/s1',
  });

  beforeAll(async () => {
    graph = await startGraph({ notifier: { mail } });
    notifier = await asNotifier(graph);
  }, 60_000);
  afterAll(() => graph?.stop());

  describe('each inbox key', () => {
    let clients: Record<string, GraphClient>;
    beforeAll(async () => {
      const inputs = [
        note('t:office', 'office'),
        note('t:unit', 'org:unit-a'),
        note('t:unit-b', 'org:unit-b'),
        note('t:expert', 'expert:x-1'),
        note('t:person', 'person:p-1'),
        note('t:person-2', 'person:p-2'),
      ];
      const { deliverNotifications } = await notifier.data<{ deliverNotifications: { delivered: number } }>(DELIVER, { inputs });
      expect(deliverNotifications.delivered).toBe(6);
      clients = {
        admin: await graph.as('ADMIN', { sub: 'p-9' }),
        submitter: await graph.as('SUBMITTER', { org: 'unit-a', sub: 'p-1' }),
        organizerB: await graph.as('ORGANIZER', { org: 'unit-b' }),
        expert: await graph.as('EXPERT', { expert: 'x-1', sub: 'p-3' }),
        otherExpert: await graph.as('EXPERT', { expert: 'x-2', sub: 'p-4' }),
        analyst: await graph.as('ANALYST', { sub: 'p-5' }),
      };
    });

    it.each([
      ['admin', ['致 office']],
      ['submitter', ['致 org:unit-a', '致 person:p-1']],
      ['organizerB', ['致 org:unit-b']],
      ['expert', ['致 expert:x-1']],
      ['otherExpert', []],
      ['analyst', []],
    ])('%s reads the notifications of the inboxes it holds, and no one else’s', async (who, titles) => {
      const inbox = await inboxOf(clients[who]!);
      expect(inbox.nodes.map((n) => n.title).sort()).toEqual(titles);
      expect(inbox.unreadCount).toBe(titles.length);
      for (const n of inbox.nodes)
        expect(n).toMatchObject({ kind: 'SUBMISSION_RETURNED', body: '请修改后重新提交。', link: '/unit/submissions/s1' });
    });

    it('answers null to an anonymous caller', async () => {
      const result = await graph.anonymous.request<{ me: unknown }>(INBOX, {});
      expect(result.errors).toBeUndefined();
      expect(result.data?.me).toBeNull();
    });

    it('marks read only the caller’s own notifications, and all of them when no ids are given', async () => {
      const unitInbox = await inboxOf(clients.submitter!);
      const theirs = (await inboxOf(clients.organizerB!)).nodes[0]!.id;
      const mine = unitInbox.nodes[0]!.id;
      const marked = await clients.submitter!.data<{ markNotificationsRead: { marked: number; unreadCount: number } }>(
        `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { marked unreadCount } }`,
        { ids: [mine, theirs] },
      );
      expect(marked.markNotificationsRead).toEqual({ marked: 1, unreadCount: 1 });
      // The other unit's notification is untouched.
      expect((await inboxOf(clients.organizerB!)).unreadCount).toBe(1);
      const after = await inboxOf(clients.submitter!, true);
      expect(after.nodes.map((n) => n.id)).not.toContain(mine);
      expect(after.unreadCount).toBe(1);
      const markAll = async () =>
        (
          await clients.submitter!.data<{ markNotificationsRead: { marked: number; unreadCount: number } }>(
            `mutation { markNotificationsRead { marked unreadCount } }`,
          )
        ).markNotificationsRead;
      expect(await markAll()).toEqual({ marked: 1, unreadCount: 0 });
      expect((await inboxOf(clients.submitter!)).unreadCount).toBe(0);
      expect((await inboxOf(clients.submitter!)).nodes.every((n) => n.readAt !== null)).toBe(true);
      // Marking again changes nothing.
      expect(await markAll()).toEqual({ marked: 0, unreadCount: 0 });
    });

    it('refuses marking read to anonymous callers, changing nothing', async () => {
      const result = await graph.anonymous.request(`mutation { markNotificationsRead { marked unreadCount } }`);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await inboxOf(clients.admin!)).unreadCount).toBe(1);
    });

    it('pages newest first', async () => {
      const { me } = await clients.submitter!.data<{
        me: { notifications: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { title: string }[] } };
      }>(INBOX, { first: 1 });
      expect(me.notifications.totalCount).toBe(2);
      expect(me.notifications.pageInfo.hasNextPage).toBe(true);
      const next = await clients.submitter!.data<{ me: { notifications: { nodes: unknown[]; pageInfo: { hasNextPage: boolean } } } }>(
        INBOX,
        {
          first: 1,
          after: me.notifications.pageInfo.endCursor,
        },
      );
      expect(next.me.notifications.nodes).toHaveLength(1);
      expect(next.me.notifications.pageInfo.hasNextPage).toBe(false);
      // A cursor of another caller's list is refused.
      const foreign = await clients.admin!.request(INBOX, { first: 1, after: me.notifications.pageInfo.endCursor });
      expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('delivery', () => {
    it('keeps each (event, inbox) once: a repeat is ignored', async () => {
      const inputs = [note('t:repeat', 'office', '重复'), note('t:repeat', 'office', '重复')];
      const first = await notifier.data<{ deliverNotifications: { delivered: number; ignored: number } }>(DELIVER, { inputs });
      expect(first.deliverNotifications).toEqual({ delivered: 1, ignored: 1 });
      const again = await notifier.data<{ deliverNotifications: { delivered: number; ignored: number } }>(DELIVER, { inputs: [inputs[0]] });
      expect(again.deliverNotifications).toEqual({ delivered: 0, ignored: 1 });
      const office = await inboxOf(await graph.as('ADMIN'));
      expect(office.nodes.filter((n) => n.title === '重复')).toHaveLength(1);
    });

    it('is not routed by the gateway, and the subgraph refuses it to anyone but the graph’s services, writing nothing', async () => {
      const inputs = [note('t:forbidden', 'office', '不应写入')];
      const viaGateway = await graph.gateway.request(DELIVER, { inputs });
      expect(viaGateway.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const asOffice = graph
        .direct('organizations')
        .with({ authorization: `Bearer ${await graph.auth.internal.forCaller({ roles: ['ADMIN'], sub: 'p-9' }, 'organizations')}` });
      const direct = await asOffice.request(DELIVER, { inputs });
      expect(direct.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const recipients = await asOffice.request(`query { notificationRecipients(personIds: ["p-1"]) { email } }`);
      expect(recipients.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const office = await inboxOf(await graph.as('ADMIN'));
      expect(office.nodes.map((n) => n.title)).not.toContain('不应写入');
    });

    it('refuses a bad inbox key or link by field, writing none of the list', async () => {
      const result = await notifier.request(DELIVER, {
        inputs: [note('t:bad', 'office', '坏的一批'), { ...note('t:bad', 'team:t1'), link: 'https://elsewhere.example' }],
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.field).toBe('inputs.1.recipientKey');
      const office = await inboxOf(await graph.as('ADMIN'));
      expect(office.nodes.map((n) => n.title)).not.toContain('坏的一批');
    });
  });

  describe('email preferences', () => {
    let preferring: string;
    it('turns a kind off for the caller alone; the notifier reads it with the address', async () => {
      const person = (
        await graph.gateway.data<{ createPerson: { id: string } }>(
          `mutation($o: ID!) { createPerson(input: { name: "陈工", organizationId: $o, email: "chen@example.org" }) { id } }`,
          {
            o: (
              await graph.gateway.data<{ createOrganization: { id: string } }>(
                `mutation { createOrganization(input: { name: "偏好测试单位", kind: ENTERPRISE }) { id } }`,
              )
            ).createOrganization.id,
          },
        )
      ).createPerson.id;
      preferring = person;
      const me = await graph.as('SUBMITTER', { sub: person, org: 'unit-z' });
      const set = await me.data<{ setEmailPreference: { kind: string; enabled: boolean } }>(
        `mutation { setEmailPreference(kind: SUBMISSION_RETURNED, enabled: false) { kind enabled } }`,
      );
      expect(set.setEmailPreference).toEqual({ kind: 'SUBMISSION_RETURNED', enabled: false });
      const { me: prefs } = await me.data<{ me: { emailPreferences: { kind: string; enabled: boolean }[] } }>(
        `{ me { emailPreferences { kind enabled } } }`,
      );
      expect(prefs.emailPreferences.filter((p) => !p.enabled)).toEqual([{ kind: 'SUBMISSION_RETURNED', enabled: false }]);
      expect(prefs.emailPreferences).toHaveLength(12);
      const { notificationRecipients } = await notifier.data<{ notificationRecipients: unknown[] }>(
        `query($p: [ID!]!) { notificationRecipients(personIds: $p) { personId email emailOptOuts } }`,
        { p: [person] },
      );
      expect(notificationRecipients).toEqual([{ personId: person, email: 'chen@example.org', emailOptOuts: ['SUBMISSION_RETURNED'] }]);
      // Another person's preferences are untouched.
      const other = await graph.as('EXPERT', { sub: 'p-other', expert: 'x-9' });
      const { me: theirs } = await other.data<{ me: { emailPreferences: { enabled: boolean }[] } }>(
        `{ me { emailPreferences { enabled } } }`,
      );
      expect(theirs.emailPreferences.every((p) => p.enabled)).toBe(true);
    });

    it('refuses a preference to an anonymous caller, writing nothing', async () => {
      const result = await graph.anonymous.request(`mutation { setEmailPreference(kind: ROUND_OPENED, enabled: false) { kind } }`);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const { notificationRecipients } = await notifier.data<{ notificationRecipients: { emailOptOuts: string[] }[] }>(
        `query($p: [ID!]!) { notificationRecipients(personIds: $p) { emailOptOuts } }`,
        { p: [preferring] },
      );
      expect(notificationRecipients[0]!.emailOptOuts).toEqual(['SUBMISSION_RETURNED']);
    });
  });

  describe('from the change feeds', () => {
    let world: ReviewWorld;
    beforeAll(async () => {
      world = await reviewWorld(graph, 'inbox-2019');
      await graph.notifier!.catchUp();
    }, 60_000);

    it('puts an ASSIGNMENT_MADE in each assigned expert’s inbox, once however often the feeds are read', async () => {
      await graph.notifier!.catchUp();
      for (const x of world.experts) {
        const client = await graph.as('EXPERT', { expert: x.id, sub: x.personId });
        const made = (await inboxOf(client)).nodes.filter((n) => n.kind === 'ASSIGNMENT_MADE');
        expect(made).toHaveLength(world.assignments.filter((a) => a.expertId === x.id).length);
        expect(made[0]).toMatchObject({ title: '新的评审任务：初审', link: `/expert/rounds/${world.round}/batch` });
      }
      expect(mail.sent.filter((m) => m.subject === '新的评审任务：初审')).toHaveLength(world.assignments.length);
    });

    it('tells a unit and its entry’s leader that the entry was returned, with the link to it', async () => {
      const admin = graph.gateway;
      const f = reviewFixtures(graph);
      const { createContest } = await admin.data<{ createContest: { id: string } }>(
        `mutation { createContest(input: { code: "inbox-return-2019", name: "退回测试", year: 2019, requiresEndorsement: true }) { id } }`,
      );
      const { createTrack } = await admin.data<{ createTrack: { id: string } }>(
        `mutation($c: ID!) { createTrack(input: { contestId: $c, code: "AI", name: "AI" }) { id } }`,
        { c: createContest.id },
      );
      await admin.data(`mutation($c: ID!) { changeContestStatus(id: $c, status: OPEN_FOR_SUBMISSIONS) { id } }`, { c: createContest.id });
      const unit = await f.unit('退回测试单位');
      await admin.data(`mutation($p: ID!) { updatePerson(id: $p, input: { email: "leader@example.org" }) { id } }`, { p: unit.leaderId });
      const sub = await f.submission({ id: createContest.id, tracks: { AI: createTrack.id } }, 'AI', unit, '待修改的成果');
      await admin.data(`mutation($id: ID!) { returnSubmission(id: $id, expectedVersion: 2, reason: "材料不全") { id status } }`, {
        id: sub.id,
      });
      await graph.notifier!.catchUp();
      const unitInbox = await inboxOf(await graph.as('SUBMITTER', { org: unit.id, sub: 'someone-else' }));
      expect(unitInbox.nodes).toEqual([
        expect.objectContaining({
          kind: 'SUBMISSION_RETURNED',
          title: '申报成果已退回修改：待修改的成果',
          link: `/unit/submissions/${sub.id}`,
        }),
      ]);
      const leader = await graph.as('SUBMITTER', { org: unit.id, sub: unit.leaderId });
      // The event is in the unit's inbox and in the leader's own; the leader, who holds both, reads it once.
      const leaderInbox = await inboxOf(leader);
      expect(leaderInbox.nodes.map((n) => n.kind)).toEqual(['SUBMISSION_RETURNED']);
      expect(leaderInbox.unreadCount).toBe(1);
      const marked = await leader.data<{ markNotificationsRead: { marked: number; unreadCount: number } }>(
        `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { marked unreadCount } }`,
        { ids: [leaderInbox.nodes[0]!.id] },
      );
      // Read once, it is read in both of the leader's inboxes: it does not come back from the unit's.
      expect(marked.markNotificationsRead).toEqual({ marked: 2, unreadCount: 0 });
      expect(await inboxOf(leader, true)).toEqual({ unreadCount: 0, nodes: [] });
      expect(mail.sent.filter((m) => m.to === 'leader@example.org').map((m) => m.subject)).toEqual(['申报成果已退回修改：待修改的成果']);
    });
  });
});
