import type { DataSource } from 'typeorm';
import { ANONYMOUS, ErrorCode, type Identity, type RoundStatus } from '@meritgraph/domain';
import { type StatementLogger, newId, openDatabase } from '@meritgraph/db';
import { createRequestContext } from '@meritgraph/subgraph-kit';
import { schema as databaseSchema } from '../../database';
import { Entry } from '../entry/entry.entity';
import { ReviewRound } from '../round/round.entity';
import { type RoundOutcome, RoundResult } from './result.entity';
import { ResultReportService } from './result-report.service';

const OFFICE: Identity = { roles: ['ADMIN'], sub: 'office-1' };
const ANALYST: Identity = { roles: ['ANALYST'], sub: 'analyst-1' };
const EXPERT: Identity = { roles: ['EXPERT'], sub: 'expert-person-1', expert: 'expert-1' };
const COMPUTED_AT = new Date('2024-05-06T07:08:09Z');

let dataSource: DataSource;
let statements: StatementLogger;
let reports: ResultReportService;

beforeEach(async () => {
  ({ dataSource, statements } = await openDatabase(databaseSchema, { prefix: '', dataDir: ':memory:', log: 'none' }));
  reports = new ResultReportService(dataSource);
});

afterEach(() => dataSource.destroy());

// ---- factories: the rows a finalized round leaves behind, written directly ----

async function aRound(contestId: string, order: number, status: RoundStatus, published = false): Promise<ReviewRound> {
  const round = Object.assign(new ReviewRound(), {
    id: newId(),
    contestId,
    name: `Round ${order}`,
    stage: order === 1 ? 'SCREENING' : 'EVALUATION',
    roundOrder: order,
    status,
    blind: false,
    reviewDate: null,
    reviewersPerEntry: 3,
    aggregationMethod: 'MEAN',
    trimMinimum: 5,
    threshold: null,
    tieBreakList: 'AGGREGATE',
    passSharePermille: 500,
    createdAt: new Date('2024-01-01T00:00:00Z'),
    publishedAt: published ? COMPUTED_AT : null,
  });
  await dataSource.getRepository(ReviewRound).insert(round);
  return round;
}

/** The submission's entry in the round and, unless `outcome` is null (not finalized yet), its frozen result. */
async function entered(round: ReviewRound, submissionId: string, outcome: RoundOutcome | null, groupCode: string | null = 'AI') {
  const entryId = newId();
  await dataSource.getRepository(Entry).insert({
    id: entryId,
    roundId: round.id,
    submissionId,
    organizationId: 'unit-1',
    state: outcome ?? 'IN_REVIEW',
    trackId: 'track-ai',
    trackCode: 'AI',
    referenceNumber: `2024-AI-${submissionId}`,
    title: submissionId,
    summary: null,
    leaderId: null,
    submittedAt: null,
    takenAt: null,
  });
  if (!outcome) return;
  await dataSource.getRepository(RoundResult).insert({
    id: newId(),
    roundId: round.id,
    entryId,
    submissionId,
    organizationId: 'unit-1',
    trackId: 'track-ai',
    groupCode,
    scorecardCount: 3,
    mean: 80,
    trimmedMean: 80,
    median: 80,
    normalized: 80,
    aggregate: 80,
    topCriterion: 80,
    passCount: 0,
    recommendCount: 0,
    eliminateCount: 0,
    recommended: false,
    eliminationReasons: [],
    rank: 1,
    decidedBy: null,
    outcome,
    override: null,
    overrideReason: null,
    computedAt: COMPUTED_AT,
  });
}

/** The statements `read` sends, counted from a fresh start. */
async function statementsOf<T>(read: () => Promise<T>): Promise<{ value: T; count: number }> {
  statements.reset();
  const value = await read();
  return { value, count: statements.count };
}

describe('a submission’s results', () => {
  it('lists its results in round order, each only where the caller may see that round’s results', async () => {
    const screening = await aRound('contest-1', 1, 'FINALIZED', true);
    const evaluation = await aRound('contest-1', 2, 'FINALIZED');
    await entered(evaluation, 'sub-1', 'ELIMINATED');
    await entered(screening, 'sub-1', 'ADVANCED');

    const outcomes = async (identity: Identity) =>
      (await reports.ofSubmission(createRequestContext(identity), 'sub-1')).map((r) => [r.roundId, r.outcome]);

    expect(await outcomes(ANALYST)).toEqual([
      [screening.id, 'ADVANCED'],
      [evaluation.id, 'ELIMINATED'],
    ]);
    // Finalized but not published: still the office's and the analysts' only.
    expect(await outcomes(ANONYMOUS)).toEqual([[screening.id, 'ADVANCED']]);
    expect(await outcomes(EXPERT)).toEqual([[screening.id, 'ADVANCED']]);
  });

  it('reads the results of every submission of a request in one statement', async () => {
    const round = await aRound('contest-1', 1, 'FINALIZED', true);
    for (const id of ['sub-1', 'sub-2', 'sub-3']) await entered(round, id, 'ADVANCED');
    const ctx = createRequestContext(ANONYMOUS);

    const { value, count } = await statementsOf(() =>
      Promise.all(['sub-1', 'sub-2', 'sub-3', 'sub-none'].map((id) => reports.ofSubmission(ctx, id))),
    );

    expect(value.map((rows) => rows.length)).toEqual([1, 1, 1, 0]);
    expect(count).toBe(1);
  });
});

