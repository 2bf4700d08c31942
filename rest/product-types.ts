import type { Route } from './executor';

export const routes: Route[] = [
  { method: 'GET', path: '/admin/product-types', operation: 'productTypes', envelope: { list: 'product_types' } },
];
