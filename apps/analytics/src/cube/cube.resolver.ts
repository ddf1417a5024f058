import { Arg, Ctx, Directive, Field, FieldResolver, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { withRange, type RequestContext } from '@meritgraph/subgraph-kit';
import { CubeFilter, CubeOrder, CubeResult, MeasureInput } from './cube.types';
import { CUBE_FIRST_DEFAULT, CUBE_FIRST_MAX, type CubeService } from './cube.service';
import { CubeDimension, CubeFact } from './model';

/** The analytics read model's questions, under one root field. */
@ObjectType({
  description:
    'Dimensional questions over a read model of the four contexts, fed by their change feeds: the transactional subgraphs never answer them.',
})
export class Analytics {
  @Field(() => Boolean, { description: 'Always true: the namespace of the analytics questions.' })
  ok: boolean;
}

@Resolver(() => Analytics)
export class CubeResolver {
  constructor(private readonly cubes: CubeService) {}

  @Query(() => Analytics, { description: 'Ad-hoc analytics: cubes, score distributions, judge harshness, agreement, series.' })
  analytics(): Analytics {
    return { ok: true };
  }

  @FieldResolver(() => CubeResult, {
    nullable: true,
    description:
      'Counts a fact grouped by dimensions, with the measures asked for, within what the caller may see: the office and analysts everything (analysts: scorecards of finalized rounds), a union its subtree, anyone else what is public. Null with its error when refused (the query’s other fields still answer): BAD_USER_INPUT names a dimension or field the fact lacks; FORBIDDEN where the caller may not count the fact.',
  })
  @Directive(`@cost(weight: 50)`)
  @Directive(`@listSize(slicingArguments: ["first"], sizedFields: ["cells"])`)
  cube(
    @Ctx() ctx: RequestContext,
    @Arg('fact', () => CubeFact, { description: 'What to count.' }) fact: CubeFact,
    @Arg('measures', () => [MeasureInput], { description: 'The figures to take of each group, 1 to 12.' }) measures: MeasureInput[],
    @Arg('groupBy', () => [CubeDimension], { nullable: true, description: 'Up to 4 dimensions; none gives one cell of everything.' })
    groupBy?: CubeDimension[] | null,
    @Arg('filter', () => CubeFilter, { nullable: true, description: 'Which records; all the caller may see when absent.' })
    filter?: CubeFilter | null,
    @Arg('orderBy', () => [CubeOrder], { nullable: true, description: 'The cells’ order; by the groups’ values when absent.' })
    orderBy?: CubeOrder[] | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: withRange(`Cells to return (default ${CUBE_FIRST_DEFAULT}); the cost grows with it.`, 1, CUBE_FIRST_MAX),
    })
    first?: number | null,
  ): Promise<CubeResult> {
    return this.cubes.cube(ctx.identity, { fact, measures, groupBy, filter, orderBy, first });
  }
}
