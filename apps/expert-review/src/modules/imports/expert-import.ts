import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { EXPERTS_SHEET, type ExpertTitle, type Identity, hasRole } from '@meritgraph/domain';
import { type ImportFailure, type ImportKind, type ParsedRow, failuresOf, importTransaction, recordImport } from '@meritgraph/subgraph-kit';
import { Expert } from '../expert/expert.entity';
import type { NewExpert } from '../expert/expert.service';
import { type ExpertService, MAX_BATCH } from '../expert/expert.service';
import type { OrganizationsApi, RegisteredOrganization } from '../references/peers';

/** The sheet's column a refusal of createExperts names. */
const COLUMN_OF: Readonly<Record<string, string>> = { personId: 'name', affiliationId: 'affiliationCreditCode', title: 'title' };

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** Organizations by credit code, and by name for those without one (a name several share finds none). */
function organizationFinder(registry: readonly RegisteredOrganization[]) {
  const byCode = new Map(registry.filter((o) => o.creditCode).map((o) => [o.creditCode!, o] as const));
  const byName = new Map<string, RegisteredOrganization[]>();
  for (const o of registry) byName.set(o.name, [...(byName.get(o.name) ?? []), o]);
  return (code: string | null, name: string | null, column: string): RegisteredOrganization | ImportFailure => {
    if (code)
      return byCode.get(code) ?? { index: -1, field: column, code: 'NOT_FOUND', message: `No organization has the credit code ${code}` };
    const named = name ? (byName.get(name) ?? []) : [];
    if (named.length === 1) return named[0]!;
    if (named.length > 1)
      return {
        index: -1,
        field: column,
        code: 'BAD_USER_INPUT',
        message: `${named.length} organizations are named ${name}: give the credit code`,
      };
    return {
      index: -1,
      field: column,
      code: name ? 'NOT_FOUND' : 'BAD_USER_INPUT',
      message: name ? `No organization is named ${name}` : 'give the credit code or the name',
    };
  };
}

const isFailure = (x: unknown): x is ImportFailure => !!x && typeof x === 'object' && 'code' in x;

/**
 * The office's import of the expert pool (百人评审专家库): each row names a person already
 * registered at an organization (by the organization's credit code, or its name), with the
 * expert's title, expertise and affiliation. Rows go through createExperts' rules in one
 * transaction, 500 a list, all or nothing.
 */
export function expertImport(
  dataSource: DataSource,
  experts: ExpertService,
  organizations: OrganizationsApi,
  clock: () => Date,
): ImportKind {
  return {
    spec: EXPERTS_SHEET,
    allowed: (identity: Identity) => hasRole(identity, 'ADMIN'),
    async run({ identity, rows, commit, sha256 }) {
      const failures: ImportFailure[] = [];
      const find = organizationFinder(await organizations.registry());
      const homes = rows.map((r) => find(text(r.values.organizationCreditCode), text(r.values.organizationName), 'organizationCreditCode'));
      const people = await organizations.peopleOf(homes.filter((h): h is RegisteredOrganization => !isFailure(h)).map((h) => h.id));
      // People who share a name at one organization are told apart only by order: each row naming
      // them takes the next one not yet in the pool (nor taken by an earlier row).
      const inPool = new Set(
        people.length ? (await dataSource.manager.findBy(Expert, { personId: In(people.map((p) => p.id)) })).map((x) => x.personId) : [],
      );
      const takenByRow = new Set<string>();
      const inputs: { index: number; input: NewExpert }[] = [];
      rows.forEach((row: ParsedRow, index) => {
        const home = homes[index]!;
        if (isFailure(home)) return failures.push({ ...home, index });
        const name = text(row.values.name)!;
        const matches = people.filter((p) => p.organizationId === home.id && p.name === name);
        const person = matches.length === 1 ? matches[0] : matches.find((p) => !inPool.has(p.id) && !takenByRow.has(p.id));
        if (!person) {
          return failures.push({
            index,
            field: 'name',
            code: matches.length ? 'BAD_USER_INPUT' : 'NOT_FOUND',
            message: matches.length
              ? `${matches.length} people at ${home.name} are named ${name}, and each is in the pool or named by an earlier row`
              : `No person named ${name} is registered at ${home.name}; import the people first`,
          });
        }
        takenByRow.add(person.id);
        const affiliationCode = text(row.values.affiliationCreditCode);
        const affiliation = affiliationCode ? find(affiliationCode, null, 'affiliationCreditCode') : null;
        if (isFailure(affiliation)) return failures.push({ ...affiliation, index });
        inputs.push({
          index,
          input: {
            personId: person.id,
            affiliationId: affiliation?.id ?? null,
            title: row.values.title as ExpertTitle,
            expertise: (row.values.expertise as string[] | null) ?? [],
            active: typeof row.values.active === 'boolean' ? row.values.active : null,
          },
        });
      });
      const created = await importTransaction(
        dataSource,
        (made: number) => commit && failures.length === 0 && made === rows.length,
        async (em) => {
          let made = 0;
          for (let start = 0; start < inputs.length; start += MAX_BATCH) {
            const chunk = inputs.slice(start, start + MAX_BATCH);
            const list = chunk.map((c) => c.input);
            try {
              made += (await experts.createManyIn(em, identity, list, await experts.factsFor(identity, list))).length;
            } catch (error) {
              for (const f of failuresOf(error)) {
                failures.push({ ...f, index: chunk[f.index]!.index, field: (f.field && COLUMN_OF[f.field]) ?? f.field ?? null });
              }
            }
          }
          if (commit && failures.length === 0)
            await recordImport(em, identity, clock(), { kind: 'experts', sha256, rows: rows.length, created: made });
          return made;
        },
      );
      return { created: failures.length ? 0 : created, failures };
    },
  };
}
