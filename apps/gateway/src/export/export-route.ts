import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, type Logger, type OperationAnswer, type RouteHandler, type RunOperation } from '@meritgraph/subgraph-kit';
import { contentDisposition, type ExportFormat, parseExportPath } from './lists';
import { type ExportColumn, type Row, type TableWriter, csvWriter, xlsxWriter } from './writers';

/** Rows asked for per page: each page is one operation, costed and budgeted like any other. */
export const EXPORT_PAGE_SIZE = 500;

const TABLE = `query ExportPage($list: ExportList!, $contest: ID, $round: ID, $group: String, $name: String, $first: Int, $after: String) {
  analytics {
    table(list: $list, contest: $contest, round: $round, group: $group, name: $name, first: $first, after: $after) {
      columns { key zh en kind }
      rows
      endCursor
      hasMore
    }
  }
}`;

interface TablePage {
  columns: ExportColumn[];
  rows: Row[];
  endCursor: string | null;
  hasMore: boolean;
}

interface GraphError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

/** The HTTP status an export answers a refused first page with. */
const STATUS: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUND_NOT_FINALIZED: 409,
  RATE_LIMITED: 429,
  SUBGRAPH_UNAVAILABLE: 503,
  SUBGRAPH_TIMEOUT: 504,
  DEADLINE_EXCEEDED: 504,
  INTERNAL_SERVER_ERROR: 500,
};
const statusOf = (code: string | undefined, answered: number): number =>
  (code && STATUS[code]) || (answered >= 400 ? answered : code ? 400 : 502);

/** A page refused, with the status and body to answer with while nothing was sent yet. */
class PageRefused extends Error {
  constructor(
    readonly status: number,
    readonly errors: GraphError[],
    readonly headers: Map<string, string>,
  ) {
    super(errors.map((e) => e.message).join('; '));
  }
}

async function page(run: RunOperation, variables: Record<string, unknown>): Promise<{ page: TablePage; answer: OperationAnswer }> {
  const answer = await run({ query: TABLE, operationName: 'ExportPage', variables });
  let body: { data?: { analytics?: { table?: TablePage | null } | null } | null; errors?: GraphError[] };
  try {
    body = JSON.parse(answer.body) as typeof body;
  } catch {
    body = { errors: [{ message: 'The graph did not answer with JSON', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
  }
  const table = body.data?.analytics?.table;
  if (body.errors?.length || !table) {
    const errors = body.errors?.length ? body.errors : [{ message: 'No table came back', extensions: { code: 'INTERNAL_SERVER_ERROR' } }];
    throw new PageRefused(statusOf(errors[0]?.extensions?.code, answer.status), errors, answer.headers);
  }
  return { page: table, answer };
}

function refuse(status: 400 | 404, field: string, message: string): never {
  throw new HttpError(status, status === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT', message, status === 404 ? {} : { field });
}

function writerFor(format: ExportFormat, res: ServerResponse, sheet: string): TableWriter {
  return format === 'csv' ? csvWriter(res) : xlsxWriter(res, sheet);
}

/**
 * GET /export/<list>.csv|.xlsx: streams an analytics list page by page. Each page is the
 * `analytics { table }` operation run through the gateway's own pipeline as the caller (limits,
 * cost, hourly points, the subgraph's access rules), and is written before the next is asked
 * for. A refusal before the first byte is answered as JSON with its code and status; one
 * after it aborts the response, so that a partial file never looks complete. The registers
 * (/export/organizations, people, experts) take no parameters and are headed as their import
 * sheets, a Chinese row then an English one, so that an export imports as it is.
 */
export function exportRoute(logger: Logger): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, run: RunOperation) => {
    const target = parseExportPath(url.pathname);
    if (!target) refuse(404, 'list', `No export at ${url.pathname}: /export/<list>.csv or .xlsx, or /export/saved/<name>.csv`);
    const { list, saved, format, name } = target;
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'BAD_REQUEST', 'Exports are read with GET');
    const variables: Record<string, unknown> = { list: list.list, first: EXPORT_PAGE_SIZE, ...(saved ? { name: saved } : {}) };
    for (const [key, value] of url.searchParams) {
      if (!(list.parameters as readonly string[]).includes(key))
        refuse(400, key, `${name} takes ${list.parameters.length ? list.parameters.join(', ') : 'no parameters'}, not ${key}`);
      variables[key] = value;
    }

    let first: Awaited<ReturnType<typeof page>>;
    try {
      first = await page(run, variables);
    } catch (error) {
      if (!(error instanceof PageRefused)) throw error;
      res.statusCode = error.status;
      for (const header of ['retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']) {
        const value = error.headers.get(header);
        if (value) res.setHeader(header, value);
      }
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ errors: error.errors }));
      return;
    }

    const scope = String(variables.contest ?? variables.round ?? saved ?? '');
    const writer = writerFor(format, res, list.zh);
    res.statusCode = 200;
    res.setHeader('content-type', writer.contentType);
    res.setHeader('cache-control', 'no-store');
    res.setHeader(
      'content-disposition',
      contentDisposition(`${name}${scope && !saved ? `-${scope}` : ''}.${format}`, `${list.zh}${scope ? `-${scope}` : ''}.${format}`),
    );
    for (const header of ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']) {
      const value = first.answer.headers.get(header);
      if (value) res.setHeader(header, value);
    }
    if (req.method === 'HEAD') return void res.end();
    // Past the first byte a failure can only abort: the response must not end as if the file were whole.
    res.on('error', () => undefined);
    try {
      await writer.start(first.page.columns, list.importable ? 'import' : 'combined');
      let current = first.page;
      await writer.rows(current.rows);
      while (current.hasMore && current.endCursor && !res.destroyed) {
        current = (await page(run, { ...variables, after: current.endCursor })).page;
        await writer.rows(current.rows);
      }
      if (res.destroyed) return;
      await writer.end();
    } catch (error) {
      logger.warn({ err: error instanceof PageRefused ? error.message : error, list: list.list }, 'export aborted mid-stream');
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  };
}
