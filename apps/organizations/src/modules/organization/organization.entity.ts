import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { OrganizationKind } from '@meritgraph/domain';

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What sort of body an organization is: a union, an agency, a park, a company, …',
});

@Entity()
@ObjectType({ description: 'A unit, union, agency or park taking part in contests.' })
@Directive('@key(fields: "id")')
export class Organization {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID)
  id: string;

  @Column('varchar', { length: 120 })
  @Index()
  @Field(() => String)
  name: string;

  @Column('varchar', { length: 40, nullable: true })
  @Field(() => String, { nullable: true })
  shortName: string | null;

  @Column('varchar', { length: 32 })
  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Column('varchar', { length: 36, nullable: true })
  @Index()
  parentId: string | null;

  @Column('varchar', { length: 40, nullable: true })
  @Field(() => String, { nullable: true, description: 'The district (区) the organization sits in.' })
  district: string | null;

  @Column('varchar', { length: 18, nullable: true })
  @Index({ unique: true })
  @Field(() => String, { nullable: true, description: 'Unified social credit code (统一社会信用代码), GB 32100-2015.' })
  creditCode: string | null;

  @Column('datetime')
  @Field(() => Date)
  createdAt: Date;
}
