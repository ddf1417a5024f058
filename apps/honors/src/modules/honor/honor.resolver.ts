import { LocalDateResolver } from 'graphql-scalars';
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
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  createUnionType,
  registerEnumType,
} from 'type-graphql';
import type { Repository } from 'typeorm';
import { HonorStatus, RecipientKind, hasRole } from '@meritgraph/domain';
import { type AuditEntry, AuditEntryConnection, Connection, PageArgs, type RequestContext, auditTrail } from '@meritgraph/subgraph-kit';
import { ContestRef, OrganizationRef, PersonRef, SubmissionRef, TeamRef } from '../references/references';
import { AwardType } from '../award/award.entity';
import type { AwardService } from '../award/award.service';
import { Honor, Objection } from './honor.entity';
import type { HonorService } from './honor.service';

const HonorRecipient = createUnionType({
  name: 'HonorRecipient',
  description: 'Who or what an honor is for.',
  // Resolved by class: recipient() returns an instance of the right reference type.
  types: () => [PersonRef, TeamRef, OrganizationRef, SubmissionRef] as const,
});

const RECIPIENT_TYPES: Record<RecipientKind, new () => { id: string }> = {
  PERSON: PersonRef,
  TEAM: TeamRef,
  ORGANIZATION: OrganizationRef,
  SUBMISSION: SubmissionRef,
};

export const HonorConnection = Connection(Honor);

const ObjectionOutcome = { UPHELD: 'UPHELD', DISMISSED: 'DISMISSED' } as const;
registerEnumType(ObjectionOutcome, {
  name: 'ObjectionOutcome',
  description: 'UPHELD withdraws the honor; DISMISSED lets conferral go ahead.',
});

@ArgsType()
class HonorsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  contestId?: string | null;

  @Field(() => Int, { nullable: true, description: 'The contest year.' })
  year?: number | null;

  @Field(() => HonorStatus, { nullable: true })
  status?: HonorStatus | null;

  @Field(() => String, { nullable: true })
  awardTypeCode?: string | null;

  @Field(() => RecipientKind, { nullable: true })
  recipientKind?: RecipientKind | null;

  @Field(() => String, { nullable: true, description: "Words in the recipient's organization name as awarded." })
  organizationName?: string | null;
}

@InputType()
class NominateHonorInput {
  @Field(() => ID)
  contestId: string;

  @Field(() => String)
  awardTypeCode: string;

  @Field(() => RecipientKind, { nullable: true, description: "Checked against the award type's recipient kind when given." })
  recipientKind?: RecipientKind | null;

  @Field(() => ID, { description: 'A person, team, organization or submission, as the award type requires.' })
  recipientId: string;

  @Field(() => String, { nullable: true })
  citation?: string | null;
}

@InputType()
class ConferralInput {
  @Field(() => String, { description: 'The decision that confers the honors, e.g. 沪工总〔2020〕1号.' })
  decisionNumber: string;

  @Field(() => LocalDateResolver)
  conferredOn: string;

  @Field(() => String, { nullable: true })
  ceremony?: string | null;

  @Field(() => String, { nullable: true, description: 'For a single honor; numbered automatically when absent.' })
  certificateNumber?: string | null;
}

@InputType()
class ObjectionInput {
  @Field(() => ID)
  honorId: string;

  @Field(() => String)
  text: string;

  @Field(() => String, { description: 'How the office can reach you; only the office sees it.' })
  contact: string;
}

@ObjectType({ description: 'How many honors of a type are in one status.' })
class HonorCount {
  @Field(() => AwardType, { nullable: true })
  awardType: AwardType | null;

  @Field(() => HonorStatus)
  status: HonorStatus;

  @Field(() => Int)
  count: number;
}

@Resolver(() => Honor)
export class HonorResolver {
  constructor(
    private readonly service: HonorService,
    private readonly awards: AwardService,
    private readonly audit: Repository<AuditEntry>,
  ) {}

