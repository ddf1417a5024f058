// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import { InitialSchema1795880941414 } from './1795880941414-InitialSchema';
import { AwardsLifecycleObjectionsEvaluations1795887597016 } from './1795887597016-AwardsLifecycleObjectionsEvaluations';
import { OrganizerTieDecisions1796162520546 } from './1796162520546-OrganizerTieDecisions';
import { RecordedObjections1796162823864 } from './1796162823864-RecordedObjections';
import { CalendarYears1796163045523 } from './1796163045523-CalendarYears';
import { ChangeFeed1796195744599 } from './1796195744599-ChangeFeed';
import { PriorHonorEvidence1796299440403 } from './1796299440403-PriorHonorEvidence';

export const migrations = [InitialSchema1795880941414, AwardsLifecycleObjectionsEvaluations1795887597016, OrganizerTieDecisions1796162520546, RecordedObjections1796162823864, CalendarYears1796163045523, ChangeFeed1796195744599, PriorHonorEvidence1796299440403];
