import type { ReferenceResolvers, RequestContext } from '@meritgraph/subgraph-kit';
import type { OrganizationService } from './organization.service';

export const organizationReference = (organizations: OrganizationService): ReferenceResolvers => ({
  Organization: {
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => organizations.load(ctx, ref.id),
  },
});
