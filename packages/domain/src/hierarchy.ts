import type { OrganizationKind } from './model';

/**
 * Organization hierarchy rules. The caller supplies ancestor lists (nearest first), as the
 * organizations subgraph reads them in one recursive query.
 */

/** Why moving `organizationId` under `newParentId` would make a cycle, or null when it would not. */
export function parentChangeProblem(
  organizationId: string,
  newParentId: string | null,
  ancestorsOfNewParent: readonly string[],
): string | null {
  if (newParentId === null) return null;
  if (newParentId === organizationId) return 'an organization cannot be its own parent';
  if (ancestorsOfNewParent.includes(organizationId)) return 'the new parent is inside this organization: that would make a cycle';
  return null;
}

/** Whether `organizationId` is `rootId` or below it. */
export const isWithinSubtree = (organizationId: string, rootId: string, ancestorsOfOrganization: readonly string[]): boolean =>
  organizationId === rootId || ancestorsOfOrganization.includes(rootId);

/** Unions mobilize units for a contest (各相关区局(产业)工会). */
export const MOBILIZER_KINDS: readonly OrganizationKind[] = ['TRADE_UNION_FEDERATION', 'DISTRICT_UNION', 'INDUSTRY_UNION'];

/** Why `mobilizer` cannot enrol `unit`, or null. The unit must sit in the mobilizing union's subtree. */
export function mobilizationProblem(
  unit: { id: string; ancestors: readonly string[] },
  mobilizer: { id: string; kind: OrganizationKind },
): { field: 'mobilizedById' | 'organizationId'; message: string } | null {
  if (!MOBILIZER_KINDS.includes(mobilizer.kind)) {
    return { field: 'mobilizedById', message: `must be a union (${MOBILIZER_KINDS.join(', ')}), not ${mobilizer.kind}` };
  }
  if (unit.id === mobilizer.id) return { field: 'organizationId', message: 'a union does not enrol itself' };
  if (!unit.ancestors.includes(mobilizer.id)) return { field: 'organizationId', message: 'must be inside the mobilizing union' };
  return null;
}
