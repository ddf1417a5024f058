import { authorizationMatrix } from '../gateway/authorization-matrix';
import { ORGANIZATIONS_TABLE } from './authorization-table';

/** Who may run each query and mutation the organizations subgraph serves, actor by actor (see gateway/authorization-matrix.ts). */
authorizationMatrix(ORGANIZATIONS_TABLE);
