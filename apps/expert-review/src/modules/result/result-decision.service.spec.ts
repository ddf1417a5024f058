import type { DataSource } from 'typeorm';
import { type Identity, type ReviewStage, type RoundStatus, ErrorCode } from '@meritgraph/domain';
import { newId, openDatabase } from '@meritgraph/db';
import { AuditEntry, createRequestContext } from '@meritgraph/subgraph-kit';
import { schema as databaseSchema } from '../../database';
import { Assignment } from '../assignment/assignment.entity';
import { Entry } from '../entry/entry.entity';
import type { OrganizationsApi } from '../references/peers';
import { QuotaGroup, ReviewRound, RoundCriterion } from '../round/round.entity';
import { RoundService } from '../round/round.service';
import { Scorecard } from '../scorecard/scorecard.entity';
import { QuotaRaise, ResultOverride, RoundResult } from './result.entity';
import { ResultComputationService } from './result-computation.service';
import { ResultDecisionService } from './result-decision.service';

/** Milliseconds included: stored times keep whole seconds only. */
const NOW = new Date('2024-05-06T07:08:09.456Z');
const NOW_TO_THE_SECOND = new Date('2024-05-06T07:08:09.000Z');
const clock = () => NOW;

const AI = 'track-ai';
const OFFICE: Identity = { roles: ['ADMIN'], sub: 'office-1' };
const ANALYST: Identity = { roles: ['ANALYST'], sub: 'analyst-1' };
const EXPERT: Identity = { roles: ['EXPERT'], sub: 'expert-person-1', expert: 'expert-1' };

/** The services under test never reach the organizations subgraph; a call would fail the test loudly. */
const organizations = {
  contest: () => Promise.reject(new Error('organizations.contest was not expected')),
  personOrganizations: () => Promise.reject(new Error('organizations.personOrganizations was not expected')),
  organizations: () => Promise.reject(new Error('organizations.organizations was not expected')),
} as unknown as OrganizationsApi;

let dataSource: DataSource;
let rounds: RoundService;
let computation: ResultComputationService;
let decisions: ResultDecisionService;

beforeEach(async () => {
  ({ dataSource } = await openDatabase(databaseSchema, { prefix: '', dataDir: ':memory:', log: 'none' }));
  rounds = new RoundService(dataSource, organizations, clock);
  computation = new ResultComputationService(dataSource, rounds, clock);
  decisions = new ResultDecisionService(dataSource, rounds, computation, clock);
});

afterEach(() => dataSource.destroy());

// ---- factories: rows written directly, as the earlier steps of a round would leave them ----

interface RoundSpec {
  status?: RoundStatus;
  stage?: ReviewStage;
  /** Quota groups; none means the round advances by threshold or, in screening, by decisions. */
  groups?: { code: string; trackIds: string[]; quota: number }[];
  threshold?: number | null;
}

async function aRound({ status = 'CLOSED', stage = 'EVALUATION', groups, threshold = null }: RoundSpec = {}): Promise<ReviewRound> {
  const round = Object.assign(new ReviewRound(), {
    id: newId(),
    // A contest of its own: earlier rounds of a contest feed their recommendations into later ones.
    contestId: newId(),
    name: 'Second round',
    stage,
    roundOrder: 2,
    status,
    blind: false,
    reviewDate: null,
    reviewersPerEntry: 3,
    aggregationMethod: 'MEAN',
    trimMinimum: 5,
    threshold,
    tieBreakList: 'AGGREGATE,TOP_CRITERION,RECOMMEND_COUNT,EARLIER_SUBMISSION',
    passSharePermille: 500,
    createdAt: new Date('2024-01-01T00:00:00Z'),
    publishedAt: null,
  });
  await dataSource.getRepository(ReviewRound).insert(round);
  await dataSource.getRepository(RoundCriterion).insert({
    id: newId(),
    roundId: round.id,
    position: 0,
    code: 'OVERALL',
    name: 'Overall',
    weight: 1,
    maxScore: 100,
  });
  for (const [position, g] of (groups ?? (threshold === null ? [{ code: 'AI', trackIds: [AI], quota: 2 }] : [])).entries()) {
    await dataSource.getRepository(QuotaGroup).insert({ id: newId(), roundId: round.id, position, ...g });
  }
  return round;
}

let referenceSeq = 0;

