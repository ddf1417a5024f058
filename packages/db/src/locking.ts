import type { EntityManager } from 'typeorm';

/**
 * Find options that lock the rows read until the transaction ends (SELECT … FOR UPDATE) on
 * MySQL, so two requests cannot both decide from the same state. SQLite has no row locks,
 * and needs none: it runs one write transaction at a time.
 */
export const forUpdate = (em: EntityManager): { lock?: { mode: 'pessimistic_write' } } =>
  em.connection.options.type === 'mysql' || em.connection.options.type === 'mariadb' ? { lock: { mode: 'pessimistic_write' } } : {};
