/** Which subgraph takes each kind of Excel import, and serves its template: the kind's owner. */
export const IMPORT_OWNERS: Readonly<Record<string, 'organizations' | 'expert-review'>> = {
  organizations: 'organizations',
  people: 'organizations',
  enrolments: 'organizations',
  experts: 'expert-review',
};
