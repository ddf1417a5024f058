import { type OpenDatabase, openDatabase } from '@meritgraph/db';
import { DomainError, type ErrorCode, type Identity } from '@meritgraph/domain';
import { AuditEntry } from '@meritgraph/subgraph-kit';
import { schema as databaseSchema } from '../../database';
import { type ContestFacts, enrolmentKey } from '../references/organizations-api';
import { SubmissionCheck } from './submission-check.entity';
import { type CheckFacts, SubmissionCheckService } from './submission-check.service';
import { Submission } from './submission.entity';

const UNIT = 'org-grid-maintenance';
const FOREIGN_UNIT = 'org-water-works';
const UNION = 'org-energy-union';
const NOW = new Date('2019-09-28T01:30:00.000Z');

const contest = (id: string, checks: boolean): ContestFacts => ({
  id,
  year: 2019,
  status: 'OPEN_FOR_SUBMISSIONS',
  submissionOpensAt: null,
  submissionClosesAt: null,
  tracks: [{ id: 'track-ai', code: 'AI' }],
  requiresEndorsement: checks,
  requiresFormCheck: checks,
});

const OFFICE: Identity = { sub: 'office-clerk', roles: ['ADMIN'] };
const UNION_CLERK: Identity = { sub: 'union-clerk', roles: ['ORGANIZER'], org: UNION };

