import type { Logger } from 'typeorm';

/**
 * Counts the SQL statements a data source sends, and logs failed ones. The count is how
 * tests prove that a request's cost does not grow with its page size.
 */
export class StatementLogger implements Logger {
  private statements = 0;

  constructor(
    private readonly label: string,
    private readonly mode: 'none' | 'errors' | 'queries' = 'errors',
  ) {}

  get count(): number {
    return this.statements;
  }

  reset(): void {
    this.statements = 0;
  }

  logQuery(query: string, parameters?: unknown[]): void {
    if (/^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE SAVEPOINT)\b/i.test(query)) return;
    this.statements += 1;
    if (this.mode === 'queries') console.log(`[${this.label}] ${query}${parameters?.length ? ` -- ${JSON.stringify(parameters)}` : ''}`);
  }

  logQueryError(error: string | Error, query: string): void {
    if (this.mode !== 'none') console.error(`[${this.label}] query failed: ${error instanceof Error ? error.message : error}\n  ${query}`);
  }

  logQuerySlow(time: number, query: string): void {
    if (this.mode !== 'none') console.warn(`[${this.label}] slow query (${time} ms): ${query}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    if (this.mode === 'queries') console.log(`[${this.label}] ${message}`);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn' && this.mode !== 'none') console.warn(`[${this.label}] ${String(message)}`);
  }
}
