import { type EntityManager, In, type ObjectLiteral } from 'typeorm';
import {
  DimAwardQuota,
  DimAwardType,
  DimContest,
  DimExpert,
  DimOrganization,
  DimPanel,
  DimParticipation,
  DimPerson,
  DimRound,
  DimTrack,
} from './dimensions.entity';
import {
  FactAssignment,
  FactEntry,
  FactHonor,
  FactOrganizerEvaluation,
  FactPriorHonor,
  FactScorecard,
  FactSubmission,
} from './facts.entity';

/** The subgraphs whose change feeds the projection reads, in the order it reads them. */
export const FEEDS = ['organizations', 'submissions', 'expert-review', 'honors'] as const;
export type FeedName = (typeof FEEDS)[number];

type State = Record<string, unknown>;

/** How one entity type of a feed becomes a row of the star schema. */
interface Projection<T extends ObjectLiteral = ObjectLiteral> {
  entity: new () => T;
  key: 'id' | 'code';
  row: (state: State, version: number) => T;
}

const text = (value: unknown): string => String(value ?? '');
const maybe = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const date = (value: unknown): Date => new Date(String(value));
const maybeDate = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(String(value)));
const num = (value: unknown): number => Number(value);
const maybeNum = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

const project = <T extends ObjectLiteral>(entity: new () => T, row: (s: State, version: number) => T, key: 'id' | 'code' = 'id') =>
  ({ entity, key, row }) as Projection<ObjectLiteral>;

/** Every entity type the star schema keeps, by feed; the feeds' other types pass by. */
export const PROJECTIONS: Readonly<Record<FeedName, Readonly<Record<string, Projection>>>> = {
  organizations: {
    Contest: project(DimContest, (s, version) => ({
      id: text(s.id),
      code: text(s.code),
      name: text(s.name),
      year: num(s.year),
      status: text(s.status),
      submissionOpensAt: maybeDate(s.submissionOpensAt),
      submissionClosesAt: maybeDate(s.submissionClosesAt),
      version,
    })),
    Track: project(DimTrack, (s, version) => ({
      id: text(s.id),
      contestId: text(s.contestId),
      code: text(s.code),
      name: text(s.name),
      version,
    })),
    Organization: project(DimOrganization, (s, version) => ({
      id: text(s.id),
      name: text(s.name),
      shortName: maybe(s.shortName),
      kind: text(s.kind),
      parentId: maybe(s.parentId),
      district: maybe(s.district),
      creditCode: maybe(s.creditCode),
      version,
    })),
    Person: project(DimPerson, (s, version) => ({
      id: text(s.id),
      name: text(s.name),
      organizationId: text(s.organizationId),
      position: maybe(s.position),
      version,
    })),
    Participation: project(DimParticipation, (s, version) => ({
      id: text(s.id),
      contestId: text(s.contestId),
      organizationId: text(s.organizationId),
      mobilizedById: text(s.mobilizedById),
      enrolledAt: date(s.enrolledAt),
      version,
    })),
  },
  submissions: {
    Submission: project(FactSubmission, (s, version) => ({
      id: text(s.id),
      contestId: text(s.contestId),
      trackId: maybe(s.trackId),
      organizationId: text(s.organizationId),
      referenceNumber: maybe(s.referenceNumber),
      title: text(s.title),
      status: text(s.status),
      achievementKind: maybe(s.achievementKind),
      teamSize: num(s.teamSize ?? 0),
      createdAt: date(s.createdAt),
      submittedAt: maybeDate(s.submittedAt),
      withdrawnAt: maybeDate(s.withdrawnAt),
      version,
    })),
  },
  'expert-review': {
    ReviewRound: project(DimRound, (s, version) => ({
      id: text(s.id),
      contestId: text(s.contestId),
      name: text(s.name),
      stage: text(s.stage),
      roundOrder: num(s.roundOrder),
      status: text(s.status),
      blind: Boolean(s.blind),
      publishedAt: maybeDate(s.publishedAt),
      version,
    })),
    Entry: project(FactEntry, (s, version) => {
      const result = (s.result ?? {}) as State;
      return {
        id: text(s.id),
        roundId: text(s.roundId),
        submissionId: text(s.submissionId),
        organizationId: text(s.organizationId),
        trackId: text(s.trackId),
        state: text(s.state),
        groupCode: maybe(result.groupCode),
        scorecardCount: maybeNum(result.scorecardCount),
        mean: maybeNum(result.mean),
        trimmedMean: maybeNum(result.trimmedMean),
        median: maybeNum(result.median),
        normalized: maybeNum(result.normalized),
        aggregate: maybeNum(result.aggregate),
        rank: maybeNum(result.rank),
        outcome: maybe(result.outcome),
        overridden: Boolean(result.overridden),
        version,
      };
    }),
    Expert: project(DimExpert, (s, version) => ({
      id: text(s.id),
      personId: text(s.personId),
      affiliationId: text(s.affiliationId),
      title: text(s.title),
      expertise: Array.isArray(s.expertise) ? s.expertise.map(String) : null,
      active: Boolean(s.active),
      version,
    })),
    Panel: project(DimPanel, (s, version) => ({
      id: text(s.id),
      roundId: text(s.roundId),
      name: text(s.name),
      trackIds: (s.trackIds as string[]) ?? [],
      memberIds: (s.memberIds as string[]) ?? [],
      version,
    })),
    Assignment: project(FactAssignment, (s, version) => ({
      id: text(s.id),
      roundId: text(s.roundId),
      entryId: text(s.entryId),
      expertId: text(s.expertId),
      panelId: maybe(s.panelId),
      status: text(s.status),
      createdAt: date(s.createdAt),
      updatedAt: date(s.updatedAt),
      version,
    })),
    Scorecard: project(FactScorecard, (s, version) => ({
      id: text(s.id),
      assignmentId: text(s.assignmentId),
      roundId: text(s.roundId),
      entryId: text(s.entryId),
      expertId: text(s.expertId),
      total: num(s.total),
      decision: maybe(s.decision),
      scores: (s.scores as Record<string, number>) ?? {},
      updatedAt: date(s.updatedAt),
      version,
    })),
  },
  honors: {
    AwardType: project(
      DimAwardType,
      (s, version) => ({
        code: text(s.code),
        nameZh: text(s.nameZh),
        nameEn: text(s.nameEn),
        recipientKind: text(s.recipientKind),
        level: text(s.level),
        position: num(s.position ?? 0),
        version,
      }),
      'code',
    ),
    AwardQuota: project(DimAwardQuota, (s, version) => ({
      id: text(s.id),
      contestId: text(s.contestId),
      awardTypeCode: text(s.awardTypeCode),
      quota: num(s.quota),
      version,
    })),
    Honor: project(FactHonor, (s, version) => ({
      id: text(s.id),
      contestId: text(s.contestId),
      year: num(s.year),
      awardTypeCode: text(s.awardTypeCode),
      recipientKind: text(s.recipientKind),
      recipientId: text(s.recipientId),
      recipientName: text(s.recipientName),
      organizationId: text(s.organizationId),
      organizationName: text(s.organizationName),
      status: text(s.status),
      nominatedByOrg: maybe(s.nominatedByOrg),
      createdAt: date(s.createdAt),
      proposedAt: maybeDate(s.proposedAt),
      announcedAt: maybeDate(s.announcedAt),
      objectionsCloseAt: maybeDate(s.objectionsCloseAt),
      conferredOn: maybe(s.conferredOn),
      certificateNumber: maybe(s.certificateNumber),
      revokedAt: maybeDate(s.revokedAt),
      version,
    })),
    PriorHonor: project(FactPriorHonor, (s, version) => ({
      id: text(s.id),
      submissionId: text(s.submissionId),
      level: text(s.level),
      name: text(s.name),
      year: num(s.year),
      verified: Boolean(s.verified),
      version,
    })),
    OrganizerEvaluation: project(FactOrganizerEvaluation, (s, version) => ({
      id: text(s.id),
      contestId: text(s.contestId),
      organizationId: text(s.organizationId),
      leadership: num(s.leadership),
      promotion: num(s.promotion),
      performance: num(s.performance),
      incentive: num(s.incentive),
      features: num(s.features),
      version,
    })),
  },
};

