import type { DataSource } from 'typeorm';
import {
  DomainError,
  type Identity,
  InvalidInput,
  type Slot,
  assertAllowed,
  canSeePresentations,
  canSeePresenter,
  hasRole,
  presentationSchedule,
} from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type RequestContext, recordAudit } from '@meritgraph/subgraph-kit';
import { Entry } from '../entry/entry.entity';
import { Panel, PanelMember } from '../panel/panel.entity';
import { Presentation } from '../result/result.entity';
import type { ReviewRound } from '../round/round.entity';
import type { RoundService } from '../round/round.service';
import { instantOf, wallClockOf } from './programme-time';

export interface ScheduleSettings {
  /** An instant on the round's review date, in Beijing time. */
  startTime?: Date | null;
  slotMinutes: number;
  breakEvery?: number | null;
  breakMinutes?: number | null;
  lunchFrom?: string | null;
  lunchTo?: string | null;
}

const BATCH = 200;

/** The schedule rules name the lunch window as one object; the API takes it as two fields. */
const SCHEDULE_FIELDS: Record<string, string> = { 'lunch.from': 'lunchFrom', 'lunch.to': 'lunchTo' };

function withInputFields<T>(plan: () => T): T {
  try {
    return plan();
  } catch (error) {
    if (error instanceof InvalidInput)
      throw new InvalidInput(error.problems.map((p) => ({ ...p, field: SCHEDULE_FIELDS[p.field] ?? p.field })));
    throw error;
  }
}

/**
 * The Beijing time of day 'HH:MM' the day starts at: the start must fall on the round's review
 * date in Beijing and on a whole minute, since the programme is printed to the minute.
 */
function startClock(startTime: Date | null | undefined, reviewDate: string): string | undefined {
  if (!startTime) return undefined;
  const wallClock = wallClockOf(startTime);
  if (startTime.getTime() % 60_000 !== 0)
    throw new InvalidInput([{ field: 'startTime', message: 'must be on a whole minute (no seconds)' }]);
  if (wallClock.slice(0, 10) !== reviewDate)
    throw new InvalidInput([
      {
        field: 'startTime',
        message: `must be on the round’s review date, ${reviewDate} in Beijing time (UTC+8); it is ${wallClock.replace('T', ' ')} there`,
      },
    ]);
  return wallClock.slice(11);
}

/** A final round's presentation schedule: laid out by the office, read with the round. */
export class PresentationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundService,
    private readonly clock: () => Date,
  ) {}

  /**
   * Lays out the final round's presentations: each panel's entries in reference order, one
   * slot each, presented by the entry's leader, with no overlap in a room or for a
   * presenter. Replaces an earlier schedule; the same entries give the same schedule.
   */
  async schedule(
    identity: Identity,
    roundId: string,
    settings: ScheduleSettings,
  ): Promise<{ slots: Presentation[]; unscheduled: { entryId: string; reason: string }[] }> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    return this.dataSource.transaction(async (em) => {
      const { round } = await this.rounds.judged(em, roundId, 'roundId', true);
      if (round.stage !== 'FINAL') throw new InvalidInput([{ field: 'roundId', message: 'only a final round has presentations' }]);
      if (round.status !== 'DRAFT' && round.status !== 'OPEN')
        throw new DomainError('ROUND_CLOSED', 'The round is closed: its schedule is final', 'roundId');
      if (!round.reviewDate) throw new InvalidInput([{ field: 'roundId', message: 'set the round’s reviewDate first' }]);
      const startTime = startClock(settings.startTime, round.reviewDate);
      if (!settings.lunchFrom !== !settings.lunchTo) {
        throw new InvalidInput([
          { field: settings.lunchFrom ? 'lunchTo' : 'lunchFrom', message: 'a lunch break needs both lunchFrom and lunchTo' },
        ]);
      }
      const panels = await em.find(Panel, { where: { roundId }, order: { id: 'ASC' } });
      if (!panels.length) throw new InvalidInput([{ field: 'roundId', message: 'the round has no panels to present to' }]);
      const entries = await em.find(Entry, { where: { roundId }, order: { referenceNumber: 'ASC' } });
      const plan = withInputFields(() =>
        presentationSchedule({
          date: round.reviewDate!,
          startTime,
          slotMinutes: settings.slotMinutes,
          breakEvery: settings.breakEvery ?? undefined,
          breakMinutes: settings.breakMinutes ?? undefined,
          lunch: settings.lunchFrom && settings.lunchTo ? { from: settings.lunchFrom, to: settings.lunchTo } : undefined,
          panels: panels.map((p) => ({ id: p.id, trackIds: p.trackIds })),
          entries: entries.map((e) => ({ entryId: e.id, trackId: e.trackId, presenterId: e.leaderId, referenceNumber: e.referenceNumber })),
        }),
      );
      const before = await em.find(Presentation, { where: { roundId } });
      await em.delete(Presentation, { roundId });
      const slots = plan.slots.map((s: Slot) =>
        Object.assign(new Presentation(), {
          id: newId(),
          roundId,
          panelId: s.panelId,
          entryId: s.entryId,
          presenterId: s.presenterId,
          position: s.order,
          startsAt: instantOf(s.startsAt),
          endsAt: instantOf(s.endsAt),
        }),
      );
      for (let i = 0; i < slots.length; i += BATCH) await em.insert(Presentation, slots.slice(i, i + BATCH));
      await recordAudit(em, identity, this.clock(), {
        action: 'round.schedule',
        entityType: 'ReviewRound',
        entityId: roundId,
        before: before.length ? { presentations: before.length } : null,
        after: { presentations: slots.length, unscheduled: plan.unscheduled.length, settings },
      });
      return { slots, unscheduled: plan.unscheduled };
    });
  }

  /** The rounds on whose panels the calling expert sits, read once per request. */
  private myPanelRounds(ctx: RequestContext): Promise<Set<string>> {
    return ctx.loaders
      .get<'mine', Set<string>>('Presentation.myPanelRounds', async (keys) => {
        const rows = ctx.identity.expert
          ? await this.dataSource.getRepository(PanelMember).find({ select: { roundId: true }, where: { expertId: ctx.identity.expert } })
          : [];
        const mine = new Set(rows.map((r) => r.roundId));
        return keys.map(() => mine);
      })
      .load('mine');
  }

  /**
   * The schedule of a round, by panel and running order, as the caller may read it; batched.
   * Until the round is published it is for the office, analysts and the round's panel
   * members (canSeePresentations), and FORBIDDEN to anyone else; in a blind round its experts
   * read no presenter (canSeePresenter).
   */
  async forRound(ctx: RequestContext, round: ReviewRound): Promise<Presentation[]> {
    const published = round.publishedAt !== null;
    const onPanel = hasRole(ctx.identity, 'EXPERT') && (await this.myPanelRounds(ctx)).has(round.id);
    assertAllowed(canSeePresentations(ctx.identity, { published }, onPanel), 'presentations');
    const slots = await ctx.loaders
      .groupedBy(this.dataSource.getRepository(Presentation), 'roundId', { panelId: 'ASC', position: 'ASC' })
      .load(round.id);
    const presenterShown = canSeePresenter(ctx.identity, { blind: round.blind, published });
    return slots.map((slot) =>
      Object.assign(new Presentation(), slot, { presenterId: presenterShown ? slot.presenterId : null, roundPublished: published }),
    );
  }
}
