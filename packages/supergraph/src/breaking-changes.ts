/**
 * Breaking changes to the client-facing schema that were made on purpose, each with the note
 * a client developer needs: what to change in their code. `npm run compose` prints every
 * breaking change it finds with its note here, and flags the ones that have none. The key is
 * the change exactly as compose prints it after "BREAKING ".
 */
/** Why root fields became nullable, the same for each. */
const NULLABLE_ROOT =
  'Root fields that can be refused are nullable, so one refusal (FORBIDDEN, UNAUTHENTICATED, BAD_USER_INPUT) nulls that field alone and the rest of the response still answers; check the field for null and read its error in `errors`.';

/** Why the metadata-only file list went, the same for each. */
const UPLOADED_FILES =
  'Files are uploaded, not described: ask createAttachmentUpload for a signed URL, PUT the bytes to it, and read Submission.attachments (with downloadUrl); remove one with deleteAttachment.';

export const ACKNOWLEDGED_BREAKING_CHANGES: Readonly<Record<string, string>> = {
  'TYPE_REMOVED: AttachmentInput was removed.': UPLOADED_FILES,
  'FIELD_REMOVED: CreateSubmissionInput.attachments was removed.': UPLOADED_FILES,
  'FIELD_REMOVED: UpdateSubmissionInput.attachments was removed.': UPLOADED_FILES,
  'FIELD_CHANGED_KIND: Attachment.size changed type from Float! to Int!.':
    'The size is the byte count the server measured, a whole number within Int (files are at most FILES_MAX_BYTES, 50 MB by default).',
  'FIELD_CHANGED_KIND: Mutation.deleteCubeQuery changed type from Boolean! to SavedCubeQuery!.':
    'Deleting a saved cube query answers the query as it was: select its fields (name, fact, query) instead of reading true.',
  'FIELD_CHANGED_KIND: AuditEntry.actorRoles changed type from String! to [Role!]!.':
    'The roles are a list of the Role enum instead of a comma-separated string; an entry whose actor is withheld lists none.',
  'FIELD_CHANGED_KIND: AuditEntry.before changed type from String to JSONObject.':
    'The record is a JSON object instead of JSON text: read it without JSON.parse.',
  'FIELD_CHANGED_KIND: AuditEntry.after changed type from String to JSONObject.':
    'The record is a JSON object instead of JSON text: read it without JSON.parse.',
  'FIELD_CHANGED_KIND: Query.contests changed type from ContestConnection! to ContestConnection.': NULLABLE_ROOT,
  'FIELD_CHANGED_KIND: Query.organizations changed type from OrganizationConnection! to OrganizationConnection.': NULLABLE_ROOT,
  'FIELD_CHANGED_KIND: Query.participations changed type from ParticipationConnection! to ParticipationConnection.': NULLABLE_ROOT,
  'FIELD_CHANGED_KIND: Query.people changed type from PersonConnection! to PersonConnection.': NULLABLE_ROOT,
  'FIELD_CHANGED_KIND: Query.teams changed type from TeamConnection! to TeamConnection.': NULLABLE_ROOT,
  'FIELD_CHANGED_KIND: Query.submissions changed type from SubmissionConnection! to SubmissionConnection.': NULLABLE_ROOT,
  'FIELD_CHANGED_KIND: Query.experts changed type from ExpertConnection! to ExpertConnection.': NULLABLE_ROOT,
  'FIELD_CHANGED_KIND: Query.honors changed type from HonorConnection! to HonorConnection.': NULLABLE_ROOT,
  'FIELD_CHANGED_KIND: Query.calendarDays changed type from [CalendarDay!]! to [CalendarDay!].': NULLABLE_ROOT,
  'FIELD_CHANGED_KIND: Query.organizerEvaluations changed type from [RankedEvaluation!]! to [RankedEvaluation!].': NULLABLE_ROOT,
  'FIELD_CHANGED_KIND: Presentation.startsAt changed type from String! to DateTimeISO!.':
    'An instant in ISO 8601 at UTC (2019-11-21T00:30:00.000Z) instead of Beijing wall-clock text (2019-11-21T08:30); show it in Asia/Shanghai to print the programme.',
  'FIELD_CHANGED_KIND: Presentation.endsAt changed type from String! to DateTimeISO!.':
    'An instant in ISO 8601 at UTC instead of Beijing wall-clock text, as startsAt.',
  'FIELD_CHANGED_KIND: ScheduleInput.startTime changed type from String to DateTimeISO.':
    'Send an instant on the round’s review date, e.g. 2019-11-21T08:30:00+08:00, instead of "08:30"; a bare time of day, another day in Beijing or seconds are refused with BAD_USER_INPUT naming startTime.',
  'FIELD_CHANGED_KIND: Mutation.markNotificationsRead changed type from Int! to NotificationsMarked!.':
    'Select `marked` (how many it marked read, the number it answered before) and `unreadCount` (how many stay unread).',
  'FIELD_CHANGED_KIND: Mutation.deleteNoticeDraft changed type from Boolean! to Notice!.':
    'Select the deleted draft’s fields, e.g. `{ id title }`: it answers the draft as it was (without its files) instead of true.',
};

export interface BreakingChangeReport {
  /** One line per change: the change, then its note or a flag saying it has none. */
  lines: string[];
  /** The changes no note acknowledges. */
  unacknowledged: string[];
}

/** The compose report of these breaking changes against the acknowledged ones. */
export function reportBreakingChanges(
  changes: readonly string[],
  acknowledged: Readonly<Record<string, string>> = ACKNOWLEDGED_BREAKING_CHANGES,
): BreakingChangeReport {
  const unacknowledged = changes.filter((change) => !Object.hasOwn(acknowledged, change));
  const lines = changes.map((change) =>
    Object.hasOwn(acknowledged, change)
      ? `BREAKING ${change}\n  note: ${acknowledged[change]}`
      : `BREAKING ${change}\n  UNACKNOWLEDGED: add it with a note for clients to packages/supergraph/src/breaking-changes.ts`,
  );
  return { lines, unacknowledged };
}
