import { type EntityManager, In } from 'typeorm';
import {
  type FactAccess,
  type Identity,
  PUBLIC_HONOR_STATUSES,
  type PriorHonorLevel,
  dayOf,
  highestLevel,
  isEntered,
  weekOf,
} from '@meritgraph/domain';
import {
  FactAssignment,
  FactEntry,
  FactHonor,
  FactOrganizerEvaluation,
  FactPriorHonor,
  FactScorecard,
  FactSubmission,
} from '../projection/facts.entity';
import type { CubeDimension, CubeFact, CubeField } from './model';
import { Star } from './star';

/** One fact as a cube sees it: its dimensions' values and its fields' figures (yes/no as 1/0). */
export interface CubeRecord {
  dims: Partial<Record<CubeDimension, string | number | null>>;
  fields: Partial<Record<CubeField, number | null>>;
  /** Whose record it is, for a union's subtree. */
  organizationId: string | null;
  /** What a scorecard or assignment is of: its entry. */
  item?: string;
  /** When a submission was submitted, for series. */
  at?: Date | null;
  /** An honor's steps so far, each with its day, for series. */
  steps?: { status: string; at: Date }[];
}

const flag = (value: boolean): number => (value ? 1 : 0);
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
/** Ids per IN (…): within every driver's limit on bound parameters. */
const IN_CHUNK = 500;

async function findIn<T extends object>(
  em: EntityManager,
  entity: new () => T,
  column: keyof T & string,
  values: readonly string[],
): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) {
    rows.push(...(await em.find(entity, { where: { [column]: In(values.slice(i, i + IN_CHUNK)) } as never })));
  }
  return rows;
}

/**
 * The records of one fact that the caller may aggregate, for the given contests (all when
 * null). Reads the star schema only.
 */
