import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { PriorHonorLevel } from '@meritgraph/domain';

registerEnumType(PriorHonorLevel, {
  name: 'PriorHonorLevel',
  description: 'NATIONAL, PROVINCIAL_MINISTERIAL, MUNICIPAL or OTHER.',
  valuesConfig: {
    NATIONAL: { description: 'Granted by the state (国家级), e.g. a State Science and Technology Award.' },
    PROVINCIAL_MINISTERIAL: { description: 'Granted by a province or a ministry (省部级).' },
    MUNICIPAL: { description: 'Granted by a city or its bureaus (市级).' },
    OTHER: { description: 'Any other level.' },
  },
});

/** An honor an achievement already held when it was entered. */
@Entity()
@ObjectType({ description: 'An honor an achievement already holds, and whether the office verified it.' })
export class PriorHonor {
  @PrimaryColumn('varchar', { length: 36 })
  @Field(() => ID, { description: 'Stable id of the record.' })
  id: string;

  @Column('varchar', { length: 36 })
  @Index()
  submissionId: string;

  @Column('varchar', { length: 24 })
  @Field(() => PriorHonorLevel, { description: 'The honor’s level; the highest verified one counts in priorHonorLevels.' })
  level: PriorHonorLevel;

  @Column('varchar', { length: 200 })
  @Field(() => String, { description: 'The honor’s name, e.g. 国家科学技术进步奖二等奖.' })
  name: string;

  @Column('varchar', { length: 200 })
  @Field(() => String, { description: 'Who granted it, e.g. 国务院.' })
  issuer: string;

  @Column('int')
  @Field(() => Int, { description: 'The year it was granted.' })
  year: number;

  @Column('varchar', { length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Where the proof is, e.g. a certificate number or an attachment name.' })
  evidence: string | null;

  @Column('boolean')
  @Field(() => Boolean, { description: 'Whether the office verified it; only verified honors count.' })
  verified: boolean;

  @Column('datetime', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the office verified it.' })
  verifiedAt: Date | null;

  @Column('datetime')
  @Field(() => Date, { description: 'When it was recorded.' })
  createdAt: Date;

  /** The proof's file (a certificate's scan), once uploaded. */
  @Column('simple-json', { nullable: true })
  evidenceFile: StoredEvidence | null;

  /** The one upload URL issued and not yet used: what it was issued for. */
  @Column('simple-json', { nullable: true })
  evidenceUpload: PendingEvidence | null;
}

/** A prior honor's proof as it is kept. */
export interface StoredEvidence {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  uploadedAt: string;
}

/** An evidence upload issued and not yet received; its nonce makes the URL good for one upload. */
export interface PendingEvidence {
  nonce: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string | null;
  requestedBy: string;
  requestedRoles: string;
}
