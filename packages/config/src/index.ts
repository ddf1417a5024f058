import { z } from 'zod';
import { readVariableFiles } from './files';
import { notifierSettings } from './notifier';
import { randomSecret, withDevelopmentSecrets } from './secrets';

export { z };
export * from './secrets';
export * from './files';
export * from './telemetry';
export * from './notifier';

/** Every invalid variable, reported together, so a deploy is fixed in one pass. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
  }
}

/**
 * Reads the environment into a typed object. Code reads the returned object, never
 * `process.env`. Without `env` it reads the process's own environment, in which, outside
 * production, the installation's development secrets (DATA_DIR/secrets.json, made on first
 * use) stand for the secrets left unset. Any variable may instead be given as a file,
 * `<NAME>_FILE` (Docker secrets), but not both ways at once.
 */
export function loadConfig<S extends z.ZodObject>(shape: S, env?: NodeJS.ProcessEnv): z.infer<S> {
  const files = readVariableFiles(env ?? process.env, Object.keys(shape.shape));
  const source = env || !('INTERNAL_TOKEN_SECRET' in shape.shape) ? files.env : withDevelopmentSecrets(files.env);
  // An empty variable (FOO= in a compose file or .env) means "not set".
  const set = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = shape.safeParse(set);
  if (result.success && files.problems.length === 0) return result.data;
  const unreadable = new Set(files.problems.map((p) => p.variable));
  const issues = result.success ? [] : result.error.issues;
  throw new ConfigError([
    ...files.problems,
    ...issues
      .map((issue) => ({ variable: issue.path.join('.') || '(environment)', message: issue.message }))
      // A variable whose file could not be read is reported once, as that file.
      .filter((problem) => !unreadable.has(`${problem.variable}_FILE`)),
  ]);
}

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/**
 * The five subgraphs (the four contexts, and the analytics read model fed by their change
 * feeds): the one list every other place reads. Each has its port, the variable
 * that says where it answers, and the routing URL the committed supergraph records. The
 * modules behind the names are listed in packages/supergraph, which composes them.
 */
export const SUBGRAPHS = {
  organizations: { port: 4001, urlVariable: 'ORGANIZATIONS_URL' },
  submissions: { port: 4002, urlVariable: 'SUBMISSIONS_URL' },
  'expert-review': { port: 4003, urlVariable: 'EXPERT_REVIEW_URL' },
  honors: { port: 4004, urlVariable: 'HONORS_URL' },
  analytics: { port: 4005, urlVariable: 'ANALYTICS_URL' },
} as const;
export type SubgraphName = keyof typeof SUBGRAPHS;
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPHS) as readonly SubgraphName[];

/** The routing URL a subgraph has in the committed supergraph; deployments override it with its URL variable. */
export const routingUrl = (name: SubgraphName): string => `http://localhost:${SUBGRAPHS[name].port}/graphql`;

/** Ports of the five services, shared by the gateway's defaults and `npm start`. */
export const SERVICE_PORTS: Readonly<Record<SubgraphName | 'gateway', number>> = {
  gateway: 4000,
  ...(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, SUBGRAPHS[name].port])) as Record<SubgraphName, number>),
};

type UrlVariable = (typeof SUBGRAPHS)[SubgraphName]['urlVariable'];

/** Where each subgraph answers: the gateway routes to them, and subgraphs read each other's facts. */
export const subgraphUrlsEnv = z.object(
  Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [SUBGRAPHS[name].urlVariable, z.url().default(`http://127.0.0.1:${SUBGRAPHS[name].port}/graphql`)]),
  ) as Record<UrlVariable, z.ZodDefault<z.ZodURL>>,
);

export const subgraphUrls = (env: z.infer<typeof subgraphUrlsEnv>): Record<SubgraphName, string> =>
  Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, env[SUBGRAPHS[name].urlVariable]])) as Record<SubgraphName, string>;

const databaseUser = z.string().min(1).max(80);

type VariableSuffix<N extends string> = N extends `${infer A}-${infer B}` ? `${Uppercase<A>}_${VariableSuffix<B>}` : Uppercase<N>;
type SubgraphCredential = `DATABASE_${'USER' | 'PASSWORD'}_${VariableSuffix<SubgraphName>}`;

