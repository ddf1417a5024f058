/** The lists of submissions: what an entry is made of, and how a list's items are judged and refused together. */
import type { EntityManager } from 'typeorm';
import { In, Not } from 'typeorm';
import { type AchievementKind, DomainError, ErrorCode, InvalidInput, type Metric } from '@meritgraph/domain';
import { ReferenceCounter, Submission } from './submission.entity';

export interface SubmissionContentInput {
  trackId?: string | null;
  title?: string | null;
  summary?: string | null;
  achievementKind?: AchievementKind | null;
  keywords?: string[] | null;
  applicationEffect?: string | null;
  metrics?: Metric[] | null;
  leaderId?: string | null;
  teamMemberIds?: string[] | null;
}

export interface NewSubmission extends SubmissionContentInput {
  contestId: string;
  organizationId: string;
  title: string;
}

/** A draft to submit, quoting the version it was read at. */
export interface SubmitRequest {
  id: string;
  expectedVersion: number;
}

/** The most drafts one createSubmissions call starts, and the most one submitSubmissions call submits. */
export const MAX_BATCH = 500;
/** Rows per INSERT: well inside SQLite's and MySQL's limits on bound parameters. */
export const INSERT_CHUNK = 200;

/** Who an entry names: its leader and team, each once. */
export const peopleOf = (content: Pick<SubmissionContentInput, 'leaderId' | 'teamMemberIds'>): string[] => [
  ...new Set([...(content.leaderId ? [content.leaderId] : []), ...(content.teamMemberIds ?? [])]),
];

/** Where a title is unique: one unit, one contest, the title normalized. */
export const titleSlot = (contestId: string, organizationId: string, titleKey: string) =>
  JSON.stringify([contestId, organizationId, titleKey]);

/** Live entries (not withdrawn) by title slot. */
export type LiveTitles = Map<string, string[]>;

/** One refused item of a batch. */
export type Refusal = { index: number; code: string; field?: string; message: string } & Record<string, unknown>;

