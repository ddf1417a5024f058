import type { DataSource } from 'typeorm';
import { type ErrorCode, type Identity, type RoundStatus } from '@meritgraph/domain';
import { newId, openDatabase } from '@meritgraph/db';
import { AuditEntry } from '@meritgraph/subgraph-kit';
import { schema as databaseSchema } from '../../database';
import { Entry, EntryLink, type EntryLinkKind } from '../entry/entry.entity';
import { EntryService } from '../entry/entry.service';
import { Expert } from '../expert/expert.entity';
import { Panel, PanelMember } from '../panel/panel.entity';
import { PanelService } from '../panel/panel.service';
import type { OrganizationsApi, SubmissionsApi } from '../references/peers';
import { ReviewRound } from '../round/round.entity';
import { RoundService } from '../round/round.service';
import { Scorecard } from '../scorecard/scorecard.entity';
import { Assignment } from './assignment.entity';
import { AssignmentService } from './assignment.service';

const NOW = new Date('2024-05-06T07:08:09.000Z');
const clock = () => NOW;
const EARLIER = new Date('2024-01-01T00:00:00.000Z');

const OFFICE: Identity = { roles: ['ADMIN'], sub: 'office-1' };

/** Assignment reads only its own database: a call to another subgraph fails the test loudly. */
const unexpected = (call: string) => () => Promise.reject(new Error(`${call} was not expected`));
const organizations: Pick<OrganizationsApi, 'contest' | 'personOrganizations' | 'organizations'> = {
  contest: unexpected('organizations.contest'),
  personOrganizations: unexpected('organizations.personOrganizations'),
  organizations: unexpected('organizations.organizations'),
};
const submissions: Pick<SubmissionsApi, 'submitted'> = { submitted: unexpected('submissions.submitted') };

let dataSource: DataSource;
let service: AssignmentService;

beforeEach(async () => {
  ({ dataSource } = await openDatabase(databaseSchema, { prefix: '', dataDir: ':memory:', log: 'none' }));
  const orgs = organizations as OrganizationsApi;
  const rounds = new RoundService(dataSource, orgs, clock);
  const entries = new EntryService(dataSource, rounds, orgs, submissions as SubmissionsApi, clock);
  const panels = new PanelService(dataSource, rounds, orgs, clock);
  service = new AssignmentService(dataSource, rounds, entries, panels, clock);
});

afterEach(() => dataSource.destroy());

// ---- factories: rows written directly, as the earlier steps of a round would leave them ----

let seq = 0;
const next = () => String(++seq).padStart(4, '0');

async function aRound({
  status = 'OPEN',
  reviewersPerEntry = 2,
  contestId = newId(),
  roundOrder = 1,
}: { status?: RoundStatus; reviewersPerEntry?: number; contestId?: string; roundOrder?: number } = {}): Promise<ReviewRound> {
  const round = Object.assign(new ReviewRound(), {
    id: newId(),
    contestId,
    name: `Round ${roundOrder}`,
    stage: 'SCREENING',
    roundOrder,
    status,
    blind: false,
    reviewDate: null,
    reviewersPerEntry,
    aggregationMethod: 'MEAN',
    trimMinimum: 5,
    threshold: null,
    tieBreakList: 'AGGREGATE',
    passSharePermille: 500,
    createdAt: EARLIER,
    publishedAt: null,
  });
  await dataSource.getRepository(ReviewRound).insert(round);
  return round;
}

interface ExpertSpec {
  expertise?: string[];
  affiliationId?: string;
  personId?: string;
  active?: boolean;
}

async function anExpert({ expertise = ['AI'], affiliationId, personId, active = true }: ExpertSpec = {}): Promise<Expert> {
  const n = next();
  const expert = Object.assign(new Expert(), {
    id: `expert-${n}`,
    personId: personId ?? `person-${n}`,
    affiliationId: affiliationId ?? `institute-${n}`,
    title: 'PROFESSOR',
    expertise,
    active,
    createdAt: EARLIER,
    updatedAt: EARLIER,
  });
  await dataSource.getRepository(Expert).insert(expert);
  return expert;
}

