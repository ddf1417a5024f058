/**
 * Production sign-in: OpenID Connect, authorization code with PKCE, against the provider the
 * console's settings name (the one whose JWKS the gateway trusts). The provider sends the
 * browser back to /auth/callback; the access token it issues there (a JWT for the graph) is the
 * session's bearer token. The sign-in's state and the provider's answer stay in sessionStorage,
 * like the session itself: they end with the tab.
 */
import { ErrorResponse, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { consoleConfig } from './config';
import { type Session, currentSession, sessionFromToken, signOut } from './session';

/** Where the provider sends the browser back after signing in. */
export const CALLBACK_PATH = '/auth/callback';

let manager: UserManager | undefined;

function userManager(): UserManager {
  const oidc = consoleConfig().oidc;
  if (!oidc) throw new Error('No identity provider is configured');
  if (!manager) {
    const store = new WebStorageStateStore({ store: window.sessionStorage });
    manager = new UserManager({
      authority: oidc.issuer,
      client_id: oidc.clientId,
      scope: oidc.scope,
      response_type: 'code',
      redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
      post_logout_redirect_uri: `${window.location.origin}/`,
      userStore: store,
      stateStore: store,
      // The session is the access token's claims; the id token's profile gives the name.
      loadUserInfo: false,
      automaticSilentRenew: false,
      monitorSession: false,
    });
  }
  return manager;
}

/** The path to return to after signing in, if it is one of the console's own. */
const ownPath = (next: unknown): string | undefined =>
  typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : undefined;

/** Sends the browser to the provider's sign-in; it comes back to CALLBACK_PATH. */
export async function startOidcSignIn(next?: string | null): Promise<void> {
  await userManager().signinRedirect({ state: { next: ownPath(next) } });
}

export interface FinishedSignIn {
  session: Session;
  /** Where the user was going before signing in, if anywhere. */
  next?: string;
}

// The callback is completed once per return from the provider, however often the screen mounts.
const finishing = new Map<string, Promise<FinishedSignIn>>();

/** Completes the sign-in on CALLBACK_PATH: exchanges the code (with its PKCE verifier) for the tokens. */
export function finishOidcSignIn(url: string = window.location.href): Promise<FinishedSignIn> {
  let done = finishing.get(url);
  if (!done) {
    done = userManager()
      .signinRedirectCallback(url)
      .then((user) => {
        const { profile } = user;
        const label = profile.name ?? profile.preferred_username ?? profile.email ?? profile.sub;
        const state = user.state as { next?: unknown } | undefined;
        return { session: sessionFromToken(user.access_token, 'oidc', label), next: ownPath(state?.next) };
      });
    finishing.set(url, done);
  }
  return done;
}

/** Why a sign-in did not finish, as the provider coded it (access_denied, …), or null when it gave no code. */
export function oidcRefusal(error: unknown): string | null {
  return error instanceof ErrorResponse && error.error ? error.error : null;
}

/** Ends the session here and, for a provider's session, at the provider too (it returns to /). */
export async function signOutEverywhere(): Promise<void> {
  const via = currentSession()?.via;
  signOut();
  if (via !== 'oidc' || !consoleConfig().oidc) return;
  const users = userManager();
  const user = await users.getUser();
  await users.removeUser();
  await users.signoutRedirect(user?.id_token ? { id_token_hint: user.id_token } : undefined);
}
