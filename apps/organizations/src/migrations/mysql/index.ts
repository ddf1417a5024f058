// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import { InitialSchema1795880939486 } from './1795880939486-InitialSchema';

export const migrations = [InitialSchema1795880939486];
