import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { Objection } from './honor.entity';
import type { HonorObjectionService } from './honor-objection.service';
import { ObjectionInput, ObjectionOutcome, RecordObjectionInput } from './honor.types';

@Resolver(() => Objection)
export class HonorObjectionResolver {
  constructor(private readonly objections: HonorObjectionService) {}

  @Authorized()
  @Mutation(() => Objection, { description: 'Objects to an announced honor while its window is open (anyone signed in).' })
  fileObjection(
    @Arg('input', () => ObjectionInput, { description: 'The honor, what is wrong and how to reach the objector.' }) input: ObjectionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Objection> {
    return this.objections.object(ctx.identity, input.honorId, input.text, input.contact);
  }

  @Authorized('ADMIN')
  @Mutation(() => Objection, {
    description:
      'Records an objection the office received by letter, phone or email within the window; it blocks conferral until resolved.',
  })
  recordObjection(
    @Arg('input', () => RecordObjectionInput, { description: 'The honor, the channel, the day received and the objector.' })
    input: RecordObjectionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Objection> {
    return this.objections.record(ctx.identity, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Objection, { description: 'Resolves an objection: UPHELD withdraws the honor, DISMISSED lets it be conferred.' })
  resolveObjection(
    @Arg('id', () => ID, { description: 'An OPEN objection.' }) id: string,
    @Arg('outcome', () => ObjectionOutcome, { description: 'Whether the objection is founded.' }) outcome: ObjectionOutcome,
    @Arg('resolution', () => String, { description: 'The office’s finding; 4 to 1000 characters.' }) resolution: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Objection> {
    return this.objections.resolve(ctx.identity, id, outcome, resolution);
  }
}
