import type { RouteHandler } from '@meritgraph/subgraph-kit';
import { HttpError } from '@meritgraph/subgraph-kit';
import { type AttachmentService, asHttpError } from './attachment.service';

const TOKEN = /^\/files\/(upload|download)\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * The file URLs of the submissions service: `PUT /files/upload/<token>` receives a declared
 * file's bytes, `GET /files/download/<token>` serves one. The signature is the permission;
 * the gateway passes them on from /files/submissions/….
 */
export function attachmentRoutes(service: AttachmentService): Record<string, RouteHandler> {
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
        if (action === 'download') return await service.download(res, token);
        const attachment = await service.receive(req, token);
        res.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
        res.end(
          JSON.stringify({
            id: attachment.id,
            position: attachment.position,
            fileName: attachment.fileName,
            contentType: attachment.contentType,
            size: attachment.size,
            sha256: attachment.sha256,
          }),
        );
      } catch (error) {
        throw asHttpError(error);
      }
    },
  };
}
