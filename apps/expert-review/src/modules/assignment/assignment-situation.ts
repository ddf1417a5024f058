import type { EntityManager } from 'typeorm';
import { type ConflictEntry, DomainError, ErrorCode, conflictsOf } from '@meritgraph/domain';
import { ReviewRound } from '../round/round.entity';
import type { RoundService } from '../round/round.service';
import type { PanelService } from '../panel/panel.service';
import type { EntryService } from '../entry/entry.service';
import { Entry } from '../entry/entry.entity';
import type { Expert } from '../expert/expert.entity';
import { Assignment } from './assignment.entity';

/** Everything a round's assignment rules are judged on, read in one transaction. */
export interface Situation {
  round: ReviewRound;
  entries: Map<string, Entry>;
  facts: Map<string, ConflictEntry>;
  /** Per track id: the experts of the panel covering it (panel rounds only). */
  panelOf: Map<string, { panelId: string; memberIds: string[] }> | null;
  assignments: Assignment[];
  /** `${expertId}|${submissionId}` an expert declared a conflict on, in any round of the contest. */
  declared: Set<string>;
}

/**
 * Keys for the planner that do not change from round to round: reference numbers, unique in a
 * contest (the submission id settles a repeat, which a contest never has).
 */
export function plannerKeys(entries: readonly Entry[]): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const e of [...entries].sort((a, b) => (a.submissionId < b.submissionId ? -1 : a.submissionId > b.submissionId ? 1 : 0))) {
    let key = e.referenceNumber || e.submissionId;
    if (used.has(key)) key = `${key}|${e.submissionId}`;
    used.add(key);
    keys.set(e.id, key);
  }
  return keys;
}

/** The services a situation is read from. */
export interface SituationSources {
  rounds: Pick<RoundService, 'judged'>;
  entries: Pick<EntryService, 'conflictFacts'>;
  panels: Pick<PanelService, 'ofRound'>;
}

/** A round's situation, read inside `em`. The round is locked first, so that changes to its assignments are judged one at a time. */
export async function readSituation(em: EntityManager, roundId: string, sources: SituationSources): Promise<Situation> {
  const { round } = await sources.rounds.judged(em, roundId, 'roundId', true);
  const { entries, facts } = await sources.entries.conflictFacts(em, roundId);
  const panels = await sources.panels.ofRound(em, roundId);
  const panelOf = panels.length ? new Map<string, { panelId: string; memberIds: string[] }>() : null;
  for (const { panel, memberIds } of panels) for (const t of panel.trackIds) panelOf!.set(t, { panelId: panel.id, memberIds });
  const assignments = await em.find(Assignment, { where: { roundId }, order: { id: 'ASC' } });
  const declaredRows: { expertId: string; submissionId: string }[] = await em
    .createQueryBuilder(Assignment, 'a')
    .innerJoin(Entry, 'e', 'e.id = a.entry_id')
    .innerJoin(ReviewRound, 'r', 'r.id = a.round_id')
    .select('a.expert_id', 'expertId')
    .addSelect('e.submission_id', 'submissionId')
    .where('a.status = :declared AND r.contest_id = :contestId', { declared: 'CONFLICT_DECLARED', contestId: round.contestId })
    .getRawMany();
  return {
    round,
    entries: new Map(entries.map((e) => [e.id, e])),
    facts,
    panelOf,
    assignments,
    declared: new Set(declaredRows.map((d) => `${d.expertId}|${d.submissionId}`)),
  };
}

/** Why `expert` may not review `entry` in this round, as the coded refusal a manual change gets; null when it may. */
export function refusalOf(s: Situation, expert: Expert, entry: Entry): DomainError | null {
  if (!expert.active) return new DomainError('EXPERT_INACTIVE', 'The expert is inactive', 'expertId');
  if (s.panelOf) {
    const panel = s.panelOf.get(entry.trackId);
    if (!panel || !panel.memberIds.includes(expert.id)) {
      return new DomainError('NOT_ON_PANEL', `The expert is not on the panel that judges track ${entry.trackCode}`, 'expertId');
    }
  } else if (!expert.expertise.includes(entry.trackCode)) {
    return new DomainError(
      'EXPERTISE_MISMATCH',
      `The expert does not judge track ${entry.trackCode} (expertise: ${expert.expertise.join(', ')})`,
      'expertId',
    );
  }
  const declared = s.declared.has(`${expert.id}|${entry.submissionId}`);
  const reasons = conflictsOf(expert, s.facts.get(entry.id)!, declared);
  if (reasons.length) {
    return new DomainError(
      'CONFLICT_OF_INTEREST',
      `The expert has a conflict of interest with this entry (${reasons.join(', ')})`,
      'expertId',
      { reasons },
    );
  }
  const existing = s.assignments.find((a) => a.entryId === entry.id && a.expertId === expert.id);
  if (existing?.status === 'ASSIGNED')
    return new DomainError(ErrorCode.ALREADY_EXISTS, 'The expert is already assigned to this entry', 'expertId');
  if (existing) return new DomainError('ASSIGNMENT_DECLINED', 'The expert declined this entry earlier', 'expertId');
  return null;
}
