import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  type Identity,
  assertAllowed,
  canWithdraw,
  check,
  forbidden,
  hasRole,
  isEditableByUnit,
  missingForSubmit,
  normalizeTitle,
  referenceNumber,
  submissionLifecycle,
  submissionWindowProblem,
} from '@meritgraph/domain';
import { forUpdate, newId } from '@meritgraph/db';
import { recordAudit } from '@meritgraph/subgraph-kit';
import { type OrganizationFacts, type OrganizationsApi } from '../references/organizations-api';
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
  markResubmitted,
} from './submission-batch';
import { recordChecks } from './submission-check.service';
import { assertFacts, contestOf, validateContent } from './submission-rules';

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
        validateContent(input, true);
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
          const contest = contestOf(facts, input.contestId);
          assertFacts(facts, contest, input.organizationId, input);
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
    validateContent(input, false);
    const current = await this.dataSource.transaction((em) => this.editable(em, identity, id));
    const office = hasRole(identity, 'ADMIN');
    if (!isEditableByUnit(current.status) && !office) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `A ${current.status} submission can no longer be edited`, 'status');
    }
    if (current.status === 'WITHDRAWN' || current.status === 'REJECTED')
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `A ${current.status} submission cannot be edited`, 'status');
    const changed = { trackId: input.trackId, leaderId: input.leaderId, teamMemberIds: input.teamMemberIds };
    const namesFacts = input.trackId !== undefined || input.leaderId !== undefined || input.teamMemberIds !== undefined;
    // A returned entry is revised by its unit within the submission window, as it is resubmitted.
    const revising = current.status === 'RETURNED' && !office;
    if (namesFacts || revising) {
      const facts = await this.readFacts([{ contestId: current.contestId, organizationId: current.organizationId, ...changed }]);
      const contest = contestOf(facts, current.contestId);
      const window = revising ? submissionWindowProblem(contest, this.clock()) : null;
      if (window) throw new DomainError(window.code, window.message, 'contestId');
      if (namesFacts) assertFacts(facts, contest, current.organizationId, changed);
    }
    return this.dataSource.transaction(async (em) => {
      const submission = await this.editable(em, identity, id);
      if (submission.status !== current.status) throw versionConflict(submission.version);
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
          const contest = contestOf(facts, submission.contestId);
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
          assertFacts(facts, contest, submission.organizationId, submission);
          assertNotDuplicate(live, submission.contestId, submission.organizationId, submission.titleKey, submission.id);
          if (submission.version !== input.expectedVersion) throw versionConflict(submission.version);
          submittedHere.add(submission.id);
          const trackCode = contest.tracks.find((t) => t.id === submission.trackId)!.code;
          return { submission, contest, trackCode };
        },
        (input) => ({ id: input.id }),
        { things: 'submissions', none: 'none was submitted' },
      );
      // A returned entry is submitted again under the reference number it has; a draft gets the next of its track.
      const fresh = accepted.filter((a) => a.submission.status === 'DRAFT');
      const again = accepted.filter((a) => a.submission.status === 'RETURNED');
      const numbers = fresh.length
        ? await nextReferences(
            em,
            fresh.map((a) => ({ contestId: a.contest.id, trackCode: a.trackCode })),
          )
        : [];
      const references = fresh.map((a, i) => referenceNumber(a.contest.year, a.trackCode, numbers[i]!));
      if (fresh.length)
        await markSubmitted(
          em,
          fresh.map((a) => a.submission),
          references,
          now,
        );
      if (again.length)
        await markResubmitted(
          em,
          again.map((a) => a.submission),
          now,
        );
      const updated = new Map((await em.findBy(Submission, { id: In(accepted.map((a) => a.submission.id)) })).map((s) => [s.id, s]));
      const result = accepted.map((a) => updated.get(a.submission.id)!);
      const office = hasRole(identity, 'ADMIN');
      await recordChecks(
        em,
        again.map((a) => ({
          submission: updated.get(a.submission.id)!,
          step: 'RESUBMITTED',
          reason: null,
          actor: office ? 'OFFICE' : 'UNIT',
          organizationId: office ? null : a.submission.organizationId,
        })),
        now,
      );
      await recordAudit(
        em,
        identity,
        this.clock(),
        accepted.map((a, i) => ({
          action: a.submission.status === 'RETURNED' ? 'submission.resubmit' : 'submission.submit',
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
    if (current.status !== 'DRAFT' && current.status !== 'RETURNED') {
      const facts = await this.organizations.facts({ contestIds: [current.contestId], organizationIds: [], personIds: [] });
      const contest = contestOf(facts, current.contestId);
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
