import { Arg, Ctx, ID, Query, Resolver, Directive } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import type { EntryService } from '../entry/entry.service';
import type { ResultComputationService } from './result-computation.service';
import { ResultPreview } from './result.types';

@Resolver()
export class ResultPreviewResolver {
  constructor(
    private readonly computation: ResultComputationService,
    private readonly entries: EntryService,
  ) {}

  // Computes a whole round: every scorecard, aggregated and ranked.
  @Directive('@cost(weight: 100)')
  @Query(() => ResultPreview, { nullable: true, description: 'The results a round would have if finalized now (the office).' })
  async reviewRoundPreview(
    @Arg('id', () => ID, {
      description: 'Any round past DRAFT (ROUND_NOT_OPEN for a DRAFT round); the office only, FORBIDDEN for anyone else.',
    })
    id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ResultPreview> {
    const preview = await this.computation.preview(ctx, id);
    const entry = async (entryId: string) => (await this.entries.find(ctx, entryId))!;
    const order = new Map(preview.groups.map((g, i) => [g.code, i]));
    const results = [...preview.results].sort(
      (a, b) =>
        (order.get(a.groupCode ?? '') ?? 1e9) - (order.get(b.groupCode ?? '') ?? 1e9) ||
        (a.rank ?? 1e9) - (b.rank ?? 1e9) ||
        a.entryId.localeCompare(b.entryId),
    );
    return {
      round: preview.round,
      results,
      groups: preview.groups,
      ties: await Promise.all(preview.ties.map(async (t) => ({ ...t, entries: await Promise.all(t.entryIds.map(entry)) }))),
      problems: await Promise.all(
        preview.problems.map(async (p) => ({
          entry: p.entryId ? await entry(p.entryId) : null,
          groupCode: p.groupCode ?? null,
          message: p.message,
        })),
      ),
      finalizable: preview.ties.length === 0 && preview.problems.length === 0,
    };
  }
}
