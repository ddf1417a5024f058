import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/*
 * The star schema's dimensions: what facts are grouped and filtered by. Each row is the
 * latest state the owning subgraph's change feed gave for the record, with the version it
 * had then; the projection never reads the owners' tables.
 */

@Entity('dim_contest')
export class DimContest {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 40 }) code: string;
  @Column('varchar', { length: 200 }) name: string;
  @Column('int') year: number;
  @Column('varchar', { length: 30 }) status: string;
  @Column('datetime', { nullable: true }) submissionOpensAt: Date | null;
  @Column('datetime', { nullable: true }) submissionClosesAt: Date | null;
  @Column('int') version: number;
}

@Entity('dim_track')
export class DimTrack {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) contestId: string;
  @Column('varchar', { length: 40 }) code: string;
  @Column('varchar', { length: 200 }) name: string;
  @Column('int') version: number;
}

@Entity('dim_organization')
export class DimOrganization {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 200 }) name: string;
  @Column('varchar', { length: 100, nullable: true }) shortName: string | null;
  @Column('varchar', { length: 40 }) kind: string;
  @Column('varchar', { length: 36, nullable: true }) parentId: string | null;
  @Column('varchar', { length: 60, nullable: true }) district: string | null;
  /** Unified social credit code (统一社会信用代码); null for a unit registered without one. */
  @Column('varchar', { length: 18, nullable: true }) creditCode: string | null;
  @Column('int') version: number;
}

/** A unit's enrolment in a contest, with the union that mobilized it. */
@Entity('dim_participation')
@Index(['contestId', 'organizationId'])
export class DimParticipation {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) contestId: string;
  @Column('varchar', { length: 36 }) organizationId: string;
  @Column('varchar', { length: 36 }) mobilizedById: string;
  @Column('datetime') enrolledAt: Date;
  @Column('int') version: number;
}

/** A person's name and unit, as lists print them; the feed carries no contact data. */
@Entity('dim_person')
export class DimPerson {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 100 }) name: string;
  @Column('varchar', { length: 36 }) organizationId: string;
  @Column('varchar', { length: 100, nullable: true }) position: string | null;
  @Column('int') version: number;
}

@Entity('dim_expert')
export class DimExpert {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) personId: string;
  @Column('varchar', { length: 36 }) affiliationId: string;
  @Column('varchar', { length: 40 }) title: string;
  /** Track codes the expert judges, primary first; null on a row projected before the feed carried them. */
  @Column('simple-json', { nullable: true }) expertise: string[] | null;
  @Column('boolean') active: boolean;
  @Column('int') version: number;
}

@Entity('dim_round')
export class DimRound {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) contestId: string;
  @Column('varchar', { length: 200 }) name: string;
  @Column('varchar', { length: 20 }) stage: string;
  @Column('int') roundOrder: number;
  @Column('varchar', { length: 20 }) status: string;
  @Column('boolean') blind: boolean;
  @Column('datetime', { nullable: true }) publishedAt: Date | null;
  @Column('int') version: number;
}

@Entity('dim_panel')
export class DimPanel {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) roundId: string;
  @Column('varchar', { length: 200 }) name: string;
  @Column('simple-json') trackIds: string[];
  @Column('simple-json') memberIds: string[];
  @Column('int') version: number;
}

@Entity('dim_award_type')
export class DimAwardType {
  @PrimaryColumn('varchar', { length: 40 }) code: string;
  @Column('varchar', { length: 100 }) nameZh: string;
  @Column('varchar', { length: 100 }) nameEn: string;
  @Column('varchar', { length: 20 }) recipientKind: string;
  @Column('varchar', { length: 40 }) level: string;
  @Column('int') position: number;
  @Column('int') version: number;
}

@Entity('dim_award_quota')
export class DimAwardQuota {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) contestId: string;
  @Column('varchar', { length: 40 }) awardTypeCode: string;
  @Column('int') quota: number;
  @Column('int') version: number;
}
