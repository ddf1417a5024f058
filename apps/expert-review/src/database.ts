import type { SubgraphSchema } from '@meritgraph/db';
import { AuditEntry } from '@meritgraph/subgraph-kit';
import { Assignment } from './modules/assignment/assignment.entity';
import { Entry, EntryLink } from './modules/entry/entry.entity';
import { Expert } from './modules/expert/expert.entity';
import { Panel, PanelMember } from './modules/panel/panel.entity';
import { QuotaGroup, ReviewRound, RoundCriterion } from './modules/round/round.entity';
import { Scorecard } from './modules/scorecard/scorecard.entity';
import { Presentation, QuotaRaise, ResultOverride, RoundResult } from './modules/result/result.entity';
import { feed } from './feed';
import { migrations as mysql } from './migrations/mysql';
import { migrations as sqlite } from './migrations/sqlite';

export const schema: SubgraphSchema = {
  subgraph: 'expert-review',
  entities: [
    ReviewRound,
    RoundCriterion,
    QuotaGroup,
    Entry,
    EntryLink,
    Expert,
    Panel,
    PanelMember,
    Assignment,
    Scorecard,
    RoundResult,
    ResultOverride,
    QuotaRaise,
    Presentation,
    AuditEntry,
    ...feed.entities,
  ],
  subscribers: feed.subscribers,
  migrations: { sqlite, mysql },
};
