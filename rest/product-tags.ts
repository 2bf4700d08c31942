import type { Route } from './executor';

export const routes: Route[] = [
  { method: 'GET', path: '/admin/product-tags', operation: 'productTags', envelope: { list: 'product_tags' } },
];