/** The variable of one subgraph's own database user or password: DATABASE_USER_EXPERT_REVIEW. */
export const subgraphVariable = (kind: 'USER' | 'PASSWORD', name: SubgraphName): SubgraphCredential =>
  `DATABASE_${kind}_${name.toUpperCase().replace(/-/g, '_')}` as SubgraphCredential;

/** Where a service keeps its data: embedded SQLite by default, MySQL when DATABASE_URL is set. */
const databaseShape = {
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\/[^/]+(\/?|\/[A-Za-z0-9_]*)$/, 'must look like mysql://user:pass@host:port')
    .optional(),
  /** The MySQL user and password, in place of the URL's: each service connects as its own user. */
  DATABASE_USER: databaseUser.optional(),
  DATABASE_PASSWORD: z.string().optional(),
  /** One process serving several subgraphs (the replay) connects as each subgraph's own user. */
  ...(Object.fromEntries(
    SUBGRAPH_NAMES.flatMap((name) => [
      [subgraphVariable('USER', name), databaseUser.optional()],
      [subgraphVariable('PASSWORD', name), z.string().optional()],
    ]),
  ) as Record<SubgraphCredential, z.ZodOptional<z.ZodString>>),
  /** Prefix of the per-subgraph MySQL database names (meritgraph_organizations, …). */
  DATABASE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,40}$/, 'letters, digits and _ only')
    .default('meritgraph_'),
  /** Folder of the embedded SQLite files, one per subgraph. */
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_LOG: z.enum(['none', 'errors', 'queries']).default('errors'),
};

interface DatabaseFields {
  DATABASE_URL?: string;
  DATABASE_USER?: string;
  DATABASE_PASSWORD?: string;
  [variable: string]: unknown;
}

/** `url` with its user and password replaced by those given; unchanged when neither is. */
export function withCredentials(url: string, user?: string, password?: string): string {
  if (user === undefined && password === undefined) return url;
  const parsed = new URL(url);
  if (user !== undefined) parsed.username = encodeURIComponent(user);
  if (password !== undefined) parsed.password = encodeURIComponent(password);
  return parsed.href;
}

const credentialsNeedServer = (env: DatabaseFields, ctx: z.RefinementCtx) => {
  if (env.DATABASE_URL) return;
  for (const variable of Object.keys(env).filter((key) => /^DATABASE_(USER|PASSWORD)/.test(key) && env[key] !== undefined)) {
    ctx.addIssue({ code: 'custom', path: [variable], message: 'needs DATABASE_URL, the MySQL server it is for' });
  }
};

/** DATABASE_USER and DATABASE_PASSWORD take the place of the URL's, so code reads one URL. */
const mergeCredentials = <T extends DatabaseFields>(env: T): T =>
  env.DATABASE_URL ? { ...env, DATABASE_URL: withCredentials(env.DATABASE_URL, env.DATABASE_USER, env.DATABASE_PASSWORD) } : env;

export const databaseEnv = z.object(databaseShape).superRefine(credentialsNeedServer).overwrite(mergeCredentials);
export type DatabaseEnv = z.infer<typeof databaseEnv>;

/**
 * The server URL of each subgraph's database, with that subgraph's own user and password
 * (DATABASE_USER_<SUBGRAPH>, DATABASE_PASSWORD_<SUBGRAPH>) where set, else DATABASE_URL's;
 * undefined on embedded SQLite.
 */
export function databaseUrls(env: DatabaseFields): Record<SubgraphName, string | undefined> {
  const url = env.DATABASE_URL;
  return Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [
      name,
      url &&
        withCredentials(
          url,
          env[subgraphVariable('USER', name)] as string | undefined,
          env[subgraphVariable('PASSWORD', name)] as string | undefined,
        ),
    ]),
  ) as Record<SubgraphName, string | undefined>;
}

export const runtimeEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
});

/**
 * Stand-ins for unset secrets, random in each process: a token signed with one is good only
 * inside the process that made it (tests, the in-process graph). Services take their
 * installation's secrets instead (see loadConfig), and production refuses a stand-in.
 */
export const DEV_JWT_SECRET = randomSecret();
export const DEV_INTERNAL_SECRET = randomSecret();

