import type { DataSource, EntityManager, Repository } from 'typeorm';
import { In } from 'typeorm';
import {
  type AssignmentPlan,
  type AssignmentStatus,
  DomainError,
  ErrorCode,
  type Identity,
  InvalidInput,
  type PageArgs,
  assertAllowed,
  assertRoundActivity,
  check,
  conflictsOf,
  forbidden,
  hasRole,
  notFound,
  planAssignment,
  readsEverything,
} from '@meritgraph/domain';
import { forUpdate, newId } from '@meritgraph/db';
import { type OrderKey, type Page, type RequestContext, loadChildPage, paginate, recordAudit } from '@meritgraph/subgraph-kit';
import { ReviewRound } from '../round/round.entity';
import type { RoundService } from '../round/round.service';
import type { PanelService } from '../panel/panel.service';
import type { EntryService } from '../entry/entry.service';
import { Entry } from '../entry/entry.entity';
import { Expert } from '../expert/expert.entity';
import { Scorecard } from '../scorecard/scorecard.entity';
import { type Situation, type SituationSources, plannerKeys, readSituation, refusalOf } from './assignment-situation';
import { Assignment } from './assignment.entity';

export interface AssignmentFilter {
  expertId?: string | null;
  entryId?: string | null;
  status?: AssignmentStatus | null;
}

export interface AutoAssignInput {
  /** The experts to draw on; all active experts when absent. Panel rounds draw on their panels. */
  expertIds?: string[] | null;
  minLoad?: number | null;
  maxLoad?: number | null;
  candidatesPerEntry?: number | null;
}

export interface AutoAssignReport {
  round: ReviewRound;
  created: number;
  plan: AssignmentPlan;
}

const ORDER: OrderKey<Assignment>[] = [{ column: 'a.id', value: (a) => a.id }];
const BATCH = 200;
/** The most assignments one assignExperts call makes. */
export const MAX_MANUAL_BATCH = 500;

