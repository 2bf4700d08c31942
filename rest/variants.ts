import type { Route } from './executor';

/** Medusa v1's default relations of the admin variant routes (defaultAdminVariantRelations). */
const VARIANT_RELATIONS = ['options', 'prices', 'product'];

/** Medusa's default columns of these routes (defaultAdminVariantFields) leave out `variant_rank`. */
const withoutRank = ({ variant_rank: _rank, ...rest }: Record<string, unknown>) => rest;

export const routes: Route[] = [
  // Medusa's handler answers `offset`/`limit` from list-config keys that do not exist there, so the
  // real server sends `{variants, count}` only (CONTRACT-NOTES g): the page keeps only those two.
  {
    method: 'GET', path: '/admin/variants', operation: 'variants', envelope: { list: 'variants' }, relations: VARIANT_RELATIONS,
    reshape: (page: { items: Record<string, unknown>[]; count: number }, query) => ({
      items: query.fields ? page.items : page.items.map(withoutRank),
      count: page.count,
    }),
  },
  {
    method: 'GET', path: '/admin/variants/:id', operation: 'variant', envelope: { one: 'variant' }, relations: VARIANT_RELATIONS,
    reshape: (variant: Record<string, unknown>, query) => (query.fields ? variant : withoutRank(variant)),
  },
];
