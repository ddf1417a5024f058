import { entityReference } from '@meritgraph/subgraph-kit';

/** Entities owned by other subgraphs that analytics groups by: an analyst selects their fields through the graph. */
export const ContestRef = entityReference('Contest');
export type ContestRef = InstanceType<typeof ContestRef>;
export const TrackRef = entityReference('Track');
export type TrackRef = InstanceType<typeof TrackRef>;
export const ReviewRoundRef = entityReference('ReviewRound');
export type ReviewRoundRef = InstanceType<typeof ReviewRoundRef>;
export const OrganizationRef = entityReference('Organization');
export type OrganizationRef = InstanceType<typeof OrganizationRef>;
export const ExpertRef = entityReference('Expert');
export type ExpertRef = InstanceType<typeof ExpertRef>;
export const SubmissionRef = entityReference('Submission');
export type SubmissionRef = InstanceType<typeof SubmissionRef>;
