import { type OpenDatabase, openDatabase } from '@meritgraph/db';
import { DomainError, type ErrorCode, type Identity } from '@meritgraph/domain';
import { AuditEntry } from '@meritgraph/subgraph-kit';
import { schema as databaseSchema } from '../../database';
import { type ContestFacts, type PersonFacts, enrolmentKey } from '../references/organizations-api';
import { ReferenceCounter, Submission } from './submission.entity';
import { type LifecycleFacts, type NewSubmission, SubmissionLifecycleService } from './submission-lifecycle.service';

// The 2019 contest takes entries from 1 April to 30 June, both moments included.
const OPENS = new Date('2019-04-01T00:00:00.000Z');
const CLOSES = new Date('2019-06-30T23:59:59.000Z');
const MAY = new Date('2019-05-15T08:00:00.000Z');
const ms = (at: Date, offset: number) => new Date(at.getTime() + offset);

const UNIT = 'org-grid-maintenance';
const OTHER_UNIT = 'org-water-works';
const UNION = 'org-energy-union';

const contestFacts = (overrides: Partial<ContestFacts> = {}): ContestFacts => ({
  id: 'contest-2019',
  year: 2019,
  status: 'OPEN_FOR_SUBMISSIONS',
  submissionOpensAt: OPENS,
  submissionClosesAt: CLOSES,
  tracks: [
    { id: 'track-ai', code: 'AI' },
    { id: 'track-bio', code: 'BIO' },
  ],
  requiresEndorsement: false,
  requiresFormCheck: false,
  ...overrides,
});

const person = (id: string, organizationId: string): PersonFacts => ({ id, organizationId, organizationLine: [organizationId, UNION] });

/** The organizations subgraph as the lifecycle sees it: contests, enrolments and people, changed by each test as it needs. */
interface World {
  contests: ContestFacts[];
  enrolments: { contestId: string; organizationId: string }[];
  people: PersonFacts[];
}

const stubOrganizations = (world: World): LifecycleFacts => ({
  facts: async ({ contestIds, organizationIds, personIds }) => ({
    contests: new Map(world.contests.filter((c) => contestIds.includes(c.id)).map((c) => [c.id, c])),
    enrolled: new Set(
      world.enrolments.filter((e) => organizationIds.includes(e.organizationId)).map((e) => enrolmentKey(e.contestId, e.organizationId)),
    ),
    people: new Map(world.people.filter((p) => personIds.includes(p.id)).map((p) => [p.id, p])),
  }),
});

const submitterOf = (org: string): Identity => ({ sub: `submitter-of-${org}`, roles: ['SUBMITTER'], org });
const OFFICE: Identity = { sub: 'office-clerk', roles: ['ADMIN'] };

/** A draft with everything submitting needs. */
const completeDraft = (overrides: Partial<NewSubmission> = {}): NewSubmission => ({
  contestId: 'contest-2019',
  organizationId: UNIT,
  trackId: 'track-ai',
  title: 'Fault prediction for distribution transformers',
  summary: 'A model that flags transformers likely to fail within 30 days.',
  achievementKind: 'TECHNOLOGY',
  keywords: ['transformer', 'prediction'],
  applicationEffect: 'Unplanned outages fell by a third in two districts.',
  metrics: [{ name: 'Outages avoided', value: 41, unit: 'outages' }],
  leaderId: 'person-lead',
  teamMemberIds: ['person-lead', 'person-engineer'],
  ...overrides,
});