  @Query(() => Honor, { nullable: true })
  honor(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Honor | null> {
    return this.service.load(ctx, id);
  }

  @Query(() => HonorConnection, {
    description:
      'Honor records by award type and recipient name: the public ones (announced, conferred, revoked) unless the caller reads everything.',
  })
  honors(@Args(() => HonorsArgs) args: HonorsArgs, @Ctx() ctx: RequestContext) {
    return new HonorConnection(this.service.list(ctx.identity, args, args));
  }

  @FieldResolver(() => HonorRecipient, { nullable: true })
  recipient(@Root() honor: Honor) {
    return Object.assign(new RECIPIENT_TYPES[honor.recipientKind](), { id: honor.recipientId });
  }

  @FieldResolver(() => ContestRef, { nullable: true })
  contest(@Root() honor: Honor): ContestRef {
    return { id: honor.contestId };
  }

  @FieldResolver(() => AwardType, { nullable: true })
  awardType(@Root() honor: Honor, @Ctx() ctx: RequestContext): Promise<AwardType | null> {
    return this.awards.type(ctx, honor.awardTypeCode);
  }

  @FieldResolver(() => [Objection], { nullable: true, description: 'Objections filed in the announcement window (office and analysts).' })
  objections(@Root() honor: Honor, @Ctx() ctx: RequestContext): Promise<Objection[]> {
    return this.service.objections(ctx, honor.id);
  }

  @FieldResolver(() => AuditEntryConnection, {
    nullable: true,
    description: 'Every transition, with who, when and why (office and analysts).',
  })
  auditTrail(@Root() honor: Honor, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return new AuditEntryConnection(auditTrail(ctx, this.audit, honor.id, args));
  }

  @Authorized('ADMIN', 'ORGANIZER')
  @Mutation(() => Honor, {
    description: 'Nominates a recipient: the office anywhere, a union within its own subtree. Up to 120% of the quota.',
  })
  nominateHonor(@Arg('input', () => NominateHonorInput) input: NominateHonorInput, @Ctx() ctx: RequestContext): Promise<Honor> {
    return this.service.nominate(ctx.identity, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => [Honor], {
    description: '拟授予: proposes nominated honors, taking the recipients’ names as awarded; never beyond the quota. All or nothing.',
  })
  proposeHonors(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: RequestContext): Promise<Honor[]> {
    return this.service.propose(ctx.identity, ids);
  }

  @Authorized('ADMIN')
  @Mutation(() => [Honor], { description: 'Nominates and proposes every achievement a final round found EXCELLENT. All or nothing.' })
  proposeExcellentAchievements(@Arg('roundId', () => ID) roundId: string, @Ctx() ctx: RequestContext): Promise<Honor[]> {
    return this.service.proposeExcellent(ctx.identity, roundId);
  }

  @Authorized('ADMIN')
  @Mutation(() => [Honor], { description: '公示: announces proposed honors, opening 5 working days for objections. All or nothing.' })
  announceHonors(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: RequestContext): Promise<Honor[]> {
    return this.service.announce(ctx.identity, ids);
  }

  @Authorized('ADMIN')
  @Mutation(() => [Honor], { description: 'Confers announced honors whose window has closed with no open objection. All or nothing.' })
  conferHonors(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('input', () => ConferralInput) input: ConferralInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Honor[]> {
    return this.service.confer(ctx.identity, ids, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Honor, { description: 'Withdraws an honor before conferral, with a reason.' })
  withdrawHonor(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: RequestContext): Promise<Honor> {
    return this.service.end(ctx.identity, id, 'WITHDRAWN', reason);
  }

  @Authorized('ADMIN')
  @Mutation(() => Honor, { description: 'Revokes a conferred honor, with a reason.' })
  revokeHonor(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: RequestContext): Promise<Honor> {
    return this.service.end(ctx.identity, id, 'REVOKED', reason);
  }

  @Authorized()
  @Mutation(() => Objection, { description: 'Objects to an announced honor while its window is open (anyone signed in).' })
  fileObjection(@Arg('input', () => ObjectionInput) input: ObjectionInput, @Ctx() ctx: RequestContext): Promise<Objection> {
    return this.service.object(ctx.identity, input.honorId, input.text, input.contact);
  }

  @Authorized('ADMIN')
  @Mutation(() => Objection, { description: 'Resolves an objection: UPHELD withdraws the honor, DISMISSED lets it be conferred.' })
  resolveObjection(
    @Arg('id', () => ID) id: string,
    @Arg('outcome', () => ObjectionOutcome) outcome: keyof typeof ObjectionOutcome,
    @Arg('resolution', () => String) resolution: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Objection> {
    return this.service.resolveObjection(ctx.identity, id, outcome, resolution);
  }
}

@Resolver(() => Objection)
export class ObjectionResolver {
  @FieldResolver(() => String, { nullable: true, description: "The objector's contact (the office only)." })
  contact(@Root() objection: Objection, @Ctx() ctx: RequestContext): string | null {
    return hasRole(ctx.identity, 'ADMIN') ? objection.contact : null;
  }
}

/** `honors` on every kind of recipient, each batched across the request. */
function recipientHonors(kind: RecipientKind, Ref: new () => { id: string }, description: string) {
  @Resolver(() => Ref)
  class RecipientHonorsResolver {
    constructor(readonly service: HonorService) {}

    @FieldResolver(() => [Honor], { nullable: true, description })
    honors(@Root() recipient: { id: string }, @Ctx() ctx: RequestContext): Promise<Honor[]> {
      return this.service.forRecipient(ctx, kind, recipient.id);
    }
  }
  return RecipientHonorsResolver;
}

export const SubmissionHonorsResolver = recipientHonors('SUBMISSION', SubmissionRef, 'Honors this achievement received.');
export const OrganizationHonorsResolver = recipientHonors('ORGANIZATION', OrganizationRef, 'Honors this organization received.');
export const PersonHonorsResolver = recipientHonors('PERSON', PersonRef, 'Honors this person received.');
export const TeamHonorsResolver = recipientHonors('TEAM', TeamRef, 'Honors this team received.');

@ObjectType({ description: 'A contest’s honors at a glance.' })
class HonorsSummary {
  contestId: string;

  @Field(() => [HonorCount], { description: 'Per award type and status; public records only unless the caller reads everything.' })
  counts: HonorCount[];
}

@Resolver(() => ContestRef)
export class ContestHonorsResolver {
  constructor(
    private readonly service: HonorService,
    private readonly awards: AwardService,
  ) {}

  @FieldResolver(() => HonorsSummary, { nullable: true })
  async honorsSummary(@Root() contest: ContestRef, @Ctx() ctx: RequestContext): Promise<HonorsSummary> {
    const counts = await this.service.summary(ctx, contest.id);
    return {
      contestId: contest.id,
      counts: await Promise.all(
        counts.map(async (c) => ({ awardType: await this.awards.type(ctx, c.awardTypeCode), status: c.status, count: c.count })),
      ),
    };
  }
}

export { HonorsSummary };
