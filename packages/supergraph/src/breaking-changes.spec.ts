import { readSupergraph } from '@meritgraph/gateway';
import { ACKNOWLEDGED_BREAKING_CHANGES, reportBreakingChanges } from './breaking-changes';
import { breakingChanges } from './compose';

describe('the compose report of breaking changes', () => {
  it('prints each change with its note, and flags the ones without a note', () => {
    const report = reportBreakingChanges(['FIELD_REMOVED: Organization.shortName was removed.', 'TYPE_REMOVED: Legacy was removed.'], {
      'FIELD_REMOVED: Organization.shortName was removed.': 'Read name instead.',
    });
    expect(report.lines).toEqual([
      'BREAKING FIELD_REMOVED: Organization.shortName was removed.\n  note: Read name instead.',
      'BREAKING TYPE_REMOVED: Legacy was removed.\n  UNACKNOWLEDGED: add it with a note for clients to packages/supergraph/src/breaking-changes.ts',
    ]);
    expect(report.unacknowledged).toEqual(['TYPE_REMOVED: Legacy was removed.']);
    expect(reportBreakingChanges([])).toEqual({ lines: [], unacknowledged: [] });
  });

  it('acknowledges the nullable root fields with a note, in the words compose uses for the change', () => {
    const current = readSupergraph();
    // The supergraph as it was before: Query.organizations non-null.
    const field = current.indexOf('\n  organizations(');
    const type = current.indexOf('): OrganizationConnection @join__field', field) + '): OrganizationConnection'.length;
    const required = `${current.slice(0, type)}!${current.slice(type)}`;
    expect(required).not.toBe(current);
    const changes = breakingChanges(required, current);
    expect(changes).toEqual([
      'FIELD_CHANGED_KIND: Query.organizations changed type from OrganizationConnection! to OrganizationConnection.',
    ]);
    const report = reportBreakingChanges(changes);
    expect(report.unacknowledged).toEqual([]);
    expect(report.lines[0]).toContain('note: Root fields that can be refused are nullable');
  });

  it('has a note of substance for every acknowledged change', () => {
    for (const [change, note] of Object.entries(ACKNOWLEDGED_BREAKING_CHANGES)) {
      expect(change).toMatch(/^[A-Z_]+: /);
      expect(note.length).toBeGreaterThan(30);
    }
  });
});
