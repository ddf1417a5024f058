/**
 * Every code the platform returns in `extensions.code`, with what it means. This is the one
 * list: a DomainError takes only these, so a new refusal is named here first. The subgraph
 * kit turns a DomainError into a GraphQL error with its code (and `extensions.field` where
 * one input field is to blame); anything that is not a DomainError is masked as
 * INTERNAL_SERVER_ERROR.
 */
export const ERROR_CODES = {
  // Requests
  BAD_REQUEST: 'The HTTP request is not a GraphQL request: a body that is not JSON, or a missing query.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the service accepts (HTTP 413).',
  GRAPHQL_PARSE_FAILED: 'The query is not valid GraphQL syntax.',
  GRAPHQL_VALIDATION_FAILED: 'The query does not fit the schema: an unknown field, a wrong argument type.',
  BAD_USER_INPUT:
    'An argument is invalid; `field` names the first offending one and `details.problems` lists them all (each with a `code` where a more precise one applies).',
  CHECK_CHARACTER_MISMATCH:
    'A unified social credit code’s check character (its 18th) does not match its other 17 (GB 32100-2015): usually a mistyped character. Given as a problem’s `code` within BAD_USER_INPUT.',
  INTERNAL_SERVER_ERROR: 'An unexpected failure, logged under `errorId` and masked: no stack trace or SQL reaches the caller.',
  MAX_TOKENS_EXCEEDED: 'The document has more lexical tokens than allowed; `extensions.limit` and `extensions.actual` give both.',
  MAX_DEPTH_EXCEEDED: 'The operation nests fields deeper than allowed, counted through fragments.',
  MAX_ALIASES_EXCEEDED: 'The operation uses more aliases than allowed, counted through fragments.',
  MAX_ROOT_FIELDS_EXCEEDED: 'The operation asks for more root fields than allowed.',
  MAX_DIRECTIVES_EXCEEDED: 'The operation uses more directives than allowed.',
  MAX_FIELD_REPEATS_EXCEEDED: 'One selection repeats the same field more often than allowed.',
  MAX_BATCH_EXCEEDED: 'An HTTP batch holds more operations than allowed; none of them ran.',
  COST_ESTIMATED_TOO_EXPENSIVE:
    'The operation’s estimated cost is over the caller’s budget per operation; `extensions` gives the estimate and the maximum.',
  RATE_LIMITED: 'The caller has spent its points for this hour (HTTP 429); `extensions.resetAt` says when they return.',
  RESULT_TOO_LARGE: 'The response would hold more objects than a response may; ask for smaller pages.',
  SUBGRAPH_UNAVAILABLE: 'A subgraph did not answer; `extensions.service` names it, and the rest of the data is still returned.',
  SUBGRAPH_TIMEOUT: 'A subgraph did not answer in time; `extensions.service` names it, and the rest of the data is still returned.',
  DEADLINE_EXCEEDED:
    'The subgraph stopped working on the request at its deadline (the gateway’s, or its own execution timeout); ask for less.',
  UPSTREAM_UNAVAILABLE: 'A subgraph could not read a fact it needs from another subgraph; nothing was written.',

  // Identity and access
  UNAUTHENTICATED: 'The bearer token is invalid, expired, forged or for another audience (HTTP 401). No token means anonymous.',
  FORBIDDEN: 'The caller may not do this, or may not see the record; a hidden record and a missing one look the same.',

  // Records
  NOT_FOUND: 'No record has this id (for callers who may see every record of its kind).',
  ALREADY_EXISTS: 'A record with this unique value already exists.',
  VERSION_CONFLICT: 'The record changed since it was read: read it again and reapply the edit.',
  INVALID_TRANSITION: 'The record’s lifecycle does not allow this step from its current status.',
  BATCH_REFUSED: 'A bulk operation refused at least one item, so none was applied; `details` lists every refusal.',

  // Contests and enrolment
  CONTEST_LOCKED: 'The contest’s status no longer allows this change (tracks, codes, enrolment).',
  CONTEST_NOT_OPEN: 'The contest is not open for submissions.',
  NOT_ENROLLED: 'The unit is not enrolled in the contest.',
  TRACK_NOT_IN_CONTEST: 'The track does not belong to the contest.',

  // Submissions
  SUBMISSION_WINDOW_CLOSED: 'The submission window is not open at this time.',
  SUBMISSION_INCOMPLETE: 'A submission lacks required content; the message names every missing field.',
  DUPLICATE_SUBMISSION: 'The unit already entered an achievement with this title in the contest.',
  REVIEW_STARTED: 'The submission is already in review and can no longer be changed or withdrawn.',

  // Files: attachments and their signed URLs
  FILE_TYPE_NOT_ALLOWED: 'The file’s type is not one the platform keeps (PDF, images, Office documents); `extensions.field` names it.',
  FILE_TOO_LARGE: 'The file is larger than an attachment may be; `extensions.limit` gives the largest size in bytes.',
  FILE_SIZE_MISMATCH: 'The bytes received are not as many as the upload declared; nothing was stored.',
  FILE_HASH_MISMATCH: 'The SHA-256 of the bytes received is not the one the upload declared; nothing was stored.',
  URL_EXPIRED: 'The signed upload or download URL has expired; ask the graph for a new one.',
  URL_INVALID: 'The signed URL was altered, is for another file, or was already used for its one upload.',
  ATTACHMENT_LOCKED:
    'The submission is entered (or rejected, or withdrawn), so its files are fixed: nothing can be added or deleted. A draft’s files, and those of an entry returned for revision, can change.',

  // Imports
  IMPORT_UNREADABLE: 'The file is not an Excel workbook (.xlsx) laid out as the import’s template: a missing sheet or header.',
  IMPORT_TOO_MANY_ROWS: 'The sheet has more rows than one import takes; `extensions.limit` gives the most.',
  IMPORT_HAS_ERRORS: 'The sheet has bad rows, so nothing was imported; `details.problems` gives every row, column and code.',

  // Review rounds
  ROUND_NOT_READY: 'The round cannot open: it has no entries, or no advancement rule outside screening.',
  ROUND_ALREADY_OPEN: 'The round is open or past it, so its configuration and entries are fixed.',
  ROUND_NOT_OPEN: 'The round is not open, so nothing can be scored or assigned in it.',
  ROUND_CLOSED: 'The round is closed: nothing changes any more.',
  ROUND_NOT_CLOSED: 'The round must be closed before its results are finalized.',
  ROUND_NOT_FINALIZED: 'The round’s results are not finalized yet.',
  PREVIOUS_ROUND_NOT_FINALIZED: 'The previous round must be finalized before this one takes its entries.',
  RESULTS_INCOMPLETE: 'An entry has no scorecards, so the round cannot be finalized.',
  UNRESOLVED_TIE: 'Entries tie across the quota line; resolve it with an override or a raised quota before finalizing.',
  ALREADY_PUBLISHED: 'The round’s results are already public.',

  // Experts, assignments and scorecards
  CONFLICT_OF_INTEREST: 'The expert has a conflict of interest with the entry; `details` gives the reasons.',
  EXPERTISE_MISMATCH: 'The expert’s expertise does not cover the entry’s track.',
  NOT_ON_PANEL: 'The expert does not sit on the panel that covers the entry’s track.',
  EXPERT_INACTIVE: 'The expert is not active in the pool.',
  ASSIGNMENT_DECLINED: 'The expert declined this assignment.',
  ASSIGNMENT_SCORED: 'The expert has already scored the entry, so the assignment stays.',

  // Honors
  QUOTA_NOT_SET: 'No quota is set for the award type in the contest.',
  QUOTA_EXCEEDED: 'Nominations would pass 120% of the quota, or proposals the quota itself.',
  QUOTA_BELOW_AWARDED: 'A quota cannot be set below the honors already proposed or awarded.',
  NOT_EXCELLENT: 'Only an achievement rated excellent in the final round can receive 优秀创新成果.',
  ANNOUNCEMENT_WINDOW_OPEN: 'The 公示 window is still open, so the honor cannot be conferred yet.',
  ANNOUNCEMENT_WINDOW_CLOSED: 'The 公示 window has closed, so objections are no longer taken.',
  OBJECTION_OPEN: 'An objection to the honor is unresolved, so it cannot be conferred.',
  CALENDAR_NOT_COVERED:
    'The 公示 window reaches a year whose holidays and make-up workdays the platform does not know; the office enters them and confirms the year (confirmCalendarYear).',
  ORGANIZER_TIE_UNRESOLVED:
    'Organizing units tie across the places line of 优秀组织奖; the office decides which take the seats (decideOrganizerTie) before it is proposed.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes by name, for `ErrorCode.FORBIDDEN` in place of a bare string. */
export const ErrorCode = Object.fromEntries(Object.keys(ERROR_CODES).map((code) => [code, code])) as { readonly [C in ErrorCode]: C };

export interface FieldProblem {
  field: string;
  message: string;
  /** A more precise reason than BAD_USER_INPUT, where there is one (CHECK_CHARACTER_MISMATCH). */
  code?: ErrorCode;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Bad input: the first offending field is named, and every problem is listed. */
export class InvalidInput extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    const [first] = problems;
    super(ErrorCode.BAD_USER_INPUT, problems.map((p) => `${p.field}: ${p.message}`).join('; '), first?.field, {
      problems,
    });
  }
}

export const notFound = (entity: string, id: string, field = 'id'): DomainError =>
  new DomainError(ErrorCode.NOT_FOUND, `${entity} ${id} was not found`, field);

export const alreadyExists = (entity: string, field: string, value: string): DomainError =>
  new DomainError(ErrorCode.ALREADY_EXISTS, `${entity} with ${field} "${value}" already exists`, field);