const experts = (count: number, spec: ExpertSpec = {}) => Promise.all(Array.from({ length: count }, () => anExpert(spec)));

interface EntrySpec {
  id?: string;
  submissionId?: string;
  referenceNumber?: string;
  organizationId?: string;
  trackId?: string;
  trackCode?: string;
  /** The snapshot's links: units above and below the submitting one, and its people. */
  ancestorIds?: string[];
  descendantIds?: string[];
  personIds?: string[];
}

async function anEntry(round: ReviewRound, spec: EntrySpec = {}): Promise<Entry> {
  const n = next();
  const trackCode = spec.trackCode ?? 'AI';
  const entry = Object.assign(new Entry(), {
    id: spec.id ?? newId(),
    roundId: round.id,
    submissionId: spec.submissionId ?? `submission-${n}`,
    organizationId: spec.organizationId ?? `unit-${n}`,
    state: 'IN_REVIEW',
    trackId: spec.trackId ?? `track-${trackCode.toLowerCase()}`,
    trackCode,
    referenceNumber: spec.referenceNumber ?? `2024-${trackCode}-${n}`,
    title: `Achievement ${n}`,
    summary: null,
    leaderId: spec.personIds?.[0] ?? null,
    submittedAt: EARLIER,
    takenAt: EARLIER,
  });
  await dataSource.getRepository(Entry).insert(entry);
  const links: [EntryLinkKind, string[] | undefined][] = [
    ['ANCESTOR', spec.ancestorIds],
    ['DESCENDANT', spec.descendantIds],
    ['PERSON', spec.personIds],
  ];
  for (const [kind, refIds] of links) {
    for (const refId of refIds ?? []) {
      await dataSource.getRepository(EntryLink).insert({ id: newId(), roundId: round.id, entryId: entry.id, kind, refId });
    }
  }
  return entry;
}

/** A panel of the round over `trackIds`, chaired by its first member. */
async function aPanel(round: ReviewRound, trackIds: string[], members: Expert[]): Promise<Panel> {
  const panel = Object.assign(new Panel(), {
    id: newId(),
    roundId: round.id,
    name: `Panel ${next()}`,
    trackIds,
    chairId: members[0]!.id,
    createdAt: EARLIER,
  });
  await dataSource.getRepository(Panel).insert(panel);
  await dataSource
    .getRepository(PanelMember)
    .insert(members.map((m, position) => ({ id: newId(), panelId: panel.id, roundId: round.id, expertId: m.id, position })));
  return panel;
}

async function anAssignment(entry: Entry, expert: Expert, status: Assignment['status'] = 'ASSIGNED'): Promise<Assignment> {
  const assignment = Object.assign(new Assignment(), {
    id: newId(),
    roundId: entry.roundId,
    entryId: entry.id,
    expertId: expert.id,
    panelId: null,
    status,
    origin: 'MANUAL',
    note: null,
    createdAt: EARLIER,
    updatedAt: EARLIER,
  });
  await dataSource.getRepository(Assignment).insert(assignment);
  return assignment;
}

async function aScorecard(assignment: Assignment): Promise<void> {
  await dataSource.getRepository(Scorecard).insert({
    id: newId(),
    assignmentId: assignment.id,
    roundId: assignment.roundId,
    entryId: assignment.entryId,
    expertId: assignment.expertId,
    scores: { OVERALL: 80 },
    total: 80,
    comment: null,
    decision: null,
    eliminationReason: null,
    version: 1,
    createdAt: EARLIER,
    updatedAt: EARLIER,
  });
}

// ---- reading back ----

const assignmentsOf = (entry: Entry) => dataSource.getRepository(Assignment).find({ where: { entryId: entry.id }, order: { id: 'ASC' } });
const expertIdsOf = async (entry: Entry) => (await assignmentsOf(entry)).map((a) => a.expertId).sort();
const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id).sort();
const auditOf = (action: string) => dataSource.getRepository(AuditEntry).find({ where: { action }, order: { id: 'ASC' } });

