import { type Identity, hasRole } from './access';
import type { FieldProblem } from './errors';
import type { SubmissionStatus } from './model';

/** The largest file an attachment may be by default: 50 MB (FILES_MAX_BYTES changes it). */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The most files one submission keeps. */
export const MAX_ATTACHMENTS_PER_SUBMISSION = 20;

/** The media types the platform keeps, each with the extensions a file of that type may have. */
export const ALLOWED_FILE_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.ms-powerpoint': ['ppt'],
};

/** A file as its uploader declares it, before any byte is sent. */
export interface DeclaredFile {
  fileName: string;
  contentType: string;
  size: number;
  /** Checked against the bytes when given; the server computes it either way. */
  sha256?: string | null;
}

/** A file name's extension, lower case, without the dot; '' when it has none. */
export const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
};

/** Control, bidi-override and other invisible characters that could disguise a name (report\u202Efdp.exe). */
// eslint-disable-next-line no-control-regex
const DISGUISING = /[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** Whether a media type is one the platform keeps (its parameters, e.g. `; charset=…`, ignored). */
export const isAllowedFileType = (contentType: string): boolean =>
  Object.hasOwn(ALLOWED_FILE_TYPES, contentType.split(';')[0]!.trim().toLowerCase());

/** The type without parameters, lower case. */
export const baseFileType = (contentType: string): string => contentType.split(';')[0]!.trim().toLowerCase();

/** What is wrong with a file's name and size, as field problems (the type is judged apart: FILE_TYPE_NOT_ALLOWED). */
export function declaredFileProblems(file: DeclaredFile): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const name = file.fileName;
  if (
    typeof name !== 'string' ||
    name.trim().length === 0 ||
    [...name].length > 200 ||
    /[/\\]/.test(name) ||
    name === '.' ||
    name === '..'
  ) {
    problems.push({ field: 'fileName', message: 'must be a plain file name of 1 to 200 characters, without / or \\' });
  } else if (DISGUISING.test(name)) {
    problems.push({ field: 'fileName', message: 'must not contain control or invisible characters' });
  }
  if (!Number.isSafeInteger(file.size) || file.size < 1)
    problems.push({ field: 'size', message: 'must be a whole number of bytes, at least 1' });
  if (file.sha256 != null && (typeof file.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(file.sha256))) {
    problems.push({ field: 'sha256', message: 'must be 64 lower-case hex digits' });
  }
  return problems;
}

/** Why a type is refused: not a kept type, or a name whose extension does not fit it; null when allowed. */
export function fileTypeProblem(file: Pick<DeclaredFile, 'fileName' | 'contentType'>): FieldProblem | null {
  if (!isAllowedFileType(file.contentType)) {
    return { field: 'contentType', message: 'must be PDF, PNG, JPEG, GIF, WebP, or a Word, Excel or PowerPoint document' };
  }
  const extensions = ALLOWED_FILE_TYPES[baseFileType(file.contentType)]!;
  if (!extensions.includes(extensionOf(file.fileName))) {
    return { field: 'fileName', message: `must end in .${extensions.join(' or .')} for ${baseFileType(file.contentType)}` };
  }
  return null;
}

/** Whether a file of `size` bytes is over the limit. */
export const isTooLarge = (size: number, maxBytes: number): boolean => size > maxBytes;

/**
 * The name an expert of a blind round sees for an entry's file: the entry's reference and
 * the file's place, with the original extension kept (2019-AI-0042-附件1.pdf), so that the
 * name tells nothing of who entered it.
 */
export function neutralFileName(reference: string, position: number, fileName: string): string {
  const extension = extensionOf(fileName);
  return `${reference}-附件${position}${extension ? `.${extension}` : ''}`;
}

/**
 * A Content-Disposition for a download: an ASCII fallback (non-ASCII as _) and, for any other
 * name, RFC 5987's `filename*` in UTF-8, so that 申报书.pdf arrives as 申报书.pdf.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return fallback === fileName ? `attachment; filename="${fallback}"` : `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Whether a submission's files can still be added or removed: while it is a draft, or returned
 * to its unit for revision (a missing stamped page is a usual reason); an entered one's files
 * are fixed.
 */
export const attachmentsEditable = (status: SubmissionStatus): boolean => status === 'DRAFT' || status === 'RETURNED';

/**
 * Who, among those who may read a submission, may also open its files: its unit, its
 * mobilizing union and the office (and the graph's own services). Analysts read figures, not
 * documents, which carry names and contact data.
 */
export const mayOpenSubmissionFiles = (identity: Identity): boolean =>
  !!identity.service || hasRole(identity, 'ADMIN', 'SUBMITTER', 'ORGANIZER');

/** Whether an expert may open an entry's files: assigned to it and not stepped back, while its round is open. */
export const expertMayOpenEntryFiles = (assignment: { status: string } | null | undefined, roundStatus: string): boolean =>
  assignment?.status === 'ASSIGNED' && roundStatus === 'OPEN';
