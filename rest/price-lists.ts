import type { Route } from './executor';
import { plainVariant, withProfile } from './_product-shape';

type Row = Record<string, any>;

/**
 * Medusa's default relations of a single price list. Its handlers read no query string there:
 * `expand` and `fields` change nothing.
 */
const RELATIONS = ['prices', 'prices.variants', 'prices.variant', 'customer_groups'];
const one = { envelope: { one: 'price_list' }, relations: RELATIONS, ignoresQuery: true, reshape: plainPriceVariants } as const;

/** A price list's prices carry their variant (and `variants`, the list of it) with its columns only. */
function plainPriceVariants(list: Row | null): Row | null {
  for (const price of list?.prices ?? []) {
    if (price.variant) price.variant = plainVariant(price.variant);
    if (price.variants) price.variants = price.variants.map(plainVariant);
  }
  return list;
}

/**
 * The list answers no relation unless `expand` names it; Medusa's repository joins the customer
 * groups whenever it searches (`q`) or filters by them, so they are answered then too.
 */
function listRelations(relations: string[], query: Record<string, unknown>): string[] {
  const joined = query.q !== undefined || query.customer_groups !== undefined;
  return joined && !relations.includes('customer_groups') ? [...relations, 'customer_groups'] : relations;
}

/**
 * Medusa's default relations of the products of a price list (the product defaults without the
 * variants' prices; `profile` is its first `profiles`); whenever the variants are answered, its handler gives each its own prices and
 * the list's (each with its `price_list`), as `prices`.
 */
const PRODUCT_RELATIONS = [
  'variants', 'variants.options', 'profiles', 'profile', 'images', 'options', 'options.values', 'tags', 'type', 'collection',
];
const VARIANT_PRICES = ['variants.price_list_prices', 'variants.price_list_prices.price_list'];

function withVariantPrices(relations: string[]): string[] {
  return relations.includes('variants') ? [...relations, ...VARIANT_PRICES] : relations;
}

/** Each variant's `price_list_prices` answered as its `prices`, the name Medusa uses, without `variant_id`. */
function productOfList(product: Row): Row {
  const out = withProfile(product)!;
  if (out.variants) {
    out.variants = out.variants.map((v: Row) => {
      const { price_list_prices: prices, ...variant } = plainVariant(v)!;
      return prices ? { ...variant, prices: prices.map(({ variant_id: _v, ...price }: Row) => price) } : variant;
    });
  }
  return out;
}

export const routes: Route[] = [
  {
    method: 'GET', path: '/admin/price-lists', operation: 'priceLists', envelope: { list: 'price_lists' }, relations: [],
    moreRelations: listRelations, refusesFields: true,
  },
  { method: 'POST', path: '/admin/price-lists', operation: 'createPriceList', ...one },
  { method: 'GET', path: '/admin/price-lists/:id', operation: 'priceList', ...one },
  { method: 'POST', path: '/admin/price-lists/:id', operation: 'updatePriceList', ...one },
  { method: 'DELETE', path: '/admin/price-lists/:id', operation: 'deletePriceList', envelope: 'raw' },
  {
    method: 'GET', path: '/admin/price-lists/:id/products', operation: 'priceListProducts', envelope: { list: 'products' },
    relations: PRODUCT_RELATIONS, params: { id: 'priceListId' }, moreRelations: withVariantPrices,
    reshape: (page: { items: Row[] }) => ({ ...page, items: page.items.map(productOfList) }),
  },
  { method: 'POST', path: '/admin/price-lists/:id/prices/batch', operation: 'addPriceListPrices', ...one },
  { method: 'DELETE', path: '/admin/price-lists/:id/prices/batch', operation: 'deletePriceListPrices', envelope: 'raw' },
  { method: 'DELETE', path: '/admin/price-lists/:id/products/prices/batch', operation: 'deletePriceListProductsPrices', envelope: 'raw' },
  { method: 'DELETE', path: '/admin/price-lists/:id/products/:product_id/prices', operation: 'deletePriceListProductPrices', envelope: 'raw' },
  { method: 'DELETE', path: '/admin/price-lists/:id/variants/:variant_id/prices', operation: 'deletePriceListVariantPrices', envelope: 'raw' },
];
