import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The two secrets a development installation makes for itself. */
export interface DevelopmentSecrets {
  JWT_SECRET: string;
  INTERNAL_TOKEN_SECRET: string;
}

const SECRET_NAMES = ['JWT_SECRET', 'INTERNAL_TOKEN_SECRET'] as const;

/** The file in DATA_DIR that holds an installation's development secrets. */
export const SECRETS_FILE = 'secrets.json';

/** 256 random bits, as 43 URL-safe characters. */
export const randomSecret = (): string => randomBytes(32).toString('base64url');

export const secretsFile = (dataDir: string): string => resolve(dataDir, SECRETS_FILE);

/** Raised when an installation's secrets are missing (and may not be made here) or unreadable. */
export class SecretsError extends Error {
  override readonly name = 'SecretsError';
}

/** The secrets in `file`, or null when there is no such file. */
function readSecrets(file: string): DevelopmentSecrets | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: Partial<Record<string, unknown>> | null;
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch (error) {
    throw new SecretsError(`${file} is not JSON (${(error as Error).message}); delete it to make new development secrets`);
  }
  const secrets: Partial<DevelopmentSecrets> = {};
  for (const name of SECRET_NAMES) {
    const value = parsed?.[name];
    if (typeof value !== 'string' || value.length < 32) {
      throw new SecretsError(`${file} has no ${name} of 32+ characters; delete it to make new development secrets`);
    }
    secrets[name] = value;
  }
  return secrets as DevelopmentSecrets;
}

/**
 * The installation's development secrets, from `<dataDir>/secrets.json`: made at random the
 * first time (readable by this user only) and the same for every process after that. Several
 * services starting at once agree on one file: it appears whole or not at all.
 */
export function developmentSecrets(dataDir: string, options: { create?: boolean } = {}): DevelopmentSecrets {
  const file = secretsFile(dataDir);
  const found = readSecrets(file);
  if (found) return found;
  if (options.create === false) {
    throw new SecretsError(`No development secrets in ${file}: run npm start once (it makes them), or set JWT_SECRET`);
  }
  mkdirSync(dataDir, { recursive: true });
  const draft = join(dataDir, `.${SECRETS_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
  writeFileSync(draft, `${JSON.stringify({ JWT_SECRET: randomSecret(), INTERNAL_TOKEN_SECRET: randomSecret() }, null, 2)}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  try {
    linkSync(draft, file);
  } catch (error) {
    // Another process made it first: theirs is the installation's.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return readSecrets(file)!;
}

/**
 * A process's environment with the installation's development secrets for those it leaves
 * unset. Production never takes this path: there, unset secrets stay unset and the service
 * refuses to start.
 */
export function withDevelopmentSecrets(env: NodeJS.ProcessEnv, options: { create?: boolean } = {}): NodeJS.ProcessEnv {
  if (env.NODE_ENV === 'production') return env;
  const needsClientSecret = !env.JWT_SECRET && !env.JWT_JWKS_URL;
  if (!needsClientSecret && env.INTERNAL_TOKEN_SECRET) return env;
  const secrets = developmentSecrets(env.DATA_DIR || 'data', options);
  return {
    ...env,
    ...(needsClientSecret ? { JWT_SECRET: secrets.JWT_SECRET } : {}),
    ...(env.INTERNAL_TOKEN_SECRET ? {} : { INTERNAL_TOKEN_SECRET: secrets.INTERNAL_TOKEN_SECRET }),
  };
}
