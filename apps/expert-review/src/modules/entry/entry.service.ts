import type { DataSource, EntityManager, Repository } from 'typeorm';
import {
  type ConflictEntry,
  DomainError,
  type Identity,
  type PageArgs,
  ReviewState,
  assertRoundActivity,
  check,
  forbidden,
  hasRole,
  intakeStatus,
  readsEverything,
} from '@meritgraph/domain';
import { insertRows, newId } from '@meritgraph/db';
import { type OrderKey, type Page, type RequestContext, groupByKey, paginate, recordAudit } from '@meritgraph/subgraph-kit';
import type { OrganizationsApi, SubmissionFacts, SubmissionsApi } from '../references/peers';
import type { RoundService } from '../round/round.service';
import { Assignment } from '../assignment/assignment.entity';
import { Entry, EntryLink, type EntryLinkKind } from './entry.entity';

export interface EntryFilter {
  trackId?: string | null;
  state?: ReviewState | null;
}

export const SkipReason = {
  /** The submission was withdrawn after the previous round advanced it. */
  NO_LONGER_SUBMITTED: 'NO_LONGER_SUBMITTED',
  /** A submission without a track cannot be judged in one. */
  NO_TRACK: 'NO_TRACK',
} as const;
export type SkipReason = keyof typeof SkipReason;

export interface IntakeReport {
  taken: Entry[];
  alreadyIn: number;
  skipped: { submissionId: string; reason: SkipReason }[];
}

/** Reference number then id: how a round's office and panels read their list. */
const ORDER: OrderKey<Entry>[] = [
  { column: 'e.reference_number', value: (e) => e.referenceNumber },
  { column: 'e.id', value: (e) => e.id },
];

