import { authorizationMatrix } from '../gateway/authorization-matrix';
import { ANALYTICS_TABLE } from './authorization-table';

/** Who may ask the analytics read model what, actor by actor (see gateway/authorization-matrix.ts). */
authorizationMatrix(ANALYTICS_TABLE);
