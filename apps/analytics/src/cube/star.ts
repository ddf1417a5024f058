import { type EntityManager, In } from 'typeorm';
import {
  DimAwardType,
  DimContest,
  DimExpert,
  DimOrganization,
  DimPanel,
  DimParticipation,
  DimRound,
  DimTrack,
} from '../projection/dimensions.entity';

/** The union kinds that mobilize units. */
const UNION_KINDS = new Set(['TRADE_UNION_FEDERATION', 'DISTRICT_UNION', 'INDUSTRY_UNION']);

/**
 * The dimensions of the star schema, read once per question: contests, tracks, the
 * organization tree, enrolments, rounds, panels, experts and award types. They are small
 * next to the facts (hundreds of rows in 2019, tens of thousands at a hundred times that).
 */
export class Star {
  private constructor(
    readonly contests: Map<string, DimContest>,
    readonly tracks: Map<string, DimTrack>,
    readonly organizations: Map<string, DimOrganization>,
    private readonly unions: Map<string, string>,
    readonly rounds: Map<string, DimRound>,
    readonly panels: Map<string, DimPanel>,
    readonly experts: Map<string, DimExpert>,
    readonly awardTypes: Map<string, DimAwardType>,
  ) {}

  static async load(em: EntityManager, contestIds: readonly string[] | null): Promise<Star> {
    const byContest = contestIds ? { contestId: In([...contestIds]) } : {};
    const contests = await em.find(DimContest, { where: contestIds ? { id: In([...contestIds]) } : {} });
    const rounds = await em.find(DimRound, { where: byContest });
    const roundIds = rounds.map((r) => r.id);
    const [tracks, organizations, participations, panels, experts, awardTypes] = await Promise.all([
      em.find(DimTrack, { where: byContest }),
      em.find(DimOrganization),
      em.find(DimParticipation, { where: byContest }),
      roundIds.length ? em.find(DimPanel, { where: { roundId: In(roundIds) } }) : Promise.resolve([]),
      em.find(DimExpert),
      em.find(DimAwardType),
    ]);
    const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
    return new Star(
      byId(contests),
      byId(tracks),
      byId(organizations),
      new Map(participations.map((p) => [`${p.contestId}\0${p.organizationId}`, p.mobilizedById])),
      byId(rounds),
      byId(panels),
      byId(experts),
      new Map(awardTypes.map((a) => [a.code, a])),
    );
  }

  /** The organization and its ancestors, nearest first (a cycle in bad data ends the walk). */
  chain(organizationId: string | null): DimOrganization[] {
    const chain: DimOrganization[] = [];
    const seen = new Set<string>();
    for (let id = organizationId; id && !seen.has(id);) {
      seen.add(id);
      const org = this.organizations.get(id);
      if (!org) break;
      chain.push(org);
      id = org.parentId;
    }
    return chain;
  }

  /** Whether `organizationId` is `rootId` or below it. */
  within(organizationId: string | null, rootId: string): boolean {
    return this.chain(organizationId).some((o) => o.id === rootId);
  }

  /** The union that mobilized the unit for the contest; else its nearest union, itself included. */
  unionOf(contestId: string, organizationId: string | null): string | null {
    if (!organizationId) return null;
    return (
      this.unions.get(`${contestId}\0${organizationId}`) ?? this.chain(organizationId).find((o) => UNION_KINDS.has(o.kind))?.id ?? null
    );
  }

  /** The organization's dimensions: itself, its kind, its district (or its nearest ancestor's) and its union. */
  organizationDims(contestId: string, organizationId: string | null) {
    const chain = this.chain(organizationId);
    return {
      ORGANIZATION: organizationId,
      ORGANIZATION_KIND: chain[0]?.kind ?? null,
      PARENT_ORGANIZATION: chain[0]?.parentId ?? null,
      DISTRICT: chain.find((o) => o.district)?.district ?? null,
      MOBILIZING_UNION: this.unionOf(contestId, organizationId),
    };
  }

  /** How a dimension's value sorts in an answer: contests by year and code, tracks by code, rounds in order, organizations and panels by name. */
  labelOf(dimension: string, value: string | number | null | undefined): string | number | null | undefined {
    if (value === null || value === undefined) return value;
    const id = String(value);
    switch (dimension) {
      case 'CONTEST': {
        const contest = this.contests.get(id);
        return contest ? `${contest.year} ${contest.code}` : id;
      }
      case 'TRACK':
        return this.tracks.get(id)?.code ?? id;
      case 'ROUND': {
        const round = this.rounds.get(id);
        return round ? `${this.contests.get(round.contestId)?.year ?? ''} ${String(round.roundOrder).padStart(3, '0')}` : id;
      }
      case 'PANEL':
        return this.panels.get(id)?.name ?? id;
      case 'ORGANIZATION':
      case 'PARENT_ORGANIZATION':
      case 'MOBILIZING_UNION':
        return this.organizations.get(id)?.name ?? id;
      default:
        return value;
    }
  }

  contestDims(contestId: string) {
    return { CONTEST: contestId, YEAR: this.contests.get(contestId)?.year ?? null };
  }
}
