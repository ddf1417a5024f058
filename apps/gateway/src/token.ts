/**
 * npm run token -- --role ADMIN [--role EXPERT] [--org ID] [--expert ID] [--sub ID] [--hours N]
 *
 * Prints a development token signed with JWT_SECRET, for curl and GraphQL clients. Unless
 * JWT_SECRET is set, that is the installation's secret in DATA_DIR (data/secrets.json): made
 * here if no service has made it yet, so that a token printed before the first `npm start`
 * is one the services accept once they start on that file.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEV_JWT_SECRET, authEnv, loadConfig, secretsFile, z } from '@meritgraph/config';
import { ROLES, type Role } from '@meritgraph/domain';
import { ClientTokens } from '@meritgraph/subgraph-kit';

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      org: { type: 'string' },
      expert: { type: 'string' },
      sub: { type: 'string' },
      hours: { type: 'string', default: '12' },
    },
  });
  const roles = (values.role ?? []).map((r) => r.toUpperCase());
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (roles.length === 0 || unknown.length > 0) {
    console.error(`usage: npm run token -- --role <${ROLES.join('|')}> [--org ID] [--expert ID] [--sub ID] [--hours N]`);
    if (unknown.length) console.error(`unknown role: ${unknown.join(', ')}`);
    process.exit(2);
  }
  const secrets = secretsFile(loadConfig(z.object({ DATA_DIR: z.string().min(1).default('data') })).DATA_DIR);
  const existed = existsSync(secrets);
  // As every service reads its configuration: the installation's development secrets stand for unset ones, made on first use.
  const env = loadConfig(authEnv);
  if (!existed && existsSync(secrets))
    console.error(`Made this installation's development secrets in ${secrets}; the services use them too`);
  // In production nothing stands in for JWT_SECRET: a token signed with this process's stand-in would be refused everywhere.
  if (!env.JWT_JWKS_URL && env.JWT_SECRET === DEV_JWT_SECRET)
    throw new Error('Set JWT_SECRET to the secret the services verify tokens with');
  const tokens = new ClientTokens(env);
  console.log(
    await tokens.signDev({ roles: roles as Role[], org: values.org, expert: values.expert, sub: values.sub }, Number(values.hours) * 3600),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
