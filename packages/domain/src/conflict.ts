/**
 * Conflict of interest between an expert and an entry under review. The round decides from
 * the entry's snapshot, so a later reorganization or team change does not quietly turn a
 * conflicted review into a clean one.
 */
export const ConflictReason = {
  SAME_ORGANIZATION: 'SAME_ORGANIZATION',
  RELATED_ORGANIZATION: 'RELATED_ORGANIZATION',
  TEAM_MEMBER: 'TEAM_MEMBER',
  DECLARED: 'DECLARED',
} as const;
export type ConflictReason = keyof typeof ConflictReason;

export interface ConflictExpert {
  id: string;
  personId: string;
  /** The organization the expert works for. */
  affiliationId: string;
}

/**
 * What the round knows about an entry (its snapshot): the submitting organization, that
 * organization's ancestors and descendants, and the people on it (leader and team members).
 */
export interface ConflictEntry {
  id: string;
  organizationId: string;
  ancestorIds: readonly string[];
  descendantIds: readonly string[];
  personIds: readonly string[];
}

/**
 * Every reason the expert conflicts with the entry (empty = no conflict), most specific first
 * (in the order of ConflictReason). `declared` = the expert declared a conflict on this entry.
 * The organization rule follows the line of control: a parent gains from its unit's honor and
 * a unit answers to its parent, whereas siblings under one parent are competitors, not allies.
 */
export function conflictsOf(expert: ConflictExpert, entry: ConflictEntry, declared = false): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  const affiliation = expert.affiliationId;
  if (affiliation === entry.organizationId) reasons.push(ConflictReason.SAME_ORGANIZATION);
  else if (entry.ancestorIds.includes(affiliation) || entry.descendantIds.includes(affiliation))
    reasons.push(ConflictReason.RELATED_ORGANIZATION);
  if (entry.personIds.includes(expert.personId)) reasons.push(ConflictReason.TEAM_MEMBER);
  if (declared) reasons.push(ConflictReason.DECLARED);
  return reasons;
}

/** Whether the expert may not review the entry. */
export const hasConflict = (expert: ConflictExpert, entry: ConflictEntry, declared = false): boolean =>
  conflictsOf(expert, entry, declared).length > 0;
