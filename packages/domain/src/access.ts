import { DomainError, ErrorCode } from './errors';
import type { ContestStatus, HonorStatus, RoundStatus } from './model';
import { PUBLIC_HONOR_STATUSES } from './model';

/** The roles a verified token may carry (DESIGN §1). */
export const ROLES = ['ADMIN', 'ORGANIZER', 'SUBMITTER', 'EXPERT', 'ANALYST', 'AGENCY'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking. Anonymous callers have no roles and no subject. */
export interface Identity {
  /** Person id. */
  sub?: string;
  roles: readonly Role[];
  /** Organization id of a submitter or organizer. */
  org?: string;
  /** Expert id of an expert. */
  expert?: string;
  /** A subgraph acting on its own behalf, to read facts it needs from their owner. */
  service?: string;
}

export const ANONYMOUS: Identity = Object.freeze({ roles: Object.freeze([]) as readonly Role[] });

export const hasRole = (identity: Identity, ...roles: Role[]): boolean => roles.some((r) => identity.roles.includes(r));

export const isAuthenticated = (identity: Identity): boolean => identity.roles.length > 0 || !!identity.service;

/**
 * The refusal for anything a caller may not see or do. It says nothing about the object, so
 * "exists but forbidden" and "does not exist" read the same to a caller who may not know.
 */
export const forbidden = (field?: string): DomainError => new DomainError(ErrorCode.FORBIDDEN, 'Not allowed', field);

/** Callers who read every record (except personal contact data and unpublished scorecards). */
export const readsEverything = (identity: Identity): boolean => !!identity.service || hasRole(identity, 'ADMIN', 'ANALYST');

/** A person's phone and email: the contest office and the person. */
export const canSeeContactData = (identity: Identity, personId: string): boolean =>
  hasRole(identity, 'ADMIN') || !!identity.service || (identity.sub !== undefined && identity.sub === personId);

/** A contest is public once it leaves DRAFT. */
export const canSeeContest = (identity: Identity, status: ContestStatus): boolean => status !== 'DRAFT' || readsEverything(identity);

/** A review round is public once it leaves DRAFT. */
export const canSeeRound = (identity: Identity, status: RoundStatus): boolean => status !== 'DRAFT' || readsEverything(identity);

/** Whether reading submissions needs the units this caller's union mobilized (asked of organizations). */
export const needsMobilizedUnits = (identity: Identity): boolean =>
  !readsEverything(identity) && hasRole(identity, 'ORGANIZER') && !!identity.org;

/**
 * Whose submissions a caller may read: every unit's (null), or these units'. A submission
 * belongs to its unit: the unit's submitters read it; a union's organizers read their own
 * and those of the units they mobilized; the office and analysts read all. Experts see
 * entries through the review rounds they are assigned to, not through this rule.
 */
export const submissionScope = (identity: Identity, mobilizedUnits: readonly string[] = []): readonly string[] | null => {
  if (readsEverything(identity)) return null;
  if (!identity.org) return [];
  if (hasRole(identity, 'ORGANIZER')) return [identity.org, ...mobilizedUnits];
  if (hasRole(identity, 'SUBMITTER')) return [identity.org];
  return [];
};

/** Public honor records (announced, conferred, revoked) are for everyone; the rest for the office and analysts. */
export const canSeeHonor = (identity: Identity, status: HonorStatus): boolean =>
  PUBLIC_HONOR_STATUSES.includes(status) || readsEverything(identity);

/** A submission's standing in review: for the office and analysts, and for its own unit. */
export const canSeeReviewOf = (identity: Identity, entry: { organizationId: string }): boolean =>
  readsEverything(identity) ||
  (hasRole(identity, 'SUBMITTER', 'ORGANIZER') && identity.org !== undefined && identity.org === entry.organizationId);

/** Throws FORBIDDEN unless `allowed`. */
export function assertAllowed(allowed: boolean, field?: string): void {
  if (!allowed) throw forbidden(field);
}

/** The expert pool is confidential: the office and analysts read it; an expert reads its own profile. */
export const canSeeExpert = (identity: Identity, expertId: string): boolean => readsEverything(identity) || identity.expert === expertId;

/**
 * A scorecard: the office always, and its own expert. Everyone else who reads everything
 * (analysts) waits until the round is FINALIZED, so no judge sees another's scores while
 * scoring.
 */
export const canSeeScorecard = (identity: Identity, card: { expertId: string }, roundStatus: RoundStatus): boolean =>
  hasRole(identity, 'ADMIN') ||
  !!identity.service ||
  (identity.expert !== undefined && identity.expert === card.expertId) ||
  (roundStatus === 'FINALIZED' && readsEverything(identity));

/** Blind rounds hide an entry's organization and people from its experts (and anyone else not reading everything). */
export const hidesEntrant = (identity: Identity, blind: boolean): boolean => blind && !readsEverything(identity);

/** A round's results: the office and analysts once it is finalized; everyone once it is published. */
export const canSeeRoundResults = (identity: Identity, round: { status: RoundStatus; published: boolean }): boolean =>
  round.published || (round.status === 'FINALIZED' && readsEverything(identity));

/**
 * A round's presentation schedule: the office, analysts and the experts on the round's
 * panels until the round is published, everyone after. Before then it tells who presents
 * what, when: not for the public or for other experts.
 */
export const canSeePresentations = (identity: Identity, round: { published: boolean }, onPanel: boolean): boolean =>
  round.published || readsEverything(identity) || (hasRole(identity, 'EXPERT') && onPanel);

/**
 * Who presents an entry (and so its unit): hidden from experts in a blind round until the
 * round is published, like the entry's unit and people.
 */
export const canSeePresenter = (identity: Identity, round: { blind: boolean; published: boolean }): boolean =>
  round.published || !hidesEntrant(identity, round.blind);

/**
 * Who filed an objection: the contest office only, so that nobody fears objecting. Analysts
 * read the objection itself, not its author, in the audit trail as elsewhere.
 */
export const canSeeObjector = (identity: Identity): boolean => hasRole(identity, 'ADMIN');
