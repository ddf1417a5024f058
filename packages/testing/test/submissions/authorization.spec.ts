import { authorizationMatrix } from '../gateway/authorization-matrix';
import { SUBMISSIONS_TABLE } from './authorization-table';

/** Who may run each query and mutation the submissions subgraph serves, actor by actor (see gateway/authorization-matrix.ts). */
authorizationMatrix(SUBMISSIONS_TABLE);
