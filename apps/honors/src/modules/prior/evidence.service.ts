import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode, type Identity, ROLES, type Role, baseFileType, forbidden, hasRole, notFound } from '@meritgraph/domain';
import { forUpdate } from '@meritgraph/db';
import {
  type FileKit,
  assertDeclaredFile,
  HttpError,
  type RequestContext,
  grantOf,
  recordAudit,
  sendFile,
  storeUpload,
} from '@meritgraph/subgraph-kit';
import type { RecipientsApi } from '../references/peers';
import { PriorHonor, type StoredEvidence } from './prior.entity';

/** The path of this subgraph's file URLs on the graph's host; the gateway passes them on. */
export const FILES_PATH = '/files/honors';

/** A declared proof file for a prior honor. */
export interface EvidenceDeclaration {
  priorHonorId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256?: string | null;
}

const described = (e: StoredEvidence) => ({ fileName: e.fileName, contentType: e.contentType, size: e.size, sha256: e.sha256 });

/**
 * The proof of a prior honor as a file (a certificate's scan): uploaded by the office or the
 * achievement's own unit by signed URL until the office verifies the honor, then fixed;
 * opened by the office and that unit.
 */
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recipients: RecipientsApi,
    private readonly files: FileKit,
    private readonly clock: () => Date,
  ) {}

  /** The office, or a submitter of the achievement's unit. */
  private async mayHandle(identity: Identity, prior: PriorHonor): Promise<boolean> {
    if (hasRole(identity, 'ADMIN')) return true;
    if (!hasRole(identity, 'SUBMITTER') || !identity.org) return false;
    return (await this.recipients.submissionUnits([prior.submissionId])).get(prior.submissionId) === identity.org;
  }

  /** The prior honor, locked, if the caller (null: an upload URL issued to one who could) may change its proof and it is not verified yet. */
  private async changeable(em: EntityManager, identity: Identity | null, id: string, field: string): Promise<PriorHonor> {
    const prior = await em.findOne(PriorHonor, { where: { id }, ...forUpdate(em) });
    if (!prior) throw identity && !hasRole(identity, 'ADMIN') ? forbidden(field) : notFound('PriorHonor', id, field);
    if (identity && !(await this.mayHandle(identity, prior))) throw forbidden(field);
    if (prior.verified) throw new DomainError(ErrorCode.ATTACHMENT_LOCKED, 'A verified honor’s proof is fixed', field);
    return prior;
  }

  async createUpload(identity: Identity, input: EvidenceDeclaration) {
    assertDeclaredFile(this.files, input);
    const expiresAt = new Date(this.clock().getTime() + this.files.uploadMinutes * 60_000);
    const nonce = randomUUID();
    const contentType = baseFileType(input.contentType);
    await this.dataSource.transaction(async (em) => {
      await this.changeable(em, identity, input.priorHonorId, 'priorHonorId');
      const evidenceUpload = {
        nonce,
        fileName: input.fileName.trim(),
        contentType,
        size: input.size,
        sha256: input.sha256 ?? null,
        requestedBy: identity.sub ?? 'anonymous',
        requestedRoles: identity.roles.join(','),
      };
      await em.update(PriorHonor, { id: input.priorHonorId }, { evidenceUpload });
    });
    const token = this.files.tokens.mint({ purpose: 'upload', id: `${input.priorHonorId}~${nonce}`, name: input.fileName, expiresAt });
    return { uploadUrl: `${FILES_PATH}/upload/${token}`, method: 'PUT', contentType, expiresAt, maxBytes: this.files.maxBytes };
  }

  /** Receives the proof's bytes; it replaces the one before, whose stored file is removed once the new one is linked. */
  async receive(req: IncomingMessage, token: string): Promise<Record<string, unknown>> {
    const [id, nonce] = grantOf(this.files, token, 'upload', this.clock()).id.split('~');
    const prior = id ? await this.dataSource.manager.findOneBy(PriorHonor, { id }) : null;
    const pending = prior?.evidenceUpload;
    if (!prior || !pending || pending.nonce !== nonce)
      throw new HttpError(403, 'URL_INVALID', 'The upload URL is not valid, or was used already');
    const key = `${prior.id}/${nonce}`;
    const identity: Identity = {
      roles: pending.requestedRoles.split(',').filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
      sub: pending.requestedBy,
    };
    let replaced: StoredEvidence | null = null;
    const stored = await storeUpload(req, this.files, pending, key, (received) =>
      this.dataSource.transaction(async (em) => {
        const fresh = await this.changeable(em, null, prior.id, 'priorHonorId');
        if (fresh.evidenceUpload?.nonce !== nonce) throw new HttpError(403, 'URL_INVALID', 'The upload URL was used already');
        const file: StoredEvidence = { ...pending, ...received, storageKey: key, uploadedAt: this.clock().toISOString() };
        replaced = fresh.evidenceFile;
        await em.update(PriorHonor, { id: prior.id }, { evidenceFile: file, evidenceUpload: null });
        await recordAudit(em, identity, this.clock(), {
          action: 'prior-honor.evidence',
          entityType: 'PriorHonor',
          entityId: prior.id,
          before: replaced ? described(replaced) : null,
          after: described(file),
        });
        return file;
      }),
    );
    if (replaced) await this.files.storage.delete((replaced as StoredEvidence).storageKey);
    return described(stored);
  }

  async download(res: ServerResponse, token: string): Promise<void> {
    const grant = grantOf(this.files, token, 'download', this.clock());
    const prior = await this.dataSource.manager.findOneBy(PriorHonor, { id: grant.id });
    if (!prior?.evidenceFile) throw new HttpError(404, 'NOT_FOUND', 'The file was removed');
    await sendFile(res, await this.files.storage.get(prior.evidenceFile.storageKey), { ...prior.evidenceFile, fileName: grant.name });
  }

  /** The proof's file as the caller may see it: with a download URL for the office and the achievement's unit. */
  async view(ctx: RequestContext, prior: PriorHonor) {
    const file = prior.evidenceFile;
    if (!file) return null;
    const { identity } = ctx;
    // The units of every achievement whose proofs the request shows, asked of submissions once.
    const unitOf = () =>
      ctx.loaders
        .get<string, string | null>('PriorHonor.unit', async (ids) => {
          const units = await this.recipients.submissionUnits(ids);
          return ids.map((id) => units.get(id) ?? null);
        })
        .load(prior.submissionId);
    const opens = hasRole(identity, 'ADMIN') || (hasRole(identity, 'SUBMITTER') && !!identity.org && (await unitOf()) === identity.org);
    const expiresAt = new Date(this.clock().getTime() + this.files.downloadMinutes * 60_000);
    const token = this.files.tokens.mint({ purpose: 'download', id: prior.id, name: file.fileName, expiresAt });
    return { ...described(file), uploadedAt: new Date(file.uploadedAt), downloadUrl: opens ? `${FILES_PATH}/download/${token}` : null };
  }

  /** Removes an unverified honor's proof file, and its stored bytes once that is committed. */
  async remove(identity: Identity, priorHonorId: string): Promise<PriorHonor> {
    const { prior, file } = await this.dataSource.transaction(async (em) => {
      const found = await this.changeable(em, identity, priorHonorId, 'priorHonorId');
      if (!found.evidenceFile) throw notFound('Evidence file of prior honor', priorHonorId, 'priorHonorId');
      await em.update(PriorHonor, { id: found.id }, { evidenceFile: null });
      await recordAudit(em, identity, this.clock(), {
        action: 'prior-honor.evidence-removed',
        entityType: 'PriorHonor',
        entityId: found.id,
        before: described(found.evidenceFile),
      });
      return { prior: { ...found, evidenceFile: null }, file: found.evidenceFile };
    });
    await this.files.storage.delete(file.storageKey);
    return prior;
  }
}