/** An entry of the round; all are submitted at the same moment, so only scores separate them. */
async function anEntry(round: ReviewRound, trackId = AI): Promise<Entry> {
  const n = String(++referenceSeq).padStart(4, '0');
  const entry = Object.assign(new Entry(), {
    id: newId(),
    roundId: round.id,
    submissionId: `submission-${n}`,
    organizationId: 'unit-1',
    state: 'IN_REVIEW',
    trackId,
    trackCode: 'AI',
    referenceNumber: `2024-AI-${n}`,
    title: `Achievement ${n}`,
    summary: null,
    leaderId: null,
    submittedAt: new Date('2024-02-01T00:00:00Z'),
    takenAt: new Date('2024-03-01T00:00:00Z'),
  });
  await dataSource.getRepository(Entry).insert(entry);
  return entry;
}

/** An expert assigned to the entry who scored it `total` out of 100. */
async function scored(entry: Entry, total: number, status: Assignment['status'] = 'ASSIGNED'): Promise<void> {
  const expertId = newId();
  const at = new Date('2024-04-01T00:00:00Z');
  const assignment = { id: newId(), roundId: entry.roundId, entryId: entry.id, expertId, panelId: null, status, origin: 'MANUAL' };
  await dataSource.getRepository(Assignment).insert({ ...assignment, note: null, createdAt: at, updatedAt: at } as Assignment);
  await dataSource.getRepository(Scorecard).insert({
    id: newId(),
    assignmentId: assignment.id,
    roundId: entry.roundId,
    entryId: entry.id,
    expertId,
    scores: { OVERALL: total },
    total,
    comment: null,
    decision: null,
    eliminationReason: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  });
}

/** A closed round with a quota of 2 in its one group and entries scored as given, in order. */
async function closedRoundScoring(...totals: (number | null)[]): Promise<{ round: ReviewRound; entries: Entry[] }> {
  const round = await aRound();
  const entries: Entry[] = [];
  for (const total of totals) {
    const entry = await anEntry(round);
    if (total !== null) await scored(entry, total);
    entries.push(entry);
  }
  return { round, entries };
}

/** Finalizing as the office does it: the round's status change runs the result service's finalizer. */
const finalize = (round: ReviewRound, identity: Identity = OFFICE) =>
  rounds.changeStatus(identity, round.id, 'FINALIZED', decisions.finalize);

