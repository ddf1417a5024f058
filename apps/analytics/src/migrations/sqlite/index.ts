// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import { StarSchema1796196280236 } from './1796196280236-StarSchema';
import { People1796196796337 } from './1796196796337-People';
import { SavedCubeQueries1796197300614 } from './1796197300614-SavedCubeQueries';
import { RegisterFields1796299712313 } from './1796299712313-RegisterFields';

export const migrations = [StarSchema1796196280236, People1796196796337, SavedCubeQueries1796197300614, RegisterFields1796299712313];
