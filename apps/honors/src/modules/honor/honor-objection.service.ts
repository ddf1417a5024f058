import type { DataSource } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  type Identity,
  OBJECTION_CHANNELS,
  type ObjectionChannel,
  assertAllowed,
  canSeeHonor,
  check,
  forbidden,
  hasRole,
  honorLifecycle,
  isAuthenticated,
  isIsoDate,
  notFound,
  readsEverything,
  receivedWithinWindow,
} from '@meritgraph/domain';
import { forUpdate, newId } from '@meritgraph/db';
import { recordAudit } from '@meritgraph/subgraph-kit';
import { Honor, Objection } from './honor.entity';
import { snapshot } from './honor-records';

export interface RecordedObjection {
  honorId: string;
  channel: ObjectionChannel;
  receivedOn: string;
  objectorName: string;
  contact: string;
  text: string;
}

/** Objections to announced honors: filed by anyone signed in, resolved by the office. */
export class HonorObjectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date,
  ) {}

  /** Anyone signed in may object to an announced honor while its window is open. */
  async object(identity: Identity, honorId: string, text: string, contact: string): Promise<Objection> {
    assertAllowed(isAuthenticated(identity));
    check({ honorId, text, contact })
      .text('honorId', { max: 36 })
      .text('text', { min: 10, max: 2000, multiline: true })
      .text('contact', { min: 3, max: 200 })
      .done();
    return this.dataSource.transaction(async (em) => {
      // Locked, so a conferral running now either sees this objection or finishes first.
      const honor = await em.findOne(Honor, { where: { id: honorId }, ...forUpdate(em) });
      if (!honor || !canSeeHonor(identity, honor.status))
        throw readsEverything(identity) ? notFound('Honor', honorId, 'honorId') : forbidden('honorId');
      const now = this.clock();
      if (honor.status !== 'ANNOUNCED' || !honor.objectionsCloseAt || now >= honor.objectionsCloseAt) {
        throw new DomainError(
          'ANNOUNCEMENT_WINDOW_CLOSED',
          'Objections are taken only while the honor is announced, within its window',
          'honorId',
        );
      }
      const objection = em.create(Objection, {
        id: newId(),
        honorId,
        text: text.trim(),
        contact: contact.trim(),
        filedBy: identity.sub ?? 'unknown',
        filedAt: now,
        channel: null,
        receivedOn: null,
        objectorName: null,
        status: 'OPEN',
        resolution: null,
        resolvedAt: null,
      });
      await em.insert(Objection, objection);
      // The objector's contact stays out of the audit log, which analysts read.
      await recordAudit(em, identity, this.clock(), {
        action: 'objection.file',
        entityType: 'Honor',
        entityId: honorId,
        after: { objectionId: objection.id, text: objection.text },
      });
      return objection;
    });
  }

  /**
   * The office records an objection it received by letter, phone or email. It counts like one
   * filed on the platform: received within the window, and open until resolved. The objector's
   * name and contact stay out of the audit log.
   */
  async record(identity: Identity, input: RecordedObjection): Promise<Objection> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    check(input)
      .text('honorId', { max: 36 })
      .oneOf('channel', OBJECTION_CHANNELS)
      .rule('receivedOn', (v) => (typeof v === 'string' && isIsoDate(v) ? null : 'must be a date, YYYY-MM-DD'))
      .text('objectorName', { max: 100 })
      .text('contact', { min: 3, max: 200 })
      .text('text', { min: 10, max: 2000, multiline: true })
      .done();
    return this.dataSource.transaction(async (em) => {
      const honor = await em.findOne(Honor, { where: { id: input.honorId }, ...forUpdate(em) });
      if (!honor) throw notFound('Honor', input.honorId, 'honorId');
      const now = this.clock();
      if (
        honor.status !== 'ANNOUNCED' ||
        !honor.announcedAt ||
        !honor.objectionsCloseAt ||
        !receivedWithinWindow(input.receivedOn, honor.announcedAt, honor.objectionsCloseAt, now)
      ) {
        throw new DomainError(
          'ANNOUNCEMENT_WINDOW_CLOSED',
          'An objection counts only when received within the window of an honor still announced, and not after today',
          'receivedOn',
        );
      }
      const objection = em.create(Objection, {
        id: newId(),
        honorId: honor.id,
        text: input.text.trim(),
        contact: input.contact.trim(),
        filedBy: identity.sub ?? 'unknown',
        filedAt: now,
        channel: input.channel,
        receivedOn: input.receivedOn,
        objectorName: input.objectorName.trim(),
        status: 'OPEN',
        resolution: null,
        resolvedAt: null,
      });
      await em.insert(Objection, objection);
      await recordAudit(em, identity, now, {
        action: 'objection.record',
        entityType: 'Honor',
        entityId: honor.id,
        after: { objectionId: objection.id, channel: objection.channel, receivedOn: objection.receivedOn, text: objection.text },
      });
      return objection;
    });
  }

  /** The office resolves an objection: UPHELD withdraws the honor; DISMISSED lets conferral go ahead. */
  async resolve(identity: Identity, id: string, outcome: 'UPHELD' | 'DISMISSED', resolution: string): Promise<Objection> {
    assertAllowed(hasRole(identity, 'ADMIN'));
    check({ resolution }).text('resolution', { min: 4, max: 1000, multiline: true }).done();
    return this.dataSource.transaction(async (em) => {
      const objection = await em.findOne(Objection, { where: { id }, ...forUpdate(em) });
      if (!objection) throw notFound('Objection', id);
      if (objection.status !== 'OPEN')
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `The objection is already ${objection.status}`, 'id');
      Object.assign(objection, { status: outcome, resolution: resolution.trim(), resolvedAt: this.clock() });
      await em.save(objection);
      await recordAudit(em, identity, this.clock(), {
        action: `objection.${outcome.toLowerCase()}`,
        entityType: 'Honor',
        entityId: objection.honorId,
        after: { objectionId: id, status: outcome, resolution },
        reason: resolution,
      });
      const honor = await em.findOne(Honor, { where: { id: objection.honorId }, ...forUpdate(em) });
      // Another objection upheld, or the office, may have withdrawn the honor already.
      if (outcome === 'UPHELD' && honor && honor.status !== 'WITHDRAWN') {
        const before = snapshot(honor);
        honorLifecycle.assert(honor.status, 'WITHDRAWN');
        Object.assign(honor, { status: 'WITHDRAWN', endReason: `objection upheld: ${resolution.trim()}`.slice(0, 500) });
        await em.save(honor);
        await recordAudit(em, identity, this.clock(), {
          action: 'honor.withdraw',
          entityType: 'Honor',
          entityId: honor.id,
          before,
          after: snapshot(honor),
          reason: resolution,
        });
      }
      return objection;
    });
  }
}
