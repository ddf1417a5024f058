// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import { StarSchema1796196280236 } from './1796196280236-StarSchema';

export const migrations = [StarSchema1796196280236];
