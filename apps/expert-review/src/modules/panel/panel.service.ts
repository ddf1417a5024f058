import type { DataSource, EntityManager } from 'typeorm';
import { In, Not } from 'typeorm';
import { type Identity, InvalidInput, assertRoundActivity, check, notFound } from '@meritgraph/domain';
import { newId } from '@meritgraph/db';
import { type RequestContext, recordAudit } from '@meritgraph/subgraph-kit';
import type { OrganizationsApi } from '../references/peers';
import type { RoundService } from '../round/round.service';
import { Expert } from '../expert/expert.entity';
import { Panel, PanelMember } from './panel.entity';

export interface PanelInput {
  name?: string | null;
  trackIds?: string[] | null;
  chairId?: string | null;
  memberIds?: string[] | null;
}

export class PanelService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundService,
    private readonly organizations: OrganizationsApi,
    private readonly clock: () => Date,
  ) {}

  forRound(ctx: RequestContext, roundId: string): Promise<Panel[]> {
    return ctx.loaders.groupedBy(this.dataSource.getRepository(Panel), 'roundId', { name: 'ASC' }).load(roundId);
  }

  find(ctx: RequestContext, id: string): Promise<Panel | null> {
    return ctx.loaders.byId(this.dataSource.getRepository(Panel)).load(id);
  }

  /** Member expert ids, chair first, in the order given. */
  async memberIds(ctx: RequestContext, panelId: string): Promise<string[]> {
    const members = await ctx.loaders.groupedBy(this.dataSource.getRepository(PanelMember), 'panelId', { position: 'ASC' }).load(panelId);
    return members.map((m) => m.expertId);
  }

  /** The panels of a round with their members, inside a transaction. */
  async ofRound(em: EntityManager, roundId: string): Promise<{ panel: Panel; memberIds: string[] }[]> {
    const panels = await em.find(Panel, { where: { roundId }, order: { id: 'ASC' } });
    const members = await em.find(PanelMember, { where: { roundId }, order: { position: 'ASC' } });
    return panels.map((panel) => ({ panel, memberIds: members.filter((m) => m.panelId === panel.id).map((m) => m.expertId) }));
  }

  private validate(input: PanelInput, creating: boolean) {
    check(input)
      .text('name', { min: 2, max: 120, optional: !creating })
      .text('chairId', { max: 36, optional: !creating })
      .rule('trackIds', (v) => ((v as string[]).length === 0 ? 'a panel covers at least one track' : null), { optional: !creating })
      .rule(
        'memberIds',
        (v) =>
          (v as string[]).length > 50
            ? 'at most 50 members'
            : new Set(v as string[]).size !== (v as string[]).length
              ? 'lists an expert twice'
              : null,
        {
          optional: !creating,
        },
      )
      .done();
  }

  /**
   * Checks a panel against its round: its tracks belong to the contest and no other panel
   * covers them; its experts exist, are active, and sit on no other panel of the round. The
   * chair is always a member.
   */
  private async settle(em: EntityManager, panel: Panel, memberIds: string[]) {
    const { round } = await this.rounds.judged(em, panel.roundId, 'roundId', true);
    assertRoundActivity(round.status, 'CONFIGURE');
    const contest = await this.organizations.contest(round.contestId);
    const problems: { field: string; message: string }[] = [];
    const tracks = new Set(contest?.tracks.map((t) => t.id));
    for (const t of panel.trackIds) if (!tracks.has(t)) problems.push({ field: 'trackIds', message: `${t} is not a track of the contest` });
    const others = await em.find(Panel, { where: { roundId: panel.roundId, id: Not(panel.id) } });
    for (const other of others) {
      for (const t of panel.trackIds)
        if (other.trackIds.includes(t)) problems.push({ field: 'trackIds', message: `${t} is already covered by panel ${other.name}` });
    }
    const members = [panel.chairId, ...memberIds.filter((id) => id !== panel.chairId)];
    const experts = await em.findBy(Expert, { id: In(members) });
    for (const id of members) {
      const expert = experts.find((x) => x.id === id);
      const field = id === panel.chairId ? 'chairId' : 'memberIds';
      if (!expert) problems.push({ field, message: `no expert ${id}` });
      else if (!expert.active) problems.push({ field, message: `expert ${id} is inactive` });
    }
    const seatedElsewhere = await em.findBy(PanelMember, { roundId: panel.roundId, expertId: In(members), panelId: Not(panel.id) });
    for (const m of seatedElsewhere)
      problems.push({
        field: m.expertId === panel.chairId ? 'chairId' : 'memberIds',
        message: `expert ${m.expertId} already sits on another panel of this round`,
      });
    if (problems.length) throw new InvalidInput(problems);
    await em.save(panel);
    await em.delete(PanelMember, { panelId: panel.id });
    await em.insert(
      PanelMember,
      members.map((expertId, position) => ({ id: newId(), panelId: panel.id, roundId: panel.roundId, expertId, position })),
    );
    return members;
  }

  async create(
    identity: Identity,
    input: PanelInput & { roundId: string; name: string; trackIds: string[]; chairId: string; memberIds: string[] },
  ): Promise<Panel> {
    check(input).text('roundId', { max: 36 }).done();
    this.validate(input, true);
    return this.dataSource.transaction(async (em) => {
      if (await em.existsBy(Panel, { roundId: input.roundId, name: input.name.trim() })) {
        throw new InvalidInput([{ field: 'name', message: 'another panel of the round has this name' }]);
      }
      const panel = em.create(Panel, {
        id: newId(),
        roundId: input.roundId,
        name: input.name.trim(),
        trackIds: input.trackIds,
        chairId: input.chairId,
        createdAt: this.clock(),
      });
      const members = await this.settle(em, panel, input.memberIds);
      await recordAudit(em, identity, this.clock(), {
        action: 'panel.create',
        entityType: 'Panel',
        entityId: panel.id,
        after: { ...panel, memberIds: members },
      });
      return panel;
    });
  }

  async update(identity: Identity, id: string, input: PanelInput): Promise<Panel> {
    this.validate(input, false);
    return this.dataSource.transaction(async (em) => {
      const panel = await em.findOneBy(Panel, { id });
      if (!panel) throw notFound('Panel', id);
      const beforeMembers = (await em.find(PanelMember, { where: { panelId: id }, order: { position: 'ASC' } })).map((m) => m.expertId);
      const before = { ...panel, memberIds: beforeMembers };
      if (input.name != null) panel.name = input.name.trim();
      if (input.trackIds != null) panel.trackIds = input.trackIds;
      if (input.chairId != null) panel.chairId = input.chairId;
      const members = await this.settle(em, panel, input.memberIds ?? beforeMembers);
      await recordAudit(em, identity, this.clock(), {
        action: 'panel.update',
        entityType: 'Panel',
        entityId: id,
        before,
        after: { ...panel, memberIds: members },
      });
      return panel;
    });
  }
}