export async function loadRecords(
  em: EntityManager,
  fact: CubeFact,
  contestIds: readonly string[] | null,
  access: FactAccess,
  identity: Identity,
): Promise<{ star: Star; records: CubeRecord[] }> {
  const star = await Star.load(em, contestIds);
  const contests = [...star.contests.keys()];
  const rounds = [...star.rounds.values()];
  // Beyond the office and analysts, results count once their round is published.
  const resultsVisible = (roundId: string) => access.scope === 'ALL' || star.rounds.get(roundId)?.publishedAt != null;
  const scoresVisible = (roundId: string) => {
    const round = star.rounds.get(roundId);
    if (!round) return false;
    if (access.scope !== 'ALL') return round.publishedAt !== null;
    return !access.finalizedScoresOnly || round.status === 'FINALIZED';
  };
  const entriesOf = async () => findIn(em, FactEntry, 'roundId', ids(rounds));
  let records: CubeRecord[];
  switch (fact) {
    case 'SUBMISSION': {
      const submissions = await findIn(em, FactSubmission, 'contestId', contests);
      const entries = (await entriesOf()).filter((e) => resultsVisible(e.roundId));
      const priors = await findIn(em, FactPriorHonor, 'submissionId', ids(submissions));
      const finalist = new Set(entries.filter((e) => star.rounds.get(e.roundId)?.stage === 'FINAL').map((e) => e.submissionId));
      const excellent = new Set(entries.filter((e) => e.outcome === 'EXCELLENT').map((e) => e.submissionId));
      const levels = new Map<string, PriorHonorLevel[]>();
      for (const p of priors) levels.set(p.submissionId, [...(levels.get(p.submissionId) ?? []), p.level as PriorHonorLevel]);
      records = submissions
        // The public counts entries in the contest only (isEntered): not drafts, returned, rejected or withdrawn ones.
        .filter((s) => access.scope !== 'PUBLIC' || isEntered(s.status))
        .map((s) => {
          const at = s.submittedAt ?? s.createdAt;
          return {
            organizationId: s.organizationId,
            at: s.submittedAt,
            dims: {
              ...star.contestDims(s.contestId),
              ...star.organizationDims(s.contestId, s.organizationId),
              TRACK: s.trackId,
              STATUS: s.status,
              ACHIEVEMENT_KIND: s.achievementKind,
              PRIOR_HONOR_LEVEL: highestLevel(levels.get(s.id) ?? []) ?? 'NONE',
              WEEK: weekOf(at),
              DAY: dayOf(at),
            },
            fields: {
              TEAM_SIZE: s.teamSize,
              FINALIST: flag(finalist.has(s.id)),
              EXCELLENT: flag(excellent.has(s.id)),
              PRIOR_HONORS: levels.get(s.id)?.length ?? 0,
            },
          };
        });
      break;
    }
    case 'ENTRY': {
      const entries = (await entriesOf()).filter((e) => resultsVisible(e.roundId));
      records = entries.map((e) => {
        const round = star.rounds.get(e.roundId)!;
        return {
          organizationId: e.organizationId,
          dims: {
            ...star.contestDims(round.contestId),
            ...star.organizationDims(round.contestId, e.organizationId),
            ROUND: e.roundId,
            STAGE: round.stage,
            TRACK: e.trackId,
            QUOTA_GROUP: e.groupCode,
            STATUS: e.state,
            OUTCOME: e.outcome ?? 'PENDING',
          },
          fields: {
            AGGREGATE: e.aggregate,
            MEAN: e.mean,
            TRIMMED_MEAN: e.trimmedMean,
            NORMALIZED: e.normalized,
            RANK: e.rank,
            SCORECARDS: e.scorecardCount,
            ADVANCED: e.outcome === null ? null : flag(e.outcome === 'ADVANCED' || e.outcome === 'EXCELLENT'),
            EXCELLENT: e.outcome === null ? null : flag(e.outcome === 'EXCELLENT'),
          },
        };
      });
      break;
    }
    case 'ASSIGNMENT':
    case 'SCORECARD': {
      const roundIds = ids(rounds);
      const entries = new Map((await entriesOf()).map((e) => [e.id, e]));
      const assignments = await findIn(em, FactAssignment, 'roundId', roundIds);
      const cards = await findIn(em, FactScorecard, 'roundId', roundIds);
      const expertDims = (expertId: string) => {
        const expert = star.experts.get(expertId);
        return {
          EXPERT: expertId,
          EXPERT_TITLE: expert?.title ?? null,
          EXPERT_AFFILIATION_KIND: (expert && star.organizations.get(expert.affiliationId)?.kind) ?? null,
        };
      };
      if (fact === 'ASSIGNMENT') {
        const scored = new Set(cards.map((c) => c.assignmentId));
        records = assignments.map((a) => {
          const round = star.rounds.get(a.roundId)!;
          return {
            organizationId: entries.get(a.entryId)?.organizationId ?? null,
            item: a.entryId,
            dims: {
              ...star.contestDims(round.contestId),
              ...expertDims(a.expertId),
              ROUND: a.roundId,
              STAGE: round.stage,
              TRACK: entries.get(a.entryId)?.trackId ?? null,
              PANEL: a.panelId,
              STATUS: a.status,
            },
            fields: {
              SCORED: flag(scored.has(a.id)),
              DECLINED: flag(a.status === 'DECLINED'),
              CONFLICT_DECLARED: flag(a.status === 'CONFLICT_DECLARED'),
            },
          };
        });
      } else {
        const panelOf = new Map(assignments.map((a) => [a.id, a.panelId]));
        records = cards
          .filter((c) => scoresVisible(c.roundId))
          .map((c) => {
            const round = star.rounds.get(c.roundId)!;
            const entry = entries.get(c.entryId);
            return {
              organizationId: entry?.organizationId ?? null,
              item: c.entryId,
              dims: {
                ...star.contestDims(round.contestId),
                ...expertDims(c.expertId),
                ROUND: c.roundId,
                STAGE: round.stage,
                TRACK: entry?.trackId ?? null,
                PANEL: panelOf.get(c.assignmentId) ?? null,
                ORGANIZATION: entry?.organizationId ?? null,
                STATUS: c.decision,
              },
              fields: { TOTAL: c.total },
            };
          });
      }
      break;
    }
    case 'HONOR': {
      const honors = (await findIn(em, FactHonor, 'contestId', contests)).filter(
        (h) => access.scope === 'ALL' || PUBLIC_HONOR_STATUSES.includes(h.status as never),
      );
      records = honors.map((h) => {
        const at = latestStep(h);
        return {
          organizationId: h.organizationId,
          steps: stepsOf(h),
          dims: {
            ...star.contestDims(h.contestId),
            ...star.organizationDims(h.contestId, h.organizationId),
            AWARD_TYPE: h.awardTypeCode,
            RECIPIENT_KIND: h.recipientKind,
            STATUS: h.status,
            DAY: at ? dayOf(at) : null,
          },
          fields: { CONFERRED: flag(h.status === 'CONFERRED'), PUBLIC: flag(PUBLIC_HONOR_STATUSES.includes(h.status as never)) },
        };
      });
      break;
    }
    case 'PRIOR_HONOR': {
      const submissions = new Map((await findIn(em, FactSubmission, 'contestId', contests)).map((s) => [s.id, s]));
      const excellent = new Set(
        (await entriesOf()).filter((e) => e.outcome === 'EXCELLENT' && resultsVisible(e.roundId)).map((e) => e.submissionId),
      );
      const priors = await findIn(em, FactPriorHonor, 'submissionId', [...submissions.keys()]);
      records = priors.map((p) => {
        const s = submissions.get(p.submissionId)!;
        return {
          organizationId: s.organizationId,
          dims: {
            ...star.contestDims(s.contestId),
            ...star.organizationDims(s.contestId, s.organizationId),
            TRACK: s.trackId,
            PRIOR_HONOR_LEVEL: p.level,
            STATUS: p.verified ? 'VERIFIED' : 'UNVERIFIED',
          },
          fields: { VERIFIED: flag(p.verified), EXCELLENT: flag(excellent.has(p.submissionId)) },
        };
      });
      break;
    }
    case 'ORGANIZER_EVALUATION': {
      const evaluations = await findIn(em, FactOrganizerEvaluation, 'contestId', contests);
      records = evaluations.map((v) => ({
        organizationId: v.organizationId,
        dims: { ...star.contestDims(v.contestId), ...star.organizationDims(v.contestId, v.organizationId) },
        fields: {
          LEADERSHIP: v.leadership,
          PROMOTION: v.promotion,
          PERFORMANCE: v.performance,
          INCENTIVE: v.incentive,
          FEATURES: v.features,
          TOTAL: v.leadership + v.promotion + v.performance + v.incentive + v.features,
        },
      }));
      break;
    }
  }
  if (access.scope === 'SUBTREE') records = records.filter((r) => star.within(r.organizationId, identity.org!));
  return { star, records };
}

/** The steps an honor has taken, each on its day: nominated, proposed, announced, conferred, revoked. */
export function stepsOf(h: FactHonor): { status: string; at: Date }[] {
  const steps: [string, Date | null][] = [
    ['NOMINATED', h.createdAt],
    ['PROPOSED', h.proposedAt],
    ['ANNOUNCED', h.announcedAt],
    ['CONFERRED', h.conferredOn ? new Date(`${h.conferredOn}T00:00:00Z`) : null],
    ['REVOKED', h.revokedAt],
  ];
  return steps.filter((s): s is [string, Date] => s[1] !== null).map(([status, at]) => ({ status, at }));
}

/** When an honor took its latest step: revoked, conferred, announced, proposed, or nominated. */
export function latestStep(h: FactHonor): Date | null {
  if (h.status === 'REVOKED' && h.revokedAt) return h.revokedAt;
  if (h.status === 'CONFERRED' && h.conferredOn) return new Date(`${h.conferredOn}T00:00:00Z`);
  if (h.status === 'ANNOUNCED' && h.announcedAt) return h.announcedAt;
  if (h.status === 'PROPOSED' && h.proposedAt) return h.proposedAt;
  return h.createdAt;
}