/**
 * Tokens: client JWTs (HS256 with JWT_SECRET in development; RS256 from a JWKS in
 * production) and the short-lived internal tokens the gateway signs for subgraphs.
 */
export const authEnv = z.object({
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_JWT_SECRET),
  JWT_JWKS_URL: z.url().optional(),
  JWT_ISSUER: z.string().min(1).default('meritgraph'),
  JWT_AUDIENCE: z.string().min(1).default('meritgraph'),
  INTERNAL_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_INTERNAL_SECRET),
  INTERNAL_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
});
export type AuthEnv = z.infer<typeof authEnv>;

/** Production starts only with secrets of its own. */
const refuseDevSecrets = (env: z.infer<typeof runtimeEnv> & AuthEnv, ctx: z.RefinementCtx) => {
  if (env.NODE_ENV !== 'production') return;
  if (!env.JWT_JWKS_URL && env.JWT_SECRET === DEV_JWT_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['JWT_SECRET'],
      message: 'production needs its own secret: set JWT_SECRET (32+ characters) or JWT_JWKS_URL',
    });
  }
  if (env.INTERNAL_TOKEN_SECRET === DEV_INTERNAL_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['INTERNAL_TOKEN_SECRET'], message: 'production needs its own secret: set it (32+ characters)' });
  }
};

/** The environment of one subgraph service. */
export const subgraphEnv = (defaultPort: number) =>
  runtimeEnv
    .extend(databaseEnv.shape)
    .extend(authEnv.shape)
    .extend(subgraphUrlsEnv.shape)
    .extend(limitsEnv.shape)
    .extend(demandEnv.shape)
    .extend(corsEnv.shape)
    .extend(workEnv.shape)
    .extend(filesEnv.shape)
    .extend({ PORT: port(defaultPort) })
    .superRefine(refuseDevSecrets)
    .superRefine(credentialsNeedServer)
    .overwrite(mergeCredentials);

/** The analytics read model: how often it reads the change feeds, and the smallest cell it shows callers who may not see the records. */
export const analyticsEnv = z.object({
  ANALYTICS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  ANALYTICS_MIN_CELL: z.coerce.number().int().min(1).max(1000).default(5),
});

/** The notifier: its database (notifier.sqlite, or <prefix>notifier), tokens, the subgraphs' URLs and its own settings. */
export const notifierEnv = runtimeEnv
  .extend({ ...databaseEnv.shape, ...authEnv.shape, ...subgraphUrlsEnv.shape, ...notifierSettings.shape })
  .superRefine(refuseDevSecrets)
  .superRefine(credentialsNeedServer)
  .overwrite(mergeCredentials);

/** Where the web console listens by default: its own origin, which proxies the graph's paths to the gateway. */
export const WEB_PORT = 3000;

/**
 * The web console's server: it serves the built console and passes /graphql and /export/ to
 * the gateway, so the browser talks to one origin. Sign-in is OpenID Connect (authorization
 * code with PKCE) when OIDC_ISSUER_URL is set, against the provider whose JWKS the gateway
 * trusts (JWT_JWKS_URL); otherwise, outside production, a picker of development identities
 * (DEV_IDENTITIES, as npm start prints them), whose tokens it signs with JWT_SECRET.
 */
export const webEnv = runtimeEnv.extend(authEnv.shape).extend({
  PORT: port(WEB_PORT),
  GATEWAY_URL: z.url().default(`http://127.0.0.1:${SERVICE_PORTS.gateway}`),
  CONSOLE_DIR: z.string().optional(),
  OIDC_ISSUER_URL: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).default('meritgraph-console'),
  OIDC_SCOPE: z.string().min(1).default('openid profile'),
  /** A JSON list of {role, label, claims} the development picker offers. */
  DEV_IDENTITIES: z.string().optional(),
});

/** Largest request body the gateway accepts. */
export const DEFAULT_MAX_REQUEST_BYTES = 256 * 1024;

const count = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

/**
 * What one operation may ask for, checked before it runs, at the gateway and every subgraph
 * port. The README's "Limits and budgets" gives each with the anchor its default comes from.
 */
