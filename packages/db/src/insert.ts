import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per INSERT statement: well within every driver's limit on placeholders. */
export const INSERT_CHUNK = 200;

/**
 * Inserts rows whose every column is given, `chunk` rows a statement, and reads nothing back.
 * `EntityManager.insert` on SQLite and MySQL (no RETURNING) re-reads the columns that have a
 * database default and merges the re-read rows into the entities by position — an order the
 * database does not keep — so with random ids the entities came back with each other's values.
 */
export async function insertRows<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  rows: readonly T[],
  chunk = INSERT_CHUNK,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk)
    await em
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(i, i + chunk) as T[])
      .updateEntity(false)
      .execute();
}
