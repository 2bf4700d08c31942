import type { Route } from './executor';

/** Medusa v1's default relations of the admin variant routes. */
const VARIANT_RELATIONS = ['options', 'prices', 'product'];

export const routes: Route[] = [
  { method: 'GET', path: '/admin/variants', operation: 'variants', envelope: { list: 'variants' }, relations: VARIANT_RELATIONS },
  { method: 'GET', path: '/admin/variants/:id', operation: 'variant', envelope: { one: 'variant' }, relations: VARIANT_RELATIONS },
];
