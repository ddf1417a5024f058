import { ROLES } from '@meritgraph/domain';
import type { DevelopmentIdentity } from './server';

/** The development picker's identities from DEV_IDENTITIES (JSON), each checked: a bad list stops the start. */
export function developmentIdentities(json: string): DevelopmentIdentity[] {
  const list: unknown = JSON.parse(json);
  if (!Array.isArray(list)) throw new Error('DEV_IDENTITIES must be a JSON list of {role, label, claims}');
  return list.map((item: DevelopmentIdentity, i) => {
    const roles = item?.claims?.roles;
    if (typeof item?.role !== 'string' || typeof item.label !== 'string' || !Array.isArray(roles) || !roles.every((r) => ROLES.includes(r)))
      throw new Error(`DEV_IDENTITIES[${i}] needs a role, a label and claims with known roles`);
    return { role: item.role, label: item.label, claims: item.claims };
  });
}
