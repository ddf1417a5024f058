import type { DataSource } from 'typeorm';
import { ORGANIZATIONS_SHEET, type Identity, type OrganizationKind, hasRole } from '@meritgraph/domain';
import type { ImportKind, ParsedRow } from '@meritgraph/subgraph-kit';
import type { NewOrganization, OrganizationService } from '../organization/organization.service';
import { type Item, type Refusal, type Registry, isRefusal, judgeInChunks, registryOf, text, judgedImport } from './rows';

/** Where a row's parent is: registered already, another row of the sheet, or none (top level). */
type Parent = { registered: string } | { row: number } | null;

interface SheetRow {
  input: NewOrganization;
  /** The column the row names its parent in, for refusals of the parent. */
  parentColumn: 'parentCreditCode' | 'parentName';
  parent: Parent;
}

const PARENT_COLUMNS = { code: 'parentCreditCode', name: 'parentName' } as const;

/** The rows of the sheet by credit code (the first row with it) and by name. */
interface SheetIndex {
  names: readonly (string | null)[];
  byCode: ReadonlyMap<string, number>;
  byName: ReadonlyMap<string, readonly number[]>;
}

function indexOf(rows: readonly ParsedRow[]): SheetIndex {
  const names = rows.map((r) => text(r.values.name));
  const byCode = new Map<string, number>();
  const byName = new Map<string, number[]>();
  rows.forEach((r, index) => {
    const code = text(r.values.creditCode);
    if (code && !byCode.has(code)) byCode.set(code, index);
    const name = names[index];
    if (!name) return;
    const same = byName.get(name);
    if (same) same.push(index);
    else byName.set(name, [index]);
  });
  return { names, byCode, byName };
}

/**
 * A row's parent: by credit code, the organization registered with it or else the row of the
 * sheet that has it; by name (when the parent has no code), the one organization or row of
 * that name. Neither is NOT_FOUND on the column used.
 */
function parentOf(registry: Registry, sheet: SheetIndex, row: ParsedRow): Parent | Refusal {
  const code = text(row.values.parentCreditCode);
  const name = text(row.values.parentName);
  if (!code && !name) return null;
  if (code) {
    const registered = registry.byCode.get(code);
    const index = registered ? undefined : sheet.byCode.get(code);
    if (!registered && index === undefined) {
      return {
        field: PARENT_COLUMNS.code,
        code: 'NOT_FOUND',
        message: `No organization has the credit code ${code}, registered or in this sheet`,
      };
    }
    const parentName = registered ? registered.name : sheet.names[index!];
    if (name && name !== parentName) {
      return {
        field: PARENT_COLUMNS.name,
        code: 'BAD_USER_INPUT',
        message: `The parent with the code ${code} is ${parentName}, not ${name}`,
      };
    }
    return registered ? { registered: registered.id } : { row: index! };
  }
  const registered = registry.byName.get(name!) ?? [];
  const inSheet = sheet.byName.get(name!) ?? [];
  const matches = registered.length + inSheet.length;
  if (matches === 0) {
    return { field: PARENT_COLUMNS.name, code: 'NOT_FOUND', message: `No organization is named ${name}, registered or in this sheet` };
  }
  if (matches > 1) {
    return {
      field: PARENT_COLUMNS.name,
      code: 'BAD_USER_INPUT',
      message: `${matches} organizations are named ${name}: give the parent's credit code`,
    };
  }
  return registered.length ? { registered: registered[0]!.id } : { row: inSheet[0]! };
}

/** The rows whose parents, followed through the sheet, come back to them. */
function onCycles(pending: ReadonlySet<number>, sheet: readonly SheetRow[]): number[] {
  const cyclic: number[] = [];
  for (const start of pending) {
    const seen = new Set<number>();
    let at: number | null = start;
    while (at !== null && pending.has(at) && !seen.has(at)) {
      seen.add(at);
      const parent: Parent = sheet[at]!.parent;
      at = parent && 'row' in parent ? parent.row : null;
    }
    if (at === start) cyclic.push(start);
  }
  return cyclic;
}

/**
 * The office's import of organizations: each row as createOrganization's input, its parent
 * registered already or a row of the same sheet. Rows are created level by level in one
 * transaction (those whose parent is known first, then their children…), MAX_BATCH a list,
 * all or nothing. A row whose parent row is refused is still judged (as if top-level), so
 * that each of its own problems is reported too.
 */
export function organizationImport(dataSource: DataSource, organizations: OrganizationService, clock: () => Date): ImportKind {
  return {
    spec: ORGANIZATIONS_SHEET,
    allowed: (identity: Identity) => hasRole(identity, 'ADMIN'),
    async run(run) {
      const { identity, rows } = run;
      return judgedImport(dataSource, clock, run, 'organizations', async (em, failures) => {
        const registry = await registryOf(
          em,
          rows.map((r) => text(r.values.parentCreditCode)),
          rows.map((r) => text(r.values.parentName)),
        );
        const index = indexOf(rows);
        const sheet: SheetRow[] = rows.map((row, at) => {
          const parent = parentOf(registry, index, row);
          if (isRefusal(parent)) failures.push({ ...parent, index: at });
          return {
            input: {
              name: text(row.values.name) ?? '',
              shortName: text(row.values.shortName),
              kind: row.values.kind as OrganizationKind,
              district: text(row.values.district),
              creditCode: text(row.values.creditCode),
            },
            parentColumn: text(row.values.parentCreditCode) || !text(row.values.parentName) ? 'parentCreditCode' : 'parentName',
            parent: isRefusal(parent) ? null : parent,
          };
        });
        const made = new Map<number, string>();
        const refused = new Set<number>();
        const pending = new Set(sheet.keys());
        while (pending.size) {
          const settled = (index: number) => made.has(index) || refused.has(index);
          const level = [...pending].filter((index) => {
            const parent = sheet[index]!.parent;
            return !parent || 'registered' in parent || settled(parent.row);
          });
          if (!level.length) {
            // Every row left is on a cycle of parents or below one: the cycle is refused.
            const cyclic = onCycles(pending, sheet);
            if (!cyclic.length) throw new Error('organization import: rows left with no parent to wait for');
            for (const index of cyclic) {
              const { parentColumn } = sheet[index]!;
              const message = 'the parents in this sheet make a cycle';
              failures.push({ index, field: parentColumn, code: 'BAD_USER_INPUT', message });
              sheet[index]!.parent = null;
            }
            continue;
          }
          const items: Item<NewOrganization>[] = level.map((index) => {
            const { input, parent } = sheet[index]!;
            const parentId = !parent ? null : 'registered' in parent ? parent.registered : (made.get(parent.row) ?? null);
            return { index, input: { ...input, parentId } };
          });
          const results = await judgeInChunks(
            items,
            (inputs) => organizations.createManyIn(em, identity, inputs),
            (item, failure) => {
              refused.add(item.index);
              const field = failure.field === 'parentId' ? sheet[item.index]!.parentColumn : failure.field;
              failures.push({ ...failure, field: field === 'inputs' ? null : field });
            },
          );
          for (const { item, made: organization } of results) made.set(item.index, organization.id);
          for (const index of level) pending.delete(index);
        }
        return made.size;
      });
    },
  };
}
