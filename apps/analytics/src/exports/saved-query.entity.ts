import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A cube query an analyst or the office keeps under a name, to export its cells again. */
@Entity('saved_cube_query')
export class SavedCubeQuery {
  /** Unique: 1 to 60 characters of a-z, 0-9 and -. */
  @PrimaryColumn('varchar', { length: 60 }) name: string;
  @Column('varchar', { length: 40 }) fact: string;
  /** The cube's arguments (fact, measures, groupBy, filter, orderBy, first), as given. */
  @Column('simple-json') query: Record<string, unknown>;
  /** The `sub` of whoever saved it. */
  @Column('varchar', { length: 200 }) owner: string;
  @Column('datetime') createdAt: Date;
}
