import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/*
 * The star schema's facts: one row per submission, entry in a round (with its frozen
 * result), assignment, scorecard, honor, prior honor and organizer evaluation, keyed to the
 * dimensions by id. Kept as the owners' change feeds last gave them.
 */

@Entity('fact_submission')
@Index(['contestId', 'status'])
export class FactSubmission {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) contestId: string;
  @Column('varchar', { length: 36, nullable: true }) trackId: string | null;
  @Column('varchar', { length: 36 }) organizationId: string;
  @Column('varchar', { length: 40, nullable: true }) referenceNumber: string | null;
  @Column('varchar', { length: 300 }) title: string;
  @Column('varchar', { length: 20 }) status: string;
  @Column('varchar', { length: 30, nullable: true }) achievementKind: string | null;
  @Column('int') teamSize: number;
  @Column('datetime') createdAt: Date;
  @Column('datetime', { nullable: true }) submittedAt: Date | null;
  @Column('datetime', { nullable: true }) withdrawnAt: Date | null;
  @Column('int') version: number;
}

@Entity('fact_entry')
@Index(['roundId'])
@Index(['submissionId'])
export class FactEntry {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) roundId: string;
  @Column('varchar', { length: 36 }) submissionId: string;
  @Column('varchar', { length: 36 }) organizationId: string;
  @Column('varchar', { length: 36 }) trackId: string;
  @Column('varchar', { length: 20 }) state: string;
  @Column('varchar', { length: 40, nullable: true }) groupCode: string | null;
  @Column('int', { nullable: true }) scorecardCount: number | null;
  @Column('double', { nullable: true }) mean: number | null;
  @Column('double', { nullable: true }) trimmedMean: number | null;
  @Column('double', { nullable: true }) median: number | null;
  @Column('double', { nullable: true }) normalized: number | null;
  @Column('double', { nullable: true }) aggregate: number | null;
  @Column('int', { nullable: true }) rank: number | null;
  @Column('varchar', { length: 20, nullable: true }) outcome: string | null;
  @Column('boolean') overridden: boolean;
  @Column('int') version: number;
}

@Entity('fact_assignment')
@Index(['roundId'])
export class FactAssignment {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) roundId: string;
  @Column('varchar', { length: 36 }) entryId: string;
  @Column('varchar', { length: 36 }) expertId: string;
  @Column('varchar', { length: 36, nullable: true }) panelId: string | null;
  @Column('varchar', { length: 30 }) status: string;
  @Column('datetime') createdAt: Date;
  @Column('datetime') updatedAt: Date;
  @Column('int') version: number;
}

@Entity('fact_scorecard')
@Index(['roundId'])
export class FactScorecard {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) assignmentId: string;
  @Column('varchar', { length: 36 }) roundId: string;
  @Column('varchar', { length: 36 }) entryId: string;
  @Column('varchar', { length: 36 }) expertId: string;
  @Column('double') total: number;
  @Column('varchar', { length: 20, nullable: true }) decision: string | null;
  @Column('simple-json') scores: Record<string, number>;
  @Column('datetime') updatedAt: Date;
  @Column('int') version: number;
}

@Entity('fact_honor')
@Index(['contestId'])
export class FactHonor {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) contestId: string;
  @Column('int') year: number;
  @Column('varchar', { length: 40 }) awardTypeCode: string;
  @Column('varchar', { length: 20 }) recipientKind: string;
  @Column('varchar', { length: 36 }) recipientId: string;
  @Column('varchar', { length: 300 }) recipientName: string;
  @Column('varchar', { length: 36 }) organizationId: string;
  @Column('varchar', { length: 300 }) organizationName: string;
  @Column('varchar', { length: 20 }) status: string;
  @Column('varchar', { length: 36, nullable: true }) nominatedByOrg: string | null;
  @Column('datetime') createdAt: Date;
  @Column('datetime', { nullable: true }) proposedAt: Date | null;
  @Column('datetime', { nullable: true }) announcedAt: Date | null;
  @Column('datetime', { nullable: true }) objectionsCloseAt: Date | null;
  @Column('varchar', { length: 10, nullable: true }) conferredOn: string | null;
  @Column('varchar', { length: 60, nullable: true }) certificateNumber: string | null;
  @Column('datetime', { nullable: true }) revokedAt: Date | null;
  @Column('int') version: number;
}

@Entity('fact_prior_honor')
@Index(['submissionId'])
export class FactPriorHonor {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) submissionId: string;
  @Column('varchar', { length: 30 }) level: string;
  @Column('varchar', { length: 300 }) name: string;
  @Column('int') year: number;
  @Column('boolean') verified: boolean;
  @Column('int') version: number;
}

@Entity('fact_organizer_evaluation')
export class FactOrganizerEvaluation {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) contestId: string;
  @Column('varchar', { length: 36 }) organizationId: string;
  @Column('double') leadership: number;
  @Column('double') promotion: number;
  @Column('double') performance: number;
  @Column('double') incentive: number;
  @Column('double') features: number;
  @Column('int') version: number;
}
