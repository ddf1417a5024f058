import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RecipientKind } from '@meritgraph/domain';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { OrganizationRef, PersonRef, SubmissionRef, TeamRef } from '../references/references';
import { Honor } from './honor.entity';
import type { HonorReadService } from './honor-read.service';

/** `honors` on every kind of recipient, each batched across the request. */
function recipientHonors(kind: RecipientKind, Ref: new () => { id: string }, description: string) {
  @Resolver(() => Ref)
  class RecipientHonorsResolver {
    constructor(readonly read: HonorReadService) {}

    @FieldResolver(() => [Honor], { nullable: true, description })
    honors(@Root() recipient: { id: string }, @Ctx() ctx: RequestContext): Promise<Honor[]> {
      return this.read.forRecipient(ctx, kind, recipient.id);
    }
  }
  return RecipientHonorsResolver;
}

export const SubmissionHonorsResolver = recipientHonors('SUBMISSION', SubmissionRef, 'Honors this achievement received.');
export const OrganizationHonorsResolver = recipientHonors('ORGANIZATION', OrganizationRef, 'Honors this organization received.');
export const PersonHonorsResolver = recipientHonors('PERSON', PersonRef, 'Honors this person received.');
export const TeamHonorsResolver = recipientHonors('TEAM', TeamRef, 'Honors this team received.');
