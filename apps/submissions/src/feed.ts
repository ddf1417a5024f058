import { changeFeed } from '@meritgraph/subgraph-kit';
import { SubmissionCheck } from './modules/submission/submission-check.entity';
import { Submission } from './modules/submission/submission.entity';

/**
 * What the change feed carries of a submission: where it stands and whose it is, not its texts
 * or files; and each step of its checks (who took which, when), without the reason.
 */
export const feed = changeFeed({
  Submission: {
    entity: Submission,
    state: (s: Submission) => ({
      id: s.id,
      contestId: s.contestId,
      trackId: s.trackId,
      organizationId: s.organizationId,
      referenceNumber: s.referenceNumber,
      title: s.title,
      achievementKind: s.achievementKind,
      leaderId: s.leaderId,
      teamSize: s.teamMemberIds.length,
      status: s.status,
      createdAt: s.createdAt,
      submittedAt: s.submittedAt,
      withdrawnAt: s.withdrawnAt,
    }),
  },
  SubmissionCheck: {
    entity: SubmissionCheck,
    state: (c: SubmissionCheck) => ({
      id: c.id,
      submissionId: c.submissionId,
      step: c.step,
      actor: c.actor,
      organizationId: c.organizationId,
      at: c.at,
    }),
  },
});
