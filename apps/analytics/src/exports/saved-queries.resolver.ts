import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { CubeQueryInput, SavedCubeQueryType } from './export.types';
import type { SavedQueriesService } from './saved-queries.service';

@Resolver(() => SavedCubeQueryType)
export class SavedQueriesResolver {
  constructor(private readonly saved: SavedQueriesService) {}

  @Query(() => [SavedCubeQueryType], { description: 'The saved cube queries, by name; the office and analysts (FORBIDDEN to others).' })
  savedCubeQueries(@Ctx() ctx: RequestContext): Promise<SavedCubeQueryType[]> {
    return this.saved.list(ctx.identity);
  }

  @Authorized('ADMIN', 'ANALYST')
  @Mutation(() => SavedCubeQueryType, {
    description:
      'Keeps a cube query under a name (1 to 60 of a-z, 0-9, -) to export its cells again (ExportList SAVED_CUBE); the office and analysts. ALREADY_EXISTS for a name in use; BAD_USER_INPUT names what the cube would refuse.',
  })
  saveCubeQuery(
    @Ctx() ctx: RequestContext,
    @Arg('name', () => String, { description: 'Its name: 1 to 60 of a-z, 0-9 and -.' }) name: string,
    @Arg('query', () => CubeQueryInput, { description: 'The cube’s arguments, as `cube` takes them.' }) query: CubeQueryInput,
  ): Promise<SavedCubeQueryType> {
    return this.saved.save(ctx.identity, name, query);
  }

  @Authorized('ADMIN', 'ANALYST')
  @Mutation(() => SavedCubeQueryType, {
    description: 'Deletes a saved cube query and answers it as it was: the office any, an analyst its own; NOT_FOUND for an unknown name.',
  })
  deleteCubeQuery(
    @Ctx() ctx: RequestContext,
    @Arg('name', () => String, { description: 'The saved query’s name.' }) name: string,
  ): Promise<SavedCubeQueryType> {
    return this.saved.delete(ctx.identity, name);
  }
}
