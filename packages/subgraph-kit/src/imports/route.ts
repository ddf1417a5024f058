import type { IncomingMessage } from 'node:http';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, type Identity, isAuthenticated } from '@meritgraph/domain';
import { createHash, randomUUID } from 'node:crypto';
import { recordAudit } from '../audit';
import type { Caller } from '../auth';
import { HttpError, type RouteHandler } from '../http';
import {
  type ImportProblem,
  ImportRefused,
  type ParsedRow,
  type SheetSpec,
  XLSX_TYPE,
  problemsAt,
  readSheet,
  templateWorkbook,
} from './sheet';

/** The largest sheet one import takes: 10 MB (a sheet of 5,000 rows is well under 1 MB). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** One row refused by the owner's rules: its place among the rows judged, the field and the code the API gives. */
export interface ImportFailure {
  index: number;
  field?: string | null;
  code: string;
  message: string;
}

/** What judging (and, on commit, writing) the rows gave: how many records were made, or every refusal. */
export interface ImportOutcome {
  created: number;
  failures: ImportFailure[];
}

/** One kind of import a subgraph takes: its sheet, who may import it, and how its rows go through the owner's services. */
export interface ImportKind {
  spec: SheetSpec;
  /** Whether the caller may import this kind at all; each row is still judged by the owner's rules. */
  allowed: (identity: Identity) => boolean;
  /**
   * Judges every row by the rules the API applies, and on `commit` writes them all in one
   * transaction with one audit entry for the import (its sha256), or writes none when any
   * is refused. A dry run writes nothing.
   */
  run: (input: { identity: Identity; rows: readonly ParsedRow[]; commit: boolean; sha256: string }) => Promise<ImportOutcome>;
}

/** The answer to an import: what it read, what it would write (or wrote), and every problem by row and column. */
export interface ImportReport {
  kind: string;
  sha256: string;
  rows: number;
  valid: number;
  committed: boolean;
  created: number;
  problems: ImportProblem[];
}

/** The one audit entry of a committed import, in its transaction: the kind, the file's sha256, its rows and what was made. */
export function recordImport(
  em: EntityManager,
  identity: Identity,
  at: Date,
  entry: { kind: string; sha256: string; rows: number; created: number },
): Promise<void> {
  return recordAudit(em, identity, at, { action: `import.${entry.kind}`, entityType: 'Import', entityId: randomUUID(), after: entry });
}

/** A dry run's transaction ends here, rolled back, with what it would have written. */
class DryRun<R> extends Error {
  constructor(readonly result: R) {
    super('dry run');
  }
}

/**
 * Runs `work` in one transaction: committed on `commit` (or when `commit` says so of the
 * result, e.g. that no row failed), rolled back otherwise (a dry run), giving its result either way.
 */