/** The refusal a judged item gave, or null; anything but a DomainError is no judgement and goes up as it is. */
export function refusalOf(judge: () => void): DomainError | null {
  try {
    judge();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
}

/** 1 to MAX_BATCH items, else BAD_USER_INPUT on `inputs`. */
export function assertBatchSize(inputs: readonly unknown[], things: string) {
  if (inputs.length === 0 || inputs.length > MAX_BATCH)
    throw new InvalidInput([{ field: 'inputs', message: `give 1 to ${MAX_BATCH} ${things}` }]);
}

/**
 * Judges every item of a batch in order; `judge` throws an item's refusal. A batch of one
 * throws its own refusal, as the single mutation does; a longer one with any refused is
 * BATCH_REFUSED on `inputs`, listing every refusal (`identify` names the item).
 */
export function judgeAll<I, R>(
  inputs: readonly I[],
  judge: (input: I, index: number) => R,
  identify: (input: I) => Record<string, unknown>,
  what: { things: string; none: string },
): R[] {
  const accepted: R[] = [];
  const errors: Refusal[] = [];
  inputs.forEach((input, index) => {
    try {
      accepted.push(judge(input, index));
    } catch (e) {
      if (!(e instanceof DomainError) || inputs.length === 1) throw e;
      errors.push({ index, ...identify(input), code: e.code, ...(e.field ? { field: e.field } : {}), message: e.message });
    }
  });
  if (errors.length)
    throw new DomainError(
      ErrorCode.BATCH_REFUSED,
      `${errors.length} of ${inputs.length} ${what.things} were refused; ${what.none}`,
      'inputs',
      { errors },
    );
  return accepted;
}

export const versionConflict = (currentVersion: number) =>
  new DomainError(ErrorCode.VERSION_CONFLICT, 'Someone else changed this submission; reload it and try again', 'expectedVersion', {
    currentVersion,
  });

/** The live entries (not withdrawn) in these title slots, in one query. */
export async function liveTitles(
  em: EntityManager,
  slots: readonly { contestId: string; organizationId: string; titleKey: string }[],
): Promise<LiveTitles> {
  const live: LiveTitles = new Map();
  if (slots.length === 0) return live;
  const distinct = (pick: (s: (typeof slots)[number]) => string) => In([...new Set(slots.map(pick))]);
  const rows = await em.find(Submission, {
    select: { id: true, contestId: true, organizationId: true, titleKey: true },
    where: {
      contestId: distinct((s) => s.contestId),
      organizationId: distinct((s) => s.organizationId),
      titleKey: distinct((s) => s.titleKey),
      status: Not('WITHDRAWN'),
    },
  });
  for (const row of rows) {
    const slot = titleSlot(row.contestId, row.organizationId, row.titleKey);
    live.set(slot, [...(live.get(slot) ?? []), row.id]);
  }
  return live;
}

/** A live entry of the same unit in the same contest with the same title (after normalizing) is a likely duplicate. */
export function assertNotDuplicate(live: LiveTitles, contestId: string, organizationId: string, titleKey: string, exceptId?: string) {
  const duplicate = (live.get(titleSlot(contestId, organizationId, titleKey)) ?? []).find((id) => id !== exceptId);
  if (duplicate) {
    throw new DomainError('DUPLICATE_SUBMISSION', 'This unit already has an entry with the same title', 'title', {
      existingId: duplicate,
    });
  }
}

/**
 * The next numbers of each track, one per entry asked and in its order. Each track's
 * counter row is moved on by the numbers it gives in one UPDATE inside the caller's
 * transaction, which holds the row until it commits, so numbers never repeat.
 */
export async function nextReferences(em: EntityManager, wanted: readonly { contestId: string; trackCode: string }[]): Promise<number[]> {
  const key = (w: { contestId: string; trackCode: string }) => `${w.contestId}|${w.trackCode}`;
  const needed = new Map<string, { contestId: string; trackCode: string; count: number }>();
  for (const w of wanted) {
    const k = key(w);
    needed.set(k, { contestId: w.contestId, trackCode: w.trackCode, count: (needed.get(k)?.count ?? 0) + 1 });
  }
  // Counters are taken in one order, so two batches never wait on each other's rows.
  for (const { contestId, trackCode, count } of [...needed.values()].sort((a, b) => (key(a) < key(b) ? -1 : 1))) {
    const updated = await em.increment(ReferenceCounter, { contestId, trackCode }, 'lastValue', count);
    if (!updated.affected) {
      try {
        await em.insert(ReferenceCounter, { contestId, trackCode, lastValue: count });
      } catch {
        // another submission created the row first (MySQL): take the next numbers after it
        await em.increment(ReferenceCounter, { contestId, trackCode }, 'lastValue', count);
      }
    }
  }
  const counters = await em.findBy(ReferenceCounter, {
    contestId: In([...new Set(wanted.map((w) => w.contestId))]),
    trackCode: In([...new Set(wanted.map((w) => w.trackCode))]),
  });
  const next = new Map<string, number>();
  for (const c of counters) {
    const k = key(c);
    if (needed.has(k)) next.set(k, c.lastValue - needed.get(k)!.count + 1);
  }
  return wanted.map((w) => {
    const k = key(w);
    const n = next.get(k)!;
    next.set(k, n + 1);
    return n;
  });
}

/**
 * DRAFT → SUBMITTED for the entries judged, in one UPDATE: each only at the version it was
 * judged at, which the transaction holds; anything else is a VERSION_CONFLICT.
 */
export async function markSubmitted(em: EntityManager, submissions: readonly Submission[], references: readonly string[], at: Date) {
  const params: Record<string, unknown> = {};
  submissions.forEach((s, i) => Object.assign(params, { [`id${i}`]: s.id, [`v${i}`]: s.version, [`ref${i}`]: references[i] }));
  const result = await em
    .createQueryBuilder()
    .update(Submission)
    .set({
      status: 'SUBMITTED',
      submittedAt: at,
      updatedAt: at,
      version: () => 'version + 1',
      referenceNumber: () => `CASE id ${submissions.map((_, i) => `WHEN :id${i} THEN :ref${i}`).join(' ')} END`,
    })
    .where(submissions.map((_, i) => `(id = :id${i} AND version = :v${i})`).join(' OR '))
    .setParameters(params)
    .execute();
  if (result.affected !== submissions.length) throw versionConflict(submissions[0]!.version);
}

/**
 * RETURNED → SUBMITTED for the entries judged, in one UPDATE, keeping their reference numbers
 * and first submission times: each only at the version it was judged at (else VERSION_CONFLICT).
 */
export async function markResubmitted(em: EntityManager, submissions: readonly Submission[], at: Date) {
  const params: Record<string, unknown> = {};
  submissions.forEach((s, i) => Object.assign(params, { [`id${i}`]: s.id, [`v${i}`]: s.version }));
  const result = await em
    .createQueryBuilder()
    .update(Submission)
    .set({ status: 'SUBMITTED', updatedAt: at, version: () => 'version + 1' })
    .where(submissions.map((_, i) => `(id = :id${i} AND version = :v${i})`).join(' OR '))
    .setParameters(params)
    .execute();
  if (result.affected !== submissions.length) throw versionConflict(submissions[0]!.version);
}
