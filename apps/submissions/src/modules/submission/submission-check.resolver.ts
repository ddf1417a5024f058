import { FieldResolver, Resolver, Root } from 'type-graphql';
import { OrganizationRef } from '../references/references';
import { SubmissionCheck } from './submission-check.entity';

@Resolver(() => SubmissionCheck)
export class SubmissionCheckResolver {
  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description: 'The acting union (for RESUBMITTED, the unit that resubmitted); null when the office acted.',
  })
  organization(@Root() check: SubmissionCheck): OrganizationRef | null {
    return check.organizationId ? { id: check.organizationId } : null;
  }
}
