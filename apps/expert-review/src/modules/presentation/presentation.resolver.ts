import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { readsEverything } from '@meritgraph/domain';
import type { RequestContext } from '@meritgraph/subgraph-kit';
import { PersonRef, SubmissionRef } from '../references/references';
import type { EntryService } from '../entry/entry.service';
import { Panel } from '../panel/panel.entity';
import type { PanelService } from '../panel/panel.service';
import { Presentation } from '../result/result.entity';

@Resolver(() => Presentation)
export class PresentationResolver {
  constructor(
    private readonly entries: EntryService,
    private readonly panels: PanelService,
  ) {}

  @FieldResolver(() => Panel, { nullable: true, description: 'The panel, and so the room, the entry presents to.' })
  panel(@Root() p: Presentation, @Ctx() ctx: RequestContext): Promise<Panel | null> {
    return this.panels.find(ctx, p.panelId);
  }

  @FieldResolver(() => SubmissionRef, {
    nullable: true,
    description: 'The live submission: for the office and analysts, and for everyone once the round is published.',
  })
  async submission(@Root() p: Presentation, @Ctx() ctx: RequestContext): Promise<SubmissionRef | null> {
    if (!readsEverything(ctx.identity) && !p.roundPublished) return null;
    const entry = await this.entries.find(ctx, p.entryId);
    return entry ? { id: entry.submissionId } : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The entry’s reference number, e.g. 2019-AI-0042.' })
  async referenceNumber(@Root() p: Presentation, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.entries.find(ctx, p.entryId))?.referenceNumber ?? null;
  }

  @FieldResolver(() => PersonRef, {
    nullable: true,
    description: "The entry's leader, who presents it; null for experts in a blind round until it is published.",
  })
  presenter(@Root() p: Presentation): PersonRef | null {
    return p.presenterId ? { id: p.presenterId } : null;
  }
}
