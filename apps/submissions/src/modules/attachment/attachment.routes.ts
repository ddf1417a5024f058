import { type RouteHandler, fileRoutes } from '@meritgraph/subgraph-kit';
import type { AttachmentService } from './attachment.service';

/** The submissions service's file URLs: a draft's uploads, and downloads of its files. */
export function attachmentRoutes(service: AttachmentService): Record<string, RouteHandler> {
  return fileRoutes({
    upload: async (req, token) => {
      const a = await service.receive(req, token);
      return { id: a.id, position: a.position, fileName: a.fileName, contentType: a.contentType, size: a.size, sha256: a.sha256 };
    },
    download: (res, token) => service.download(res, token),
  });
}
