import { DataSource } from 'typeorm';
import { loadConfig, workEnv } from '@meritgraph/config';
import { DomainError } from '@meritgraph/domain';
import { HttpError } from './http';
import {
  BoundedLoaderRegistry,
  DEADLINE_HEADER,
  RequestWork,
  deadlineHeaders,
  guardStatements,
  requestedDeadline,
  withinWork,
  workFrom,
} from './work';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
};

describe('the work of a request', () => {
  it('stops at its own execution timeout when the gateway sends no deadline', () => {
    const clock = manualClock();
    const work = RequestWork.start({ executionTimeoutMs: 9000, maxResponseObjects: 10 }, undefined, clock.now);
    expect(work.deadline).toBe(clock.now() + 9000);
    clock.advance(8999);
    expect(codeOf(() => work.check())).toBeUndefined();
    clock.advance(1);
    expect(codeOf(() => work.check())).toBe('DEADLINE_EXCEEDED');
    work.finish();
  });

  it('stops at the gateway’s deadline when it comes first, and never later than its own', () => {
    const clock = manualClock();
    const bounds = { executionTimeoutMs: 9000, maxResponseObjects: 10 };
    const early = RequestWork.start(bounds, clock.now() + 300, clock.now);
    const late = RequestWork.start(bounds, clock.now() + 60_000, clock.now);
    expect(early.deadline).toBe(clock.now() + 300);
    expect(late.deadline).toBe(clock.now() + 9000);
    early.finish();
    late.finish();
  });

  it('stays stopped, and aborts its signal with the reason', () => {
    const clock = manualClock();
    const work = new RequestWork(clock.now() + 10, 10, clock.now);
    clock.advance(10);
    expect(codeOf(() => work.check())).toBe('DEADLINE_EXCEEDED');
    expect(work.signal.aborted).toBe(true);
    expect((work.signal.reason as DomainError).details).toEqual({ deadline: new Date(work.deadline).toISOString() });
    expect(codeOf(() => work.add(0))).toBe('DEADLINE_EXCEEDED');
    work.finish();
  });

  it('stops with RESULT_TOO_LARGE once its answer holds more objects than the bound', () => {
    const work = new RequestWork(Date.now() + 60_000, 100);
    work.add(60);
    work.add(40);
    expect(codeOf(() => work.add(1))).toBe('RESULT_TOO_LARGE');
    expect(work.stopped).toMatchObject({ code: 'RESULT_TOO_LARGE', details: { limit: 100 } });
    expect(codeOf(() => work.check())).toBe('RESULT_TOO_LARGE');
    work.finish();
  });

  it('aborts its signal on time, with nothing checking, for work that can be cancelled', async () => {
    const work = new RequestWork(Date.now() + 20, 10);
    await new Promise((resolve) => work.signal.addEventListener('abort', resolve));
    expect(work.stopped?.code).toBe('DEADLINE_EXCEEDED');
  });
});

describe('the deadline header', () => {
  it('is what the gateway sends: when it stops waiting, in epoch milliseconds', () => {
    expect(deadlineHeaders(10_000, 1_700_000_000_000)).toEqual({ 'x-meritgraph-deadline': '1700000010000' });
    expect(requestedDeadline({ [DEADLINE_HEADER]: '1700000010000' })).toBe(1_700_000_010_000);
    expect(requestedDeadline({})).toBeUndefined();
  });

  it('refuses a malformed deadline with 400 rather than guessing', () => {
    for (const value of ['soon', '-5', '1.5e12', '', '99999999999999999999']) {
      expect(() => requestedDeadline({ [DEADLINE_HEADER]: value })).toThrow(HttpError);
    }
  });
});

describe('the defaults', () => {
  it('give a subgraph 9 s, inside the gateway’s 10 s, and 50,000 objects per answer', () => {
    expect(workFrom(loadConfig(workEnv, {}))).toEqual({ executionTimeoutMs: 9000, maxResponseObjects: 50_000 });
    expect(workFrom(loadConfig(workEnv, { EXECUTION_TIMEOUT_MS: '2500', MAX_RESPONSE_OBJECTS: '1000' }))).toEqual({
      executionTimeoutMs: 2500,
      maxResponseObjects: 1000,
    });
  });
});

describe('a stopped request sends nothing more to its database', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)');
    guardStatements(dataSource);
    guardStatements(dataSource);
  });
  afterAll(() => dataSource.destroy());

  it('lets a running request query, and refuses the statements of one past its deadline', async () => {
    const clock = manualClock(Date.now());
    const work = new RequestWork(clock.now() + 1000, 10, clock.now);
    await expect(withinWork(work, () => dataSource.query('SELECT COUNT(*) AS n FROM note'))).resolves.toEqual([{ n: 0 }]);
    clock.advance(1000);
    await expect(withinWork(work, () => dataSource.query('SELECT COUNT(*) AS n FROM note'))).rejects.toMatchObject({
      code: 'DEADLINE_EXCEEDED',
    });
    work.finish();
  });

  it('rolls back what a request began before its deadline: a stopped mutation changes nothing', async () => {
    const clock = manualClock(Date.now());
    const work = new RequestWork(clock.now() + 1000, 10, clock.now);
    const writing = withinWork(work, () =>
      dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO note (body) VALUES ('first')`);
        clock.advance(1000);
        await manager.query(`INSERT INTO note (body) VALUES ('second')`);
      }),
    );
    await expect(writing).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    work.finish();
    expect(await dataSource.query('SELECT COUNT(*) AS n FROM note')).toEqual([{ n: 0 }]);
  });

  it('leaves statements outside any request alone (start-up, migrations)', async () => {
    await expect(dataSource.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });

  it('checks every batch of the request’s loaders before it runs', async () => {
    const clock = manualClock();
    const work = new RequestWork(clock.now() + 1000, 10, clock.now);
    const loaders = new BoundedLoaderRegistry(work);
    const batches: string[][] = [];
    const fetch = async (keys: string[]) => {
      batches.push(keys);
      return keys.map((id) => ({ id }));
    };
    await loaders.one('note', fetch, (row) => row.id).load('a');
    clock.advance(1000);
    await expect(loaders.one('note', fetch, (row) => row.id).load('b')).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    expect(batches).toEqual([['a']]);
    work.finish();
  });
});
