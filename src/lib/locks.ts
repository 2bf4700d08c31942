import { LockMode } from '@mikro-orm/core';

/**
 * Find options that lock the rows found (SELECT … FOR UPDATE) until the transaction ends, and
 * read them afresh. Only those rows: the ORM applies a soft-delete filter to a record's
 * references by joining their tables, and FOR UPDATE then locks the joined rows as well (every
 * reservation would lock its inventory item and stock location, and concurrent writes would
 * deadlock on them). So filters are off here: the caller's condition says `deletedAt: null`
 * itself when it wants live rows only.
 */
export function forUpdate() {
  // A new object each call: MikroORM writes into the options it is given (populate,
  // populateWhere from the first query's condition, ...), so one shared object would carry one
  // lookup's state into the next, for another entity.
  return { lockMode: LockMode.PESSIMISTIC_WRITE as const, refresh: true as const, filters: false as const };
}

/** @deprecated shared, and so written into by MikroORM: use `forUpdate()`. */
export const FOR_UPDATE = forUpdate();

/**
 * Find options for a read-modify-write of one record found by id without relations (metadata
 * merges, counters): the row is locked (SELECT … FOR UPDATE) and read afresh, so concurrent
 * updates apply one after the other and none is lost. Soft-delete filters stay on: a plain
 * lookup by id joins no other table, so only this row is locked.
 */
export function lockRow() {
  // A new object each time: MikroORM writes into the options it is given (populate, ...).
  return { lockMode: LockMode.PESSIMISTIC_WRITE as const, refresh: true as const };
}

/**
 * Serialises the transactions that name one key until they end (a transaction-scoped advisory
 * lock): for a record that may not exist yet, where there is no row to lock (the invite of a new
 * email), so that racing requests find the first one's row instead of colliding on a unique key.
 */
export async function lockKey(em: { execute(sql: string, params?: unknown[]): Promise<unknown> }, key: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [key]);
}
