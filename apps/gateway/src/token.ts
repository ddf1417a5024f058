/**
 * npm run token -- --role ADMIN [--role EXPERT] [--org ID] [--expert ID] [--sub ID] [--hours N]
 *
 * Prints a development token signed with JWT_SECRET, for curl and GraphQL clients.
 */
import { parseArgs } from 'node:util';
import { authEnv, loadConfig } from '@meritgraph/config';
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
  const tokens = new ClientTokens(loadConfig(authEnv));
  console.log(
    await tokens.signDev({ roles: roles as Role[], org: values.org, expert: values.expert, sub: values.sub }, Number(values.hours) * 3600),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
