import { Connection } from '@meritgraph/subgraph-kit';
import { Assignment } from './assignment.entity';

export const AssignmentConnection = Connection(Assignment);
