import type { Context } from '../context';

/**
 * Raw-row readers: the hot small reads (the store, the region list) are read in one SQL statement
 * each, the relations a query selects included as `json_agg` columns, and mapped onto read-only
 * views of the entity classes (`fromRow` in src/services/products.ts) instead of being found,
 * populated and hydrated through the ORM, whose query building cost more than the queries. The
 * relations read so are kept for the request here, keyed by relation and parent, for the field
 * resolvers; a parent read otherwise (a mutation's answer) finds nothing and loads as before.
 */

/** Whether this server reads the hot paths raw (the default) or through the ORM (the tests compare the two). */
export function rawReaders(ctx: Context): boolean {
  return ctx.config.rawReaders !== false;
}

const readAhead = (ctx: Context) => ctx.loaders.state('raw-read-ahead', () => new Map<string, unknown>());

/** Keeps what a raw reader read with `parentId` for the relation `relation`, for this request. */
export function putRead(ctx: Context, relation: string, parentId: string, value: unknown): void {
  readAhead(ctx).set(`${relation}:${parentId}`, value);
}

/** What a raw reader read for the relation of `parentId` in this request, or undefined. */
export function readFor<T>(ctx: Context, relation: string, parentId: string): T | undefined {
  return readAhead(ctx).get(`${relation}:${parentId}`) as T | undefined;
}
