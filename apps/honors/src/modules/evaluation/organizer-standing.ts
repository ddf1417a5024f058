import type { EntityManager } from 'typeorm';
import { DomainError, type EvaluationScores, rankOrganizers } from '@meritgraph/domain';
import { OrganizerEvaluation } from './evaluation.entity';
import { OrganizerTieDecision } from './tie-decision.entity';

/** A contest's organizing units ranked for `places` places, with the office's tie decision applied where it fits. */
export async function organizerStanding(em: EntityManager, contestId: string, places: number) {
  const rows = await em.find(OrganizerEvaluation, { where: { contestId }, order: { organizationId: 'ASC' } });
  const decision = await em.findOneBy(OrganizerTieDecision, { contestId });
  const standing = rankOrganizers(
    rows.map((r) => Object.assign(r, { scores: r as EvaluationScores })),
    places,
    decision,
  );
  return { ...standing, decision: standing.decided ? decision : null };
}

/** Refuses 优秀组织奖 for a contest while its organizing units tie across the line of its quota. */
export async function assertNoOrganizerTie(em: EntityManager, contestId: string, places: number): Promise<void> {
  const { tie, decided } = await organizerStanding(em, contestId, places);
  if (tie && !decided)
    throw new DomainError(
      'ORGANIZER_TIE_UNRESOLVED',
      `${tie.organizationIds.length} organizing units share rank ${tie.rank} for the ${tie.seatsLeft} places left of ${places}; the office decides which take them first`,
      'ids',
      { tie: { ...tie, places } },
    );
}
