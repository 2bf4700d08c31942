import type { Route } from './executor';

/** Medusa's default relations on every collection answer, lists included (defaultAdminCollectionsRelations). */
const RELATIONS = ['products', 'products.profiles'];

/**
 * Columns Medusa leaves out of list items: its list selects only the default fields (id, title,
 * handle, created_at, updated_at) plus the products; single answers carry every column.
 */
const NOT_IN_LISTS = ['deleted_at', 'metadata'];

/**
 * Drops the columns Medusa's list does not select (its list takes no `fields`). Collections of a
 * discount condition come from a separate Medusa query that loads no relation: no products.
 */
export function listColumns(result: any, query: Record<string, unknown>): unknown {
  if (!result) return result;
  if (query.discount_condition_id) for (const item of result.items) delete item.products;
  for (const item of result.items) for (const name of NOT_IN_LISTS) delete item[name];
  return result;
}

export const routes: Route[] = [
  { method: 'GET', path: '/admin/collections', operation: 'productCollections', envelope: { list: 'collections' }, relations: RELATIONS, reshape: listColumns, noControls: true },
  { method: 'POST', path: '/admin/collections', operation: 'createProductCollection', envelope: { one: 'collection' }, relations: RELATIONS },
  // Medusa's handler reads no query string here.
  { method: 'GET', path: '/admin/collections/:id', operation: 'productCollection', envelope: { one: 'collection' }, relations: RELATIONS, ignoresQuery: true },
  { method: 'POST', path: '/admin/collections/:id', operation: 'updateProductCollection', envelope: { one: 'collection' }, relations: RELATIONS },
  { method: 'DELETE', path: '/admin/collections/:id', operation: 'deleteProductCollection', envelope: 'raw' },
  { method: 'POST', path: '/admin/collections/:id/products/batch', operation: 'addProductsToCollection', envelope: { one: 'collection' }, relations: RELATIONS },
  { method: 'DELETE', path: '/admin/collections/:id/products/batch', operation: 'removeProductsFromCollection', envelope: 'raw' },
];