export async function importTransaction<R>(
  dataSource: DataSource,
  commit: boolean | ((result: R) => boolean),
  work: (em: EntityManager) => Promise<R>,
): Promise<R> {
  try {
    return await dataSource.transaction(async (em) => {
      const result = await work(em);
      if (!(typeof commit === 'function' ? commit(result) : commit)) throw new DryRun(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result as R;
    throw error;
  }
}

/**
 * A service's refusal as the failures of the rows it judged, `offset` being the place of its
 * first row: each item of a BATCH_REFUSED (each field of an item's BAD_USER_INPUT listed
 * apart), or a refusal of the one row given.
 */
export function failuresOf(error: unknown, offset = 0): ImportFailure[] {
  if (!(error instanceof DomainError)) throw error;
  const expand = (index: number, e: { code: string; field?: string | null; message: string; problems?: unknown }): ImportFailure[] => {
    const problems = Array.isArray(e.problems) ? (e.problems as { field: string; message: string; code?: string }[]) : [];
    if (problems.length > 0) return problems.map((p) => ({ index, field: p.field, code: p.code ?? e.code, message: p.message }));
    return [{ index, field: e.field ?? null, code: e.code, message: e.message }];
  };
  if (error.code === 'BATCH_REFUSED' && Array.isArray(error.details?.errors)) {
    return (error.details.errors as { index: number; code: string; field: string | null; message: string; problems?: unknown }[]).flatMap(
      (e) => expand(offset + e.index, e),
    );
  }
  return expand(offset, { code: error.code, field: error.field, message: error.message, problems: error.details?.problems });
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const refuse = () => new HttpError(413, 'PAYLOAD_TOO_LARGE', `An import takes at most ${limit} bytes`, { limit });
  if (Number(req.headers['content-length'] ?? 0) > limit) throw refuse();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw refuse();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const IMPORT = /^\/imports\/([a-z-]+)$/;
const TEMPLATE = /^\/templates\/([a-z-]+)\.xlsx$/;

/**
 * A subgraph's Excel imports: `GET /templates/<kind>.xlsx` gives the sheet to fill in, and
 * `POST /imports/<kind>?mode=dry-run|commit` with the .xlsx as the body reads it, judges every
 * row through the owner's services, and answers an ImportReport. A dry run writes nothing; a
 * commit writes every row or, when any row is bad, nothing (422 IMPORT_HAS_ERRORS with the
 * same report). The whole file is refused when it is too large (413 PAYLOAD_TOO_LARGE), not
 * a workbook laid out as the template (400 IMPORT_UNREADABLE) or too long (413 IMPORT_TOO_MANY_ROWS).
 */
export function importRoutes(
  kinds: Readonly<Record<string, ImportKind>>,
  identify: (req: IncomingMessage) => Promise<Caller>,
  options: { maxBytes?: number } = {},
): Record<string, RouteHandler> {
  const kindOf = (name: string | undefined): ImportKind => {
    const kind = name && Object.hasOwn(kinds, name) ? kinds[name] : undefined;
    if (!kind) throw new HttpError(404, 'NOT_FOUND', `No import of that kind here; there are: ${Object.keys(kinds).join(', ')}`);
    return kind;
  };
  return {
    '/templates/': async (req, res, url) => {
      const kind = kindOf(TEMPLATE.exec(url.pathname)?.[1]);
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'BAD_REQUEST', 'A template is read with GET');
      const body = await templateWorkbook(kind.spec);
      res.writeHead(200, {
        'content-type': XLSX_TYPE,
        'content-length': String(body.length),
        'content-disposition': `attachment; filename="${kind.spec.kind}.xlsx"`,
      });
      res.end(body);
    },
    '/imports/': async (req, res, url) => {
      const name = IMPORT.exec(url.pathname)?.[1];
      const kind = kindOf(name);
      if (req.method !== 'POST') throw new HttpError(405, 'BAD_REQUEST', 'An import is sent with POST');
      const mode = url.searchParams.get('mode') ?? 'dry-run';
      if (mode !== 'dry-run' && mode !== 'commit') {
        throw new HttpError(400, 'BAD_USER_INPUT', 'mode must be dry-run or commit', { field: 'mode' });
      }
      const { identity } = await identify(req);
      if (!isAuthenticated(identity)) throw new HttpError(401, 'UNAUTHENTICATED', 'An import needs a signed-in caller');
      if (!kind.allowed(identity)) throw new HttpError(403, 'FORBIDDEN', 'Not allowed');
      const bytes = await readBody(req, options.maxBytes ?? IMPORT_MAX_BYTES);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      let sheet: Awaited<ReturnType<typeof readSheet>>;
      try {
        sheet = await readSheet(kind.spec, bytes);
      } catch (error) {
        if (error instanceof ImportRefused) {
          throw new HttpError(error.code === 'IMPORT_TOO_MANY_ROWS' ? 413 : 400, error.code, error.message, error.details);
        }
        throw error;
      }
      // Every row is judged, a bad cell's row too (its bad cells as empty), so that each of its
      // other problems is reported and rows that refer to it find it; the owner's refusal of a
      // cell already reported is not repeated.
      const cells = new Set(sheet.problems.map((p) => `${p.row}\0${p.field}`));
      const commit = mode === 'commit' && sheet.problems.length === 0;
      const outcome = sheet.rows.length > 0 ? await kind.run({ identity, rows: sheet.rows, commit, sha256 }) : { created: 0, failures: [] };
      const judged = problemsAt(kind.spec, sheet.rows, outcome.failures).filter((p) => !cells.has(`${p.row}\0${p.field}`));
      const problems = [...sheet.problems, ...judged].sort((a, b) => a.row - b.row);
      const refusedRows = new Set(problems.map((p) => p.row));
      const report: ImportReport = {
        kind: kind.spec.kind,
        sha256,
        rows: sheet.rows.length,
        valid: sheet.rows.filter((r) => !refusedRows.has(r.row)).length,
        committed: commit && problems.length === 0,
        created: commit && problems.length === 0 ? outcome.created : 0,
        problems,
      };
      if (mode === 'commit' && !report.committed) {
        res.writeHead(422, { 'content-type': 'application/json; charset=utf-8' });
        res.end(
          JSON.stringify({
            errors: [
              {
                message: `${refusedRows.size} of ${report.rows} rows are bad, so nothing was imported`,
                extensions: { code: 'IMPORT_HAS_ERRORS', problems },
              },
            ],
            report,
          }),
        );
        return;
      }
      res.writeHead(mode === 'commit' ? 201 : 200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(report));
    },
  };
}
