// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import { NotifierSchema1796313286035 } from './1796313286035-NotifierSchema';

export const migrations = [NotifierSchema1796313286035];
