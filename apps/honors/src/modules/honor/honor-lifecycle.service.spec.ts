import type { EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { ErrorCode, type Identity, type ObjectionStatus } from '@meritgraph/domain';
import { type OpenDatabase, newId, openDatabase } from '@meritgraph/db';
import { AuditEntry } from '@meritgraph/subgraph-kit';
import { schema as databaseSchema } from '../../database';
import type { RecipientFacts, RecipientsApi, ReviewApi } from '../references/peers';
import { AwardQuota } from '../award/award.entity';
import { CalendarDay } from '../calendar/calendar.entity';
import { Honor, Objection } from './honor.entity';
import { HonorLifecycleService } from './honor-lifecycle.service';
import { HonorNominationService } from './honor-nomination.service';

/**
 * The office's steps of an honor — 拟授予, 公示, conferral, withdrawal, revocation — on a
 * real database built by the migrations (so the 2019 award types and holiday calendar are
 * there), with the subgraphs that own recipients and review results stood in for by plain
 * objects. Every refusal is checked twice: the coded error, and that nothing was written.
 */

const ADMIN: Identity = { sub: 'office-zhang', roles: ['ADMIN'] };
const ORGANIZER: Identity = { sub: 'organizer-wang', roles: ['ORGANIZER'], org: 'union-pudong' };
const ANALYST: Identity = { sub: 'analyst-li', roles: ['ANALYST'] };

const CODE = 'EXCELLENT_ACHIEVEMENT';
/** Friday 29 November 2019, 10:00 in Beijing. */
const FRIDAY = new Date('2019-11-29T02:00:00Z');
/** The end of Friday 6 December in Beijing: five working days after FRIDAY. */
const FRIDAY_WINDOW_CLOSES = new Date('2019-12-06T16:00:00Z');
const CONFERRAL = { decisionNumber: ' 沪工总〔2020〕1号 ', conferredOn: '2020-01-15', ceremony: '总结表彰大会' };

let db: OpenDatabase;
let now: Date;
const clock = () => now;
let lifecycle: HonorLifecycleService;
let nominations: HonorNominationService;

// What the owning subgraphs say, as plain stand-ins for their APIs.
const directory = new Map<string, RecipientFacts>();
const contests = new Map<string, { id: string; year: number }>();
const rounds = new Map<string, { contestId: string; stage: string; status: string; submissionIds: string[] }>();
const ownerCalls: string[] = [];

const recipients: Pick<RecipientsApi, 'contest' | 'contests' | 'recipients'> = {
  contest: async (id) => contests.get(id) ?? null,
  contests: async (ids) => new Map(ids.flatMap((id) => (contests.has(id) ? [[id, contests.get(id)!] as const] : []))),
  recipients: async (kind, ids) => {
    ownerCalls.push(kind);
    return new Map(ids.flatMap((id) => (directory.get(id)?.kind === kind ? [[id, directory.get(id)!] as const] : [])));
  },
};
const review: Pick<ReviewApi, 'excellent' | 'excellentOfRound'> = {
  excellent: async (contestId, ids) =>
    new Set(ids.filter((id) => [...rounds.values()].some((r) => r.contestId === contestId && r.submissionIds.includes(id)))),
  excellentOfRound: async (roundId) => rounds.get(roundId) ?? null,
};

const repo = <T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> => db.dataSource.getRepository(entity);

beforeEach(async () => {
  db = await openDatabase(databaseSchema, { prefix: '', dataDir: ':memory:', log: 'none' });
  now = FRIDAY;
  directory.clear();
  contests.clear();
  rounds.clear();
  ownerCalls.length = 0;
  lifecycle = new HonorLifecycleService(db.dataSource, recipients, clock);
  nominations = new HonorNominationService(db.dataSource, recipients, review, lifecycle, clock);
});
afterEach(() => db.dataSource.destroy());

// Factories: rows written straight to the database, so each test starts where its step begins.

let serial = 0;

function contest(year = 2019): string {
  const id = newId();
  contests.set(id, { id, year });
  return id;
}

async function quota(contestId: string, places: number, awardTypeCode = CODE): Promise<void> {
  await repo(AwardQuota).insert({ id: newId(), contestId, awardTypeCode, quota: places });
}

/** An achievement entered in the contest by a unit of 浦东新区总工会, as submissions knows it. */
function achievement(contestId: string): RecipientFacts {
  serial += 1;
  const facts: RecipientFacts = {
    id: newId(),
    kind: 'SUBMISSION',
    name: `集成电路工艺创新 ${serial}`,
    organizationId: 'unit-huahong',
    organizationName: '上海华虹（集团）有限公司',
    organizationLine: ['unit-huahong', 'union-pudong'],
    contestId,
  };
  directory.set(facts.id, facts);
  return facts;
}

async function honor(contestId: string, fields: Partial<Honor> = {}): Promise<Honor> {
  const recipient = achievement(contestId);
  const row = repo(Honor).create({
    id: newId(),
    contestId,
    year: contests.get(contestId)?.year ?? 2019,
    awardTypeCode: CODE,
    recipientKind: 'SUBMISSION',
    recipientId: recipient.id,
    recipientName: recipient.name,
    organizationId: recipient.organizationId,
    organizationName: recipient.organizationName,
    citation: null,
    status: 'NOMINATED',
    nominatedByOrg: null,
    proposedAt: null,
    announcedAt: null,
    objectionsCloseAt: null,
    decisionNumber: null,
    conferredOn: null,
    ceremony: null,
    certificateNumber: null,
    revokedAt: null,
    endReason: null,
    createdAt: new Date('2019-11-01T02:00:00Z'),
    ...fields,
  });
  await repo(Honor).insert(row);
  return row;
}

const nominated = (contestId: string) => honor(contestId);
const proposed = (contestId: string) => honor(contestId, { status: 'PROPOSED', proposedAt: new Date('2019-11-20T02:00:00Z') });
const announced = (contestId: string, closesAt = FRIDAY_WINDOW_CLOSES) =>
  honor(contestId, { status: 'ANNOUNCED', proposedAt: new Date('2019-11-20T02:00:00Z'), announcedAt: FRIDAY, objectionsCloseAt: closesAt });
const conferred = (contestId: string, certificateNumber = '2019-EXCELLENT_ACHIEVEMENT-0001') =>
  honor(contestId, {
    status: 'CONFERRED',
    announcedAt: FRIDAY,
    objectionsCloseAt: FRIDAY_WINDOW_CLOSES,
    decisionNumber: '沪工总〔2020〕1号',
    conferredOn: '2020-01-15',
    certificateNumber,
  });

async function objection(honorId: string, status: ObjectionStatus = 'OPEN'): Promise<void> {
  await repo(Objection).insert({
    id: newId(),
    honorId,
    text: '该成果的主要完成人与申报材料不符',
    contact: '13800000000',
    filedBy: 'citizen-1',
    filedAt: new Date('2019-12-02T02:00:00Z'),
    status,
    resolution: status === 'OPEN' ? null : '经核实，申报材料无误',
    resolvedAt: status === 'OPEN' ? null : new Date('2019-12-03T02:00:00Z'),
  });
}

const reload = (id: string) => repo(Honor).findOneByOrFail({ id });
const auditOf = (id: string) => repo(AuditEntry).find({ where: { entityId: id }, order: { id: 'ASC' } });

/** Every row a transition could write. */
async function everything() {
  return {
    honors: await repo(Honor).find({ order: { id: 'ASC' } }),
    objections: await repo(Objection).find({ order: { id: 'ASC' } }),
    audit: await repo(AuditEntry).find({ order: { id: 'ASC' } }),
  };
}

/** Runs `work`, expecting the coded refusal, and checks that the database is as it was. */
async function expectRefused(work: () => Promise<unknown>, refusal: { code: string; field?: string }): Promise<void> {
  const before = await everything();
  await expect(work()).rejects.toMatchObject(refusal);
  expect(await everything()).toEqual(before);
}

describe(HonorLifecycleService.name, () => {
  describe('propose (拟授予)', () => {
    it('proposes nominated honors within the quota, taking the recipients’ names and units as they are now', async () => {
      const c = contest();
      await quota(c, 2);
      const [a, b] = [await nominated(c), await nominated(c)];
      Object.assign(directory.get(a.recipientId)!, { name: '12英寸集成电路工艺创新', organizationName: '华虹宏力半导体' });

      const result = await lifecycle.propose(ADMIN, [a.id, b.id]);

      expect(result.map((h) => h.id)).toEqual([a.id, b.id]);
      expect(await reload(a.id)).toMatchObject({
        status: 'PROPOSED',
        proposedAt: FRIDAY,
        recipientName: '12英寸集成电路工艺创新',
        organizationName: '华虹宏力半导体',
      });
      expect(await reload(b.id)).toMatchObject({ status: 'PROPOSED', recipientName: b.recipientName });
      expect(ownerCalls).toEqual(['SUBMISSION']);
    });

    it('refuses a proposal past the quota (QUOTA_EXCEEDED) and writes nothing', async () => {
      const c = contest();
      await quota(c, 1);
      await proposed(c);
      const late = await nominated(c);

      await expectRefused(() => lifecycle.propose(ADMIN, [late.id]), { code: ErrorCode.QUOTA_EXCEEDED, field: 'awardTypeCode' });
      expect((await reload(late.id)).status).toBe('NOMINATED');
    });

    it('refuses a whole batch that would pass the quota, naming the honor past it (BATCH_REFUSED), and proposes none', async () => {
      const c = contest();
      await quota(c, 1);
      const [first, second] = [await nominated(c), await nominated(c)];
      const before = await everything();

      const error = await lifecycle.propose(ADMIN, [first.id, second.id]).catch((e: unknown) => e);

      expect(error).toMatchObject({ code: ErrorCode.BATCH_REFUSED });
      expect((error as { details: { errors: unknown[] } }).details.errors).toEqual([
        expect.objectContaining({ id: second.id, code: ErrorCode.QUOTA_EXCEEDED }),
      ]);
      expect(await everything()).toEqual(before);
    });

    it('refuses to propose where the contest has no quota for the award (QUOTA_NOT_SET), writing nothing', async () => {
      const c = contest();
      const h = await nominated(c);

      await expectRefused(() => lifecycle.propose(ADMIN, [h.id]), { code: ErrorCode.QUOTA_NOT_SET });
    });
  });

  describe('announce (公示)', () => {
    it('opens a window that closes at the end of the fifth working day after the announcement, Beijing time', async () => {
      const h = await proposed(contest());

      await lifecycle.announce(ADMIN, [h.id]);

      expect(await reload(h.id)).toMatchObject({ status: 'ANNOUNCED', announcedAt: FRIDAY, objectionsCloseAt: FRIDAY_WINDOW_CLOSES });
    });

    it('counts the window on the calendar: the National Day holidays are skipped and the make-up Sunday counts', async () => {
      const h = await proposed(contest());
      now = new Date('2019-09-27T02:00:00Z');

      await lifecycle.announce(ADMIN, [h.id]);

      // 29 Sep (调休), 30 Sep, then 8, 9 and 10 October after the week off.
      expect((await reload(h.id)).objectionsCloseAt).toEqual(new Date('2019-10-10T16:00:00Z'));
    });

    it('reads the calendar as the office keeps it: a holiday added on a weekday moves the close by one working day', async () => {
      const h = await proposed(contest());
      await repo(CalendarDay).insert({ date: '2019-12-04', kind: 'HOLIDAY', name: '临时休息日' });

      await lifecycle.announce(ADMIN, [h.id]);

      expect((await reload(h.id)).objectionsCloseAt).toEqual(new Date('2019-12-09T16:00:00Z'));
    });

    it('announces none of a batch when one honor has not been proposed (BATCH_REFUSED)', async () => {
      const c = contest();
      const ready = await proposed(c);
      const early = await nominated(c);

      await expectRefused(() => lifecycle.announce(ADMIN, [ready.id, early.id]), { code: ErrorCode.BATCH_REFUSED });
    });
  });

  describe('confer', () => {
    it('refuses conferral while the announcement window is open (ANNOUNCEMENT_WINDOW_OPEN), writing nothing', async () => {
      const h = await announced(contest());
      now = new Date(FRIDAY_WINDOW_CLOSES.getTime() - 1000);

      await expectRefused(() => lifecycle.confer(ADMIN, [h.id], CONFERRAL), { code: ErrorCode.ANNOUNCEMENT_WINDOW_OPEN });
    });

    it('refuses conferral while an objection is open (OBJECTION_OPEN), writing nothing', async () => {
      const h = await announced(contest());
      await objection(h.id, 'OPEN');
      now = FRIDAY_WINDOW_CLOSES;

      await expectRefused(() => lifecycle.confer(ADMIN, [h.id], CONFERRAL), { code: ErrorCode.OBJECTION_OPEN });
    });

    it('confers once the window has closed with every objection resolved, numbering certificates per year and award type', async () => {
      await conferred(contest(), '2019-EXCELLENT_ACHIEVEMENT-0001');
      const c = contest();
      const [a, b] = [await announced(c), await announced(c)];
      await objection(a.id, 'DISMISSED');
      now = FRIDAY_WINDOW_CLOSES;

      await lifecycle.confer(ADMIN, [a.id, b.id], CONFERRAL);

      expect(await reload(a.id)).toMatchObject({
        status: 'CONFERRED',
        decisionNumber: '沪工总〔2020〕1号',
        conferredOn: '2020-01-15',
        ceremony: '总结表彰大会',
        certificateNumber: '2019-EXCELLENT_ACHIEVEMENT-0002',
      });
      expect((await reload(b.id)).certificateNumber).toBe('2019-EXCELLENT_ACHIEVEMENT-0003');
    });

    it('keeps the certificate number the office gives a single honor, and refuses one for a batch, writing nothing', async () => {
      const c = contest();
      const [a, b] = [await announced(c), await announced(c)];
      now = FRIDAY_WINDOW_CLOSES;

      await expectRefused(() => lifecycle.confer(ADMIN, [a.id, b.id], { ...CONFERRAL, certificateNumber: '沪2019-001' }), {
        code: ErrorCode.BAD_USER_INPUT,
        field: 'certificateNumber',
      });
      await lifecycle.confer(ADMIN, [a.id], { ...CONFERRAL, certificateNumber: '沪2019-001' });
      expect((await reload(a.id)).certificateNumber).toBe('沪2019-001');
    });
  });

  describe('withdraw and revoke', () => {
    it('withdraws an honor before conferral, keeping the reason', async () => {
      const h = await announced(contest());

      await lifecycle.withdraw(ADMIN, h.id, ' 申报材料不实 ');

      expect(await reload(h.id)).toMatchObject({ status: 'WITHDRAWN', endReason: '申报材料不实', revokedAt: null });
    });

    it('revokes a conferred honor, keeping the reason and when', async () => {
      const h = await conferred(contest());
      now = new Date('2020-03-02T02:00:00Z');

      await lifecycle.revoke(ADMIN, h.id, '获奖者违反竞赛规定');

      expect(await reload(h.id)).toMatchObject({ status: 'REVOKED', endReason: '获奖者违反竞赛规定', revokedAt: now });
    });

    it.each([
      ['withdraw', () => nominated(contest()), (id: string, reason: string) => lifecycle.withdraw(ADMIN, id, reason)],
      ['revoke', () => conferred(contest()), (id: string, reason: string) => lifecycle.revoke(ADMIN, id, reason)],
    ] as const)('refuses to %s without a reason (BAD_USER_INPUT), writing nothing', async (_name, make, end) => {
      const h = await make();

      for (const reason of ['', '   ', '不实'])
        await expectRefused(() => end(h.id, reason), { code: ErrorCode.BAD_USER_INPUT, field: 'reason' });
    });

    it('refuses to revoke an honor that was never conferred (INVALID_TRANSITION), writing nothing', async () => {
      const h = await announced(contest());

      await expectRefused(() => lifecycle.revoke(ADMIN, h.id, '获奖者违反竞赛规定'), { code: ErrorCode.INVALID_TRANSITION });
    });
  });

  describe('who may', () => {
    /** Each step, on an honor ready for it, so that only the caller can stand in its way. */
    const steps = [
      ['propose', (c: string) => nominated(c), (who: Identity, h: Honor) => lifecycle.propose(who, [h.id])],
      ['announce', (c: string) => proposed(c), (who: Identity, h: Honor) => lifecycle.announce(who, [h.id])],
      ['confer', (c: string) => announced(c), (who: Identity, h: Honor) => lifecycle.confer(who, [h.id], CONFERRAL)],
      ['withdraw', (c: string) => nominated(c), (who: Identity, h: Honor) => lifecycle.withdraw(who, h.id, '申报材料不实')],
      ['revoke', (c: string) => conferred(c), (who: Identity, h: Honor) => lifecycle.revoke(who, h.id, '获奖者违反竞赛规定')],
    ] as const;

    it.each(steps)(
      'refuses %s to anyone but the office (FORBIDDEN), writing nothing, and lets the office do it',
      async (_name, make, step) => {
        const c = contest();
        await quota(c, 5);
        const h = await make(c);
        now = FRIDAY_WINDOW_CLOSES;

        for (const caller of [ORGANIZER, ANALYST, { roles: [], service: 'expert-review' }])
          await expectRefused(() => step(caller, h), { code: ErrorCode.FORBIDDEN });
        expect(ownerCalls).toEqual([]);
        await expect(step(ADMIN, h)).resolves.toBeTruthy();
      },
    );
  });

  describe('audit', () => {
    it('records every transition with who made it, the record before and after, and the reason', async () => {
      const c = contest();
      await quota(c, 1);
      const h = await nominated(c);

      await lifecycle.propose(ADMIN, [h.id]);
      await lifecycle.announce(ADMIN, [h.id]);
      now = FRIDAY_WINDOW_CLOSES;
      await lifecycle.confer(ADMIN, [h.id], CONFERRAL);
      await lifecycle.revoke(ADMIN, h.id, '获奖者违反竞赛规定');

      const trail = await auditOf(h.id);
      expect(trail.map((e) => [e.action, e.actor, e.entityType])).toEqual([
        ['honor.propose', 'office-zhang', 'Honor'],
        ['honor.announce', 'office-zhang', 'Honor'],
        ['honor.confer', 'office-zhang', 'Honor'],
        ['honor.revoke', 'office-zhang', 'Honor'],
      ]);
      expect(trail.map((e) => [JSON.parse(e.before!).status, JSON.parse(e.after!).status])).toEqual([
        ['NOMINATED', 'PROPOSED'],
        ['PROPOSED', 'ANNOUNCED'],
        ['ANNOUNCED', 'CONFERRED'],
        ['CONFERRED', 'REVOKED'],
      ]);
      expect(trail.map((e) => e.reason)).toEqual([null, null, null, '获奖者违反竞赛规定']);
    });

    it('records a withdrawal with its reason', async () => {
      const h = await proposed(contest());

      await lifecycle.withdraw(ADMIN, h.id, '申报材料不实');

      expect((await auditOf(h.id)).map((e) => [e.action, e.reason, JSON.parse(e.after!).status])).toEqual([
        ['honor.withdraw', '申报材料不实', 'WITHDRAWN'],
      ]);
    });
  });

  describe('proposing a final round’s excellent achievements', () => {
    const finalRound = (contestId: string, submissionIds: string[]) => {
      const id = newId();
      rounds.set(id, { contestId, stage: 'FINAL', status: 'FINALIZED', submissionIds });
      return id;
    };

    it('nominates and proposes every excellent achievement in one go', async () => {
      const c = contest();
      await quota(c, 2);
      const round = finalRound(c, [achievement(c).id, achievement(c).id]);

      const honors = await nominations.proposeExcellent(ADMIN, round);

      expect(honors.map((h) => h.status)).toEqual(['PROPOSED', 'PROPOSED']);
      expect((await repo(AuditEntry).find({ order: { id: 'ASC' } })).map((e) => e.action)).toEqual([
        'honor.nominate',
        'honor.nominate',
        'honor.propose',
        'honor.propose',
      ]);
    });

    it('keeps not even the nominations when the proposals would pass the quota (BATCH_REFUSED)', async () => {
      const c = contest();
      await quota(c, 5);
      for (let i = 0; i < 4; i++) await proposed(c);
      const round = finalRound(c, [achievement(c).id, achievement(c).id]);

      await expectRefused(() => nominations.proposeExcellent(ADMIN, round), { code: ErrorCode.BATCH_REFUSED });
    });
  });
});
