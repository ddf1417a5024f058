import {
  type Measurement,
  bestPass,
  cpuPerRequest,
  errorShare,
  latencyPercentiles,
  percentile,
  responseProblem,
  rps,
  tally,
} from './stats';

const measurement = (over: Partial<Measurement>): Measurement => ({
  side: 'ours',
  pass: 1,
  requests: 1000,
  seconds: 10,
  p50: 5,
  p95: 9,
  errors: 0,
  problems: [],
  cpuMs: {},
  bytes: 0,
  ...over,
});

describe('figures of a measurement', () => {
  it('takes nearest-rank percentiles of latencies in any order', () => {
    const latencies = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(latencyPercentiles(latencies)).toEqual({ p50: 50, p95: 95 });
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('gives CPU ms per answered request, of one process or several together', () => {
    const m = measurement({ requests: 500, cpuMs: { gateway: 1000, organizations: 250, honors: 250 } });
    expect(cpuPerRequest(m, ['gateway'])).toBe(2);
    expect(cpuPerRequest(m, ['organizations', 'honors', 'submissions'])).toBe(1);
    expect(cpuPerRequest(measurement({ requests: 0 }), ['gateway'])).toBeNaN();
  });

  it('chooses the pass with the higher throughput', () => {
    const slow = measurement({ pass: 1, requests: 900 });
    const fast = measurement({ pass: 2, requests: 1100 });
    expect(bestPass([slow, fast])).toBe(fast);
    expect(rps(fast)).toBe(110);
    expect(bestPass([])).toBeUndefined();
  });

  it('counts requests that got no answer in the error share', () => {
    expect(errorShare(measurement({ requests: 1000, errors: 1, problems: [['HTTP 500 INTERNAL: boom', 1]] }))).toBe(0.001);
    expect(errorShare(measurement({ requests: 998, errors: 2, problems: [['no response (timeout)', 2]] }))).toBe(0.002);
  });
});

describe('checking each answer', () => {
  it('passes a 200 answer with data and no errors', () => {
    expect(responseProblem(200, '{"data":{"contest":{"name":"errors in a title, unquoted"}}}')).toBeUndefined();
    expect(responseProblem(200, '{"data":{"note":"said \\"errors\\" here"}}')).toBeUndefined();
  });

  it('reports a GraphQL errors array on a 200 answer, with its code and message', () => {
    const body = JSON.stringify({
      data: { contest: null },
      errors: [{ message: 'No.', extensions: { code: 'FORBIDDEN' } }, { message: 'x' }],
    });
    expect(responseProblem(200, body)).toBe('GraphQL error FORBIDDEN: No. (+1 more)');
  });

  it('reports any other status, with the error the body names', () => {
    const body = JSON.stringify({ errors: [{ message: 'Rate limit exceeded', extensions: { code: 'RATE_LIMITED' } }] });
    expect(responseProblem(429, body)).toBe('HTTP 429 RATE_LIMITED: Rate limit exceeded');
    expect(responseProblem(502, 'Bad Gateway')).toBe('HTTP 502: Bad Gateway');
  });

  it('reports a 200 whose body is not JSON', () => {
    expect(responseProblem(200, '<html>"errors"</html>')).toBe('HTTP 200: a body that is not JSON');
  });

  it('tallies problems, the most frequent first', () => {
    expect(tally(['a', 'b', 'b', 'c', 'b', 'a'])).toEqual([
      ['b', 3],
      ['a', 2],
      ['c', 1],
    ]);
  });
});
