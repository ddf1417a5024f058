import type { DataSource } from 'typeorm';
import { PEOPLE_SHEET, type Identity, hasRole } from '@meritgraph/domain';
import type { ImportKind } from '@meritgraph/subgraph-kit';
import type { NewPerson, PersonService } from '../person/person.service';
import { type Item, findOrganization, isRefusal, judgeInChunks, registryOf, text, judgedImport } from './rows';

/** Stands for a unit the sheet does not name rightly, so that the row's other cells are still judged. */
const NO_UNIT = '00000000-0000-0000-0000-000000000000';

/**
 * The import of people: the office anywhere, an organizer for the units inside its own union
 * (as createPeople allows). Each row names its unit by credit code (or by name when the unit
 * has none), then goes through createPeople's rules, MAX_BATCH a list, in one transaction,
 * all or nothing.
 */
export function personImport(dataSource: DataSource, people: PersonService, clock: () => Date): ImportKind {
  return {
    spec: PEOPLE_SHEET,
    allowed: (identity: Identity) => hasRole(identity, 'ADMIN') || hasRole(identity, 'ORGANIZER'),
    async run(run) {
      const { identity, rows } = run;
      return judgedImport(dataSource, clock, run, 'people', async (em, failures) => {
        const registry = await registryOf(
          em,
          rows.map((r) => text(r.values.organizationCreditCode)),
          rows.map((r) => text(r.values.organizationName)),
        );
        const unitColumn: string[] = [];
        const unknownUnit = new Set<number>();
        const items: Item<NewPerson>[] = rows.map((row, index) => {
          const code = text(row.values.organizationCreditCode);
          const name = text(row.values.organizationName);
          unitColumn[index] = code || !name ? 'organizationCreditCode' : 'organizationName';
          const unit = findOrganization(registry, { code, name }, { code: 'organizationCreditCode', name: 'organizationName' });
          if (isRefusal(unit)) {
            failures.push({ ...unit, index });
            unknownUnit.add(index);
          }
          return {
            index,
            input: {
              name: text(row.values.name) ?? '',
              organizationId: isRefusal(unit) ? NO_UNIT : unit.id,
              position: text(row.values.position),
              phone: text(row.values.phone),
              email: text(row.values.email),
            },
          };
        });
        const made = await judgeInChunks(
          items,
          (inputs) => people.createManyIn(em, identity, inputs),
          (item, failure) => {
            if (failure.field !== 'organizationId') return failures.push(failure);
            // The unit's refusal is already reported on the cell that names it.
            if (!unknownUnit.has(item.index)) failures.push({ ...failure, field: unitColumn[item.index]! });
          },
        );
        return made.length;
      });
    },
  };
}