/** Everything an assignment change could write, to show that a refusal wrote none of it. */
async function everythingWritten() {
  const [assignments, audit] = await Promise.all([
    dataSource.getRepository(Assignment).find({ order: { id: 'ASC' } }),
    dataSource.getRepository(AuditEntry).find({ order: { id: 'ASC' } }),
  ]);
  return { assignments, audit };
}

/** The error `action` fails with, which must carry `code`; also a refusal thrown before any promise is made. */
async function refusal(action: () => Promise<unknown>, code: ErrorCode): Promise<unknown> {
  const error = await Promise.resolve()
    .then(action)
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(error).toMatchObject({ code });
  return error;
}

describe(AssignmentService.name, () => {
  describe('automatic assignment', () => {
    it('staffs every entry with the reviewers the round asks for, spreading the work evenly, and audits each assignment', async () => {
      const round = await aRound({ reviewersPerEntry: 3 });
      const pool = await experts(4);
      const entries = [];
      for (let i = 0; i < 5; i++) entries.push(await anEntry(round));

      const report = await service.autoAssign(OFFICE, round.id, {});

      expect(report).toMatchObject({ created: 15, plan: { unstaffed: [] } });
      for (const entry of entries) {
        const staff = await assignmentsOf(entry);
        expect(staff).toHaveLength(3);
        expect(new Set(staff.map((a) => a.expertId)).size).toBe(3);
        for (const a of staff) {
          expect(a).toMatchObject({ status: 'ASSIGNED', origin: 'AUTOMATIC', panelId: null, createdAt: NOW, updatedAt: NOW });
        }
      }
      // 15 seats over 4 experts: nobody takes more than one entry above anybody else.
      const loads = await Promise.all(pool.map((x) => dataSource.getRepository(Assignment).countBy({ expertId: x.id })));
      expect(loads.sort()).toEqual([3, 4, 4, 4]);
      expect(report.plan.loads.map((l) => l.load).sort()).toEqual([3, 4, 4, 4]);

      const audit = await auditOf('assignment.create');
      expect(audit).toHaveLength(15);
      expect(audit.every((a) => a.actor === 'office-1' && a.reason === 'automatic assignment')).toBe(true);
      expect(ids(audit.map((a) => ({ id: a.entityId })))).toEqual(ids(await dataSource.getRepository(Assignment).find()));
    });

    it('gives the same entries and pool the same assignments in another round, whatever order their ids fall in', async () => {
      await experts(5);
      const refs = ['2024-AI-0101', '2024-AI-0102', '2024-AI-0103', '2024-AI-0104', '2024-AI-0105', '2024-AI-0106'];
      const plans: string[][] = [];
      // The second round's entry ids sort in the opposite order to the first's.
      for (const idOf of [(i: number) => `entry-a-${i}`, (i: number) => `entry-b-${9 - i}`]) {
        const round = await aRound();
        const entries = await Promise.all(
          refs.map((ref, i) => anEntry(round, { id: idOf(i), referenceNumber: ref, submissionId: `submission-${ref}` })),
        );
        await service.autoAssign(OFFICE, round.id, {});
        const made = await dataSource.getRepository(Assignment).findBy({ roundId: round.id });
        const refOf = new Map(entries.map((e) => [e.id, e.referenceNumber]));
        plans.push(made.map((a) => `${refOf.get(a.entryId)} ${a.expertId}`).sort());
      }

      expect(plans[0]).toHaveLength(12);
      expect(plans[1]).toEqual(plans[0]);
    });

    it('never assigns an expert of the entry’s own unit, of a unit above or below it, or on its team', async () => {
      const round = await aRound({ reviewersPerEntry: 2 });
      const conflicted = await anEntry(round, {
        organizationId: 'unit-x',
        ancestorIds: ['group-x'],
        descendantIds: ['lab-x'],
        personIds: ['leader-x', 'member-x'],
      });
      const other = await anEntry(round, { organizationId: 'unit-y' });
      const sameUnit = await anExpert({ affiliationId: 'unit-x' });
      const above = await anExpert({ affiliationId: 'group-x' });
      const below = await anExpert({ affiliationId: 'lab-x' });
      const teamMember = await anExpert({ personId: 'member-x' });
      const clean = await experts(2);

      const report = await service.autoAssign(OFFICE, round.id, {});

      expect(report.plan.unstaffed).toEqual([]);
      expect(await expertIdsOf(conflicted)).toEqual(ids(clean));
      // The conflicted experts were in the pool all along: the other entry draws on them.
      expect(ids([sameUnit, above, below, teamMember])).toEqual(expect.arrayContaining(await expertIdsOf(other)));
    });

    it('keeps an expert off a submission it declared a conflict with in an earlier round of the contest', async () => {
      const first = await aRound({ status: 'FINALIZED', roundOrder: 1 });
      const second = await aRound({ contestId: first.contestId, roundOrder: 2, reviewersPerEntry: 2 });
      const declarer = await anExpert();
      const others = await experts(2);
      await anAssignment(await anEntry(first, { submissionId: 'submission-s' }), declarer, 'CONFLICT_DECLARED');
      const entry = await anEntry(second, { submissionId: 'submission-s' });

      await service.autoAssign(OFFICE, second.id, {});

      expect(await expertIdsOf(entry)).toEqual(ids(others));
    });

    it('reports each entry it could not fully staff with the reviewers needed, assigned and still eligible, and why', async () => {
      const round = await aRound({ reviewersPerEntry: 3 });
      await experts(3, { expertise: ['AI'] });
      const [icExpert] = await experts(1, { expertise: ['IC'] });
      const staffed = await anEntry(round, { trackCode: 'AI' });
      const nobody = await anEntry(round, { trackCode: 'BIOMED' });
      const tooFew = await anEntry(round, { trackCode: 'IC' });

      const report = await service.autoAssign(OFFICE, round.id, {});

      const byEntry = (e: Entry) => report.plan.unstaffed.find((u) => u.entryId === e.id);
      expect(report.plan.unstaffed).toHaveLength(2);
      expect(byEntry(nobody)).toEqual({ entryId: nobody.id, needed: 3, assigned: 0, eligible: 0, reason: 'NO_ELIGIBLE_EXPERTS' });
      expect(byEntry(tooFew)).toEqual({ entryId: tooFew.id, needed: 3, assigned: 1, eligible: 1, reason: 'TOO_FEW_ELIGIBLE_EXPERTS' });
      // What could be staffed is saved all the same.
      expect(await assignmentsOf(staffed)).toHaveLength(3);
      expect(await expertIdsOf(tooFew)).toEqual([icExpert!.id]);
      expect(report.created).toBe(4);
    });

    it('staffs a panel round from the panel covering each entry’s track, whatever the members’ expertise', async () => {
      const round = await aRound({ reviewersPerEntry: 2 });
      const aiMembers = await experts(2, { expertise: ['BIOMED'] });
      const icMembers = await experts(2, { expertise: ['BIOMED'] });
      await experts(2, { expertise: ['AI', 'IC'] });
      const aiPanel = await aPanel(round, ['track-ai'], aiMembers);
      const icPanel = await aPanel(round, ['track-ic'], icMembers);
      const ai = await anEntry(round, { trackCode: 'AI' });
      const ic = await anEntry(round, { trackCode: 'IC' });

      await service.autoAssign(OFFICE, round.id, {});

      expect(await expertIdsOf(ai)).toEqual(ids(aiMembers));
      expect(await expertIdsOf(ic)).toEqual(ids(icMembers));
      expect((await assignmentsOf(ai)).map((a) => a.panelId)).toEqual([aiPanel.id, aiPanel.id]);
      expect((await assignmentsOf(ic)).map((a) => a.panelId)).toEqual([icPanel.id, icPanel.id]);
    });

    it.each<RoundStatus>(['CLOSED', 'FINALIZED'])('changes nothing in a %s round (ROUND_CLOSED)', async (status) => {
      const round = await aRound({ status });
      await experts(2);
      await anEntry(round);
      const before = await everythingWritten();

      await refusal(() => service.autoAssign(OFFICE, round.id, {}), 'ROUND_CLOSED');

      expect(await everythingWritten()).toEqual(before);
    });
  });

  describe('manual assignment', () => {
    it('assigns an eligible expert by hand at the clock’s time, and audits it', async () => {
      const round = await aRound();
      const entry = await anEntry(round);
      const expert = await anExpert();

      const assignment = await service.assign(OFFICE, entry.id, expert.id);

      expect(await assignmentsOf(entry)).toEqual([
        expect.objectContaining({ id: assignment.id, expertId: expert.id, status: 'ASSIGNED', origin: 'MANUAL', createdAt: NOW }),
      ]);
      const [audit, ...more] = await auditOf('assignment.create');
      expect(more).toEqual([]);
      expect(audit).toMatchObject({ entityType: 'Assignment', entityId: assignment.id, actor: 'office-1', before: null });
      expect(JSON.parse(audit!.after!)).toMatchObject({ entryId: entry.id, expertId: expert.id, origin: 'MANUAL' });
    });

    it.each([
      { conflict: 'works for the submitting unit', expert: { affiliationId: 'unit-x' }, reasons: ['SAME_ORGANIZATION'] },
      { conflict: 'works for a unit above it', expert: { affiliationId: 'group-x' }, reasons: ['RELATED_ORGANIZATION'] },
      { conflict: 'works for a unit below it', expert: { affiliationId: 'lab-x' }, reasons: ['RELATED_ORGANIZATION'] },
      { conflict: 'is on its team', expert: { personId: 'member-x' }, reasons: ['TEAM_MEMBER'] },
    ])('refuses an expert who $conflict (CONFLICT_OF_INTEREST), writing nothing', async ({ expert: spec, reasons }) => {
      const round = await aRound();
      const entry = await anEntry(round, {
        organizationId: 'unit-x',
        ancestorIds: ['group-x'],
        descendantIds: ['lab-x'],
        personIds: ['leader-x', 'member-x'],
      });
      const expert = await anExpert(spec);
      const before = await everythingWritten();

      const error = await refusal(() => service.assign(OFFICE, entry.id, expert.id), 'CONFLICT_OF_INTEREST');

      expect(error).toMatchObject({ field: 'expertId', details: { reasons } });
      expect(await everythingWritten()).toEqual(before);
    });

    it('refuses an expert who does not judge the entry’s track (EXPERTISE_MISMATCH), writing nothing', async () => {
      const round = await aRound();
      const entry = await anEntry(round, { trackCode: 'AI' });
      const expert = await anExpert({ expertise: ['BIOMED', 'IC'] });
      const before = await everythingWritten();

      await refusal(() => service.assign(OFFICE, entry.id, expert.id), 'EXPERTISE_MISMATCH');

      expect(await everythingWritten()).toEqual(before);
    });

    it('refuses an inactive expert (EXPERT_INACTIVE), writing nothing', async () => {
      const round = await aRound();
      const entry = await anEntry(round);
      const expert = await anExpert({ active: false });
      const before = await everythingWritten();

      await refusal(() => service.assign(OFFICE, entry.id, expert.id), 'EXPERT_INACTIVE');

      expect(await everythingWritten()).toEqual(before);
    });

    it('refuses, in a panel round, an expert off the panel covering the entry’s track (NOT_ON_PANEL), writing nothing', async () => {
      const round = await aRound();
      await aPanel(round, ['track-ai'], await experts(2));
      const otherPanel = await experts(2);
      await aPanel(round, ['track-ic'], otherPanel);
      const outsider = await anExpert({ expertise: ['AI'] });
      const entry = await anEntry(round, { trackCode: 'AI' });
      const before = await everythingWritten();

      await refusal(() => service.assign(OFFICE, entry.id, otherPanel[0]!.id), 'NOT_ON_PANEL');
      // Expertise in AI does not stand in for a seat on the AI panel.
      await refusal(() => service.assign(OFFICE, entry.id, outsider.id), 'NOT_ON_PANEL');

      expect(await everythingWritten()).toEqual(before);
    });

    it.each<RoundStatus>(['CLOSED', 'FINALIZED'])('refuses to assign in a %s round (ROUND_CLOSED), writing nothing', async (status) => {
      const round = await aRound({ status });
      const entry = await anEntry(round);
      const expert = await anExpert();
      const before = await everythingWritten();

      const error = await refusal(() => service.assign(OFFICE, entry.id, expert.id), 'ROUND_CLOSED');

      expect(error).toMatchObject({ field: 'entryId' });
      expect(await everythingWritten()).toEqual(before);
    });

    it('refuses an expert already on the entry (ALREADY_EXISTS) or who declined it (ASSIGNMENT_DECLINED), writing nothing', async () => {
      const round = await aRound();
      const entry = await anEntry(round);
      const [assigned, declined] = await experts(2);
      await anAssignment(entry, assigned!);
      await anAssignment(entry, declined!, 'DECLINED');
      const before = await everythingWritten();

      await refusal(() => service.assign(OFFICE, entry.id, assigned!.id), 'ALREADY_EXISTS');
      await refusal(() => service.assign(OFFICE, entry.id, declined!.id), 'ASSIGNMENT_DECLINED');

      expect(await everythingWritten()).toEqual(before);
    });
  });

  describe('removing an assignment', () => {
    it('removes an assignment not yet scored, and audits it with the reason', async () => {
      const round = await aRound();
      const entry = await anEntry(round);
      const assignment = await anAssignment(entry, await anExpert());

      await service.remove(OFFICE, assignment.id, 'assigned by mistake');

      expect(await assignmentsOf(entry)).toEqual([]);
      const [audit, ...more] = await auditOf('assignment.remove');
      expect(more).toEqual([]);
      expect(audit).toMatchObject({ entityId: assignment.id, actor: 'office-1', reason: 'assigned by mistake', after: null });
      expect(JSON.parse(audit!.before!)).toMatchObject({ id: assignment.id, expertId: assignment.expertId });
    });

    it('keeps an assignment the expert has scored (ASSIGNMENT_SCORED), writing nothing', async () => {
      const round = await aRound();
      const assignment = await anAssignment(await anEntry(round), await anExpert());
      await aScorecard(assignment);
      const before = await everythingWritten();

      await refusal(() => service.remove(OFFICE, assignment.id), 'ASSIGNMENT_SCORED');

      expect(await everythingWritten()).toEqual(before);
    });

    it('keeps a declared conflict on record (CONFLICT_OF_INTEREST), writing nothing', async () => {
      const round = await aRound();
      const assignment = await anAssignment(await anEntry(round), await anExpert(), 'CONFLICT_DECLARED');
      const before = await everythingWritten();

      const error = await refusal(() => service.remove(OFFICE, assignment.id), 'CONFLICT_OF_INTEREST');

      expect(error).toMatchObject({ details: { reasons: ['DECLARED'] } });
      expect(await everythingWritten()).toEqual(before);
    });
  });

  describe('who may change assignments', () => {
    const callers: [string, Identity][] = [
      ['an analyst', { roles: ['ANALYST'], sub: 'analyst-1' }],
      ['an expert', { roles: ['EXPERT'], sub: 'person-expert', expert: 'expert-caller' }],
      ['a submitter', { roles: ['SUBMITTER'], sub: 'submitter-1', org: 'unit-1' }],
      ['a service', { roles: [], service: 'honors' }],
      ['an anonymous caller', { roles: [] }],
    ];

    it.each(callers)(
      'only the office assigns, automatically or by hand, or removes: %s is FORBIDDEN, writing nothing',
      async (_, caller) => {
        const round = await aRound();
        const entry = await anEntry(round);
        const expert = await anExpert();
        const existing = await anAssignment(await anEntry(round), await anExpert());
        const before = await everythingWritten();

        await refusal(() => service.autoAssign(caller, round.id, {}), 'FORBIDDEN');
        await refusal(() => service.assign(caller, entry.id, expert.id), 'FORBIDDEN');
        await refusal(() => service.remove(caller, existing.id), 'FORBIDDEN');

        expect(await everythingWritten()).toEqual(before);
      },
    );
  });
});
