import { authorizationMatrix } from '../gateway/authorization-matrix';
import { HONORS_TABLE } from './authorization-table';

/** Who may run each query and mutation the honors subgraph serves, actor by actor (see gateway/authorization-matrix.ts). */
authorizationMatrix(HONORS_TABLE);
