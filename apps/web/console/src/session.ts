/**
 * Who is signed in: the bearer token the console sends to the graph, and the claims it reads
 * from it to choose the screens (the graph checks every request itself; these claims only
 * decide what to show). Kept in sessionStorage: a tab's sign-in ends with the tab.
 */
import { useSyncExternalStore } from 'react';

export type Role = 'ADMIN' | 'ORGANIZER' | 'SUBMITTER' | 'EXPERT' | 'ANALYST' | 'AGENCY';

export interface Session {
  token: string;
  roles: Role[];
  sub?: string;
  org?: string;
  expert?: string;
  /** How the session was made: the development picker or OpenID Connect. */
  via: 'development' | 'oidc';
  /** Who it is, in words, where the sign-in said (a picked identity's label, the provider's name). */
  label?: string;
}

const KEY = 'meritgraph.session';
const listeners = new Set<() => void>();
let current: Session | null = read();

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

/** The claims of a JWT's payload (base64url JSON); the signature is the graph's to check. */
export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const json = atob(
    payload
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(payload.length / 4) * 4, '='),
  );
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}

export function sessionFromToken(token: string, via: Session['via'], label?: string): Session {
  const claims = claimsOf(token);
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    token,
    roles: Array.isArray(claims.roles) ? (claims.roles as Role[]) : [],
    sub: text(claims.sub),
    org: text(claims.org),
    expert: text(claims.expert),
    via,
    label,
  };
}

export function signIn(session: Session): void {
  current = session;
  sessionStorage.setItem(KEY, JSON.stringify(session));
  listeners.forEach((l) => l());
}

export function signOut(): void {
  current = null;
  sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export const currentSession = (): Session | null => current;

export function useSession(): Session | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

export const hasRole = (session: Session | null, ...roles: Role[]): boolean => !!session && roles.some((r) => session.roles.includes(r));
