// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import { InitialSchema1795879671116 } from './1795879671116-InitialSchema';

export const migrations = [InitialSchema1795879671116];
