import { workCalendar } from './honors';
import {
  type FeedEvent,
  closesWithinOneWorkingDay,
  dueReminders,
  inboxKeys,
  isInboxKey,
  notificationsFor,
  roundClosesAt,
} from './notifications';

const event = (over: Partial<FeedEvent> & Pick<FeedEvent, 'feed' | 'entityType' | 'change' | 'state'>): FeedEvent => ({
  position: '7',
  entityId: 'e1',
  version: 1,
  ...over,
});

const experts = new Map([
  ['x1', { id: 'x1', personId: 'p-x1' }],
  ['x2', { id: 'x2', personId: 'p-x2' }],
]);

describe('inbox keys', () => {
  it('gives each role the inboxes it holds', () => {
    expect(inboxKeys({ roles: ['ADMIN'], sub: 'p1' })).toEqual(['office', 'person:p1']);
    expect(inboxKeys({ roles: ['SUBMITTER'], org: 'o1', sub: 'p2' })).toEqual(['org:o1', 'person:p2']);
    expect(inboxKeys({ roles: ['ORGANIZER'], org: 'u1' })).toEqual(['org:u1']);
    expect(inboxKeys({ roles: ['EXPERT'], expert: 'x1', sub: 'p3' })).toEqual(['expert:x1', 'person:p3']);
    // An org claim without a unit role, or an expert claim without EXPERT, opens nothing.
    expect(inboxKeys({ roles: ['ANALYST'], org: 'o1', expert: 'x1' })).toEqual([]);
    expect(inboxKeys({ roles: [] })).toEqual([]);
    expect(inboxKeys({ roles: [], service: 'notifier' })).toEqual([]);
  });

  it('knows a key when it sees one', () => {
    expect(['office', 'org:o1', 'expert:x-1', 'person:p_1'].every(isInboxKey)).toBe(true);
    expect(['', 'org:', 'team:t1', 'person:a b', 'office:1'].some(isInboxKey)).toBe(false);
  });
});

