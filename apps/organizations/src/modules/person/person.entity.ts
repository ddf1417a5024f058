import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity()
@ObjectType({
  description: 'A person: a unit contact, a team member, an expert, an honoree. Signed-in callers only (anonymous: UNAUTHENTICATED).',
})
@Directive('@key(fields: "id")')
export class Person {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable identifier; the key other subgraphs use.' })
  id: string;

  @Column('varchar', { length: 60 })
  @Index()
  @Field(() => String, { description: 'Full name (at most 60 characters).' })
  name: string;

  @Column('varchar', { length: 36 })
  @Index()
  organizationId: string;

  @Column('varchar', { length: 80, nullable: true })
  @Field(() => String, { nullable: true, description: 'Position or title in the organization.' })
  position: string | null;

  /** Personal contact data: served only through the guarded field resolvers. */
  @Column('varchar', { length: 20, nullable: true })
  phone: string | null;

  @Column('varchar', { length: 120, nullable: true })
  email: string | null;

  @Column('datetime')
  @Field(() => Date, { description: 'When the person was registered (UTC).' })
  createdAt: Date;
}
