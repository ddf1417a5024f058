import { entityReference } from '@meritgraph/subgraph-kit';

/** Entities owned by other subgraphs, which this one points at or extends. */
export const SubmissionRef = entityReference('Submission');
export type SubmissionRef = InstanceType<typeof SubmissionRef>;
export const OrganizationRef = entityReference('Organization');
export type OrganizationRef = InstanceType<typeof OrganizationRef>;
export const ContestRef = entityReference('Contest');
export type ContestRef = InstanceType<typeof ContestRef>;
export const PersonRef = entityReference('Person');
export type PersonRef = InstanceType<typeof PersonRef>;
export const TeamRef = entityReference('Team');
export type TeamRef = InstanceType<typeof TeamRef>;
