// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import { InitialSchema1795880940776 } from './1795880940776-InitialSchema';
import { ReviewPoolAssignmentResults1795885926030 } from './1795885926030-ReviewPoolAssignmentResults';
import { PageIndexes1796187801968 } from './1796187801968-PageIndexes';
import { ChangeFeed1796195743699 } from './1796195743699-ChangeFeed';

export const migrations = [InitialSchema1795880940776, ReviewPoolAssignmentResults1795885926030, PageIndexes1796187801968, ChangeFeed1796195743699];
