import { DomainError, type ErrorCode } from '@meritgraph/domain';
import { HttpError, type RouteHandler } from '../http';

/** The HTTP status of a rule's refusal on a file URL. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ATTACHMENT_LOCKED: 409,
  BAD_USER_INPUT: 400,
  FILE_TYPE_NOT_ALLOWED: 415,
};

const TOKEN = /^\/files\/(upload|download)\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/** What a subgraph does with its signed file URLs: receive an upload (answering what was stored), serve a download. */
export interface FileHandlers {
  upload: (req: Parameters<RouteHandler>[0], token: string) => Promise<Record<string, unknown>>;
  download: (res: Parameters<RouteHandler>[1], token: string) => Promise<void>;
}

/**
 * A subgraph's file URLs: `PUT /files/upload/<token>` receives a declared file's bytes (201
 * with what was stored), `GET /files/download/<token>` serves one. The signature is the
 * permission; the gateway passes them on from /files/<subgraph>/…. A rule's refusal is
 * answered with its code and the matching status.
 */
export function fileRoutes(handlers: FileHandlers): Record<string, RouteHandler> {
  return {
    '/files/': async (req, res, url) => {
      const [, action, token] = TOKEN.exec(url.pathname) ?? [];
      if (!action || !token) throw new HttpError(404, 'NOT_FOUND', 'No such file URL');
      const method = action === 'upload' ? 'PUT' : 'GET';
      if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
        res.setHeader('allow', method);
        throw new HttpError(405, 'BAD_REQUEST', `This URL takes ${method}`);
      }
      try {
        if (action === 'download') return await handlers.download(res, token);
        const stored = await handlers.upload(req, token);
        res.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(stored));
      } catch (error) {
        if (error instanceof DomainError) {
          throw new HttpError(STATUS[error.code] ?? 400, error.code, error.message, error.field ? { field: error.field } : {});
        }
        throw error;
      }
    },
  };
}
