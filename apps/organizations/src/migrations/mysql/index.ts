// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import { InitialSchema1795880939486 } from './1795880939486-InitialSchema';
import { ContestsTeamsParticipation1795882109258 } from './1795882109258-ContestsTeamsParticipation';
import { EnrolmentIndexes1796189034692 } from './1796189034692-EnrolmentIndexes';
import { ChangeFeed1796195741877 } from './1796195741877-ChangeFeed';
import { Notices1796312942995 } from './1796312942995-Notices';
import { Notifications1796312993180 } from './1796312993180-Notifications';
import { ContestChecks1796313109568 } from './1796313109568-ContestChecks';

export const migrations = [InitialSchema1795880939486, ContestsTeamsParticipation1795882109258, EnrolmentIndexes1796189034692, ChangeFeed1796195741877, Notices1796312942995, Notifications1796312993180, ContestChecks1796313109568];
