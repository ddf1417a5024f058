import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { EliminationReason, TieBreak } from '@meritgraph/domain';
import { wallClockColumn } from '../presentation/programme-time';

export const RoundOutcome = { ADVANCED: 'ADVANCED', ELIMINATED: 'ELIMINATED', EXCELLENT: 'EXCELLENT' } as const;
export type RoundOutcome = keyof typeof RoundOutcome;
registerEnumType(RoundOutcome, {
  name: 'RoundOutcome',
  description: 'ADVANCED to the next round, ELIMINATED, or EXCELLENT (优秀成果) in the final round.',
  valuesConfig: {
    ADVANCED: { description: 'Goes on to the next round (before the final round).' },
    ELIMINATED: { description: 'Stops in this round.' },
    EXCELLENT: { description: 'Found excellent (优秀成果) in the final round: a candidate for EXCELLENT_ACHIEVEMENT.' },
  },
});

export const OverrideOutcome = { ADVANCE: 'ADVANCE', ELIMINATE: 'ELIMINATE' } as const;
export type OverrideOutcome = keyof typeof OverrideOutcome;
registerEnumType(OverrideOutcome, {
  name: 'OverrideOutcome',
  description: 'What an office override forces.',
  valuesConfig: {
    ADVANCE: { description: 'The entry advances (EXCELLENT in a final round) whatever its rank.' },
    ELIMINATE: { description: 'The entry is eliminated whatever its rank.' },
  },
});

/** An entry's result in a round, computed and frozen when the round is finalized (or computed for a preview). */
@Entity()
@Index(['roundId', 'groupCode', 'rank'])
@ObjectType({ description: "An entry's result in a round: its figures, rank in its quota group, and outcome." })
export class RoundResult {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable id of the result.' })
  id: string;

  @Column('varchar', { length: 36 })
  roundId: string;

  @Column('varchar', { length: 36 })
  @Index({ unique: true })
  entryId: string;

  @Column('varchar', { length: 36 })
  @Index()
  submissionId: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  trackId: string;

  @Column('varchar', { length: 40, nullable: true })
  @Field(() => String, { nullable: true, description: 'The quota group it was ranked in.' })
  groupCode: string | null;

  @Column('int')
  @Field(() => Int, { description: 'Scorecards counted.' })
  scorecardCount: number;

  @Column('double')
  @Field(() => Float, { description: 'Mean of the scorecard totals.' })
  mean: number;

  @Column('double')
  @Field(() => Float, { description: 'Mean without the highest and lowest scorecard (from the round’s trim minimum up).' })
  trimmedMean: number;

  @Column('double')
  @Field(() => Float, { description: 'Median of the scorecard totals.' })
  median: number;

  @Column('double')
  @Field(() => Float, { description: 'Mean per-expert z-score, rescaled to the score range.' })
  normalized: number;

  @Column('double')
  @Field(() => Float, { description: 'The figure the round ranked by, per its aggregation method.' })
  aggregate: number;

  @Column('double')
  @Field(() => Float, { description: 'Mean score on the highest-weighted criterion.' })
  topCriterion: number;

  @Column('int')
  @Field(() => Int, { description: 'PASS and RECOMMEND decisions (screening).' })
  passCount: number;

  @Column('int')
  @Field(() => Int, { description: 'RECOMMEND decisions, in this round or screening.' })
  recommendCount: number;

  @Column('int')
  @Field(() => Int, { description: 'ELIMINATE decisions (screening).' })
  eliminateCount: number;

  @Column('boolean')
  @Field(() => Boolean, { description: 'Recommended by at least one screening expert; the mark stays with the entry.' })
  recommended: boolean;

  @Column('simple-array')
  @Field(() => [EliminationReason], { description: 'Why screening eliminated it.' })
  eliminationReasons: EliminationReason[];

  @Column('int', { nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: 'Rank in its quota group, from 1; entries the whole tie-break chain cannot separate share a rank.',
  })
  rank: number | null;

  @Column('varchar', { length: 20, nullable: true })
  @Field(() => TieBreak, { nullable: true, description: 'The tie-break step that put it ahead of the next entry.' })
  decidedBy: TieBreak | null;

  @Column('varchar', { length: 12 })
  @Field(() => RoundOutcome, { description: 'What the round decided for the entry.' })
  outcome: RoundOutcome;

  @Column('varchar', { length: 12, nullable: true })
  @Field(() => OverrideOutcome, { nullable: true, description: 'An office override that decided the outcome.' })
  override: OverrideOutcome | null;

  @Column('varchar', { length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'The office’s reason for an override; null without one.' })
  overrideReason: string | null;

  @Column('datetime')
  @Field(() => Date, { description: 'When it was computed.' })
  computedAt: Date;
}

/** An office decision to advance or eliminate one entry, applied when results are computed. */
@Entity()
@Index(['roundId', 'entryId'], { unique: true })
@ObjectType({ description: 'An office override of one entry’s outcome, with its reason.' })
export class ResultOverride {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable id of the override.' })
  id: string;

  @Column('varchar', { length: 36 })
  roundId: string;

  @Column('varchar', { length: 36 })
  entryId: string;

  @Column('varchar', { length: 12 })
  @Field(() => OverrideOutcome, { description: 'What the office forced.' })
  outcome: OverrideOutcome;

  @Column('varchar', { length: 500 })
  @Field(() => String, { description: 'The office’s reason.' })
  reason: string;

  @Column('datetime')
  @Field(() => Date, { description: 'When it was recorded.' })
  createdAt: Date;
}

/** An office decision to give a quota group more places than configured, with its reason. */
@Entity()
@Index(['roundId', 'groupCode'], { unique: true })
@ObjectType({ description: 'A quota raised by the office, with its reason.' })
export class QuotaRaise {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable id of the raise.' })
  id: string;

  @Column('varchar', { length: 36 })
  roundId: string;

  @Column('varchar', { length: 40 })
  @Field(() => String, { description: 'The quota group raised, e.g. AI.' })
  groupCode: string;

  @Column('int')
  @Field(() => Int, { description: 'The quota in force after the raise.' })
  quota: number;

  @Column('varchar', { length: 500 })
  @Field(() => String, { description: 'The office’s reason.' })
  reason: string;

  @Column('datetime')
  @Field(() => Date, { description: 'When it was recorded.' })
  createdAt: Date;
}

/** A final-round presentation slot: one entry, its presenter, in a panel's room. */
@Entity()
@Index(['roundId', 'panelId', 'position'], { unique: true })
@ObjectType({ description: 'A final-round presentation slot.' })
export class Presentation {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable id of the slot; a new schedule makes new slots.' })
  id: string;

  @Column('varchar', { length: 36 })
  roundId: string;

  @Column('varchar', { length: 36 })
  panelId: string;

  @Column('varchar', { length: 36 })
  @Index({ unique: true })
  entryId: string;

  @Column('varchar', { length: 36, nullable: true })
  presenterId: string | null;

  @Column('int')
  @Field(() => Int, { description: 'Position in the panel’s running order, from 1.' })
  position: number;

  @Column('varchar', { length: 16, transformer: wallClockColumn })
  @Field(() => Date, { description: 'When the presentation starts, to the minute (the programme is printed in Beijing time, UTC+8).' })
  startsAt: Date;

  @Column('varchar', { length: 16, transformer: wallClockColumn })
  @Field(() => Date, { description: 'When the slot ends, questions included: startsAt plus the schedule’s slotMinutes.' })
  endsAt: Date;

  /** Not stored: set on the slots a read hands out, so that a slot links its live submission once the round is public. */
  roundPublished?: boolean;
}
