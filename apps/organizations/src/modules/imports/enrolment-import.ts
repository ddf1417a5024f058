import { type DataSource, In } from 'typeorm';
import { ENROLMENTS_SHEET, type Identity, hasRole } from '@meritgraph/domain';
import type { ImportKind } from '@meritgraph/subgraph-kit';
import { distinct } from '../bulk';
import { Contest } from '../contest/contest.entity';
import type { EnrolmentInput, ParticipationService } from '../participation/participation.service';
import { type Item, type Refusal, findOrganization, isRefusal, judgeInChunks, registryOf, text, judgedImport } from './rows';

/** The sheet's column a refusal of enrolUnits names. */
const COLUMN_OF: Readonly<Record<string, string>> = {
  contestId: 'contestCode',
  organizationId: 'organizationCreditCode',
  mobilizedById: 'mobilizedByCreditCode',
};

/**
 * The import of enrolments (参赛单位名单): the office, or a mobilizing union (an organizer)
 * handing in its list. Each row names the contest by its code, the unit by its credit code
 * (the name, when given, must be the unit's), and the mobilizing union by its credit code;
 * an organizer who leaves that empty means its own union. Rows then go through enrolUnits'
 * rules, MAX_BATCH a list, in one transaction, all or nothing.
 */
export function enrolmentImport(dataSource: DataSource, participations: ParticipationService, clock: () => Date): ImportKind {
  return {
    spec: ENROLMENTS_SHEET,
    allowed: (identity: Identity) => hasRole(identity, 'ADMIN') || hasRole(identity, 'ORGANIZER'),
    async run(run) {
      const { identity, rows } = run;
      const ownUnion = hasRole(identity, 'ORGANIZER') && identity.org ? identity.org : null;
      return judgedImport(dataSource, clock, run, 'enrolments', async (em, failures) => {
        const codes = distinct(rows.map((r) => text(r.values.contestCode)));
        const contests = new Map((codes.length ? await em.findBy(Contest, { code: In(codes) }) : []).map((c) => [c.code, c.id]));
        const registry = await registryOf(
          em,
          rows.flatMap((r) => [text(r.values.organizationCreditCode), text(r.values.mobilizedByCreditCode)]),
          [],
        );
        const items: Item<EnrolmentInput>[] = [];
        rows.forEach((row, index) => {
          const refusals: Refusal[] = [];
          const contestCode = text(row.values.contestCode);
          const contestId = contestCode ? contests.get(contestCode) : undefined;
          if (!contestId) refusals.push({ field: 'contestCode', code: 'NOT_FOUND', message: `No contest has the code ${contestCode}` });
          const unit = findOrganization(
            registry,
            { code: text(row.values.organizationCreditCode), name: text(row.values.organizationName) },
            { code: 'organizationCreditCode', name: 'organizationName' },
          );
          if (isRefusal(unit)) refusals.push(unit);
          const mobilizerCode = text(row.values.mobilizedByCreditCode);
          let mobilizedById: string | null = ownUnion;
          if (mobilizerCode) {
            const mobilizer = registry.byCode.get(mobilizerCode);
            mobilizedById = mobilizer?.id ?? null;
            if (!mobilizer) {
              refusals.push({
                field: 'mobilizedByCreditCode',
                code: 'NOT_FOUND',
                message: `No union has the credit code ${mobilizerCode}`,
              });
            }
          } else if (!mobilizedById) {
            refusals.push({
              field: 'mobilizedByCreditCode',
              code: 'BAD_USER_INPUT',
              message: "give the mobilizing union's credit code",
            });
          }
          if (refusals.length || isRefusal(unit)) return failures.push(...refusals.map((r) => ({ ...r, index })));
          items.push({ index, input: { contestId: contestId!, organizationId: unit.id, mobilizedById: mobilizedById! } });
        });
        const made = await judgeInChunks(
          items,
          (inputs) => participations.enrolManyIn(em, identity, inputs),
          (_, failure) => failures.push({ ...failure, field: (failure.field && COLUMN_OF[failure.field]) ?? failure.field ?? null }),
        );
        return made.length;
      });
    },
  };
}
