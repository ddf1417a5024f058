import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import {
  ACHIEVEMENT_KINDS,
  DomainError,
  ErrorCode,
  type Identity,
  InvalidInput,
  assertAllowed,
  canWithdraw,
  check,
  contentProblems,
  forbidden,
  hasRole,
  missingForSubmit,
  normalizeTitle,
  notFound,
  referenceNumber,
  submissionLifecycle,
  submissionWindowProblem,
} from '@meritgraph/domain';
import { forUpdate, newId } from '@meritgraph/db';
import { recordAudit } from '@meritgraph/subgraph-kit';
import { type ContestFacts, type OrganizationFacts, type OrganizationsApi, enrolmentKey } from '../references/organizations-api';
import { Submission } from './submission.entity';
import {
  type SubmissionContentInput,
  type NewSubmission,
  type SubmitRequest,
  INSERT_CHUNK,
  peopleOf,
  titleSlot,
  refusalOf,
  assertBatchSize,
  judgeAll,
  versionConflict,
  liveTitles,
  assertNotDuplicate,
  nextReferences,
  markSubmitted,
} from './submission-batch';

export { MAX_BATCH, type NewSubmission, type SubmissionContentInput, type SubmitRequest } from './submission-batch';

/** What the audit log keeps of a submission. */
const snapshot = (s: Submission) => ({ ...s });

/** What the lifecycle asks of organizations: contests, units' enrolments, the people named; for a whole batch at once. */
export type LifecycleFacts = Pick<OrganizationsApi, 'facts'>;

/** What organizations said about a batch: its contests, which of its units are enrolled, the people it names. */
type BatchFacts = OrganizationFacts;

/** Versions start at 1 and count every change. */
const VERSIONS = { min: 1, max: 2_147_483_647 };

