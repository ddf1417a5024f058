// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import { InitialSchema1795879674606 } from './1795879674606-InitialSchema';

export const migrations = [InitialSchema1795879674606];
