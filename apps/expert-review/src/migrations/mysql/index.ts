// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import { InitialSchema1795880940776 } from './1795880940776-InitialSchema';
import { ReviewPoolAssignmentResults1795885926030 } from './1795885926030-ReviewPoolAssignmentResults';

export const migrations = [InitialSchema1795880940776, ReviewPoolAssignmentResults1795885926030];
