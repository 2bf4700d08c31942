import type { Route } from './executor';
import { PRICING_KEYS, variantAnswer } from './products';

/** Medusa v1's default relations of the admin variant routes (defaultAdminVariantRelations). */
const VARIANT_RELATIONS = ['options', 'prices', 'product'];

/** Medusa's default columns of these routes (defaultAdminVariantFields) leave out `variant_rank`. */
const withoutRank = ({ variant_rank: _rank, ...rest }: Record<string, unknown>) => rest;

/**
 * Both routes price every variant (setAdminVariantPricing), which sets its prices (with their
 * price lists) and the pricing keys whatever `expand` and `fields` say; the list also sets
 * `purchasable`. A search (`q`) joins the product, so the list answers it then too.
 */
const PRICED = ['prices', 'prices.price_list', ...PRICING_KEYS, 'calculated_price_type'];

export const routes: Route[] = [
  // Medusa's handler answers `offset`/`limit` from list-config keys that do not exist there, so the
  // real server sends `{variants, count}` only (CONTRACT-NOTES g): the page keeps only those two.
  {
    method: 'GET', path: '/admin/variants', operation: 'variants', envelope: { list: 'variants' }, relations: VARIANT_RELATIONS,
    always: (_relations, query) => [...PRICED, 'purchasable', ...(query.q ? ['product'] : [])],
    reshape: (page: { items: Record<string, unknown>[]; count: number }, query) => {
      page.items.forEach((v) => variantAnswer(v, true, true));
      return { items: query.fields ? page.items : page.items.map(withoutRank), count: page.count };
    },
  },
  {
    method: 'GET', path: '/admin/variants/:id', operation: 'variant', envelope: { one: 'variant' }, relations: VARIANT_RELATIONS, always: PRICED,
    reshape: (variant: Record<string, unknown>, query) => {
      variantAnswer(variant, true, false);
      return query.fields ? variant : withoutRank(variant);
    },
  },
];
