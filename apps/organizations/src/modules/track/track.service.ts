import type { DataSource, Repository } from 'typeorm';
import { DomainError, type Identity, alreadyExists, check, notFound } from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type RequestContext, recordAudit } from '@meritgraph/subgraph-kit';
import type { ContestService } from '../contest/contest.service';
import { Track } from './track.entity';

export interface TrackInput {
  code?: string | null;
  name?: string | null;
}

const CODE = /^[A-Z][A-Z0-9_]{1,19}$/;

export class TrackService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contests: ContestService,
    private readonly clock: () => Date,
  ) {}

  private get repo(): Repository<Track> {
    return this.dataSource.getRepository(Track);
  }

  /** A track, if its contest is visible to the caller. */
  async loadVisible(ctx: RequestContext, id: string): Promise<Track | null> {
    const track = await ctx.loaders.byId(this.repo).load(id);
    return track && (await this.contests.loadVisible(ctx, track.contestId)) ? track : null;
  }

  /** A contest's tracks in code order, batched across the request. */
  forContest(ctx: RequestContext, contestId: string): Promise<Track[]> {
    return ctx.loaders.groupedBy(this.repo, 'contestId', { code: 'ASC' }).load(contestId);
  }

  private validate(input: TrackInput, creating: boolean) {
    check(input)
      .text('code', { max: 20, pattern: CODE, hint: 'upper-case letters, digits and _, starting with a letter', optional: !creating })
      .text('name', { min: 1, max: 80, optional: !creating })
      .done();
  }

  /** Tracks are added while the contest is a draft or open; afterwards entries depend on them. */
  async create(identity: Identity, contestId: string, input: TrackInput & { code: string; name: string }): Promise<Track> {
    this.validate(input, true);
    return this.dataSource.transaction(async (em) => {
      const contest = await this.contests.require(em, contestId);
      if (contest.status !== 'DRAFT' && contest.status !== 'OPEN_FOR_SUBMISSIONS') {
        throw new DomainError('CONTEST_LOCKED', `Tracks cannot be added once the contest is ${contest.status}`, 'contestId');
      }
      if (await em.existsBy(Track, { contestId, code: input.code })) throw alreadyExists('Track', 'code', input.code);
      const track = em.create(Track, { id: newId(), contestId, code: input.code, name: input.name.trim() });
      await em.insert(Track, track);
      await recordAudit(em, identity, this.clock(), { action: 'track.create', entityType: 'Track', entityId: track.id, after: track });
      return track;
    });
  }

  /** Renames a track; its code changes only while the contest is a draft. */
  async update(identity: Identity, id: string, input: TrackInput): Promise<Track> {
    this.validate(input, false);
    return this.dataSource.transaction(async (em) => {
      const track = await em.findOneBy(Track, { id });
      if (!track) throw notFound('Track', id);
      const before = { ...track };
      if (input.code != null && input.code !== track.code) {
        const contest = await this.contests.require(em, track.contestId);
        if (contest.status !== 'DRAFT')
          throw new DomainError('CONTEST_LOCKED', 'A track code changes only while the contest is a draft', 'code');
        if (await em.existsBy(Track, { contestId: track.contestId, code: input.code })) throw alreadyExists('Track', 'code', input.code);
        track.code = input.code;
      }
      if (input.name != null) track.name = input.name.trim();
      await em.save(Track, track);
      await recordAudit(em, identity, this.clock(), { action: 'track.update', entityType: 'Track', entityId: id, before, after: track });
      return track;
    });
  }
}