describe('notificationsFor', () => {
  it('tells an expert of an assignment made, by inbox and email, keyed by the change', () => {
    const drafts = notificationsFor(
      event({
        feed: 'expert-review',
        entityType: 'Assignment',
        entityId: 'a1',
        change: 'assignment.create',
        state: { id: 'a1', roundId: 'r1', expertId: 'x1', status: 'ASSIGNED' },
      }),
      { previous: null, round: { id: 'r1', name: '初评' }, experts },
    );
    expect(drafts).toEqual([
      expect.objectContaining({
        eventKey: 'Assignment:a1:1',
        kind: 'ASSIGNMENT_MADE',
        recipients: ['expert:x1'],
        mailTo: ['p-x1'],
        title: '新的评审任务：初评',
        link: '/expert/rounds/r1/batch',
      }),
    ]);
  });

  it('tells the expert and the office of a decline, once, and not of a later change of the declined pair', () => {
    const declined = event({
      feed: 'expert-review',
      entityType: 'Assignment',
      entityId: 'a1',
      version: 2,
      change: 'assignment.decline',
      state: { id: 'a1', roundId: 'r1', expertId: 'x1', status: 'DECLINED' },
    });
    const [draft] = notificationsFor(declined, { previous: { status: 'ASSIGNED' }, experts });
    expect(draft).toMatchObject({ kind: 'ASSIGNMENT_DECLINED', recipients: ['expert:x1', 'office'], eventKey: 'Assignment:a1:2' });
    expect(notificationsFor({ ...declined, version: 3 }, { previous: { status: 'DECLINED' } })).toEqual([]);
  });

  it('tells the experts assigned in a round that it opened, and the units with entries that its results are published', () => {
    const assignments = [
      { expertId: 'x2', status: 'ASSIGNED' },
      { expertId: 'x1', status: 'ASSIGNED' },
      { expertId: 'x1', status: 'ASSIGNED' },
      { expertId: 'x3', status: 'DECLINED' },
    ];
    const open = event({ feed: 'expert-review', entityType: 'ReviewRound', change: 'round.open', state: { name: '复评', status: 'OPEN' } });
    const [opened] = notificationsFor(open, { previous: { status: 'DRAFT' }, roundAssignments: assignments, experts });
    expect(opened).toMatchObject({ kind: 'ROUND_OPENED', recipients: ['expert:x1', 'expert:x2'], mailTo: ['p-x1', 'p-x2'] });
    // Seen again in the same state (a restart re-reads it: the key is the same; a later change is not an opening).
    expect(notificationsFor({ ...open, version: 5 }, { previous: { status: 'OPEN' }, roundAssignments: assignments })).toEqual([]);

    const publish = event({
      feed: 'expert-review',
      entityType: 'ReviewRound',
      version: 4,
      change: 'round.publish',
      state: { name: '复评', status: 'FINALIZED', publishedAt: '2019-06-01T00:00:00Z' },
    });
    const entries = [{ organizationId: 'u2' }, { organizationId: 'u1' }, { organizationId: 'u2' }];
    const [published] = notificationsFor(publish, { previous: { status: 'FINALIZED', publishedAt: null }, roundEntries: entries });
    expect(published).toMatchObject({ kind: 'RESULTS_PUBLISHED', recipients: ['org:u1', 'org:u2'], mailTo: [] });
  });

  it.each([
    ['RETURNED', 'SUBMISSION_RETURNED', '申报成果已退回修改：智能电网'],
    ['ACCEPTED', 'SUBMISSION_ACCEPTED', '申报成果已受理：智能电网'],
    ['REJECTED', 'SUBMISSION_REJECTED', '申报成果未予受理：智能电网'],
  ])('tells the unit and the leader of a submission %s', (status, kind, title) => {
    const drafts = notificationsFor(
      event({
        feed: 'submissions',
        entityType: 'Submission',
        entityId: 's1',
        version: 3,
        change: 'submission.x',
        state: { title: '智能电网', organizationId: 'u1', leaderId: 'p9', status, referenceNumber: '2019-AI-0001' },
      }),
      { previous: { status: 'SUBMITTED' } },
    );
    expect(drafts).toEqual([
      expect.objectContaining({
        kind,
        title,
        recipients: ['org:u1', 'person:p9'],
        mailTo: ['p9'],
        link: '/unit/submissions/s1',
        eventKey: 'Submission:s1:3',
      }),
    ]);
  });

  it('says nothing of a submitted draft, a snapshot or a record without state', () => {
    const submitted = event({ feed: 'submissions', entityType: 'Submission', change: 'submission.submit', state: { status: 'SUBMITTED' } });
    expect(notificationsFor(submitted, { previous: { status: 'DRAFT' } })).toEqual([]);
    expect(notificationsFor({ ...submitted, change: 'feed.snapshot', state: { status: 'RETURNED' } }, { previous: null })).toEqual([]);
    expect(notificationsFor({ ...submitted, state: null }, { previous: null })).toEqual([]);
  });

  it('tells the nominating union and the recipient’s unit of a proposal and an announcement; the office of an objection', () => {
    const honor = { recipientName: '张伟', nominatedByOrg: 'union1', organizationId: 'u1' };
    const proposed = notificationsFor(
      event({ feed: 'honors', entityType: 'Honor', change: 'honor.propose', state: { ...honor, status: 'PROPOSED' } }),
      { previous: { status: 'NOMINATED' } },
    );
    expect(proposed).toEqual([expect.objectContaining({ kind: 'NOMINATION_PROPOSED', recipients: ['org:union1', 'org:u1'] })]);
    const announced = notificationsFor(
      event({
        feed: 'honors',
        entityType: 'Honor',
        change: 'honor.announce',
        state: { ...honor, status: 'ANNOUNCED', objectionsCloseAt: '2019-11-15T16:00:00.000Z' },
      }),
      { previous: { status: 'PROPOSED' } },
    );
    expect(announced[0]).toMatchObject({ kind: 'NOMINATION_ANNOUNCED', body: '“张伟”已进入公示，公示期至 2019-11-15。' });
    const objection = notificationsFor(
      event({ feed: 'honors', entityType: 'Honor', version: 9, change: 'objection.file', state: { ...honor, status: 'ANNOUNCED' } }),
      { previous: { ...honor, status: 'ANNOUNCED' } },
    );
    expect(objection).toEqual([expect.objectContaining({ kind: 'OBJECTION_FILED', recipients: ['office'], mailTo: [] })]);
  });
});

