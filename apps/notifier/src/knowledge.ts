import { type DataSource, type EntityManager, In } from 'typeorm';
import type { EventContext, FeedEvent } from '@meritgraph/domain';
import type { FeedRecord } from '@meritgraph/subgraph-kit';
import { KnownRecord } from './entities';

type State = Record<string, unknown>;

/** The record types whose last state the notifier keeps, by feed. */
export const KEPT: Readonly<Record<string, readonly string[]>> = {
  'expert-review': ['ReviewRound', 'Entry', 'Expert', 'Assignment', 'Scorecard'],
  submissions: ['Submission'],
  honors: ['Honor'],
};

const keyOf = (feed: string, type: string, id: string) => `${feed}\n${type}\n${id}`;
const groupOf = (type: string, state: State | null): string | null =>
  state && (type === 'Entry' || type === 'Assignment' || type === 'Scorecard') ? String(state.roundId ?? '') || null : null;

interface Pending {
  feed: string;
  entityType: string;
  entityId: string;
  groupId: string | null;
  version: number;
  state: State | null;
}

/**
 * What the notifier knows of one feed's page while it reads it: the stored states, overlaid
 * with the page's earlier changes. `flush` writes the overlay in the cursor's transaction, so
 * a page read again after a crash is judged exactly as it was the first time.
 */
export class PageKnowledge {
  private readonly overlay = new Map<string, Pending>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly feed: string,
  ) {}

  private async get(type: string, id: string): Promise<State | null> {
    const pending = this.overlay.get(keyOf(this.feed, type, id));
    if (pending) return pending.state;
    const row = await this.dataSource.getRepository(KnownRecord).findOneBy({ feed: this.feed, entityType: type, entityId: id });
    return row ? (JSON.parse(row.state) as State) : null;
  }

  private async group(type: string, groupId: string): Promise<State[]> {
    const rows = await this.dataSource.getRepository(KnownRecord).findBy({ feed: this.feed, entityType: type, groupId });
    const states = new Map(rows.map((r) => [r.entityId, JSON.parse(r.state) as State | null]));
    for (const p of this.overlay.values()) {
      if (p.entityType !== type) continue;
      if (p.groupId === groupId) states.set(p.entityId, p.state);
      else states.delete(p.entityId);
    }
    return [...states.values()].filter((s): s is State => s !== null);
  }

  private async experts(ids: readonly string[]): Promise<Map<string, State>> {
    const found = new Map<string, State>();
    for (const id of new Set(ids)) {
      const state = await this.get('Expert', id);
      if (state) found.set(id, state);
    }
    return found;
  }

  /** What a change is judged against: the record's previous state and, by type, its round, experts and entries. */
  async contextOf(event: FeedEvent): Promise<EventContext> {
    const previous = await this.get(event.entityType, event.entityId);
    const state = event.state ?? {};
    if (event.entityType === 'Assignment') {
      return {
        previous,
        round: await this.get('ReviewRound', String(state.roundId ?? '')),
        experts: await this.experts([String(state.expertId ?? '')]),
      };
    }
    if (event.entityType === 'ReviewRound') {
      const roundAssignments = await this.group('Assignment', event.entityId);
      return {
        previous,
        roundAssignments,
        roundEntries: await this.group('Entry', event.entityId),
        experts: await this.experts(roundAssignments.map((a) => String(a.expertId ?? ''))),
      };
    }
    return { previous };
  }

  /** Notes a change of the page, for the changes after it and for `flush`. */
  remember(change: FeedRecord): void {
    if (!KEPT[this.feed]?.includes(change.entityType)) return;
    this.overlay.set(keyOf(this.feed, change.entityType, change.entityId), {
      feed: this.feed,
      entityType: change.entityType,
      entityId: change.entityId,
      groupId: groupOf(change.entityType, change.state),
      version: change.version,
      state: change.state,
    });
  }

  /** Writes what the page taught, in the transaction that moves the cursor past it. */
  async flush(em: EntityManager): Promise<void> {
    const rows = [...this.overlay.values()];
    const removed = rows.filter((r) => r.state === null);
    for (const r of removed) await em.delete(KnownRecord, { feed: r.feed, entityType: r.entityType, entityId: r.entityId });
    const kept = rows.filter((r) => r.state !== null).map((r) => ({ ...r, state: JSON.stringify(r.state) }));
    for (let start = 0; start < kept.length; start += 200)
      await em.upsert(KnownRecord, kept.slice(start, start + 200), ['feed', 'entityType', 'entityId']);
  }
}

/** The open rounds, their assignments, scorecards and experts, and the announced honors: what the reminders are computed from. */
export async function reminderFacts(dataSource: DataSource) {
  const repo = dataSource.getRepository(KnownRecord);
  const parse = (rows: KnownRecord[]) => rows.map((r) => JSON.parse(r.state) as State);
  const rounds = parse(await repo.findBy({ feed: 'expert-review', entityType: 'ReviewRound' })).filter((r) => r.status === 'OPEN');
  const ids = rounds.map((r) => String(r.id));
  const inRounds = (type: string) => (ids.length ? repo.findBy({ feed: 'expert-review', entityType: type, groupId: In(ids) }) : []);
  const assignments = parse(await inRounds('Assignment'));
  const scorecards = parse(await inRounds('Scorecard'));
  const expertIds = [...new Set(assignments.map((a) => String(a.expertId)))];
  const experts = expertIds.length
    ? parse(await repo.findBy({ feed: 'expert-review', entityType: 'Expert', entityId: In(expertIds) }))
    : [];
  const honors = parse(await repo.findBy({ feed: 'honors', entityType: 'Honor' })).filter(
    (h) => h.status === 'ANNOUNCED' && !!h.objectionsCloseAt,
  );
  return { rounds, assignments, scorecards, experts, honors };
}
