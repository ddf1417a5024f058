import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { HonorStatus } from '@meritgraph/domain';
import { forUpdate } from '@meritgraph/db';
import type { AuditWithholding } from '@meritgraph/subgraph-kit';
import { AwardQuota } from '../award/award.entity';
import { Honor } from './honor.entity';

/**
 * What an honor's audit trail withholds from all but the office (see canSeeObjector): who
 * filed each objection, and any record of the objector or its contact.
 */
export const OBJECTOR_WITHHELD: AuditWithholding = { actions: ['objection.file'], keys: ['filedBy', 'contact', 'objectorName'] };

/** An honor as the audit log keeps it, before or after a change. */
export const snapshot = (h: Honor) => ({ ...h });

/** The quota in force, locked for the rest of the transaction so two requests cannot both take the last place. */
export async function lockQuota(em: EntityManager, contestId: string, code: string): Promise<number | null> {
  const row = await em.findOne(AwardQuota, { where: { contestId, awardTypeCode: code }, ...forUpdate(em) });
  return row?.quota ?? null;
}

/** The honors of one type in a contest that are in one of `statuses`, as a quota counts them. */
export function countHonors(em: EntityManager, contestId: string, code: string, statuses: readonly HonorStatus[]): Promise<number> {
  return em.countBy(Honor, { contestId, awardTypeCode: code, status: In([...statuses]) });
}
