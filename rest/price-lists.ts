import type { Route } from './executor';

/** Medusa's default relations of a price list in every answer. */
const RELATIONS = ['prices', 'customer_groups'];
const one = { one: 'price_list' };
/**
 * Medusa's default relations of the products of a price list; its handler also gives every
 * variant its own prices and the list's (each with its `price_list`), as `prices`.
 */
const PRODUCT_RELATIONS = [
  'categories', 'collection', 'images', 'options', 'tags', 'type', 'variants', 'variants.options',
  'variants.price_list_prices', 'variants.price_list_prices.price_list',
];

/** Each variant's `price_list_prices` answered as its `prices`, the name Medusa uses. */
function variantPricesAsPrices(page: { items: { variants?: Record<string, unknown>[] }[] }): unknown {
  for (const product of page?.items ?? []) {
    for (const variant of product.variants ?? []) {
      if (!('price_list_prices' in variant)) continue;
      variant.prices = variant.price_list_prices;
      delete variant.price_list_prices;
    }
  }
  return page;
}

export const routes: Route[] = [
  { method: 'GET', path: '/admin/price-lists', operation: 'priceLists', envelope: { list: 'price_lists' }, relations: RELATIONS },
  { method: 'POST', path: '/admin/price-lists', operation: 'createPriceList', envelope: one, relations: RELATIONS },
  { method: 'GET', path: '/admin/price-lists/:id', operation: 'priceList', envelope: one, relations: RELATIONS },
  { method: 'POST', path: '/admin/price-lists/:id', operation: 'updatePriceList', envelope: one, relations: RELATIONS },
  { method: 'DELETE', path: '/admin/price-lists/:id', operation: 'deletePriceList', envelope: 'raw' },
  {
    method: 'GET', path: '/admin/price-lists/:id/products', operation: 'priceListProducts', envelope: { list: 'products' },
    relations: PRODUCT_RELATIONS, params: { id: 'priceListId' }, reshape: variantPricesAsPrices,
  },
  { method: 'POST', path: '/admin/price-lists/:id/prices/batch', operation: 'addPriceListPrices', envelope: one, relations: RELATIONS },
  { method: 'DELETE', path: '/admin/price-lists/:id/prices/batch', operation: 'deletePriceListPrices', envelope: 'raw' },
  { method: 'DELETE', path: '/admin/price-lists/:id/products/prices/batch', operation: 'deletePriceListProductsPrices', envelope: 'raw' },
  { method: 'DELETE', path: '/admin/price-lists/:id/products/:product_id/prices', operation: 'deletePriceListProductPrices', envelope: 'raw' },
  { method: 'DELETE', path: '/admin/price-lists/:id/variants/:variant_id/prices', operation: 'deletePriceListVariantPrices', envelope: 'raw' },
];
