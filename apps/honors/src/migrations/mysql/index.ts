// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import { InitialSchema1795880941414 } from './1795880941414-InitialSchema';

export const migrations = [InitialSchema1795880941414];
