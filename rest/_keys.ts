/**
 * Route `reshape` helpers for answers whose keys differ per route in Medusa (its routes select
 * different default columns of the same record): they drop the keys a route does not answer.
 * Until the executor knows per-route default columns, the inventory routes use these.
 */

type Row = Record<string, unknown>;

/** The object without `keys`. */
export function omit(row: Row | null | undefined, keys: string[]): Row | null | undefined {
  if (!row) return row;
  const out = { ...row };
  for (const key of keys) delete out[key];
  return out;
}

/** A reshape that drops `keys` from a single record, or from every item of a page. */
export function without(keys: string[]) {
  return (result: any) => (result && Array.isArray(result.items) ? { ...result, items: result.items.map((r: Row) => omit(r, keys)) } : omit(result, keys));
}