describe(SubmissionCheckService.name, () => {
  let db: OpenDatabase;
  let service: SubmissionCheckService;
  let asked: { facts: number; mobilized: number };

  beforeEach(async () => {
    db = await openDatabase(databaseSchema, { prefix: '', dataDir: ':memory:', log: 'none' });
    asked = { facts: 0, mobilized: 0 };
    const contests = [contest('checked', true), contest('plain', false)];
    const organizations: CheckFacts = {
      facts: async ({ contestIds }) => {
        asked.facts += 1;
        return {
          contests: new Map(contests.filter((c) => contestIds.includes(c.id)).map((c) => [c.id, c])),
          enrolled: new Set(),
          people: new Map(),
        };
      },
      mobilizedEnrolments: async () => {
        asked.mobilized += 1;
        return new Set([enrolmentKey('checked', UNIT), enrolmentKey('plain', UNIT)]);
      },
    };
    service = new SubmissionCheckService(db.dataSource, organizations, () => NOW);
  });
  afterEach(() => db.dataSource.destroy());

  let serial = 0;
  const submitted = async (contestId = 'checked', organizationId = UNIT): Promise<Submission> => {
    serial += 1;
    const row = db.dataSource.getRepository(Submission).create({
      id: `submission-${serial}`,
      contestId,
      organizationId,
      trackId: 'track-ai',
      referenceNumber: `2019-AI-${String(serial).padStart(4, '0')}`,
      title: `Entry ${serial}`,
      titleKey: `entry ${serial}`,
      summary: 'An entry.',
      achievementKind: 'TECHNOLOGY',
      keywords: ['grid'],
      applicationEffect: 'Used.',
      metrics: [],
      leaderId: null,
      teamMemberIds: [],
      status: 'SUBMITTED',
      version: 2,
      createdAt: NOW,
      updatedAt: NOW,
      submittedAt: NOW,
      withdrawnAt: null,
    });
    await db.dataSource.getRepository(Submission).insert(row);
    return row;
  };

  const written = async () => ({
    submissions: await db.dataSource.getRepository(Submission).find({ order: { id: 'ASC' } }),
    checks: await db.dataSource.getRepository(SubmissionCheck).find({ order: { id: 'ASC' } }),
    audit: await db.dataSource.getRepository(AuditEntry).find({ order: { id: 'ASC' } }),
  });

  const expectRefused = async (code: ErrorCode, action: () => Promise<unknown>, field?: string) => {
    const before = await written();
    const error = await action().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(await written()).toEqual(before);
    return error as DomainError;
  };

  it('endorses a list in one transaction: statuses, one check row and one audit entry each, organizations asked once', async () => {
    const [a, b] = [await submitted(), await submitted()];
    const result = await service.endorseMany(UNION_CLERK, [
      { id: a.id, expectedVersion: 2 },
      { id: b.id, expectedVersion: 2 },
    ]);
    expect(result.map((s) => [s.status, s.version])).toEqual([
      ['ENDORSED', 3],
      ['ENDORSED', 3],
    ]);
    const { checks, audit } = await written();
    expect(checks.map((c) => [c.submissionId, c.step, c.actor, c.organizationId, c.version])).toEqual(
      expect.arrayContaining([
        [a.id, 'ENDORSED', 'UNION', UNION, 3],
        [b.id, 'ENDORSED', 'UNION', UNION, 3],
      ]),
    );
    expect(audit.map((e) => e.action)).toEqual(['submission.endorse', 'submission.endorse']);
    expect(asked).toEqual({ facts: 1, mobilized: 1 });
  });

  it('refuses a union the entry of a unit it did not mobilize, and the whole list that holds one', async () => {
    const own = await submitted();
    const foreign = await submitted('checked', FOREIGN_UNIT);
    await expectRefused('FORBIDDEN', () => service.endorseMany(UNION_CLERK, [{ id: foreign.id, expectedVersion: 2 }]));
    const error = await expectRefused('BATCH_REFUSED', () =>
      service.endorseMany(UNION_CLERK, [
        { id: own.id, expectedVersion: 2 },
        { id: foreign.id, expectedVersion: 2 },
      ]),
    );
    expect((error.details as { errors: { index: number; code: string }[] }).errors).toEqual([
      expect.objectContaining({ index: 1, code: 'FORBIDDEN', id: foreign.id }),
    ]);
  });

  it('keeps the form check to the office, and the office’s steps need no union', async () => {
    const entry = await submitted();
    await service.endorseMany(UNION_CLERK, [{ id: entry.id, expectedVersion: 2 }]);
    await expectRefused('FORBIDDEN', () => service.acceptMany(UNION_CLERK, [{ id: entry.id, expectedVersion: 3 }]));
    const [accepted] = await service.acceptMany(OFFICE, [{ id: entry.id, expectedVersion: 3 }]);
    expect(accepted).toMatchObject({ status: 'ACCEPTED', version: 4 });
    expect((await written()).checks.find((c) => c.step === 'ACCEPTED')).toMatchObject({ actor: 'OFFICE', organizationId: null });
  });

  it('asks a reason of a return and a rejection, trimmed and kept with the step and in the audit', async () => {
    const entry = await submitted();
    await expectRefused('BAD_USER_INPUT', () => service.return(UNION_CLERK, entry.id, 2, '  '), 'reason');
    const returned = await service.return(UNION_CLERK, entry.id, 2, ' 缺少单位盖章页 ');
    expect(returned.status).toBe('RETURNED');
    const { checks, audit } = await written();
    expect(checks.map((c) => [c.step, c.reason])).toEqual([['RETURNED', '缺少单位盖章页']]);
    expect(audit.map((e) => [e.action, e.reason])).toEqual([['submission.return', '缺少单位盖章页']]);
  });

  it('refuses a step the contest does not ask, a stale version and the same entry twice in a list', async () => {
    const plain = await submitted('plain');
    await expectRefused('INVALID_TRANSITION', () => service.endorseMany(OFFICE, [{ id: plain.id, expectedVersion: 2 }]));
    await expectRefused('INVALID_TRANSITION', () => service.reject(OFFICE, plain.id, 2, '不符合条件'));
    const entry = await submitted();
    await expectRefused('VERSION_CONFLICT', () => service.endorseMany(OFFICE, [{ id: entry.id, expectedVersion: 1 }]));
    const twice = await expectRefused('BATCH_REFUSED', () =>
      service.endorseMany(OFFICE, [
        { id: entry.id, expectedVersion: 2 },
        { id: entry.id, expectedVersion: 2 },
      ]),
    );
    expect((twice.details as { errors: { index: number; code: string }[] }).errors.map((e) => [e.index, e.code])).toEqual([
      [1, 'INVALID_TRANSITION'],
    ]);
  });

  it('refuses a rejected entry any further step', async () => {
    const entry = await submitted();
    await service.endorseMany(OFFICE, [{ id: entry.id, expectedVersion: 2 }]);
    await service.reject(OFFICE, entry.id, 3, '成果不在申报范围内');
    await expectRefused('INVALID_TRANSITION', () => service.acceptMany(OFFICE, [{ id: entry.id, expectedVersion: 4 }]));
    await expectRefused('INVALID_TRANSITION', () => service.return(OFFICE, entry.id, 4, '请修改'));
  });

  it('refuses an empty list and one of 501 (BAD_USER_INPUT on inputs), and anyone but a union or the office', async () => {
    await expectRefused('BAD_USER_INPUT', () => service.endorseMany(OFFICE, []), 'inputs');
    const many = Array.from({ length: 501 }, (_, i) => ({ id: `x${i}`, expectedVersion: 1 }));
    await expectRefused('BAD_USER_INPUT', () => service.acceptMany(OFFICE, many), 'inputs');
    const entry = await submitted();
    await expectRefused('FORBIDDEN', () =>
      service.endorseMany({ sub: 'clerk', roles: ['SUBMITTER'], org: UNIT }, [{ id: entry.id, expectedVersion: 2 }]),
    );
  });
});