describe('reminders', () => {
  const calendar = workCalendar([{ date: '2019-10-07', kind: 'HOLIDAY' }]);
  const round = {
    id: 'r1',
    name: '初评',
    // The end of 2019-06-10, Beijing time.
    closesAt: roundClosesAt('2019-06-10'),
    unscored: new Map([
      ['x2', 3],
      ['x1', 0],
    ]),
    people: new Map([['x2', 'p-x2']]),
  };

  it('closes a round at the end of its review date in Beijing', () => {
    expect(roundClosesAt('2019-06-10')?.toISOString()).toBe('2019-06-10T16:00:00.000Z');
    expect(roundClosesAt(null)).toBeNull();
  });

  it('reminds the experts with unscored entries within the last 24 hours of a round, with a key of the round and expert', () => {
    const facts = { rounds: [round], honors: [], calendar };
    expect(dueReminders(new Date('2019-06-09T15:59:00Z'), facts)).toEqual([]);
    const due = dueReminders(new Date('2019-06-09T16:00:00Z'), facts);
    expect(due).toEqual([
      expect.objectContaining({
        eventKey: 'round-closing:r1:x2',
        kind: 'ROUND_CLOSING',
        recipients: ['expert:x2'],
        mailTo: ['p-x2'],
        body: '“初评”将于 24 小时内截止，您还有 3 项参评成果未评分。',
      }),
    ]);
    // The same reminder later has the same key, so it is delivered once.
    expect(dueReminders(new Date('2019-06-10T12:00:00Z'), facts).map((d) => d.eventKey)).toEqual(['round-closing:r1:x2']);
    expect(dueReminders(new Date('2019-06-10T16:00:00Z'), facts)).toEqual([]);
  });

  it('reminds the office on the last working day before an announcement window ends, across a weekend and a holiday', () => {
    // The window's last day is Tuesday 2019-10-08; Monday 2019-10-07 is the office's holiday.
    const honors = [{ id: 'h1', recipientName: '张伟', closesAt: new Date('2019-10-08T16:00:00.000Z') }];
    const facts = { rounds: [], honors, calendar };
    expect(dueReminders(new Date('2019-10-03T09:00:00Z'), facts)).toEqual([]);
    const friday = dueReminders(new Date('2019-10-04T01:00:00Z'), facts);
    expect(friday).toEqual([
      expect.objectContaining({ eventKey: 'announcement-closing:h1', kind: 'ANNOUNCEMENT_CLOSING', recipients: ['office'] }),
    ]);
    expect(dueReminders(new Date('2019-10-08T15:00:00Z'), facts)).toHaveLength(1);
    expect(dueReminders(new Date('2019-10-08T16:00:00Z'), facts)).toEqual([]);
  });

  it('counts one working day on the calendar', () => {
    expect(closesWithinOneWorkingDay('2019-11-15', '2019-11-18', calendar)).toBe(true); // Friday → Monday
    expect(closesWithinOneWorkingDay('2019-11-14', '2019-11-18', calendar)).toBe(false);
    expect(closesWithinOneWorkingDay('2019-11-19', '2019-11-18', calendar)).toBe(false);
  });
});
