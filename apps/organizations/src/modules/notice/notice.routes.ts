import { type RouteHandler, fileRoutes } from '@meritgraph/subgraph-kit';
import type { NoticeAttachmentService } from './notice-attachment.service';

/** The organizations service's file URLs: uploads to a draft notice, and downloads of notices' files. */
export function noticeRoutes(service: NoticeAttachmentService): Record<string, RouteHandler> {
  return fileRoutes({
    upload: async (req, token) => {
      const a = await service.receive(req, token);
      return { id: a.id, position: a.position, fileName: a.fileName, contentType: a.contentType, size: a.size, sha256: a.sha256 };
    },
    download: (res, token) => service.download(res, token),
  });
}
