import { ANONYMOUS_OPERATION, ARMOR_CODES, OTHER_OPERATION, OperationLabels, ServiceMetrics } from './metrics';
import { requestIdOf } from './logger';
import { newRecord } from './request';
import { outcomeOf } from './service-telemetry';

describe('operation labels', () => {
  it('keeps the first names seen, and counts every later one as (other)', () => {
    const labels = new OperationLabels(2);
    expect(labels.label('Figures')).toBe('Figures');
    expect(labels.label('Leaderboard')).toBe('Leaderboard');
    expect(labels.label('Random1')).toBe(OTHER_OPERATION);
    expect(labels.label('Figures')).toBe('Figures');
    expect(labels.label(undefined)).toBe(ANONYMOUS_OPERATION);
  });

  it('gives a name that is no GraphQL name no series of its own', () => {
    const labels = new OperationLabels();
    expect(labels.label('a"}\n')).toBe(OTHER_OPERATION);
    expect(labels.label('x'.repeat(101))).toBe(OTHER_OPERATION);
  });

  it('holds at most max + 2 request series however many names callers send', async () => {
    const metrics = new ServiceMetrics();
    for (let i = 0; i < 1000; i++) metrics.observeRequest(metrics.operations.label(`Op${i}`), 'ok', 0.01, [], undefined);
    const series = (await metrics.registry.getSingleMetric('meritgraph_requests_total')!.get()).values;
    expect(series.length).toBeLessThanOrEqual(metrics.operations.max + 2);
    expect(series.find((v) => v.labels.operation === OTHER_OPERATION)?.value).toBe(1000 - metrics.operations.max);
  });
});

describe('request ids', () => {
  it('keeps a caller’s id of letters, digits and ._:- up to 128 characters, and makes a UUID for anything else', () => {
    expect(requestIdOf({ 'x-request-id': 'abc' })).toBe('abc');
    expect(requestIdOf({ 'x-request-id': 'x'.repeat(128) })).toBe('x'.repeat(128));
    for (const bad of [undefined, '', 'x'.repeat(129), 'a b', '{"a":1}', ['a', 'b']]) {
      expect(requestIdOf({ 'x-request-id': bad as string | undefined })).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
  });
});

describe('outcomes', () => {
  it('tells a refusal of the armor from an error and from a partial answer', () => {
    const record = (...codes: string[]) => Object.assign(newRecord('r'), { codes: new Set(codes) });
    expect(outcomeOf(200, record())).toBe('ok');
    expect(outcomeOf(200, record('FORBIDDEN'))).toBe('partial');
    expect(outcomeOf(400, record('MAX_DEPTH_EXCEEDED'))).toBe('rejected');
    expect(outcomeOf(429, record('RATE_LIMITED'))).toBe('rejected');
    expect(outcomeOf(400, record('BAD_REQUEST'))).toBe('error');
    expect([...ARMOR_CODES]).toEqual(expect.arrayContaining(['MAX_TOKENS_EXCEEDED', 'COST_ESTIMATED_TOO_EXPENSIVE', 'RESULT_TOO_LARGE']));
    expect(ARMOR_CODES.has('QUOTA_EXCEEDED')).toBe(false);
  });
});
