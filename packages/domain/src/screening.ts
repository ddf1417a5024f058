import { type FieldProblem, InvalidInput } from './errors';

/**
 * The screening vote: each expert passes, recommends or eliminates an entry (with a reason),
 * and an entry goes on when a large enough share of its votes are for it.
 */
export const Decision = {
  PASS: 'PASS',
  ELIMINATE: 'ELIMINATE',
  RECOMMEND: 'RECOMMEND',
} as const;
export type Decision = keyof typeof Decision;
export const DECISIONS = Object.values(Decision);

export const EliminationReason = {
  LOW_RELEVANCE: 'LOW_RELEVANCE',
  INELIGIBLE: 'INELIGIBLE',
  INCOMPLETE: 'INCOMPLETE',
  DUPLICATE: 'DUPLICATE',
} as const;
export type EliminationReason = keyof typeof EliminationReason;
export const ELIMINATION_REASONS = Object.values(EliminationReason);

export interface ScreeningRule {
  /** An entry passes when its PASS + RECOMMEND decisions exceed passShare × its cards. */
  passShare: number;
}

/** A strict majority of the screening experts. */
export const DEFAULT_SCREENING_RULE: ScreeningRule = { passShare: 0.5 };

export interface ScreeningCard {
  entryId: string;
  decision: Decision;
  eliminationReason?: EliminationReason | null;
}

export interface ScreeningOutcome {
  entryId: string;
  passed: boolean;
  pass: number;
  recommend: number;
  eliminate: number;
  /** At least one expert recommended it. */
  recommended: boolean;
  /** Distinct reasons from the ELIMINATE cards, sorted; empty when the entry passed. */
  eliminationReasons: EliminationReason[];
}

/** Plain code-unit order, the same on every machine (localeCompare is not). */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One outcome per screened entry, sorted by entryId. A RECOMMEND counts as a pass vote; it
 * is also counted apart, because recommendations break ties later on.
 */
export function screeningOutcomes(cards: readonly ScreeningCard[], rule: ScreeningRule = DEFAULT_SCREENING_RULE): ScreeningOutcome[] {
  const problems: FieldProblem[] = [];
  if (!Number.isFinite(rule.passShare) || rule.passShare < 0 || rule.passShare >= 1) {
    problems.push({ field: 'passShare', message: 'must be at least 0 and below 1' });
  }
  cards.forEach((card, i) => {
    if (!card.entryId) problems.push({ field: `cards[${i}].entryId`, message: 'is required' });
    if (!DECISIONS.includes(card.decision))
      problems.push({ field: `cards[${i}].decision`, message: `must be one of ${DECISIONS.join(', ')}` });
    if (card.eliminationReason != null && !ELIMINATION_REASONS.includes(card.eliminationReason)) {
      problems.push({ field: `cards[${i}].eliminationReason`, message: `must be one of ${ELIMINATION_REASONS.join(', ')}` });
    }
  });
  if (problems.length > 0) throw new InvalidInput(problems);

  const byEntry = new Map<string, ScreeningCard[]>();
  for (const card of cards) byEntry.set(card.entryId, [...(byEntry.get(card.entryId) ?? []), card]);

  return [...byEntry.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([entryId, own]) => {
      const count = (d: Decision) => own.filter((c) => c.decision === d).length;
      const pass = count('PASS');
      const recommend = count('RECOMMEND');
      const eliminate = count('ELIMINATE');
      // Compared with a margin, so that a share such as 0.7 × 10 computed as 7.000…01 or
      // 6.999…9 still means "more than seven".
      const passed = pass + recommend - rule.passShare * own.length > 1e-9;
      const eliminationReasons = passed
        ? []
        : [...new Set(own.filter((c) => c.decision === 'ELIMINATE' && c.eliminationReason).map((c) => c.eliminationReason!))].sort(byText);
      return { entryId, passed, pass, recommend, eliminate, recommended: recommend > 0, eliminationReasons };
    });
}
