import { Arg, Ctx, Directive, FieldResolver, ID, Int, Resolver } from 'type-graphql';
import { type RequestContext, withRange } from '@meritgraph/subgraph-kit';
import { Analytics } from '../cube/cube.resolver';
import { EXPORT_FIRST_DEFAULT, EXPORT_FIRST_MAX, type ExportService } from './export.service';
import { ExportList, ExportTable } from './export.types';

@Resolver(() => Analytics)
export class ExportResolver {
  constructor(private readonly exports: ExportService) {}

  @FieldResolver(() => ExportTable, {
    description:
      'One page of an exported list, from the read model (never the transactional subgraphs), in a stable order: pass endCursor as `after` for the next. Within the cubes’ access rules: lists of records need access to the records one by one (SCORECARDS: the office and analysts, finalized rounds only, else ROUND_NOT_FINALIZED), a union reads its subtree, the public public records only; the registers (ORGANIZATIONS, EXPERTS: the office and analysts; PEOPLE: the office only) take no contest or round; FORBIDDEN otherwise. BAD_USER_INPUT names a missing, unknown or inapplicable contest, round, group or name, and a bad first or after.',
  })
  @Directive('@cost(weight: 50)')
  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["rows"], requireOneSlicingArgument: false)')
  table(
    @Ctx() ctx: RequestContext,
    @Arg('list', () => ExportList, { description: 'Which list.' }) list: ExportList,
    @Arg('contest', () => ID, {
      nullable: true,
      description: 'The contest (SUBMISSIONS, ANNOUNCED_HONORS, CONFERRAL_LIST, ORGANIZER_RANKING).',
    })
    contest?: string | null,
    @Arg('round', () => ID, { nullable: true, description: 'The review round (LEADERBOARD, SCORECARDS).' }) round?: string | null,
    @Arg('group', () => String, { nullable: true, description: 'Only this quota group (LEADERBOARD).' }) group?: string | null,
    @Arg('name', () => String, { nullable: true, description: 'The saved cube query (SAVED_CUBE).' }) name?: string | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: withRange(`Rows of this page (default ${EXPORT_FIRST_DEFAULT}); the cost grows with it.`, 1, EXPORT_FIRST_MAX),
    })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page of this same list and arguments.' })
    after?: string | null,
  ): Promise<ExportTable> {
    return this.exports.table(ctx.identity, { list, contest, round, group, name, first, after });
  }
}
