/** The console's settings, served by its own server at /console-config.json: how to sign in. */
export interface ConsoleConfig {
  oidc: { issuer: string; clientId: string; scope: string } | null;
  /** The development picker's identities with fresh tokens; null in production. */
  development: { role: string; label: string; token: string }[] | null;
}

let loaded: ConsoleConfig = { oidc: null, development: null };

export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  try {
    const response = await fetch('/console-config.json', { cache: 'no-store' });
    if (response.ok) loaded = (await response.json()) as ConsoleConfig;
  } catch {
    // No settings: the public pages still work, and sign-in says it is unavailable.
  }
  return loaded;
}

export const consoleConfig = (): ConsoleConfig => loaded;