export class AssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundService,
    private readonly entries: EntryService,
    private readonly panels: PanelService,
    private readonly clock: () => Date,
  ) {}

  private get repo(): Repository<Assignment> {
    return this.dataSource.getRepository(Assignment);
  }

  private get sources(): SituationSources {
    return { rounds: this.rounds, entries: this.entries, panels: this.panels };
  }

  find(ctx: RequestContext, id: string): Promise<Assignment | null> {
    return ctx.loaders.byId(this.repo).load(id);
  }

  /** The office and analysts see every assignment; an expert its own. */
  private canSee(identity: Identity, assignment: Pick<Assignment, 'expertId'>): boolean {
    return readsEverything(identity) || (identity.expert !== undefined && identity.expert === assignment.expertId);
  }

  async load(ctx: RequestContext, id: string): Promise<Assignment | null> {
    const assignment = await this.find(ctx, id);
    if (assignment && this.canSee(ctx.identity, assignment)) return assignment;
    if (readsEverything(ctx.identity)) return null;
    throw forbidden();
  }

  private filtered(identity: Identity, filter: AssignmentFilter) {
    const query = this.repo.createQueryBuilder('a');
    if (!readsEverything(identity)) {
      if (!identity.expert) throw forbidden('assignments');
      query.andWhere('a.expert_id = :me', { me: identity.expert });
    }
    if (filter.expertId) query.andWhere('a.expert_id = :expertId', { expertId: filter.expertId });
    if (filter.entryId) query.andWhere('a.entry_id = :fEntry', { fEntry: filter.entryId });
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    return query;
  }

  /** A round's assignments: all for the office and analysts; an expert sees its own. */
  list(ctx: RequestContext, roundId: string, filter: AssignmentFilter, page: PageArgs): Page<Assignment> {
    return paginate(this.filtered(ctx.identity, filter).andWhere('a.round_id = :roundId', { roundId }), page, ORDER);
  }

  /** An entry's assignments by the same rule, batched across every entry of the request. */
  ofEntry(ctx: RequestContext, entryId: string, filter: AssignmentFilter, page: PageArgs): Page<Assignment> {
    return loadChildPage(ctx, entryId, {
      name: `Entry.assignments:${filter.expertId ?? ''}:${filter.entryId ?? ''}:${filter.status ?? ''}`,
      repository: this.repo,
      query: () => this.filtered(ctx.identity, filter),
      alias: 'a',
      parentColumn: 'entry_id',
      parentOf: (a) => a.entryId,
      order: ORDER,
      args: page,
    });
  }

  /**
   * Staffs every entry of the round still short of its reviewers, as one min-cost flow over
   * the experts drawn on (see planAssignment): no conflicts, expertise (or panel) matched,
   * loads balanced within bounds. What could not be staffed is reported, and what could be
   * is saved, in one transaction.
   */
  async autoAssign(identity: Identity, roundId: string, input: AutoAssignInput): Promise<AutoAssignReport> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    check({ roundId, ...input })
      .text('roundId', { max: 36 })
      .int('minLoad', { min: 0, max: 100_000, optional: true })
      .int('maxLoad', { min: 1, max: 100_000, optional: true })
      .int('candidatesPerEntry', { min: 1, max: 10_000, optional: true })
      .rule(
        'expertIds',
        (v) => ((v as string[]).length === 0 ? 'name at least one expert, or leave it out to draw on the whole pool' : null),
        { optional: true },
      )
      .done();
    if (input.minLoad != null && input.maxLoad != null && input.minLoad > input.maxLoad) {
      throw new InvalidInput([{ field: 'minLoad', message: 'must not exceed maxLoad' }]);
    }
    return this.dataSource.transaction(async (em) => {
      const s = await readSituation(em, roundId, this.sources);
      assertRoundActivity(s.round.status, 'ASSIGN');
      if (s.panelOf && input.expertIds)
        throw new InvalidInput([{ field: 'expertIds', message: 'a round with panels draws on its panel members' }]);
      const named = s.panelOf ? null : (input.expertIds ?? null);
      const poolIds = s.panelOf ? [...new Set([...s.panelOf.values()].flatMap((p) => p.memberIds))] : named;
      const found = poolIds ? await em.findBy(Expert, { id: In(poolIds) }) : await em.findBy(Expert, { active: true });
      if (named) {
        const problems = named.flatMap((id) => {
          const x = found.find((e) => e.id === id);
          return !x
            ? [{ field: 'expertIds', message: `no expert ${id}` }]
            : !x.active
              ? [{ field: 'expertIds', message: `expert ${id} is inactive` }]
              : [];
        });
        if (problems.length) throw new InvalidInput(problems);
      }
      // A panel member made inactive after the panel was formed keeps the seat but gets no new entries.
      const experts = found.filter((x) => x.active);
      const expertById = new Map(experts.map((x) => [x.id, x]));
      const open = [...s.entries.values()].filter((e) => e.state === 'IN_REVIEW');
      const trackOf = (e: Entry) => (s.panelOf ? e.trackId : e.trackCode);
      const panelTracks = new Map<string, string[]>();
      if (s.panelOf)
        for (const [track, p] of s.panelOf) for (const m of p.memberIds) panelTracks.set(m, [...(panelTracks.get(m) ?? []), track]);
      const pairs = new Map(s.assignments.map((a) => [`${a.expertId}|${a.entryId}`, a]));
      // The planner breaks ties by id. Entry ids are random, so it is handed stable keys instead,
      // and the same entries with the same pool get the same plan in whichever round they are.
      const keyOf = plannerKeys(open);
      const entryOfKey = new Map(open.map((e) => [keyOf.get(e.id)!, e.id]));
      const keyed = planAssignment({
        entries: open.map((e) => ({ id: keyOf.get(e.id)!, trackId: trackOf(e) })),
        experts: experts.map((x) => ({ id: x.id, trackIds: s.panelOf ? (panelTracks.get(x.id) ?? []) : x.expertise })),
        perEntry: s.round.reviewersPerEntry,
        minLoad: input.minLoad ?? 0,
        maxLoad: input.maxLoad ?? Math.max(1, open.length),
        candidatesPerEntry: input.candidatesPerEntry ?? undefined,
        existing: s.assignments
          .filter((a) => a.status === 'ASSIGNED' && s.entries.get(a.entryId)?.state === 'IN_REVIEW')
          .map((a) => ({ expertId: a.expertId, entryId: keyOf.get(a.entryId)! })),
        blocked: (expertId, key) => {
          const entryId = entryOfKey.get(key)!;
          const prior = pairs.get(`${expertId}|${entryId}`);
          if (prior && prior.status !== 'ASSIGNED') return true;
          const expert = expertById.get(expertId)!;
          const entry = s.entries.get(entryId)!;
          const declared = s.declared.has(`${expertId}|${entry.submissionId}`);
          return conflictsOf(expert, s.facts.get(entryId)!, declared).length > 0;
        },
      });
      const now = this.clock();
      const plan: AssignmentPlan = {
        ...keyed,
        assignments: keyed.assignments.map((a) => ({ ...a, entryId: entryOfKey.get(a.entryId)! })),
        unstaffed: keyed.unstaffed.map((u) => ({ ...u, entryId: entryOfKey.get(u.entryId)! })),
      };
      const created = plan.assignments.map((p) =>
        Object.assign(new Assignment(), {
          id: newId(),
          roundId,
          entryId: p.entryId,
          expertId: p.expertId,
          panelId: s.panelOf?.get(s.entries.get(p.entryId)!.trackId)?.panelId ?? null,
          status: 'ASSIGNED' as const,
          origin: 'AUTOMATIC' as const,
          note: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      for (let i = 0; i < created.length; i += BATCH) await em.insert(Assignment, created.slice(i, i + BATCH));
      await recordAudit(
        em,
        identity,
        this.clock(),
        created.map((a) => ({
          action: 'assignment.create',
          entityType: 'Assignment',
          entityId: a.id,
          after: a,
          reason: 'automatic assignment',
        })),
      );
      return { round: s.round, created: created.length, plan };
    });
  }

  async assign(identity: Identity, entryId: string, expertId: string): Promise<Assignment> {
    return (await this.assignMany(identity, [{ entryId, expertId }]))[0]!;
  }

  /**
   * Several assignments by hand at once (the office staffing a round from its own list), in
   * one transaction: each round's situation is read once, whatever the number of pairs, and
   * each pair is held to the same rules as one alone, including the pairs before it in the
   * batch. If any is refused, none is made, and every refusal is reported (BATCH_REFUSED); a
   * batch of one reports its own error.
   */
  async assignMany(identity: Identity, inputs: readonly { entryId: string; expertId: string }[]): Promise<Assignment[]> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    if (inputs.length === 0 || inputs.length > MAX_MANUAL_BATCH)
      throw new InvalidInput([{ field: 'inputs', message: `give 1 to ${MAX_MANUAL_BATCH} assignments` }]);
    for (const input of inputs) check(input).text('entryId', { max: 36 }).text('expertId', { max: 36 }).done();
    return this.dataSource.transaction(async (em) => {
      const entryIds = [...new Set(inputs.map((i) => i.entryId))];
      const entries = new Map((await em.findBy(Entry, { id: In(entryIds) })).map((e) => [e.id, e]));
      const experts = new Map((await em.findBy(Expert, { id: In([...new Set(inputs.map((i) => i.expertId))]) })).map((x) => [x.id, x]));
      const situations = new Map<string, Situation>();
      for (const roundId of [...new Set([...entries.values()].map((e) => e.roundId))].sort())
        situations.set(roundId, await readSituation(em, roundId, this.sources));
      const now = this.clock();
      const created: Assignment[] = [];
      const errors: { entryId: string; expertId: string; code: string; message: string }[] = [];
      for (const { entryId, expertId } of inputs) {
        try {
          const entry = entries.get(entryId);
          if (!entry) throw notFound('Entry', entryId, 'entryId');
          const s = situations.get(entry.roundId)!;
          assertRoundActivity(s.round.status, 'ASSIGN', 'entryId');
          const expert = experts.get(expertId);
          if (!expert) throw notFound('Expert', expertId, 'expertId');
          const refusal = refusalOf(s, expert, entry);
          if (refusal) throw refusal;
          const assignment = em.create(Assignment, {
            id: newId(),
            roundId: entry.roundId,
            entryId,
            expertId,
            panelId: s.panelOf?.get(entry.trackId)?.panelId ?? null,
            status: 'ASSIGNED',
            origin: 'MANUAL',
            note: null,
            createdAt: now,
            updatedAt: now,
          });
          // Later pairs of the batch are judged with this one made.
          s.assignments.push(assignment);
          created.push(assignment);
        } catch (e) {
          if (!(e instanceof DomainError) || inputs.length === 1) throw e;
          errors.push({ entryId, expertId, code: e.code, message: e.message });
        }
      }
      if (errors.length)
        throw new DomainError(
          ErrorCode.BATCH_REFUSED,
          `${errors.length} of ${inputs.length} assignments were refused; none was made`,
          'inputs',
          {
            errors,
          },
        );
      for (let i = 0; i < created.length; i += BATCH) await em.insert(Assignment, created.slice(i, i + BATCH));
      await recordAudit(
        em,
        identity,
        this.clock(),
        created.map((a) => ({ action: 'assignment.create', entityType: 'Assignment', entityId: a.id, after: a })),
      );
      return created;
    });
  }

  /**
   * An assignment, locked, with its round open to assignment changes. When an expert acts
   * (`actor` without ADMIN), ownership is checked before anything else is revealed: to it, a
   * missing assignment and another expert's look the same.
   */
  private async changeable(em: EntityManager, id: string, actor?: Identity): Promise<Assignment> {
    const assignment = await em.findOne(Assignment, { where: { id }, ...forUpdate(em) });
    const checksOwner = actor !== undefined && !hasRole(actor, 'ADMIN');
    if (checksOwner && (!assignment || actor.expert === undefined || actor.expert !== assignment.expertId)) throw forbidden();
    if (!assignment) throw notFound('Assignment', id);
    const { round } = await this.rounds.judged(em, assignment.roundId, 'id');
    assertRoundActivity(round.status, 'ASSIGN', 'id');
    return assignment;
  }

  /** Removes an assignment made by mistake; one already scored stays, so no judgement is lost silently. */
  async remove(identity: Identity, id: string, reason?: string | null): Promise<Assignment> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    return this.dataSource.transaction(async (em) => {
      const assignment = await this.changeable(em, id);
      // Removing a declared conflict would let the expert be assigned to the entry again.
      if (assignment.status === 'CONFLICT_DECLARED') {
        throw new DomainError(
          'CONFLICT_OF_INTEREST',
          'The expert declared a conflict of interest with this entry; the declaration stays on record',
          'id',
          { reasons: ['DECLARED'] },
        );
      }
      if (await em.existsBy(Scorecard, { assignmentId: id })) {
        throw new DomainError('ASSIGNMENT_SCORED', 'The expert has already scored this entry; the assignment stays on record', 'id');
      }
      await em.delete(Assignment, { id });
      await recordAudit(em, identity, this.clock(), {
        action: 'assignment.remove',
        entityType: 'Assignment',
        entityId: id,
        before: assignment,
        reason,
      });
      return assignment;
    });
  }

  /**
   * The expert steps back from an assignment: DECLINED (cannot take it on) or
   * CONFLICT_DECLARED (回避). Only the expert, or the office on the expert's word. A declared
   * conflict also keeps the expert off the same submission in later rounds, and voids a
   * scorecard already given.
   */
  async stepBack(identity: Identity, id: string, status: 'DECLINED' | 'CONFLICT_DECLARED', reason: string): Promise<Assignment> {
    assertAllowed(hasRole(identity, 'EXPERT', 'ADMIN'));
    check({ reason }).text('reason', { min: 2, max: 500, multiline: true }).done();
    return this.dataSource.transaction(async (em) => {
      const assignment = await this.changeable(em, id, identity);
      if (assignment.status !== 'ASSIGNED') {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `The assignment is already ${assignment.status}`, 'id', {
          from: assignment.status,
          to: status,
        });
      }
      if (status === 'DECLINED' && (await em.existsBy(Scorecard, { assignmentId: id }))) {
        throw new DomainError('ASSIGNMENT_SCORED', 'A scored assignment cannot be declined; declare a conflict if there is one', 'id');
      }
      const before = { ...assignment };
      assignment.status = status;
      assignment.note = reason.trim();
      assignment.updatedAt = this.clock();
      await em.save(assignment);
      await recordAudit(em, identity, this.clock(), {
        action: status === 'DECLINED' ? 'assignment.decline' : 'assignment.declare-conflict',
        entityType: 'Assignment',
        entityId: id,
        before,
        after: assignment,
        reason,
      });
      return assignment;
    });
  }
}