/** Everything a decision could write, to show that a refusal wrote none of it. */
async function everythingWritten() {
  const [results, overrides, raises, audit, entries, allRounds] = await Promise.all([
    dataSource.getRepository(RoundResult).find({ order: { id: 'ASC' } }),
    dataSource.getRepository(ResultOverride).find({ order: { id: 'ASC' } }),
    dataSource.getRepository(QuotaRaise).find({ order: { id: 'ASC' } }),
    dataSource.getRepository(AuditEntry).count(),
    dataSource.getRepository(Entry).find({ select: { id: true, state: true }, order: { id: 'ASC' } }),
    dataSource.getRepository(ReviewRound).find({ select: { id: true, status: true, publishedAt: true }, order: { id: 'ASC' } }),
  ]);
  return { results, overrides, raises, audit, entries, rounds: allRounds };
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

const resultOf = async (entry: Entry) => dataSource.getRepository(RoundResult).findOneByOrFail({ entryId: entry.id });
const stateOf = async (entry: Entry) => (await dataSource.getRepository(Entry).findOneByOrFail({ id: entry.id })).state;
const auditOf = (action: string) => dataSource.getRepository(AuditEntry).find({ where: { action }, order: { id: 'ASC' } });

describe('previewing results', () => {
  it('ranks the entries in their quota group and says who would advance, freezing nothing', async () => {
    const { round, entries } = await closedRoundScoring(70, 90, 80);
    const [c, a, b] = entries;
    const before = await everythingWritten();

    const preview = await computation.preview(createRequestContext(OFFICE), round.id);

    const byEntry = new Map(preview.results.map((r) => [r.entryId, r]));
    expect([a, b, c].map((e) => byEntry.get(e!.id))).toMatchObject([
      { groupCode: 'AI', rank: 1, aggregate: 90, outcome: 'ADVANCED', computedAt: NOW_TO_THE_SECOND },
      { groupCode: 'AI', rank: 2, aggregate: 80, outcome: 'ADVANCED' },
      { groupCode: 'AI', rank: 3, aggregate: 70, outcome: 'ELIMINATED' },
    ]);
    expect(preview.groups).toEqual([{ code: 'AI', quota: 2, candidates: 3, advanced: 2 }]);
    expect(preview).toMatchObject({ ties: [], problems: [] });
    expect(await everythingWritten()).toEqual(before);
  });

  it('is for the office: an analyst or an expert is refused (FORBIDDEN)', async () => {
    const { round } = await closedRoundScoring(90, 80);
    await refusal(() => computation.preview(createRequestContext(ANALYST), round.id), ErrorCode.FORBIDDEN);
    await refusal(() => computation.preview(createRequestContext(EXPERT), round.id), ErrorCode.FORBIDDEN);
  });

  it('has nothing to show for a round that has not opened (ROUND_NOT_OPEN)', async () => {
    const round = await aRound({ status: 'DRAFT' });
    await refusal(() => computation.preview(createRequestContext(OFFICE), round.id), ErrorCode.ROUND_NOT_OPEN);
  });

  it('counts only the scorecards of experts still assigned: a declined expert’s card leaves the entry unscored', async () => {
    const { round, entries } = await closedRoundScoring(90, 80);
    const declined = await anEntry(round);
    await scored(declined, 100, 'DECLINED');

    const preview = await computation.preview(createRequestContext(OFFICE), round.id);

    expect(preview.problems).toEqual([{ entryId: declined.id, message: expect.stringContaining(declined.referenceNumber) }]);
    expect(preview.results.find((r) => r.entryId === declined.id)).toMatchObject({ scorecardCount: 0, outcome: 'ELIMINATED' });
    expect(preview.results.find((r) => r.entryId === entries[0]!.id)).toMatchObject({ rank: 1, outcome: 'ADVANCED' });
  });

  it('advances by threshold when the round has one instead of quota groups', async () => {
    const round = await aRound({ threshold: 75 });
    const [high, low] = [await anEntry(round), await anEntry(round)];
    await scored(high, 80);
    await scored(low, 70);

    const { results } = await computation.preview(createRequestContext(OFFICE), round.id);

    expect(results.find((r) => r.entryId === high.id)).toMatchObject({ outcome: 'ADVANCED', groupCode: null });
    expect(results.find((r) => r.entryId === low.id)).toMatchObject({ outcome: 'ELIMINATED', groupCode: null });
  });
});

describe('finalizing results', () => {
  it('freezes every entry’s result and outcome as the preview showed them, with an audit entry each', async () => {
    const { round, entries } = await closedRoundScoring(90, 80, 70);
    const preview = await computation.preview(createRequestContext(OFFICE), round.id);

    const finalized = await finalize(round);

    expect(finalized.status).toBe('FINALIZED');
    for (const entry of entries) {
      const shown = preview.results.find((r) => r.entryId === entry.id)!;
      expect(await resultOf(entry)).toMatchObject({
        rank: shown.rank,
        aggregate: shown.aggregate,
        outcome: shown.outcome,
        computedAt: NOW_TO_THE_SECOND,
      });
    }
    expect(await Promise.all(entries.map(stateOf))).toEqual(['ADVANCED', 'ADVANCED', 'ELIMINATED']);
    expect((await auditOf('result.finalize')).map((a) => a.entityId).sort()).toEqual(entries.map((e) => e.id).sort());
  });

  it('cannot finalize a round that is still open (INVALID_TRANSITION), and writes nothing', async () => {
    const { round } = await closedRoundScoring(90, 80);
    await dataSource.getRepository(ReviewRound).update(round.id, { status: 'OPEN' });
    const before = await everythingWritten();

    await refusal(() => finalize(round), ErrorCode.INVALID_TRANSITION);

    expect(await everythingWritten()).toEqual(before);
  });

  it('an entry nobody scored blocks finalization (RESULTS_INCOMPLETE), and nothing is written', async () => {
    const { round, entries } = await closedRoundScoring(90, 80, null);
    const before = await everythingWritten();

    const error = await refusal(() => finalize(round), ErrorCode.RESULTS_INCOMPLETE);

    expect(error).toMatchObject({ field: 'id', details: { problems: [{ entryId: entries[2]!.id }] } });
    expect(await everythingWritten()).toEqual(before);
  });

  it('reports a tie across the quota line, advances neither tied entry, and refuses to finalize (UNRESOLVED_TIE)', async () => {
    const { round, entries } = await closedRoundScoring(90, 80, 80);
    const [a, b, c] = entries;

    const preview = await computation.preview(createRequestContext(OFFICE), round.id);
    expect(preview.ties).toEqual([{ groupCode: 'AI', quota: 2, seatsLeft: 1, entryIds: [b!.id, c!.id].sort() }]);
    expect(preview.results.filter((r) => r.outcome === 'ADVANCED').map((r) => r.entryId)).toEqual([a!.id]);

    const before = await everythingWritten();
    await refusal(() => finalize(round), ErrorCode.UNRESOLVED_TIE);
    expect(await everythingWritten()).toEqual(before);
  });

  it('a finalized round cannot be finalized again (INVALID_TRANSITION) and its decisions are closed (ROUND_CLOSED)', async () => {
    const { round, entries } = await closedRoundScoring(90, 80, 70);
    await finalize(round);
    const before = await everythingWritten();

    await refusal(() => finalize(round), ErrorCode.INVALID_TRANSITION);
    await refusal(() => decisions.override(OFFICE, round.id, entries[2]!.id, 'ADVANCE', 'late appeal upheld'), ErrorCode.ROUND_CLOSED);
    await refusal(() => decisions.raiseQuota(OFFICE, round.id, 'AI', 3, 'one more place'), ErrorCode.ROUND_CLOSED);

    expect(await everythingWritten()).toEqual(before);
  });
});

describe('deciding results', () => {
  it('takes no override or raised quota before the round closes (ROUND_NOT_CLOSED), and writes nothing', async () => {
    const { round, entries } = await closedRoundScoring(90, 80, 70);
    await dataSource.getRepository(ReviewRound).update(round.id, { status: 'OPEN' });
    const before = await everythingWritten();

    await refusal(() => decisions.override(OFFICE, round.id, entries[2]!.id, 'ADVANCE', 'strong late review'), ErrorCode.ROUND_NOT_CLOSED);
    await refusal(() => decisions.raiseQuota(OFFICE, round.id, 'AI', 3, 'one more place'), ErrorCode.ROUND_NOT_CLOSED);

    expect(await everythingWritten()).toEqual(before);
  });

  it('an override needs a reason of at least four characters (BAD_USER_INPUT), and nothing is written', async () => {
    const { round, entries } = await closedRoundScoring(90, 80, 70);
    const before = await everythingWritten();

    const error = await refusal(() => decisions.override(OFFICE, round.id, entries[2]!.id, 'ADVANCE', '  no '), ErrorCode.BAD_USER_INPUT);

    expect(error).toMatchObject({ field: 'reason' });
    expect(await everythingWritten()).toEqual(before);
  });

  it('an override is recorded with its reason and audited, and finalization applies it', async () => {
    const { round, entries } = await closedRoundScoring(90, 80, 70);
    const [, b, c] = entries;

    const saved = await decisions.override(OFFICE, round.id, c!.id, 'ADVANCE', '  appeal upheld by the office ');
    await decisions.override(OFFICE, round.id, b!.id, 'ELIMINATE', 'conflict of interest found');

    expect(saved).toMatchObject({
      entryId: c!.id,
      outcome: 'ADVANCE',
      reason: 'appeal upheld by the office',
      createdAt: NOW_TO_THE_SECOND,
    });
    const [audit] = await auditOf('result.override');
    expect(audit).toMatchObject({
      entityType: 'Entry',
      entityId: c!.id,
      actor: 'office-1',
      reason: 'appeal upheld by the office',
      before: null,
    });
    expect(JSON.parse(audit!.after!)).toMatchObject({ outcome: 'ADVANCE' });

    await finalize(round);
    expect(await resultOf(c!)).toMatchObject({ outcome: 'ADVANCED', override: 'ADVANCE', overrideReason: 'appeal upheld by the office' });
    expect(await resultOf(b!)).toMatchObject({ outcome: 'ELIMINATED', override: 'ELIMINATE' });
  });

  it('overriding the same entry again replaces the decision, and the audit keeps what it replaced', async () => {
    const { round, entries } = await closedRoundScoring(90, 80, 70);
    const c = entries[2]!;

    await decisions.override(OFFICE, round.id, c.id, 'ADVANCE', 'appeal upheld');
    await decisions.override(OFFICE, round.id, c.id, 'ELIMINATE', 'appeal withdrawn');

    expect(await dataSource.getRepository(ResultOverride).find()).toMatchObject([{ entryId: c.id, outcome: 'ELIMINATE' }]);
    const [, second] = await auditOf('result.override');
    expect(JSON.parse(second!.before!)).toMatchObject({ outcome: 'ADVANCE', reason: 'appeal upheld' });
  });

  it('raising the quota gives the tied entries their places, so the round can be finalized', async () => {
    const { round, entries } = await closedRoundScoring(90, 80, 80, 60);
    const [a, b, c, d] = entries;

    const raise = await decisions.raiseQuota(OFFICE, round.id, 'AI', 3, 'both tied entries deserve a place');

    expect(raise).toMatchObject({ groupCode: 'AI', quota: 3, reason: 'both tied entries deserve a place', createdAt: NOW_TO_THE_SECOND });
    expect(await auditOf('round.raise-quota')).toMatchObject([{ entityId: round.id, reason: 'both tied entries deserve a place' }]);
    const preview = await computation.preview(createRequestContext(OFFICE), round.id);
    expect(preview.ties).toEqual([]);
    expect(preview.groups).toEqual([{ code: 'AI', quota: 3, candidates: 4, advanced: 3 }]);

    await finalize(round);
    expect(await Promise.all([a, b, c, d].map((e) => stateOf(e!)))).toEqual(['ADVANCED', 'ADVANCED', 'ADVANCED', 'ELIMINATED']);
  });

  it('a raised quota must be above the configured one and name a group of the round (BAD_USER_INPUT), writing nothing', async () => {
    const { round } = await closedRoundScoring(90, 80, 80);
    const before = await everythingWritten();

    expect(await refusal(() => decisions.raiseQuota(OFFICE, round.id, 'AI', 2, 'same as before'), ErrorCode.BAD_USER_INPUT)).toMatchObject({
      field: 'quota',
    });
    expect(await refusal(() => decisions.raiseQuota(OFFICE, round.id, 'IC', 5, 'no such group'), ErrorCode.BAD_USER_INPUT)).toMatchObject({
      field: 'groupCode',
    });
    expect(await everythingWritten()).toEqual(before);
  });
});

describe('publishing results', () => {
  it('publishes a finalized round once, at the clock’s time; publishing again is ALREADY_PUBLISHED and changes nothing', async () => {
    const { round } = await closedRoundScoring(90, 80, 70);
    await finalize(round);

    const published = await decisions.publish(OFFICE, round.id);

    expect(published.publishedAt).toEqual(NOW_TO_THE_SECOND);
    expect(await auditOf('round.publish')).toMatchObject([{ entityId: round.id, actor: 'office-1' }]);
    const before = await everythingWritten();
    await refusal(() => decisions.publish(OFFICE, round.id), ErrorCode.ALREADY_PUBLISHED);
    expect(await everythingWritten()).toEqual(before);
  });

  it('a round not yet finalized cannot be published (ROUND_NOT_FINALIZED), and nothing is written', async () => {
    const { round } = await closedRoundScoring(90, 80, 70);
    const before = await everythingWritten();

    await refusal(() => decisions.publish(OFFICE, round.id), ErrorCode.ROUND_NOT_FINALIZED);

    expect(await everythingWritten()).toEqual(before);
  });
});

describe('who decides', () => {
  it('only the office overrides, raises quotas, finalizes and publishes: anyone else is FORBIDDEN and nothing is written', async () => {
    const { round, entries } = await closedRoundScoring(90, 80, 80);
    const finalizedRound = (await closedRoundScoring(90, 80, 70)).round;
    await finalize(finalizedRound);
    const before = await everythingWritten();

    for (const caller of [ANALYST, EXPERT]) {
      await refusal(() => decisions.override(caller, round.id, entries[2]!.id, 'ADVANCE', 'appeal upheld'), ErrorCode.FORBIDDEN);
      await refusal(() => decisions.raiseQuota(caller, round.id, 'AI', 3, 'one more place'), ErrorCode.FORBIDDEN);
      await refusal(() => finalize(round, caller), ErrorCode.FORBIDDEN);
      await refusal(() => decisions.publish(caller, finalizedRound.id), ErrorCode.FORBIDDEN);
    }

    expect(await everythingWritten()).toEqual(before);
  });

  it('the office’s decisions are read by the office and analysts, and hidden from experts (FORBIDDEN)', async () => {
    const { round, entries } = await closedRoundScoring(90, 80, 80);
    await decisions.override(OFFICE, round.id, entries[1]!.id, 'ADVANCE', 'appeal upheld');
    await decisions.raiseQuota(OFFICE, round.id, 'AI', 3, 'one more place');

    const analyst = createRequestContext(ANALYST);
    expect(await decisions.overrides(analyst, round.id)).toMatchObject([{ entryId: entries[1]!.id, outcome: 'ADVANCE' }]);
    expect(await decisions.quotaRaises(analyst, round.id)).toMatchObject([{ groupCode: 'AI', quota: 3 }]);
    await refusal(() => decisions.overrides(createRequestContext(EXPERT), round.id), ErrorCode.FORBIDDEN);
    await refusal(() => decisions.quotaRaises(createRequestContext(EXPERT), round.id), ErrorCode.FORBIDDEN);
  });
});
