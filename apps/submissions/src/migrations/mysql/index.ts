// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import { InitialSchema1795879668004 } from './1795879668004-InitialSchema';

export const migrations = [InitialSchema1795879668004];
