import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The office's decision on a tie across the places line of 优秀组织奖: which of the tied units
 * take the seats left. One per contest; it settles only the tie it was made for (the same line
 * and the same units), so a re-assessment that changes the tie asks for a new decision.
 */
@Entity()
export class OrganizerTieDecision {
  @PrimaryColumn('varchar', { length: 36 })
  contestId: string;

  @Column('int')
  places: number;

  @Column('simple-json')
  tiedIds: string[];

  @Column('simple-json')
  chosenIds: string[];

  @Column('varchar', { length: 500 })
  reason: string;

  @Column('datetime')
  decidedAt: Date;
}
