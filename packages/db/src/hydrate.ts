import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Builds an entity from a raw row (snake_case columns), converting each value as TypeORM
 * would: for hand-written SQL such as recursive queries, which the query builder cannot express.
 */
export function hydrate<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}

/** `?, ?, ?` for an IN list of n values (both drivers take positional `?`). */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
