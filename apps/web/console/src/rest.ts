/**
 * The console's calls beside the graph (uploads, imports, templates): same origin, the
 * signed-in caller's token, and a refusal read from the JSON body's `errors` (with their
 * `extensions.code`), so that the screens show it as they show the graph's.
 */
import { currentSession } from './session';

/** A refusal in the shape the graph's errors have, so that `Refused` and `refusalOf` read it. */
export type RestErrors = { message: string; extensions: { code: string; field?: string } }[];

export class RestRefusal extends Error {
  constructor(readonly errors: RestErrors) {
    super(errors[0]?.message ?? 'refused');
  }
}

/** What `Refused` is given for a failed call: the error list when the server gave one, else "unreachable". */
export const refusalErrors = (error: unknown): unknown =>
  error instanceof RestRefusal ? error.errors : error ? [{ message: String(error), extensions: { code: 'GATEWAY_UNREACHABLE' } }] : null;

export const authHeaders = (): Record<string, string> => {
  const session = currentSession();
  return session ? { authorization: `Bearer ${session.token}` } : {};
};

/** The coded errors of a refused response; a body that is not JSON gets a code by its status. */
export async function errorsOf(response: Response): Promise<RestErrors> {
  try {
    const body = (await response.json()) as { errors?: RestErrors };
    if (Array.isArray(body.errors) && body.errors.length > 0) return body.errors;
  } catch {
    // not JSON: fall through
  }
  const code =
    response.status === 401
      ? 'UNAUTHENTICATED'
      : response.status === 403
        ? 'FORBIDDEN'
        : response.status === 404
          ? 'NOT_FOUND'
          : response.status === 413
            ? 'PAYLOAD_TOO_LARGE'
            : 'INTERNAL_SERVER_ERROR';
  return [{ message: response.statusText, extensions: { code } }];
}

/** Fetches a same-origin file with the token and saves it under `name` through an object URL. */
export async function saveFile(url: string, name: string): Promise<void> {
  const response = await fetch(url, { headers: authHeaders() });
  if (!response.ok) throw new RestRefusal(await errorsOf(response));
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** The SHA-256 of a file's bytes, in lower-case hex. */
export async function sha256Of(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A file's size in words (B, KB, MB), as lists show it. */
export function formatSize(bytes: number, language: string): string {
  const number = (n: number) => n.toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} KB`;
  return `${number(bytes / (1024 * 1024))} MB`;
}