describe('the review funnel', () => {
  it('counts entries in and out of each round per quota group; a round not finalized shows the entries it took', async () => {
    const first = await aRound('contest-1', 1, 'FINALIZED', true);
    const second = await aRound('contest-1', 2, 'OPEN');
    await entered(first, 'sub-1', 'ADVANCED', 'AI');
    await entered(first, 'sub-2', 'ELIMINATED', 'AI');
    await entered(first, 'sub-3', 'ADVANCED', 'IC');
    await entered(second, 'sub-1', null);
    await entered(second, 'sub-3', null);

    const funnel = await reports.funnel(createRequestContext(OFFICE), 'contest-1');

    expect(funnel.map(({ round, ...figures }) => ({ round: round.id, ...figures }))).toEqual([
      { round: first.id, groupCode: 'AI', entries: 2, advanced: 1, eliminated: 1, excellent: 0 },
      { round: first.id, groupCode: 'IC', entries: 1, advanced: 1, eliminated: 0, excellent: 0 },
      { round: second.id, groupCode: null, entries: 2, advanced: 0, eliminated: 0, excellent: 0 },
    ]);
  });

  it('shows the public only published rounds, and the office and analysts every round', async () => {
    const published = await aRound('contest-1', 1, 'FINALIZED', true);
    const unpublished = await aRound('contest-1', 2, 'FINALIZED');
    await entered(published, 'sub-1', 'ADVANCED');
    await entered(unpublished, 'sub-1', 'EXCELLENT');

    const rounds = async (identity: Identity) => (await reports.funnel(createRequestContext(identity), 'contest-1')).map((r) => r.round.id);

    expect(await rounds(ANONYMOUS)).toEqual([published.id]);
    expect(await rounds(ANALYST)).toEqual([published.id, unpublished.id]);
  });

  it('costs three statements for every contest of a request together, and one when none has rounds', async () => {
    for (const contest of ['contest-1', 'contest-2']) {
      const round = await aRound(contest, 1, 'FINALIZED', true);
      await entered(round, `${contest}-sub`, 'ADVANCED');
    }
    const ctx = createRequestContext(ANALYST);

    const both = await statementsOf(() => Promise.all(['contest-1', 'contest-2'].map((c) => reports.funnel(ctx, c))));
    expect(both.value.map((rows) => rows.length)).toEqual([1, 1]);
    expect(both.count).toBe(3);

    const none = await statementsOf(() => reports.funnel(createRequestContext(ANALYST), 'contest-without-rounds'));
    expect(none).toEqual({ value: [], count: 1 });
  });
});

describe('a round’s results and statistics', () => {
  it('lists frozen results by group and outcome once they may be seen; before that they are FORBIDDEN', async () => {
    const round = await aRound('contest-1', 1, 'FINALIZED');
    await entered(round, 'sub-1', 'ADVANCED', 'AI');
    await entered(round, 'sub-2', 'ELIMINATED', 'AI');
    await entered(round, 'sub-3', 'ADVANCED', 'IC');

    const page = await reports.list(createRequestContext(ANALYST), round, { groupCode: 'AI', outcome: 'ADVANCED' }, { first: 10 });

    expect((await page.rows()).nodes.map((r) => r.submissionId)).toEqual(['sub-1']);
    expect(await page.count()).toBe(1);
    await expect(reports.list(createRequestContext(ANONYMOUS), round, {}, { first: 10 })).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
  });

  it('shows the judges’ statistics to the office at any time and to analysts once finalized; never to experts', async () => {
    const closed = await aRound('contest-1', 1, 'CLOSED');
    const finalized = await aRound('contest-2', 1, 'FINALIZED', true);

    expect(await reports.expertStatistics(createRequestContext(OFFICE), closed)).toEqual([]);
    expect(await reports.expertStatistics(createRequestContext(ANALYST), finalized)).toEqual([]);
    await expect(reports.expertStatistics(createRequestContext(ANALYST), closed)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(reports.agreement(createRequestContext(EXPERT), finalized)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
  });
});