/** A submission's life: drafted, edited, submitted inside the contest's window, withdrawn. */
export class SubmissionLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: LifecycleFacts,
    private readonly clock: () => Date,
  ) {}

  private validate(input: SubmissionContentInput & { title?: string | null }, creating: boolean) {
    const checker = check(input)
      .text('title', { min: 4, max: 200, optional: !creating })
      .text('summary', { max: 5000, optional: true, multiline: true })
      .oneOf('achievementKind', ACHIEVEMENT_KINDS, { optional: true })
      .text('applicationEffect', { max: 5000, optional: true, multiline: true })
      .rule('teamMemberIds', (v) => (Array.isArray(v) && v.length > 30 ? 'at most 30 members' : null), { optional: true })
      .rule('metrics', (v) => (Array.isArray(v) && v.length > 20 ? 'at most 20 metrics' : null), { optional: true });
    for (const p of contentProblems(input)) checker.problem(p.field, p.message);
    checker.done();
  }

  /**
   * What organizations says about the entries of a batch, in one request whatever their
   * number: their contests, the contests their units are enrolled in, the people they name.
   */
  private readFacts(
    entries: readonly (Pick<SubmissionContentInput, 'leaderId' | 'teamMemberIds'> & { contestId: string; organizationId: string })[],
  ): Promise<BatchFacts> {
    return this.organizations.facts({
      contestIds: entries.map((e) => e.contestId),
      organizationIds: entries.map((e) => e.organizationId),
      personIds: entries.flatMap(peopleOf),
    });
  }

  /** The contest as organizations has it; NOT_FOUND naming contestId when it does not exist. */
  private contestOf(facts: Pick<BatchFacts, 'contests'>, contestId: string): ContestFacts {
    const contest = facts.contests.get(contestId);
    if (!contest) throw notFound('Contest', contestId, 'contestId');
    return contest;
  }

  /** The rules that hold for any draft: a track of the contest, an enrolled unit, its own people. */
  private assertFacts(facts: BatchFacts, contest: ContestFacts, organizationId: string, content: SubmissionContentInput) {
    if (content.trackId && !contest.tracks.some((t) => t.id === content.trackId)) {
      throw new DomainError('TRACK_NOT_IN_CONTEST', 'The track is not one of the contest’s tracks', 'trackId');
    }
    if (!facts.enrolled.has(enrolmentKey(contest.id, organizationId))) {
      throw new DomainError('NOT_ENROLLED', 'The organization is not enrolled in this contest', 'organizationId');
    }
    for (const id of peopleOf(content)) {
      const field = id === content.leaderId ? 'leaderId' : 'teamMemberIds';
      const person = facts.people.get(id);
      if (!person) throw notFound('Person', id, field);
      if (!person.organizationLine.includes(organizationId)) {
        throw new InvalidInput([{ field, message: 'must be a person of the submitting organization or of a unit below it' }]);
      }
    }
  }

  async create(identity: Identity, input: NewSubmission): Promise<Submission> {
    return (await this.createMany(identity, [input]))[0]!;
  }

  /**
   * Starts drafts, each held to the rules of one alone: a unit's submitter drafts for its own
   * unit only, the contest office for any; an enrolled unit, a track of the contest, the
   * unit's own people, no title the unit already entered, counting the drafts before it in
   * the list. Organizations is asked once per kind of fact for the whole list; one
   * transaction writes them all, or none when any is refused (BATCH_REFUSED). A list of one
   * reports its own error.
   */
  async createMany(identity: Identity, inputs: readonly NewSubmission[]): Promise<Submission[]> {
    assertBatchSize(inputs, 'drafts');
    // What is judged before anything is read: who asks, and the input itself.
    const early = inputs.map((input) =>
      refusalOf(() => {
        assertAllowed(hasRole(identity, 'ADMIN') || identity.org === input.organizationId, 'organizationId');
        this.validate(input, true);
      }),
    );
    const judged = inputs.filter((_, i) => !early[i]);
    const facts = await this.readFacts(judged);
    const now = this.clock();
    return this.dataSource.transaction(async (em) => {
      const live = await liveTitles(
        em,
        judged.map((input) => ({
          contestId: input.contestId,
          organizationId: input.organizationId,
          titleKey: normalizeTitle(input.title),
        })),
      );
      const created = judgeAll(
        inputs,
        (input, index) => {
          if (early[index]) throw early[index];
          const contest = this.contestOf(facts, input.contestId);
          this.assertFacts(facts, contest, input.organizationId, input);
          const titleKey = normalizeTitle(input.title);
          assertNotDuplicate(live, input.contestId, input.organizationId, titleKey);
          const submission = em.create(Submission, {
            id: newId(),
            contestId: input.contestId,
            organizationId: input.organizationId,
            trackId: input.trackId ?? null,
            referenceNumber: null,
            title: input.title.trim(),
            titleKey,
            summary: input.summary?.trim() || null,
            achievementKind: input.achievementKind ?? null,
            keywords: (input.keywords ?? []).map((k) => k.trim()),
            applicationEffect: input.applicationEffect?.trim() || null,
            metrics: input.metrics ?? [],
            leaderId: input.leaderId ?? null,
            teamMemberIds: [...new Set(input.teamMemberIds ?? [])],
            status: submissionLifecycle.initial,
            version: 1,
            createdAt: now,
            updatedAt: now,
            submittedAt: null,
            withdrawnAt: null,
          });
          // Later drafts of the list are judged with this one made.
          live.set(titleSlot(input.contestId, input.organizationId, titleKey), [submission.id]);
          return submission;
        },
        (input) => ({ organizationId: input.organizationId, title: input.title }),
        { things: 'drafts', none: 'none was created' },
      );
      for (let i = 0; i < created.length; i += INSERT_CHUNK) await em.insert(Submission, created.slice(i, i + INSERT_CHUNK));
      await recordAudit(
        em,
        identity,
        this.clock(),
        created.map((submission) => ({
          action: 'submission.create',
          entityType: 'Submission',
          entityId: submission.id,
          after: snapshot(submission),
        })),
      );
      return created;
    });
  }

  /** Who may change a submission: the contest office any; its unit's submitters their drafts. */
  private mayChange(identity: Identity, submission: Submission | null | undefined): submission is Submission {
    const own = !!submission && hasRole(identity, 'SUBMITTER') && identity.org === submission.organizationId;
    return !!submission && (hasRole(identity, 'ADMIN') || own);
  }

  private async editable(em: EntityManager, identity: Identity, id: string): Promise<Submission> {
    const submission = await em.findOneBy(Submission, { id });
    assertAllowed(this.mayChange(identity, submission));
    return submission!;
  }

  /**
   * Writes a change only if nobody changed the entry since `expectedVersion` was read;
   * otherwise VERSION_CONFLICT, and the caller re-reads. One UPDATE decides, so two
   * concurrent editors can never both win.
   */
  private async writeVersioned(em: EntityManager, submission: Submission, expectedVersion: number, changes: Partial<Submission>) {
    const result = await em
      .createQueryBuilder()
      .update(Submission)
      .set({ ...changes, version: expectedVersion + 1, updatedAt: this.clock() })
      .where('id = :id AND version = :version', { id: submission.id, version: expectedVersion })
      .execute();
    if (!result.affected) throw versionConflict(submission.version);
    return (await em.findOneBy(Submission, { id: submission.id }))!;
  }

  async update(identity: Identity, id: string, expectedVersion: number, input: SubmissionContentInput): Promise<Submission> {
    check({ expectedVersion }).int('expectedVersion', VERSIONS).done();
    this.validate(input, false);
    const current = await this.dataSource.transaction((em) => this.editable(em, identity, id));
    if (current.status !== 'DRAFT' && !hasRole(identity, 'ADMIN')) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `A ${current.status} submission can no longer be edited`, 'status');
    }
    if (current.status === 'WITHDRAWN')
      throw new DomainError(ErrorCode.INVALID_TRANSITION, 'A withdrawn submission cannot be edited', 'status');
    if (input.trackId !== undefined || input.leaderId !== undefined || input.teamMemberIds !== undefined) {
      const changed = { trackId: input.trackId, leaderId: input.leaderId, teamMemberIds: input.teamMemberIds };
      const facts = await this.readFacts([{ contestId: current.contestId, organizationId: current.organizationId, ...changed }]);
      this.assertFacts(facts, this.contestOf(facts, current.contestId), current.organizationId, changed);
    }
    return this.dataSource.transaction(async (em) => {
      const submission = await this.editable(em, identity, id);
      const changes: Partial<Submission> = {};
      if (input.title != null) {
        changes.title = input.title.trim();
        changes.titleKey = normalizeTitle(input.title);
        const slot = { contestId: submission.contestId, organizationId: submission.organizationId, titleKey: changes.titleKey };
        assertNotDuplicate(await liveTitles(em, [slot]), slot.contestId, slot.organizationId, slot.titleKey, id);
      }
      if (input.trackId !== undefined) changes.trackId = input.trackId;
      if (input.summary !== undefined) changes.summary = input.summary?.trim() || null;
      if (input.achievementKind !== undefined) changes.achievementKind = input.achievementKind;
      if (input.keywords != null) changes.keywords = input.keywords.map((k) => k.trim());
      if (input.applicationEffect !== undefined) changes.applicationEffect = input.applicationEffect?.trim() || null;
      if (input.metrics != null) changes.metrics = input.metrics;
      if (input.leaderId !== undefined) changes.leaderId = input.leaderId;
      if (input.teamMemberIds != null) changes.teamMemberIds = [...new Set(input.teamMemberIds)];
      const updated = await this.writeVersioned(em, submission, expectedVersion, changes);
      await recordAudit(em, identity, this.clock(), {
        action: 'submission.update',
        entityType: 'Submission',
        entityId: id,
        before: snapshot(submission),
        after: snapshot(updated),
      });
      return updated;
    });
  }

  async submit(identity: Identity, id: string, expectedVersion: number): Promise<Submission> {
    return (await this.submitMany(identity, [{ id, expectedVersion }]))[0]!;
  }

  /**
   * DRAFT → SUBMITTED for each draft of the list, by the rules of one alone: inside the
   * contest's window, by an enrolled unit, on a track of the contest, with every required
   * field, not a duplicate, quoting its current version (else VERSION_CONFLICT). Each gets
   * the next reference number of its track, in the order of the list. Organizations is
   * asked once per kind of fact for the whole list; one transaction submits them all, or
   * none when any is refused (BATCH_REFUSED). A list of one reports its own error.
   */
  async submitMany(identity: Identity, inputs: readonly SubmitRequest[]): Promise<Submission[]> {
    assertBatchSize(inputs, 'drafts');
    const early = inputs.map((input) =>
      refusalOf(() => check({ expectedVersion: input.expectedVersion }).int('expectedVersion', VERSIONS).done()),
    );
    const ids = [...new Set(inputs.filter((_, i) => !early[i]).map((input) => input.id))];
    const read = new Map(
      (ids.length ? await this.dataSource.manager.findBy(Submission, { id: In(ids) }) : []).map((s) => [s.id, s] as const),
    );
    const facts = await this.readFacts([...read.values()].filter((s) => this.mayChange(identity, s)));
    return this.dataSource.transaction(async (em) => {
      const rows = new Map(
        (ids.length ? await em.find(Submission, { where: { id: In(ids) }, ...forUpdate(em) }) : []).map((s) => [s.id, s] as const),
      );
      const live = await liveTitles(
        em,
        [...rows.values()].map((s) => ({ contestId: s.contestId, organizationId: s.organizationId, titleKey: s.titleKey })),
      );
      const now = this.clock();
      const submittedHere = new Set<string>();
      const accepted = judgeAll(
        inputs,
        (input, index) => {
          if (early[index]) throw early[index];
          const submission = rows.get(input.id);
          if (!this.mayChange(identity, submission)) throw forbidden();
          // Judged on the facts read for the entry as it was; changed since, it is read again by the caller.
          if (read.get(submission.id)?.version !== submission.version) throw versionConflict(submission.version);
          submissionLifecycle.assert(submittedHere.has(submission.id) ? 'SUBMITTED' : submission.status, 'SUBMITTED');
          const contest = this.contestOf(facts, submission.contestId);
          const window = submissionWindowProblem(contest, now);
          if (window) throw new DomainError(window.code, window.message, 'contestId');
          const missing = missingForSubmit(submission);
          if (missing.length) {
            throw new DomainError(
              'SUBMISSION_INCOMPLETE',
              `Missing before submitting: ${missing.map((m) => m.field).join(', ')}`,
              missing[0]!.field,
              { problems: missing },
            );
          }
          this.assertFacts(facts, contest, submission.organizationId, submission);
          assertNotDuplicate(live, submission.contestId, submission.organizationId, submission.titleKey, submission.id);
          if (submission.version !== input.expectedVersion) throw versionConflict(submission.version);
          submittedHere.add(submission.id);
          const trackCode = contest.tracks.find((t) => t.id === submission.trackId)!.code;
          return { submission, contest, trackCode };
        },
        (input) => ({ id: input.id }),
        { things: 'submissions', none: 'none was submitted' },
      );
      const numbers = await nextReferences(
        em,
        accepted.map((a) => ({ contestId: a.contest.id, trackCode: a.trackCode })),
      );
      const references = accepted.map((a, i) => referenceNumber(a.contest.year, a.trackCode, numbers[i]!));
      await markSubmitted(
        em,
        accepted.map((a) => a.submission),
        references,
        now,
      );
      const updated = new Map((await em.findBy(Submission, { id: In(accepted.map((a) => a.submission.id)) })).map((s) => [s.id, s]));
      const result = accepted.map((a) => updated.get(a.submission.id)!);
      await recordAudit(
        em,
        identity,
        this.clock(),
        accepted.map((a, i) => ({
          action: 'submission.submit',
          entityType: 'Submission',
          entityId: a.submission.id,
          before: snapshot(a.submission),
          after: snapshot(result[i]!),
        })),
      );
      return result;
    });
  }

  /** Withdraws a draft at any time, a submitted entry only before review starts. */
  async withdraw(identity: Identity, id: string, reason: string | null | undefined): Promise<Submission> {
    check({ reason }).text('reason', { max: 500, optional: true, multiline: true }).done();
    const current = await this.dataSource.transaction((em) => this.editable(em, identity, id));
    submissionLifecycle.assert(current.status, 'WITHDRAWN');
    if (current.status === 'SUBMITTED') {
      const facts = await this.organizations.facts({ contestIds: [current.contestId], organizationIds: [], personIds: [] });
      const contest = this.contestOf(facts, current.contestId);
      if (!canWithdraw(current.status, contest.status)) {
        throw new DomainError('REVIEW_STARTED', 'Review has started: the entry can no longer be withdrawn', 'status');
      }
    }
    return this.dataSource.transaction(async (em) => {
      const submission = await this.editable(em, identity, id);
      submissionLifecycle.assert(submission.status, 'WITHDRAWN');
      const updated = await this.writeVersioned(em, submission, submission.version, { status: 'WITHDRAWN', withdrawnAt: this.clock() });
      await recordAudit(em, identity, this.clock(), {
        action: 'submission.withdraw',
        entityType: 'Submission',
        entityId: id,
        before: snapshot(submission),
        after: snapshot(updated),
        reason: reason ?? null,
      });
      return updated;
    });
  }
}
