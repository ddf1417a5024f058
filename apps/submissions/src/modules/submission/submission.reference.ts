import type { ReferenceResolvers, RequestContext } from '@meritgraph/subgraph-kit';
import type { SubmissionService } from './submission.service';

export const submissionReference = (submissions: SubmissionService): ReferenceResolvers => ({
  Submission: {
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => submissions.loadVisible(ctx, ref.id),
  },
});
