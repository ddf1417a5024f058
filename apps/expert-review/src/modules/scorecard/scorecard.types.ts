import { Connection } from '@meritgraph/subgraph-kit';
import { Scorecard } from './scorecard.entity';

export const ScorecardConnection = Connection(Scorecard);
