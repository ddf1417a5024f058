import { type Logger, createLogger } from '@meritgraph/subgraph-kit';
import { Factories, type TestGraph } from '../../src';

/** The README's figures query ("The 2019 contest in one query"), and a cube of the analytics read model: it reads all five subgraphs. */
export const FIGURES = `query Figures($code: String!) {
  contest(code: $code) {
    id
    participantCount
    milestones { date kind title }
    submissions(status: ACCEPTED) { totalCount }
    reviewRounds { stage name reviewDate judgeCount }
    reviewFunnel { round { stage } groupCode entries advanced eliminated excellent }
    honorsSummary {
      counts { awardType { code nameZh } status count }
      priorHonorLevels(awardTypeCode: "EXCELLENT_ACHIEVEMENT") { level count }
    }
  }
  experts(first: 1) { totalCount }
  analytics { cube(fact: SUBMISSION, measures: [{ kind: COUNT }]) { records } }
}`;

/** A contest with a unit enrolled and two drafts, as the figures query reads it. */
export async function figuresContest(graph: TestGraph): Promise<string> {
  const make = new Factories(graph.gateway);
  const contest = await make.contest();
  const unit = await make.organization();
  await make.submission({ contestId: contest.id, organizationId: unit.id });
  await make.submission({ contestId: contest.id, organizationId: unit.id });
  return contest.code;
}

/** A logger whose JSON lines a test reads back. */
export function capturedLogs(level: 'info' | 'debug' = 'info'): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
  return { logger: createLogger({ level, destination }), lines };
}

/** The /metrics beside a service's /graphql. */
export const metricsUrl = (graphqlUrl: string): string => new URL('metrics', graphqlUrl).toString();

/** Every sample of a Prometheus text exposition, by series (`name{label="value",…}`). */
export async function scrape(graphqlUrl: string): Promise<Map<string, number>> {
  const response = await fetch(metricsUrl(graphqlUrl));
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  const samples = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

/** The value of one series, 0 when it is absent (a counter not yet incremented). */
export const sample = (samples: Map<string, number>, series: string): number => samples.get(series) ?? 0;
