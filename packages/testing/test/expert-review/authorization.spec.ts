import { authorizationMatrix } from '../gateway/authorization-matrix';
import { EXPERT_REVIEW_TABLE } from './authorization-table';

/** Who may run each query and mutation the expert-review subgraph serves, actor by actor (see gateway/authorization-matrix.ts). */
authorizationMatrix(EXPERT_REVIEW_TABLE);
