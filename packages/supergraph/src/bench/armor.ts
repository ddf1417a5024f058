/**
 * npm run bench:armor — what the gateway's armor costs a plain query: the same four subgraphs
 * behind two gateways, one with the operation limits and demand control on, one with both off,
 * called in turns in one run so that both see the same machine. Prints p50 and p95 of each
 * and their ratio. A benchmark, not a test: figures go to the README.
 */
import { SUBGRAPH_NAMES, type SubgraphName } from '@meritgraph/config';
import { createServer, readSupergraph } from '@meritgraph/gateway';
import type { Service } from '@meritgraph/subgraph-kit';
import { GraphClient } from '../client';
import { startGraph } from '../graph';

/** A page of 20 units with their union and their submissions: two subgraphs, one nested list. */
const QUERY = `query { organizations(first: 20, kind: ENTERPRISE) { nodes { name parent { name } submissions(first: 5) { totalCount } } } }`;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function main() {
  const rounds = Number(process.argv[2] ?? 2000);
  const graph = await startGraph();
  const gateways: Service[] = [];
  try {
    const { createOrganization: union } = await graph.gateway.data<{ createOrganization: { id: string } }>(
      `mutation { createOrganization(input: { name: "基准区总工会", kind: DISTRICT_UNION }) { id } }`,
    );
    for (let i = 0; i < 20; i++) {
      await graph.gateway.data(
        `mutation($p: ID!, $n: String!) { createOrganization(input: { name: $n, kind: ENTERPRISE, parentId: $p }) { id } }`,
        {
          p: union.id,
          n: `基准企业 ${i + 1}`,
        },
      );
    }
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, graph.subgraphs[n].url])) as Record<SubgraphName, string>;
    const token = `Bearer ${await graph.auth.client.signDev({ roles: ['ANALYST'], sub: 'bench' })}`;
    const client = async (armor: boolean) => {
      const service = await createServer({
        supergraphSdl: readSupergraph(),
        auth: graph.auth,
        subgraphUrls: urls,
        ...(armor ? {} : { limits: false as const, demand: false as const }),
      });
      gateways.push(service);
      return new GraphClient(`${await service.start(0)}/graphql`).with({ authorization: token });
    };
    const sides = { on: await client(true), off: await client(false) };
    const timings: Record<keyof typeof sides, number[]> = { on: [], off: [] };
    const once = async (side: keyof typeof sides) => {
      const started = process.hrtime.bigint();
      const result = await sides[side].request(QUERY);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    for (let i = 0; i < 200; i++) await Promise.all([once('on'), once('off')]); // warm-up
    for (let i = 0; i < rounds; i++) {
      // Alternate which goes first, so neither side always meets a warmer process.
      for (const side of i % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const)) timings[side].push(await once(side));
    }
    const figures = Object.fromEntries(
      Object.entries(timings).map(([side, list]) => {
        const sorted = [...list].sort((a, b) => a - b);
        return [side, { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) }];
      }),
    ) as Record<keyof typeof sides, { p50: number; p95: number }>;
    console.log(`plain list query through the gateway, ${rounds} requests each, in turns:`);
    for (const side of ['off', 'on'] as const) {
      console.log(`  armor ${side.padEnd(3)}  p50 ${figures[side].p50.toFixed(2)} ms   p95 ${figures[side].p95.toFixed(2)} ms`);
    }
    console.log(
      `  ratio on/off: p50 ${(figures.on.p50 / figures.off.p50).toFixed(2)}×, p95 ${(figures.on.p95 / figures.off.p95).toFixed(2)}×`,
    );
  } finally {
    for (const gateway of gateways) await gateway.stop();
    await graph.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