export class EntryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundService,
    private readonly organizations: OrganizationsApi,
    private readonly submissions: SubmissionsApi,
    private readonly clock: () => Date,
  ) {}

  private get repo(): Repository<Entry> {
    return this.dataSource.getRepository(Entry);
  }

  /** Entries by id for this request, unchecked: for rules, not for showing. */
  find(ctx: RequestContext, id: string): Promise<Entry | null> {
    return ctx.loaders.byId(this.repo).load(id);
  }

  /** The entries the calling expert is assigned to (and has not stepped back from), in any round. */
  private assignedToMe(ctx: RequestContext): Promise<Set<string>> {
    return ctx.loaders
      .get<'mine', Set<string>>('Entry.assignedToMe', async (keys) => {
        const rows = ctx.identity.expert
          ? await this.dataSource
              .getRepository(Assignment)
              .find({ select: { entryId: true }, where: { expertId: ctx.identity.expert, status: 'ASSIGNED' } })
          : [];
        const mine = new Set(rows.map((r) => r.entryId));
        return keys.map(() => mine);
      })
      .load('mine');
  }

  /** An entry for the office and analysts, or for an expert assigned to it; to anyone else it does not exist. */
  async load(ctx: RequestContext, id: string): Promise<Entry | null> {
    const entry = await this.find(ctx, id);
    if (readsEverything(ctx.identity)) return entry;
    if (entry && hasRole(ctx.identity, 'EXPERT') && (await this.assignedToMe(ctx)).has(entry.id)) return entry;
    throw forbidden();
  }

  /** A round's entries: all of them for the office and analysts, an expert's own for an expert. */
  list(ctx: RequestContext, roundId: string, filter: EntryFilter, page: PageArgs): Page<Entry> {
    const query = this.repo.createQueryBuilder('e').where('e.round_id = :roundId', { roundId });
    if (!readsEverything(ctx.identity)) {
      if (!hasRole(ctx.identity, 'EXPERT') || !ctx.identity.expert) throw forbidden('entries');
      query.innerJoin(Assignment, 'a', 'a.entry_id = e.id AND a.expert_id = :me AND a.status = :assigned', {
        me: ctx.identity.expert,
        assigned: 'ASSIGNED',
      });
    }
    if (filter.trackId) query.andWhere('e.track_id = :trackId', { trackId: filter.trackId });
    if (filter.state) query.andWhere('e.state = :state', { state: filter.state });
    return paginate(query, page, ORDER);
  }

  /** What conflicts are judged on, for every entry of the request. */
  links(ctx: RequestContext, entryId: string): Promise<EntryLink[]> {
    return ctx.loaders.groupedBy(this.dataSource.getRepository(EntryLink), 'entryId').load(entryId);
  }

  /** Every entry of a round with its conflict facts, read in two statements. */
  async conflictFacts(em: EntityManager, roundId: string): Promise<{ entries: Entry[]; facts: Map<string, ConflictEntry> }> {
    const entries = await em.find(Entry, { where: { roundId }, order: { id: 'ASC' } });
    const links = await em.findBy(EntryLink, { roundId });
    return { entries, facts: toConflictFacts(entries, links) };
  }

  /**
   * Takes a round's entries in: the contest's submissions that passed its checks (ACCEPTED
   * after a form check, ENDORSED after endorsement alone, else SUBMITTED) for its first round, the
   * previous round's advanced entries after that. Each entry's track, unit, the unit's
   * ancestors and descendants and its people are read from their owners and kept as the
   * snapshot the round decides on. Entries already in are left as they are.
   */
  async takeEntries(identity: Identity, roundId: string): Promise<IntakeReport> {
    check({ roundId }).text('roundId', { max: 36 }).done();
    const { round } = await this.dataSource.transaction((em) => this.rounds.judged(em, roundId));
    assertRoundActivity(round.status, 'TAKE_ENTRIES');
    const previous = await this.rounds.previous(this.dataSource.manager, round);
    let wanted: Set<string> | null = null;
    if (previous) {
      if (previous.status !== 'FINALIZED') {
        throw new DomainError(
          'PREVIOUS_ROUND_NOT_FINALIZED',
          `Round ${previous.roundOrder} (${previous.name}) is not finalized yet; its advanced entries are not known`,
          'roundId',
        );
      }
      const advanced = await this.repo.find({
        select: { submissionId: true },
        where: { roundId: previous.id, state: ReviewState.ADVANCED },
      });
      wanted = new Set(advanced.map((e) => e.submissionId));
    }
    // Review takes the entries that passed the contest's checks: accepted, endorsed or submitted, as it asks.
    const contest = await this.organizations.contest(round.contestId);
    const entering = intakeStatus({ endorsement: !!contest?.requiresEndorsement, formCheck: !!contest?.requiresFormCheck });
    const submitted = await this.submissions.submitted(round.contestId, entering);
    const trackCode = new Map((contest?.tracks ?? []).map((t) => [t.id, t.code]));
    const skipped: IntakeReport['skipped'] = [];
    const chosen: SubmissionFacts[] = [];
    for (const s of submitted) {
      if (wanted && !wanted.has(s.id)) continue;
      if (!s.trackId || !trackCode.has(s.trackId)) skipped.push({ submissionId: s.id, reason: 'NO_TRACK' });
      else chosen.push(s);
    }
    if (wanted) {
      const present = new Set(submitted.map((s) => s.id));
      for (const id of [...wanted].sort()) if (!present.has(id)) skipped.push({ submissionId: id, reason: 'NO_LONGER_SUBMITTED' });
    }
    const orgs = await this.organizations.organizations(chosen.map((s) => s.organizationId));

    return this.dataSource.transaction(async (em) => {
      const { round: locked } = await this.rounds.judged(em, roundId, 'roundId', true);
      assertRoundActivity(locked.status, 'TAKE_ENTRIES');
      const existing = new Set((await em.find(Entry, { select: { submissionId: true }, where: { roundId } })).map((e) => e.submissionId));
      const takenAt = this.clock();
      const entries: Entry[] = [];
      const links: EntryLink[] = [];
      const link = (entryId: string, kind: EntryLinkKind, refId: string) =>
        links.push(Object.assign(new EntryLink(), { id: newId(), roundId, entryId, kind, refId }));
      for (const s of chosen) {
        if (existing.has(s.id)) continue;
        const entry = Object.assign(new Entry(), {
          id: newId(),
          roundId,
          submissionId: s.id,
          organizationId: s.organizationId,
          state: ReviewState.IN_REVIEW,
          trackId: s.trackId!,
          trackCode: trackCode.get(s.trackId!)!,
          referenceNumber: s.referenceNumber ?? '',
          title: s.title,
          summary: s.summary,
          leaderId: s.leaderId,
          submittedAt: s.submittedAt ? new Date(s.submittedAt) : null,
          takenAt,
        });
        entries.push(entry);
        const org = orgs.get(s.organizationId);
        for (const id of new Set(org?.ancestorIds ?? [])) link(entry.id, 'ANCESTOR', id);
        for (const id of new Set(org?.descendantIds ?? [])) link(entry.id, 'DESCENDANT', id);
        for (const id of new Set([s.leaderId, ...s.teamMemberIds].filter((p): p is string => !!p))) link(entry.id, 'PERSON', id);
      }
      await insertRows(em, Entry, entries);
      await insertRows(em, EntryLink, links);
      const linksOf = groupByKey(
        entries.map((e) => e.id),
        links,
        (l) => l.entryId,
      );
      await recordAudit(
        em,
        identity,
        this.clock(),
        entries.map((e, i) => ({
          action: 'entry.take',
          entityType: 'Entry',
          entityId: e.id,
          after: { ...e, links: linksOf[i]!.map((l) => `${l.kind}:${l.refId}`) },
        })),
      );
      return { taken: entries, alreadyIn: existing.size, skipped };
    });
  }
}

/** The conflict facts of entries, from their links. */
export function toConflictFacts(entries: readonly Entry[], links: readonly EntryLink[]): Map<string, ConflictEntry> {
  const facts = new Map<string, ConflictEntry & { ancestorIds: string[]; descendantIds: string[]; personIds: string[] }>(
    entries.map((e) => [e.id, { id: e.id, organizationId: e.organizationId, ancestorIds: [], descendantIds: [], personIds: [] }]),
  );
  for (const l of links) {
    const f = facts.get(l.entryId);
    if (!f) continue;
    if (l.kind === 'ANCESTOR') f.ancestorIds.push(l.refId);
    else if (l.kind === 'DESCENDANT') f.descendantIds.push(l.refId);
    else f.personIds.push(l.refId);
  }
  return facts;
}
