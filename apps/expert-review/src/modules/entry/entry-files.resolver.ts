import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Entry } from './entry.entity';
import { EntryFile, type EntryFilesService } from './entry-files';

@Resolver(() => Entry)
export class EntryFilesResolver {
  constructor(private readonly service: EntryFilesService) {}

  @FieldResolver(() => [EntryFile], {
    nullable: true,
    description:
      "The submission's files: for the office, analysts (without download URLs), and an expert assigned to the entry while its round is open, under neutral names in a blind round. Null with FORBIDDEN for anyone else, an expert who stepped back included.",
  })
  attachments(@Root() entry: Entry, @Ctx() ctx: RequestContext): Promise<EntryFile[]> {
    return this.service.of(ctx, entry);
  }
}
