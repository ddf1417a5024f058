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
  /** True for a subgraph acting on its own behalf (cross-context reads). */
  service?: boolean;
}

export const ANONYMOUS: Identity = Object.freeze({ roles: Object.freeze([]) as readonly Role[] });

export const hasRole = (identity: Identity, ...roles: Role[]): boolean => roles.some((r) => identity.roles.includes(r));
