import { Connection } from '@meritgraph/subgraph-kit';
import { Entry } from './entry.entity';

export const EntryConnection = Connection(Entry);
