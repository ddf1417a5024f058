import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { OrganizationKind } from '@meritgraph/domain';

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description:
    'What sort of body an organization is. Unions (the federation, district and industry unions) mobilize units and organize contests.',
  valuesConfig: {
    TRADE_UNION_FEDERATION: { description: 'The city trade union federation (总工会), at the top of the hierarchy: a union.' },
    GOVERNMENT_AGENCY: { description: 'A government body (委办局), e.g. a co-organizer of a contest.' },
    DISTRICT_UNION: { description: "A district's trade union (区总工会): a union that mobilizes the units of its district." },
    INDUSTRY_UNION: { description: "An industry's trade union (产业工会): a union that mobilizes the units of its sector." },
    PARK: { description: 'A science or industrial park (园区), grouping the enterprises in it.' },
    ENTERPRISE: { description: 'A company: a unit that files submissions.' },
    RESEARCH_INSTITUTE: { description: 'A research institute or laboratory: a unit that files submissions.' },
    UNIVERSITY: { description: 'A university or college: a unit that files submissions.' },
    HOSPITAL: { description: 'A hospital: a unit that files submissions.' },
    ASSOCIATION: { description: 'A trade or professional association: a unit that files submissions.' },
  },
});

@Entity()
@ObjectType({
  description:
    'A unit, union, agency or park taking part in contests, in one hierarchy (federation → union → park → company → department). Public: anyone may read it.',
})
@Directive('@key(fields: "id")')
export class Organization {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable identifier; the key other subgraphs use.' })
  id: string;

  @Column('varchar', { length: 120 })
  @Index()
  @Field(() => String, { description: 'Full registered name, e.g. 上海市浦东新区总工会 (at most 120 characters).' })
  name: string;

  @Column('varchar', { length: 40, nullable: true })
  @Field(() => String, { nullable: true, description: 'Short form for lists and certificates (at most 40 characters); null if none.' })
  shortName: string | null;

  @Column('varchar', { length: 32 })
  @Field(() => OrganizationKind, { description: 'What sort of body it is: a union, an agency, a park or a unit.' })
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
  @Field(() => Date, { description: 'When it was registered on the platform (UTC).' })
  createdAt: Date;
}