describe(SubmissionLifecycleService.name, () => {
  let db: OpenDatabase;
  let world: World;
  let now: Date;
  let lifecycle: SubmissionLifecycleService;

  beforeEach(async () => {
    db = await openDatabase(databaseSchema, { prefix: '', dataDir: ':memory:', log: 'none' });
    world = {
      contests: [contestFacts(), contestFacts({ id: 'contest-2020', year: 2020, tracks: [{ id: 'track-2020-ai', code: 'AI' }] })],
      enrolments: [
        { contestId: 'contest-2019', organizationId: UNIT },
        { contestId: 'contest-2019', organizationId: OTHER_UNIT },
      ],
      people: [person('person-lead', UNIT), person('person-engineer', UNIT), person('person-water', OTHER_UNIT)],
    };
    now = MAY;
    lifecycle = new SubmissionLifecycleService(db.dataSource, stubOrganizations(world), () => now);
  });

  afterEach(() => db.dataSource.destroy());

  /** Every row the lifecycle writes: entries, reference counters and the audit log. */
  const written = async () => ({
    submissions: await db.dataSource.getRepository(Submission).find({ order: { id: 'ASC' } }),
    counters: await db.dataSource.getRepository(ReferenceCounter).find({ order: { contestId: 'ASC', trackCode: 'ASC' } }),
    audit: await db.dataSource.getRepository(AuditEntry).find({ order: { id: 'ASC' } }),
  });

  /** Expects the action to be refused with `code`, leaving every table as it was; returns the error. */
  const expectRefused = async (code: ErrorCode, action: () => Promise<unknown>): Promise<DomainError> => {
    const before = await written();
    const error = await action().then(
      () => {
        throw new Error(`expected ${code}, but the action succeeded`);
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect(await written()).toEqual(before);
    return error as DomainError;
  };

  const draft = (overrides: Partial<NewSubmission> = {}, identity = submitterOf(overrides.organizationId ?? UNIT)) =>
    lifecycle.create(identity, completeDraft(overrides));

  describe('drafting', () => {
    it('starts a draft for the submitter’s own unit, without a reference number, and logs it', async () => {
      const submission = await draft();

      expect(submission).toMatchObject({ status: 'DRAFT', version: 1, referenceNumber: null, organizationId: UNIT, createdAt: MAY });
      const { submissions, audit } = await written();
      expect(submissions).toHaveLength(1);
      expect(audit.map((a) => [a.action, a.entityId])).toEqual([['submission.create', submission.id]]);
    });

    it('refuses a draft for another unit (FORBIDDEN)', async () => {
      await expectRefused('FORBIDDEN', () => draft({ organizationId: OTHER_UNIT }, submitterOf(UNIT)));
    });

    it('refuses a unit that is not enrolled in the contest (NOT_ENROLLED), even for the office', async () => {
      const error = await expectRefused('NOT_ENROLLED', () =>
        draft({ organizationId: 'org-not-enrolled', leaderId: null, teamMemberIds: [] }, OFFICE),
      );
      expect(error.field).toBe('organizationId');
    });

    it('refuses a track of another contest (TRACK_NOT_IN_CONTEST)', async () => {
      const error = await expectRefused('TRACK_NOT_IN_CONTEST', () => draft({ trackId: 'track-2020-ai' }));
      expect(error.field).toBe('trackId');
    });

    it('refuses a second live entry of the unit with the same title, however it is spaced or cased (DUPLICATE_SUBMISSION)', async () => {
      const first = await draft({ title: 'Fault prediction for distribution transformers' });

      const error = await expectRefused('DUPLICATE_SUBMISSION', () =>
        draft({ title: '  FAULT prediction   for distribution Transformers ' }),
      );
      expect(error.details).toEqual({ existingId: first.id });
    });

    it('lets another unit, or the same unit after withdrawing, use the same title', async () => {
      const first = await draft();
      await draft({ organizationId: OTHER_UNIT, leaderId: 'person-water', teamMemberIds: [] });
      await lifecycle.withdraw(submitterOf(UNIT), first.id, 'entered too early');

      const again = await draft();

      expect(again.status).toBe('DRAFT');
      expect((await written()).submissions).toHaveLength(3);
    });
  });

  describe('editing', () => {
    it('applies an edit quoting the current version and moves the version on', async () => {
      const submission = await draft({ summary: null });
      now = ms(MAY, 60_000);

      const updated = await lifecycle.update(submitterOf(UNIT), submission.id, 1, { summary: '  Predicts failures a month ahead.  ' });

      expect(updated).toMatchObject({ version: 2, summary: 'Predicts failures a month ahead.', updatedAt: now });
    });

    it('refuses an edit quoting a version someone else already changed (VERSION_CONFLICT)', async () => {
      const submission = await draft();
      await lifecycle.update(submitterOf(UNIT), submission.id, 1, { summary: 'First editor’s summary.' });

      const error = await expectRefused('VERSION_CONFLICT', () =>
        lifecycle.update(submitterOf(UNIT), submission.id, 1, { summary: 'Second editor’s summary.' }),
      );
      expect(error.field).toBe('expectedVersion');
    });

    it('refuses another unit’s submitter editing, submitting or withdrawing the draft (FORBIDDEN)', async () => {
      const submission = await draft();
      const outsider = submitterOf(OTHER_UNIT);

      await expectRefused('FORBIDDEN', () => lifecycle.update(outsider, submission.id, 1, { summary: 'Taken over.' }));
      await expectRefused('FORBIDDEN', () => lifecycle.submit(outsider, submission.id, 1));
      await expectRefused('FORBIDDEN', () => lifecycle.withdraw(outsider, submission.id, null));
    });
  });

  describe('submitting', () => {
    it('submits a complete draft inside the window and numbers entries per track in the order they are submitted', async () => {
      const grid = await draft({ title: 'Fault prediction for distribution transformers' });
      const drone = await draft({ title: 'Drone inspection of high-voltage lines' });
      const algae = await draft({ title: 'Algae filters for cooling water', trackId: 'track-bio' });

      const first = await lifecycle.submit(submitterOf(UNIT), drone.id, 1);
      const second = await lifecycle.submit(submitterOf(UNIT), grid.id, 1);
      const bio = await lifecycle.submit(submitterOf(UNIT), algae.id, 1);

      expect(first).toMatchObject({ status: 'SUBMITTED', referenceNumber: '2019-AI-0001', version: 2, submittedAt: MAY });
      expect(second.referenceNumber).toBe('2019-AI-0002');
      expect(bio.referenceNumber).toBe('2019-BIO-0001');
    });

    it('accepts a submission at the very moment the window opens and at the very moment it closes', async () => {
      const early = await draft({ title: 'Submitted at the opening moment' });
      const late = await draft({ title: 'Submitted at the closing moment' });

      now = OPENS;
      expect((await lifecycle.submit(submitterOf(UNIT), early.id, 1)).status).toBe('SUBMITTED');
      now = CLOSES;
      expect((await lifecycle.submit(submitterOf(UNIT), late.id, 1)).status).toBe('SUBMITTED');
    });

    it('refuses a submission a moment before the window opens (SUBMISSION_WINDOW_CLOSED), and the entry stays a draft', async () => {
      const submission = await draft();
      now = ms(OPENS, -1);

      await expectRefused('SUBMISSION_WINDOW_CLOSED', () => lifecycle.submit(submitterOf(UNIT), submission.id, 1));

      const [stored] = (await written()).submissions;
      expect(stored).toMatchObject({ status: 'DRAFT', referenceNumber: null, submittedAt: null });
    });

    it('refuses a submission a moment after the window closes (SUBMISSION_WINDOW_CLOSED), and the entry stays a draft', async () => {
      const submission = await draft();
      now = ms(CLOSES, 1);

      await expectRefused('SUBMISSION_WINDOW_CLOSED', () => lifecycle.submit(submitterOf(UNIT), submission.id, 1));

      const [stored] = (await written()).submissions;
      expect(stored).toMatchObject({ status: 'DRAFT', referenceNumber: null, submittedAt: null });
    });

    it('refuses a submission once the contest no longer takes entries, even inside the window (CONTEST_NOT_OPEN)', async () => {
      const submission = await draft();
      world.contests[0] = contestFacts({ status: 'REVIEWING' });

      await expectRefused('CONTEST_NOT_OPEN', () => lifecycle.submit(submitterOf(UNIT), submission.id, 1));
    });

    it('refuses an incomplete draft (SUBMISSION_INCOMPLETE), naming every missing field', async () => {
      const submission = await draft({
        trackId: null,
        summary: null,
        achievementKind: null,
        keywords: [],
        applicationEffect: null,
        leaderId: null,
        teamMemberIds: [],
      });

      const error = await expectRefused('SUBMISSION_INCOMPLETE', () => lifecycle.submit(submitterOf(UNIT), submission.id, 1));

      const missing = ['trackId', 'summary', 'achievementKind', 'keywords', 'applicationEffect', 'leaderId'];
      expect(error.message).toBe(`Missing before submitting: ${missing.join(', ')}`);
      expect((error.details?.problems as { field: string }[]).map((p) => p.field)).toEqual(missing);
    });

    it('refuses a draft whose unit was dropped from the contest since it was started (NOT_ENROLLED)', async () => {
      const submission = await draft();
      world.enrolments = world.enrolments.filter((e) => e.organizationId !== UNIT);

      await expectRefused('NOT_ENROLLED', () => lifecycle.submit(submitterOf(UNIT), submission.id, 1));
    });

    it('refuses a submission quoting a stale version (VERSION_CONFLICT), and takes no reference number', async () => {
      const submission = await draft();
      await lifecycle.update(submitterOf(UNIT), submission.id, 1, { summary: 'Edited by a colleague meanwhile.' });

      await expectRefused('VERSION_CONFLICT', () => lifecycle.submit(submitterOf(UNIT), submission.id, 1));

      const next = await draft({ title: 'Drone inspection of high-voltage lines' });
      expect((await lifecycle.submit(submitterOf(UNIT), next.id, 1)).referenceNumber).toBe('2019-AI-0001');
    });
  });

  describe('withdrawing', () => {
    it('withdraws a submitted entry while the contest still takes entries, recording the reason', async () => {
      const submission = await draft();
      await lifecycle.submit(submitterOf(UNIT), submission.id, 1);
      now = ms(MAY, 3_600_000);

      const withdrawn = await lifecycle.withdraw(submitterOf(UNIT), submission.id, 'the pilot was stopped');

      expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', withdrawnAt: now, referenceNumber: '2019-AI-0001' });
      const { audit } = await written();
      expect(audit.at(-1)).toMatchObject({ action: 'submission.withdraw', reason: 'the pilot was stopped' });
    });

    it('refuses to withdraw a submitted entry once review has started (REVIEW_STARTED)', async () => {
      const submission = await draft();
      await lifecycle.submit(submitterOf(UNIT), submission.id, 1);
      world.contests[0] = contestFacts({ status: 'REVIEWING' });

      await expectRefused('REVIEW_STARTED', () => lifecycle.withdraw(submitterOf(UNIT), submission.id, 'second thoughts'));

      const [stored] = (await written()).submissions;
      expect(stored!.status).toBe('SUBMITTED');
    });
  });

  describe('in lists', () => {
    /** The lifecycle, counting what it asks organizations. */
    const counted = () => {
      const stub = stubOrganizations(world);
      const asked: Parameters<LifecycleFacts['facts']>[0][] = [];
      const service = new SubmissionLifecycleService(
        db.dataSource,
        { facts: (request) => (asked.push(request), stub.facts(request)) },
        () => now,
      );
      return { service, asked };
    };

    it('asks organizations once for a whole list of drafts, and once for a whole list to submit', async () => {
      const { service, asked } = counted();
      const titles = ['Transformer fault model', 'Cable fault locator', 'Substation robot'];
      const drafts = await service.createMany(
        OFFICE,
        titles.map((title, i) => completeDraft({ title, leaderId: i === 1 ? 'person-engineer' : 'person-lead' })),
      );
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatchObject({ contestIds: ['contest-2019', 'contest-2019', 'contest-2019'], organizationIds: [UNIT, UNIT, UNIT] });
      expect(new Set(asked[0]!.personIds)).toEqual(new Set(['person-lead', 'person-engineer']));
      await service.submitMany(
        OFFICE,
        drafts.map((d) => ({ id: d.id, expectedVersion: 1 })),
      );
      expect(asked).toHaveLength(2);
    });

    it('numbers a list of submissions per track in the order of the list, after the numbers already given', async () => {
      const [earlier, a, bio, b] = await lifecycle.createMany(submitterOf(UNIT), [
        completeDraft({ title: 'Submitted alone first' }),
        completeDraft({ title: 'Second in the AI track' }),
        completeDraft({ title: 'First in the BIO track', trackId: 'track-bio' }),
        completeDraft({ title: 'Third in the AI track' }),
      ]);
      await lifecycle.submit(submitterOf(UNIT), earlier!.id, 1);

      const submitted = await lifecycle.submitMany(submitterOf(UNIT), [
        { id: b!.id, expectedVersion: 1 },
        { id: bio!.id, expectedVersion: 1 },
        { id: a!.id, expectedVersion: 1 },
      ]);

      expect(submitted.map((s) => [s.title, s.referenceNumber, s.version])).toEqual([
        ['Third in the AI track', '2019-AI-0002', 2],
        ['First in the BIO track', '2019-BIO-0001', 2],
        ['Second in the AI track', '2019-AI-0003', 2],
      ]);
      const { counters, audit } = await written();
      expect(counters.map((c) => [c.trackCode, c.lastValue])).toEqual([
        ['AI', 3],
        ['BIO', 1],
      ]);
      expect(audit.filter((e) => e.action === 'submission.submit')).toHaveLength(4);
    });

    it('refuses a list with a title twice, naming the second (BATCH_REFUSED), and starts none', async () => {
      const error = await expectRefused('BATCH_REFUSED', () =>
        lifecycle.createMany(submitterOf(UNIT), [
          completeDraft({ title: 'Cable fault locator' }),
          completeDraft({ title: 'Substation robot' }),
          completeDraft({ title: ' cable  FAULT locator ' }),
        ]),
      );
      expect(error.field).toBe('inputs');
      expect(error.details).toEqual({
        errors: [
          {
            index: 2,
            organizationId: UNIT,
            title: ' cable  FAULT locator ',
            code: 'DUPLICATE_SUBMISSION',
            field: 'title',
            message: 'This unit already has an entry with the same title',
          },
        ],
      });
    });

    it('refuses a list with a stale version, taking no reference number for the rest of it', async () => {
      const [fresh, edited] = await lifecycle.createMany(submitterOf(UNIT), [
        completeDraft({ title: 'Fresh draft' }),
        completeDraft({ title: 'Edited draft' }),
      ]);
      await lifecycle.update(submitterOf(UNIT), edited!.id, 1, { summary: 'Changed by a colleague.' });

      const error = await expectRefused('BATCH_REFUSED', () =>
        lifecycle.submitMany(submitterOf(UNIT), [
          { id: fresh!.id, expectedVersion: 1 },
          { id: edited!.id, expectedVersion: 1 },
        ]),
      );
      expect((error.details as { errors: { index: number; code: string }[] }).errors).toMatchObject([
        { index: 1, id: edited!.id, code: 'VERSION_CONFLICT', field: 'expectedVersion' },
      ]);
      expect((await lifecycle.submit(submitterOf(UNIT), fresh!.id, 1)).referenceNumber).toBe('2019-AI-0001');
    });

    it('refuses an empty list and one of 501 on the inputs field (BAD_USER_INPUT)', async () => {
      for (const inputs of [[], Array.from({ length: 501 }, (_, i) => completeDraft({ title: `Entry number ${i}` }))]) {
        const error = await expectRefused('BAD_USER_INPUT', () => lifecycle.createMany(OFFICE, inputs));
        expect(error.field).toBe('inputs');
      }
      const error = await expectRefused('BAD_USER_INPUT', () => lifecycle.submitMany(OFFICE, []));
      expect(error.field).toBe('inputs');
    });
  });
});
