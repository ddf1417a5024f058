import { type IncomingMessage, type ServerResponse, request as httpRequest } from 'node:http';
import type { Logger } from './telemetry';

export interface PassThroughOptions {
  log: Logger;
  /** Who is unreachable, for the log and the coded 502 (`GATEWAY_UNREACHABLE`, `SUBGRAPH_UNAVAILABLE`…). */
  unreachable: { code: string; message: string; service?: string };
  /**
   * The Authorization the target receives in place of the caller's: the graph's own token for
   * the caller, or none (null: a signed URL is its own permission). Absent, the caller's
   * headers go on as they are (a proxy in front of the gateway, which checks them itself).
   */
  authorization?: string | null;
}

/**
 * Passes a request on to `target` as it is, body and answer streamed both ways (an upload or a
 * download is never held in memory). The caller builds `target` from a fixed origin and the
 * request's path, so no request can aim it elsewhere. A target that does not answer gets a coded 502.
 */
export function passThrough(req: IncomingMessage, res: ServerResponse, target: URL, options: PassThroughOptions): Promise<void> {
  return new Promise((resolve) => {
    const headers: Record<string, string | string[] | undefined> = {
      ...req.headers,
      host: target.host,
      'x-forwarded-for': req.socket.remoteAddress ?? '',
    };
    if (options.authorization !== undefined) {
      // Past the gateway only the graph's own tokens travel.
      delete headers.authorization;
      delete headers.cookie;
      if (options.authorization) headers.authorization = options.authorization;
    }
    const upstream = httpRequest(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('end', resolve);
      answer.on('error', () => resolve());
    });
    upstream.on('error', (error) => {
      options.log.warn(
        { err: error.message, path: target.pathname, service: options.unreachable.service },
        'pass-through target unreachable',
      );
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/json' });
        const extensions = {
          code: options.unreachable.code,
          ...(options.unreachable.service ? { service: options.unreachable.service } : {}),
        };
        res.end(JSON.stringify({ errors: [{ message: options.unreachable.message, extensions }] }));
      } else res.destroy();
      resolve();
    });
    req.on('aborted', () => {
      upstream.destroy();
      resolve();
    });
    req.pipe(upstream);
  });
}
