import { z } from 'zod';
import { randomSecret, withDevelopmentSecrets } from './secrets';

export { z };
export * from './secrets';

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
 * use) stand for the secrets left unset.
 */
export function loadConfig<S extends z.ZodObject>(shape: S, env?: NodeJS.ProcessEnv): z.infer<S> {
  const source = env ?? ('INTERNAL_TOKEN_SECRET' in shape.shape ? withDevelopmentSecrets(process.env) : process.env);
  // An empty variable (FOO= in a compose file or .env) means "not set".
  const set = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = shape.safeParse(set);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({ variable: issue.path.join('.') || '(environment)', message: issue.message })),
  );
}

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/**
 * The four subgraphs: the one list every other place reads. Each has its port, the variable
 * that says where it answers, and the routing URL the committed supergraph records. The
 * modules behind the names are listed in packages/supergraph, which composes them.
 */
export const SUBGRAPHS = {
  organizations: { port: 4001, urlVariable: 'ORGANIZATIONS_URL' },
  submissions: { port: 4002, urlVariable: 'SUBMISSIONS_URL' },
  'expert-review': { port: 4003, urlVariable: 'EXPERT_REVIEW_URL' },
  honors: { port: 4004, urlVariable: 'HONORS_URL' },
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

/** Where a service keeps its data: embedded SQLite by default, MySQL when DATABASE_URL is set. */
export const databaseEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\/[^/]+(\/?|\/[A-Za-z0-9_]*)$/, 'must look like mysql://user:pass@host:port')
    .optional(),
  /** Prefix of the per-subgraph MySQL database names (meritgraph_organizations, …). */
  DATABASE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,40}$/, 'letters, digits and _ only')
    .default('meritgraph_'),
  /** Folder of the embedded SQLite files, one per subgraph. */
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_LOG: z.enum(['none', 'errors', 'queries']).default('errors'),
});

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
    .extend({ PORT: port(defaultPort) })
    .superRefine(refuseDevSecrets);

/** Largest request body the gateway accepts. */
export const DEFAULT_MAX_REQUEST_BYTES = 256 * 1024;

export const gatewayEnv = runtimeEnv
  .extend(authEnv.shape)
  .extend(subgraphUrlsEnv.shape)
  .extend({
    PORT: port(SERVICE_PORTS.gateway),
    SUPERGRAPH_PATH: z.string().optional(),
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
    MAX_REQUEST_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_MAX_REQUEST_BYTES),
  })
  .superRefine(refuseDevSecrets);
