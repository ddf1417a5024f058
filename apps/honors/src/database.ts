import type { SubgraphSchema } from '@meritgraph/db';
import { AuditEntry } from '@meritgraph/subgraph-kit';
import { AwardQuota, AwardType } from './modules/award/award.entity';
import { CalendarDay, CalendarYear } from './modules/calendar/calendar.entity';
import { OrganizerEvaluation } from './modules/evaluation/evaluation.entity';
import { OrganizerTieDecision } from './modules/evaluation/tie-decision.entity';
import { Honor, Objection } from './modules/honor/honor.entity';
import { PriorHonor } from './modules/prior/prior.entity';
import { feed } from './feed';
import { migrations as mysql } from './migrations/mysql';
import { migrations as sqlite } from './migrations/sqlite';

export const schema: SubgraphSchema = {
  subgraph: 'honors',
  entities: [
    Honor,
    Objection,
    AwardType,
    AwardQuota,
    CalendarDay,
    CalendarYear,
    OrganizerEvaluation,
    OrganizerTieDecision,
    PriorHonor,
    AuditEntry,
    ...feed.entities,
  ],
  subscribers: feed.subscribers,
  migrations: { sqlite, mysql },
};
