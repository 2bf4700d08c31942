import type { Route } from './executor';

/** Medusa's default relations on every collection answer, lists included. */
const RELATIONS = ['products'];

export const routes: Route[] = [
  { method: 'GET', path: '/admin/collections', operation: 'productCollections', envelope: { list: 'collections' }, relations: RELATIONS },
  { method: 'POST', path: '/admin/collections', operation: 'createProductCollection', envelope: { one: 'collection' }, relations: RELATIONS },
  { method: 'GET', path: '/admin/collections/:id', operation: 'productCollection', envelope: { one: 'collection' }, relations: RELATIONS },
  { method: 'POST', path: '/admin/collections/:id', operation: 'updateProductCollection', envelope: { one: 'collection' }, relations: RELATIONS },
  { method: 'DELETE', path: '/admin/collections/:id', operation: 'deleteProductCollection', envelope: 'raw' },
  { method: 'POST', path: '/admin/collections/:id/products/batch', operation: 'addProductsToCollection', envelope: { one: 'collection' }, relations: RELATIONS },
  { method: 'DELETE', path: '/admin/collections/:id/products/batch', operation: 'removeProductsFromCollection', envelope: 'raw' },
];
