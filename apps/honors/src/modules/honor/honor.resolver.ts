import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  Query,
  Resolver,
  Root,
  createUnionType,
} from 'type-graphql';
import { HonorStatus, RecipientKind } from '@meritgraph/domain';
import { Connection, PageArgs, type RequestContext } from '@meritgraph/subgraph-kit';
import { ContestRef, OrganizationRef, SubmissionRef } from '../references/references';
import { Honor } from './honor.entity';
import { HonorService } from './honor.service';

const HonorRecipient = createUnionType({
  name: 'HonorRecipient',
  description: 'Who or what an honor is for.',
  // Resolved by class: recipient() returns an instance of the right reference type.
  types: () => [OrganizationRef, SubmissionRef] as const,
});

export const HonorConnection = Connection(Honor);

@ArgsType()
class HonorsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  contestId?: string | null;

  @Field(() => HonorStatus, { nullable: true })
  status?: HonorStatus | null;

  @Field(() => String, { nullable: true })
  awardTypeCode?: string | null;
}

@InputType()
class NominateHonorInput {
  @Field(() => ID)
  contestId: string;

  @Field(() => String)
  awardTypeCode: string;

  @Field(() => RecipientKind)
  recipientKind: RecipientKind;

  @Field(() => ID)
  recipientId: string;

  @Field(() => String, { description: "The recipient's name as it will appear on the honor." })
  recipientName: string;

  @Field(() => String, { nullable: true })
  citation?: string | null;
}

const RECIPIENT_TYPES: Partial<Record<RecipientKind, new () => { id: string }>> = {
  ORGANIZATION: OrganizationRef,
  SUBMISSION: SubmissionRef,
};

@Resolver(() => Honor)
export class HonorResolver {
  constructor(private readonly service: HonorService) {}

  @Query(() => Honor, { nullable: true })
  honor(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Honor | null> {
    return this.service.load(ctx, id);
  }

  @Query(() => HonorConnection, { description: 'Honor records: the public ones (announced, conferred, revoked) unless the caller reads everything.' })
  honors(@Args(() => HonorsArgs) args: HonorsArgs, @Ctx() ctx: RequestContext) {
    return new HonorConnection(this.service.list(ctx.identity, args, args));
  }

  @FieldResolver(() => HonorRecipient, { nullable: true })
  recipient(@Root() honor: Honor) {
    const Type = RECIPIENT_TYPES[honor.recipientKind];
    return Type ? Object.assign(new Type(), { id: honor.recipientId }) : null;
  }

  @FieldResolver(() => ContestRef, { nullable: true })
  contest(@Root() honor: Honor): ContestRef {
    return { id: honor.contestId };
  }

  @Authorized('ADMIN')
  @Mutation(() => Honor, { description: 'Nominates a recipient for an award type in a contest.' })
  nominateHonor(@Arg('input', () => NominateHonorInput) input: NominateHonorInput): Promise<Honor> {
    return this.service.nominate(input);
  }
}

@Resolver(() => SubmissionRef)
export class SubmissionHonorsResolver {
  constructor(private readonly service: HonorService) {}

  @FieldResolver(() => [Honor], { nullable: true, description: 'Honors this achievement received in its contest.' })
  honors(@Root() submission: SubmissionRef, @Ctx() ctx: RequestContext): Promise<Honor[]> {
    return this.service.forRecipient(ctx, 'SUBMISSION', submission.id);
  }
}

@Resolver(() => OrganizationRef)
export class OrganizationHonorsResolver {
  constructor(private readonly service: HonorService) {}

  @FieldResolver(() => [Honor], { nullable: true, description: 'Honors this organization received.' })
  honors(@Root() organization: OrganizationRef, @Ctx() ctx: RequestContext): Promise<Honor[]> {
    return this.service.forRecipient(ctx, 'ORGANIZATION', organization.id);
  }
}