export const limitsEnv = z.object({
  MAX_TOKENS: count(5000),
  MAX_DEPTH: count(10),
  MAX_ALIASES: count(15),
  MAX_ROOT_FIELDS: count(15),
  MAX_DIRECTIVES: count(50),
  MAX_FIELD_REPEATS: count(10),
  MAX_BATCH_OPERATIONS: count(10),
});
export type LimitsEnv = z.infer<typeof limitsEnv>;

const budget = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000_000).default(fallback);

/**
 * Demand control: the largest estimated cost of one operation (COST_BUDGET_<ROLE>) and the
 * points per hour a caller may spend (RATE_POINTS_<ROLE>; anonymous callers per client
 * address). Analysts, who run ad-hoc questions, have the largest. REDIS_URL shares the hourly
 * budgets between gateway replicas.
 */
export const demandEnv = z.object({
  DEMAND_CONTROL: z.enum(['enforce', 'measure']).default('enforce'),
  COST_BUDGET_ANONYMOUS: budget(1000),
  COST_BUDGET_SUBMITTER: budget(2000),
  COST_BUDGET_EXPERT: budget(2000),
  COST_BUDGET_ORGANIZER: budget(5000),
  COST_BUDGET_AGENCY: budget(5000),
  COST_BUDGET_ADMIN: budget(20000),
  COST_BUDGET_ANALYST: budget(50000),
  RATE_POINTS_ANONYMOUS: budget(1000),
  RATE_POINTS_SUBMITTER: budget(5000),
  RATE_POINTS_EXPERT: budget(5000),
  RATE_POINTS_ORGANIZER: budget(5000),
  RATE_POINTS_AGENCY: budget(5000),
  RATE_POINTS_ADMIN: budget(50000),
  RATE_POINTS_ANALYST: budget(20000),
  REDIS_URL: z.url().optional(),
});
export type DemandEnv = z.infer<typeof demandEnv>;

/** An origin as a browser sends it in `Origin`: scheme, host and port, no path. */
const isOrigin = (value: string): boolean => {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
};

/** Browser origins that may call a service (CORS); none unless listed, so no other site's page reads its answers. */
export const corsEnv = z.object({
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((origins) => origins.every(isOrigin), 'must be origins such as https://app.example.org, comma-separated (no path, no *)'),
});
export type CorsEnv = z.infer<typeof corsEnv>;

/**
 * How much work one request may make a subgraph do. The execution timeout is a little
 * shorter than the gateway's subgraph timeout (10 s), so a subgraph gives up before the
 * gateway does and says why. The README's "Configuration" gives the anchor of the object bound.
 */
export const workEnv = z.object({
  EXECUTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(9000),
  MAX_RESPONSE_OBJECTS: z.coerce.number().int().min(1).max(10_000_000).default(50_000),
});
export type WorkEnv = z.infer<typeof workEnv>;

/**
 * Where the subgraphs that keep files (attachments, evidence) keep them, and what their
 * signed URLs allow: a folder under DATA_DIR (FILES_DIR, default DATA_DIR/files), or an
 * S3-compatible bucket when S3_BUCKET is set. The signing key is random in each process when
 * unset (URLs then end with it); several replicas need one key.
 */
export const filesEnv = z.object({
  FILES_DIR: z.string().min(1).optional(),
  FILES_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(5 * 1024 ** 3)
    .default(50 * 1024 * 1024),
  FILES_SIGNING_KEY: z.string().min(32, 'at least 32 characters').optional(),
  FILES_UPLOAD_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  FILES_DOWNLOAD_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(5),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type FilesEnv = z.infer<typeof filesEnv>;

export const gatewayEnv = runtimeEnv
  .extend(authEnv.shape)
  .extend(subgraphUrlsEnv.shape)
  .extend(limitsEnv.shape)
  .extend(demandEnv.shape)
  .extend(corsEnv.shape)
  .extend({
    PORT: port(SERVICE_PORTS.gateway),
    SUPERGRAPH_PATH: z.string().optional(),
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
    MAX_REQUEST_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_MAX_REQUEST_BYTES),
    /** Identical concurrent subgraph queries of one identity share one fetch, as Apollo Router and Hive Gateway do. */
    DEDUPLICATE_SUBGRAPH_FETCHES: z.enum(['on', 'off']).default('on'),
  })
  .superRefine(refuseDevSecrets);
