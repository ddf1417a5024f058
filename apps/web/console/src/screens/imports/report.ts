/** The import service's answer to a sheet: what it read, what it would write (or wrote), and every problem by row and column. */
export type ImportKind = 'organizations' | 'people' | 'experts' | 'enrolments';
export const IMPORT_KINDS: ImportKind[] = ['organizations', 'people', 'experts', 'enrolments'];

export interface ImportProblem {
  row: number;
  column: string | null;
  header: string | null;
  code: string;
  message: string;
}

export interface ImportReport {
  kind: ImportKind;
  sha256: string;
  rows: number;
  valid: number;
  committed: boolean;
  created: number;
  problems: ImportProblem[];
}

export type ImportMode = 'dry-run' | 'commit';

/** Whether a dry run allows the import: every row valid, no problem. */
export const isClean = (report: ImportReport | null): boolean => !!report && report.problems.length === 0 && report.valid === report.rows;