/** Every table of the star schema: what a rebuild empties. */
export const PROJECTED_ENTITIES = Object.values(PROJECTIONS).flatMap((types) => Object.values(types).map((p) => p.entity));

/** One change as the feed gave it. */
export interface FeedChange {
  position: string;
  entityType: string;
  entityId: string;
  version: number;
  change: string;
  state: State | null;
}

/** Rows per statement. */
const CHUNK = 200;

/**
 * Applies a page of one feed to the star schema: each record's latest change in the page,
 * unless the row already holds that version or a later one, so applying a page twice
 * changes nothing. A change without state removes the row. Returns how many rows changed.
 */
export async function applyChanges(em: EntityManager, feed: FeedName, changes: readonly FeedChange[]): Promise<number> {
  const latest = new Map<string, FeedChange>();
  for (const change of changes) if (PROJECTIONS[feed][change.entityType]) latest.set(`${change.entityType}\0${change.entityId}`, change);
  const byType = new Map<string, FeedChange[]>();
  for (const change of latest.values()) byType.set(change.entityType, [...(byType.get(change.entityType) ?? []), change]);
  let applied = 0;
  for (const [entityType, list] of byType) {
    const projection = PROJECTIONS[feed][entityType]!;
    const held = new Map<string, number>();
    for (let i = 0; i < list.length; i += CHUNK) {
      const ids = list.slice(i, i + CHUNK).map((c) => c.entityId);
      const rows = await em.find(projection.entity, {
        select: { [projection.key]: true, version: true },
        where: { [projection.key]: In(ids) },
      });
      for (const row of rows) held.set(String(row[projection.key]), Number(row.version));
    }
    const fresh = list.filter((c) => (held.get(c.entityId) ?? 0) < c.version);
    const removed = fresh.filter((c) => c.state === null).map((c) => c.entityId);
    const upserts = fresh.filter((c) => c.state !== null).map((c) => projection.row(c.state!, c.version));
    for (let i = 0; i < removed.length; i += CHUNK)
      await em.delete(projection.entity, { [projection.key]: In(removed.slice(i, i + CHUNK)) });
    for (let i = 0; i < upserts.length; i += CHUNK) await em.upsert(projection.entity, upserts.slice(i, i + CHUNK), [projection.key]);
    applied += fresh.length;
  }
  return applied;
}
