import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { canSeeRound } from '@meritgraph/domain';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { TrackRef } from '../references/references';
import { Expert } from '../expert/expert.entity';
import type { ExpertService } from '../expert/expert.service';
import { ReviewRound } from '../round/round.entity';
import type { RoundService } from '../round/round.service';
import { Panel } from './panel.entity';
import type { PanelService } from './panel.service';
import { CreatePanelInput, UpdatePanelInput } from './panel.types';

@Resolver(() => Panel)
export class PanelResolver {
  constructor(
    private readonly service: PanelService,
    private readonly rounds: RoundService,
    private readonly experts: ExpertService,
  ) {}

  @FieldResolver(() => ReviewRound, { nullable: true, description: 'The round the panel sits in.' })
  async round(@Root() panel: Panel, @Ctx() ctx: RequestContext): Promise<ReviewRound | null> {
    const round = await this.rounds.find(ctx, panel.roundId);
    return round && canSeeRound(ctx.identity, round.status) ? round : null;
  }

  @FieldResolver(() => [TrackRef], { description: 'The tracks whose entries the panel hears.' })
  tracks(@Root() panel: Panel): TrackRef[] {
    return panel.trackIds.map((id) => ({ id }));
  }

  @FieldResolver(() => Expert, { nullable: true, description: 'The chair (office, analysts and the chair).' })
  chair(@Root() panel: Panel, @Ctx() ctx: RequestContext): Promise<Expert | null> {
    return this.experts.load(ctx, panel.chairId);
  }

  @FieldResolver(() => [Expert], { nullable: true, description: 'Members, chair first (office and analysts).' })
  async members(@Root() panel: Panel, @Ctx() ctx: RequestContext): Promise<Expert[]> {
    const ids = await this.service.memberIds(ctx, panel.id);
    return (await Promise.all(ids.map((id) => this.experts.load(ctx, id)))).filter((x): x is Expert => x !== null);
  }

  @Authorized('ADMIN')
  @Mutation(() => Panel, { description: 'Adds a panel to a DRAFT round.' })
  createPanel(
    @Arg('input', () => CreatePanelInput, { description: 'The round, name, tracks, chair and members.' }) input: CreatePanelInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Panel> {
    return this.service.create(ctx.identity, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => Panel, {
    description: 'Changes a panel while its round is DRAFT (the office); only the fields given. ROUND_ALREADY_OPEN or ROUND_CLOSED after.',
  })
  updatePanel(
    @Arg('id', () => ID, { description: 'The panel to change.' }) id: string,
    @Arg('input', () => UpdatePanelInput, { description: 'The fields to change; absent fields stay as they are.' }) input: UpdatePanelInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Panel> {
    return this.service.update(ctx.identity, id, input);
  }
}
