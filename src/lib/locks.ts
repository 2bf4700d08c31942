import { LockMode } from '@mikro-orm/core';

/**
 * Find options that lock the rows found (SELECT … FOR UPDATE) until the transaction ends, and
 * read them afresh. Only those rows: the ORM applies a soft-delete filter to a record's
 * references by joining their tables, and FOR UPDATE then locks the joined rows as well (every
 * reservation would lock its inventory item and stock location, and concurrent writes would
 * deadlock on them). So filters are off here: the caller's condition says `deletedAt: null`
 * itself when it wants live rows only.
 */
export const FOR_UPDATE = { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, filters: false } as const;
