import { changeFeed } from '@meritgraph/subgraph-kit';
import { AwardQuota, AwardType } from './modules/award/award.entity';
import { OrganizerEvaluation } from './modules/evaluation/evaluation.entity';
import { Honor } from './modules/honor/honor.entity';
import { PriorHonor } from './modules/prior/prior.entity';

/** What the change feed carries of each record: statuses, recipients as awarded, and figures; no objector's contact. */
export const feed = changeFeed({
  AwardType: { entity: AwardType, key: 'code' },
  AwardQuota: { entity: AwardQuota },
  Honor: {
    entity: Honor,
    state: (h: Honor) => ({
      id: h.id,
      contestId: h.contestId,
      year: h.year,
      awardTypeCode: h.awardTypeCode,
      recipientKind: h.recipientKind,
      recipientId: h.recipientId,
      recipientName: h.recipientName,
      organizationId: h.organizationId,
      organizationName: h.organizationName,
      status: h.status,
      nominatedByOrg: h.nominatedByOrg,
      createdAt: h.createdAt,
      proposedAt: h.proposedAt,
      announcedAt: h.announcedAt,
      objectionsCloseAt: h.objectionsCloseAt,
      conferredOn: h.conferredOn,
      certificateNumber: h.certificateNumber,
      revokedAt: h.revokedAt,
    }),
  },
  OrganizerEvaluation: {
    entity: OrganizerEvaluation,
    state: ({ comment: _comment, ...evaluation }: OrganizerEvaluation) => evaluation,
  },
  PriorHonor: {
    entity: PriorHonor,
    // The proof, its file and its pending upload are the unit's documents, not figures.
    state: ({ evidence: _evidence, evidenceFile: _file, evidenceUpload: _upload, ...prior }: PriorHonor) => prior,
  },
});
