import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity()
@Index(['organizationId', 'name'], { unique: true })
@ObjectType({
  description: 'A collective inside an organization (班组, 团队), such as a Worker Pioneer team. Signed-in callers only (else FORBIDDEN).',
})
@Directive('@key(fields: "id")')
export class Team {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable identifier; the key other subgraphs use.' })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 120 })
  @Field(() => String, { description: 'Its name, unique in its organization (at most 120 characters).' })
  name: string;

  @Column('datetime')
  @Field(() => Date, { description: 'When the team was registered (UTC).' })
  createdAt: Date;
}

/** A person in a team, in the order the team lists its members. */
@Entity()
@Index(['personId'])
export class TeamMember {
  @PrimaryColumn('varchar', { length: 36 })
  teamId: string;

  @PrimaryColumn('varchar', { length: 36 })
  personId: string;

  @Column('int')
  position: number;
}
