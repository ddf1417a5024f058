import type { DataSource, EntityManager } from 'typeorm';
import { Not } from 'typeorm';
import {
  ACHIEVEMENT_KINDS,
  type AchievementKind,
  type Attachment,
  DomainError,
  ErrorCode,
  type Identity,
  InvalidInput,
  type Metric,
  assertAllowed,
  canWithdraw,
  check,
  contentProblems,
  hasRole,
  missingForSubmit,
  normalizeTitle,
  notFound,
  referenceNumber,
  submissionLifecycle,
  submissionWindowProblem,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { recordAudit } from '@meritgraph/subgraph-kit';
import type { ContestFacts, OrganizationsApi } from '../references/organizations-api';
import { ReferenceCounter, Submission } from './submission.entity';

export interface SubmissionContentInput {
  trackId?: string | null;
  title?: string | null;
  summary?: string | null;
  achievementKind?: AchievementKind | null;
  keywords?: string[] | null;
  applicationEffect?: string | null;
  metrics?: Metric[] | null;
  attachments?: Attachment[] | null;
  leaderId?: string | null;
  teamMemberIds?: string[] | null;
}

export interface NewSubmission extends SubmissionContentInput {
  contestId: string;
  organizationId: string;
  title: string;
}

/** What the audit log keeps of a submission. */
const snapshot = (s: Submission) => ({ ...s });

/** What the lifecycle asks of organizations: the contest, the unit's enrolment, the people named. */
export type LifecycleFacts = Pick<OrganizationsApi, 'contest' | 'isEnrolled' | 'people'>;

/** A submission's life: drafted, edited, submitted inside the contest's window, withdrawn. */
/** Versions start at 1 and count every change. */
const VERSIONS = { min: 1, max: 2_147_483_647 };

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
      .rule('metrics', (v) => (Array.isArray(v) && v.length > 20 ? 'at most 20 metrics' : null), { optional: true })
      .rule('attachments', (v) => (Array.isArray(v) && v.length > 20 ? 'at most 20 attachments' : null), { optional: true });
    for (const p of contentProblems(input)) checker.problem(p.field, p.message);
    checker.done();
  }

  /** The contest as organizations has it; NOT_FOUND naming contestId when it does not exist. */
  private async contestFacts(contestId: string): Promise<ContestFacts> {
    const contest = await this.organizations.contest(contestId);
    if (!contest) throw notFound('Contest', contestId, 'contestId');
    return contest;
  }

  /** The rules that hold for any draft: a track of the contest, an enrolled unit, its own people. */
  private async assertFacts(contest: ContestFacts, organizationId: string, content: SubmissionContentInput) {
    if (content.trackId && !contest.tracks.some((t) => t.id === content.trackId)) {
      throw new DomainError('TRACK_NOT_IN_CONTEST', 'The track is not one of the contest’s tracks', 'trackId');
    }
    if (!(await this.organizations.isEnrolled(contest.id, organizationId))) {
      throw new DomainError('NOT_ENROLLED', 'The organization is not enrolled in this contest', 'organizationId');
    }
    const people = [...new Set([...(content.leaderId ? [content.leaderId] : []), ...(content.teamMemberIds ?? [])])];
    const found = await this.organizations.people(people);
    for (const id of people) {
      const field = id === content.leaderId ? 'leaderId' : 'teamMemberIds';
      const person = found.get(id);
      if (!person) throw notFound('Person', id, field);
      if (!person.organizationLine.includes(organizationId)) {
        throw new InvalidInput([{ field, message: 'must be a person of the submitting organization or of a unit below it' }]);
      }
    }
  }

  /** A live entry of the same unit in the same contest with the same title (after normalizing) is a likely duplicate. */
  private async assertNotDuplicate(em: EntityManager, contestId: string, organizationId: string, titleKey: string, exceptId?: string) {
    const duplicate = await em.findOneBy(Submission, {
      contestId,
      organizationId,
      titleKey,
      status: Not('WITHDRAWN'),
      ...(exceptId ? { id: Not(exceptId) } : {}),
    });
    if (duplicate) {
      throw new DomainError('DUPLICATE_SUBMISSION', 'This unit already has an entry with the same title', 'title', {
        existingId: duplicate.id,
      });
    }
  }

  /** A unit's submitter drafts for its own unit only; the contest office for any. */
  async create(identity: Identity, input: NewSubmission): Promise<Submission> {
    assertAllowed(hasRole(identity, 'ADMIN') || identity.org === input.organizationId, 'organizationId');
    this.validate(input, true);
    const contest = await this.contestFacts(input.contestId);
    await this.assertFacts(contest, input.organizationId, input);
    const now = this.clock();
    return this.dataSource.transaction(async (em) => {
      const titleKey = normalizeTitle(input.title);
      await this.assertNotDuplicate(em, input.contestId, input.organizationId, titleKey);
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
        attachments: input.attachments ?? [],
        leaderId: input.leaderId ?? null,
        teamMemberIds: [...new Set(input.teamMemberIds ?? [])],
        status: submissionLifecycle.initial,
        version: 1,
        createdAt: now,
        updatedAt: now,
        submittedAt: null,
        withdrawnAt: null,
      });
      await em.insert(Submission, submission);
      await recordAudit(em, identity, this.clock(), {
        action: 'submission.create',
        entityType: 'Submission',
        entityId: submission.id,
        after: snapshot(submission),
      });
      return submission;
    });
  }

  /** Who may change a submission: the contest office any; its unit's submitters their drafts. */
  private async editable(em: EntityManager, identity: Identity, id: string): Promise<Submission> {
    const submission = await em.findOneBy(Submission, { id });
    const own = !!submission && hasRole(identity, 'SUBMITTER') && identity.org === submission.organizationId;
    assertAllowed(!!submission && (hasRole(identity, 'ADMIN') || own));
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
    if (!result.affected) {
      throw new DomainError(
        ErrorCode.VERSION_CONFLICT,
        'Someone else changed this submission; reload it and try again',
        'expectedVersion',
        {
          currentVersion: submission.version,
        },
      );
    }
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
      await this.assertFacts(await this.contestFacts(current.contestId), current.organizationId, {
        trackId: input.trackId,
        leaderId: input.leaderId,
        teamMemberIds: input.teamMemberIds,
      });
    }
    return this.dataSource.transaction(async (em) => {
      const submission = await this.editable(em, identity, id);
      const changes: Partial<Submission> = {};
      if (input.title != null) {
        changes.title = input.title.trim();
        changes.titleKey = normalizeTitle(input.title);
        await this.assertNotDuplicate(em, submission.contestId, submission.organizationId, changes.titleKey, id);
      }
      if (input.trackId !== undefined) changes.trackId = input.trackId;
      if (input.summary !== undefined) changes.summary = input.summary?.trim() || null;
      if (input.achievementKind !== undefined) changes.achievementKind = input.achievementKind;
      if (input.keywords != null) changes.keywords = input.keywords.map((k) => k.trim());
      if (input.applicationEffect !== undefined) changes.applicationEffect = input.applicationEffect?.trim() || null;
      if (input.metrics != null) changes.metrics = input.metrics;
      if (input.attachments != null) changes.attachments = input.attachments;
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

  /**
   * DRAFT → SUBMITTED: inside the contest's window, by an enrolled unit, on a track of the
   * contest, with every required field, and not a duplicate. Assigns the reference number.
   */
  async submit(identity: Identity, id: string, expectedVersion: number): Promise<Submission> {
    check({ expectedVersion }).int('expectedVersion', VERSIONS).done();
    const current = await this.dataSource.transaction((em) => this.editable(em, identity, id));
    submissionLifecycle.assert(current.status, 'SUBMITTED');
    const contest = await this.contestFacts(current.contestId);
    const window = submissionWindowProblem(contest, this.clock());
    if (window) throw new DomainError(window.code, window.message, 'contestId');
    const missing = missingForSubmit(current);
    if (missing.length) {
      throw new DomainError(
        'SUBMISSION_INCOMPLETE',
        `Missing before submitting: ${missing.map((m) => m.field).join(', ')}`,
        missing[0]!.field,
        { problems: missing },
      );
    }
    await this.assertFacts(contest, current.organizationId, current);
    const trackCode = contest.tracks.find((t) => t.id === current.trackId)!.code;
    return this.dataSource.transaction(async (em) => {
      const submission = await this.editable(em, identity, id);
      submissionLifecycle.assert(submission.status, 'SUBMITTED');
      await this.assertNotDuplicate(em, submission.contestId, submission.organizationId, submission.titleKey, id);
      const n = await this.nextReference(em, contest.id, trackCode);
      const updated = await this.writeVersioned(em, submission, expectedVersion, {
        status: 'SUBMITTED',
        submittedAt: this.clock(),
        referenceNumber: referenceNumber(contest.year, trackCode, n),
      });
      await recordAudit(em, identity, this.clock(), {
        action: 'submission.submit',
        entityType: 'Submission',
        entityId: id,
        before: snapshot(submission),
        after: snapshot(updated),
      });
      return updated;
    });
  }

  /** Takes the next number of a track: the counter row is updated in the same transaction, so numbers never repeat. */
  private async nextReference(em: EntityManager, contestId: string, trackCode: string): Promise<number> {
    const updated = await em.increment(ReferenceCounter, { contestId, trackCode }, 'lastValue', 1);
    if (!updated.affected) {
      try {
        await em.insert(ReferenceCounter, { contestId, trackCode, lastValue: 1 });
        return 1;
      } catch {
        // another submission created the row first (MySQL): take the next number after it
        await em.increment(ReferenceCounter, { contestId, trackCode }, 'lastValue', 1);
      }
    }
    return (await em.findOneByOrFail(ReferenceCounter, { contestId, trackCode })).lastValue;
  }

  /** Withdraws a draft at any time, a submitted entry only before review starts. */
  async withdraw(identity: Identity, id: string, reason: string | null | undefined): Promise<Submission> {
    check({ reason }).text('reason', { max: 500, optional: true, multiline: true }).done();
    const current = await this.dataSource.transaction((em) => this.editable(em, identity, id));
    submissionLifecycle.assert(current.status, 'WITHDRAWN');
    if (current.status === 'SUBMITTED') {
      const contest = await this.contestFacts(current.contestId);
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
