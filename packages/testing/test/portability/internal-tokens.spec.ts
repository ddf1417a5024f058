import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { SUBGRAPH_NAMES, authEnv, loadConfig } from '@meritgraph/config';
import { InternalTokens } from '@meritgraph/subgraph-kit';

/** docs/internal-tokens.md is the contract other routers follow: its examples are what InternalTokens mints. */
const doc = readFileSync(resolve(__dirname, '../../../../docs/internal-tokens.md'), 'utf8');

/** The JSON block after `<!-- example: name -->`. */
function example(name: string): Record<string, unknown> {
  const block = new RegExp(`<!-- example: ${name} -->\\n\`\`\`json\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!block) throw new Error(`docs/internal-tokens.md has no "${name}" example`);
  return JSON.parse(block[1]!) as Record<string, unknown>;
}

/** A token's claims with its times replaced by the example's, once its lifetime is checked against the default TTL. */
function claimsOf(token: string, like: Record<string, unknown>) {
  const claims = decodeJwt(token);
  expect(claims.exp! - claims.iat!).toBe(loadConfig(authEnv, {}).INTERNAL_TOKEN_TTL_SECONDS);
  return { ...claims, iat: like.iat, exp: like.exp };
}

describe('the internal token contract in docs/internal-tokens.md', () => {
  const tokens = new InternalTokens(loadConfig(authEnv, {}).INTERNAL_TOKEN_SECRET);

  it('shows the claims the gateway mints for a forwarded caller, and their lifetime', async () => {
    const shown = example('caller');
    const token = await tokens.forCaller({ roles: ['EXPERT'], sub: 'expert-lu', expert: 'e-42' }, 'expert-review');
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(claimsOf(token, shown)).toEqual(shown);
    expect((shown.exp as number) - (shown.iat as number)).toBe(60);
  });

  it('shows the anonymous caller as the gateway forwards it: no roles, no subject', async () => {
    const shown = example('anonymous');
    expect(claimsOf(await tokens.forCaller({ roles: [] }, 'honors'), shown)).toEqual(shown);
  });

  it('shows the service token a subgraph signs to read from another', async () => {
    const shown = example('service');
    expect(claimsOf(await tokens.forService('honors', 'organizations'), shown)).toEqual(shown);
  });

  it('names the audience of every subgraph, each of which the tokens are verified against', async () => {
    for (const name of SUBGRAPH_NAMES) {
      expect(doc).toContain(`\`meritgraph:${name}\``);
      const token = await tokens.forCaller({ roles: ['ANALYST'] }, name);
      expect(decodeJwt(token).aud).toBe(`meritgraph:${name}`);
      await expect(tokens.verify(token, name)).resolves.toEqual({ roles: ['ANALYST'] });
    }
  });
});
