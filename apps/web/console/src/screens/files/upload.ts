/**
 * Sending one file to a draft: its SHA-256 computed in the browser, the declaration (name,
 * type, size, digest) to the graph for a signed URL, then one PUT of the bytes to that URL,
 * reporting how much has gone. A refusal at any step arrives as the graph's coded errors.
 */
import { CombinedGraphQLErrors } from '@apollo/client';
import { RestRefusal, type RestErrors, refusalErrors, sha256Of } from '../../rest';

/** What `Refused` is given for a failed step: the graph's errors as they came, an upload's coded body, else "unreachable". */
export const failureOf = (error: unknown): unknown => (CombinedGraphQLErrors.is(error) ? error : refusalErrors(error));

/** The media types the platform keeps, by the extensions a file of that type may have. */
const TYPE_OF_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/** What the file picker offers: the kept extensions and their types. */
export const ACCEPT = [...Object.keys(TYPE_OF_EXTENSION).map((e) => `.${e}`), ...new Set(Object.values(TYPE_OF_EXTENSION))].join(',');

/** A file's media type: the browser's when it gave one, else the one its extension stands for. */
export function contentTypeOf(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const dot = file.name.lastIndexOf('.');
  const extension = dot > 0 ? file.name.slice(dot + 1).toLowerCase() : '';
  return TYPE_OF_EXTENSION[extension] ?? 'application/octet-stream';
}

export type UploadStep = 'hashing' | 'requesting' | 'uploading' | 'done';

export interface UploadProgress {
  step: UploadStep;
  /** Bytes sent so far, and of how many (while uploading). */
  loaded: number;
  total: number;
}

export interface UploadDeclaration {
  submissionId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface UploadTicket {
  uploadUrl: string;
  method: string;
  contentType: string;
}

/** The stored file, as the upload's answer describes it. */
export interface UploadedFile {
  id: string;
  position: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** Which code a refused upload without a coded body stands for, by its status. */
const CODE_OF_STATUS: Record<number, string> = {
  403: 'URL_INVALID',
  409: 'ATTACHMENT_LOCKED',
  410: 'URL_EXPIRED',
  413: 'FILE_TOO_LARGE',
  415: 'FILE_TYPE_NOT_ALLOWED',
};

function errorsOfBody(status: number, statusText: string, body: string): RestErrors {
  try {
    const parsed = JSON.parse(body) as { errors?: RestErrors };
    if (Array.isArray(parsed.errors) && parsed.errors.length > 0) return parsed.errors;
  } catch {
    // not JSON: fall through
  }
  return [{ message: statusText || String(status), extensions: { code: CODE_OF_STATUS[status] ?? 'INTERNAL_SERVER_ERROR' } }];
}

/** One PUT of the bytes to the signed URL, reporting progress; the stored file, or a RestRefusal. */
export function putBytes(ticket: UploadTicket, file: Blob, onProgress: (loaded: number, total: number) => void): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.method || 'PUT', ticket.uploadUrl);
    xhr.setRequestHeader('content-type', ticket.contentType);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as UploadedFile);
        } catch {
          reject(new RestRefusal([{ message: 'unreadable answer', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]));
        }
      } else reject(new RestRefusal(errorsOfBody(xhr.status, xhr.statusText, xhr.responseText)));
    };
    xhr.onerror = () => reject(new RestRefusal([{ message: 'network error', extensions: { code: 'GATEWAY_UNREACHABLE' } }]));
    xhr.send(file);
  });
}

/** Declares the file through `declare` (the graph's createAttachmentUpload) and sends its bytes. */
export async function uploadAttachment(
  submissionId: string,
  file: File,
  declare: (input: UploadDeclaration) => Promise<UploadTicket>,
  onProgress: (progress: UploadProgress) => void,
): Promise<UploadedFile> {
  onProgress({ step: 'hashing', loaded: 0, total: file.size });
  const sha256 = await sha256Of(file);
  onProgress({ step: 'requesting', loaded: 0, total: file.size });
  const ticket = await declare({ submissionId, fileName: file.name, contentType: contentTypeOf(file), size: file.size, sha256 });
  onProgress({ step: 'uploading', loaded: 0, total: file.size });
  const stored = await putBytes(ticket, file, (loaded, total) => onProgress({ step: 'uploading', loaded, total }));
  onProgress({ step: 'done', loaded: file.size, total: file.size });
  return stored;
}
