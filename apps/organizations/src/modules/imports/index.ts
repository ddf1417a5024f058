import type { DataSource } from 'typeorm';
import type { ImportKind } from '@meritgraph/subgraph-kit';
import { ContestService } from '../contest/contest.service';
import { OrganizationService } from '../organization/organization.service';
import { ParticipationService } from '../participation/participation.service';
import { PersonService } from '../person/person.service';
import { enrolmentImport } from './enrolment-import';
import { organizationImport } from './organization-import';
import { personImport } from './person-import';

export { enrolmentImport } from './enrolment-import';
export { organizationImport } from './organization-import';
export { personImport } from './person-import';

/**
 * The Excel imports this subgraph takes, each through its own services and rules: the
 * office's organizations and people, and the enrolments a mobilizing union (or the office)
 * hands in.
 */
export function organizationImports({ dataSource, clock }: { dataSource: DataSource; clock: () => Date }): Record<string, ImportKind> {
  const organizations = new OrganizationService(dataSource, clock);
  const contests = new ContestService(dataSource, clock);
  return {
    organizations: organizationImport(dataSource, organizations, clock),
    people: personImport(dataSource, new PersonService(dataSource, organizations, clock), clock),
    enrolments: enrolmentImport(dataSource, new ParticipationService(dataSource, contests, organizations, clock), clock),
  };
}
