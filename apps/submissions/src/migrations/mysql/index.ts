// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import { InitialSchema1795880940073 } from './1795880940073-InitialSchema';
import { SubmissionContent1795882968551 } from './1795882968551-SubmissionContent';
import { PageIndexes1796187813021 } from './1796187813021-PageIndexes';
import { ChangeFeed1796195742737 } from './1796195742737-ChangeFeed';
import { Attachments1796297710117 } from './1796297710117-Attachments';
import { SubmissionChecks1796313112553 } from './1796313112553-SubmissionChecks';

export const migrations = [InitialSchema1795880940073, SubmissionContent1795882968551, PageIndexes1796187813021, ChangeFeed1796195742737, Attachments1796297710117, SubmissionChecks1796313112553];
