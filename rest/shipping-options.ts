import type { Route } from './executor';

/** Medusa's default relations (its region comes without the providers); only its list reads the query string. */
const RELATIONS = ['profile', 'region', 'requirements'];
const BASE = '/admin/shipping-options';

/**
 * Medusa's list (and only the list) adds each option's price with tax at the top level of the
 * option: `price_incl_tax`, `tax_rates` and `tax_amount`.
 */
function flattenPricing(page: { items: Record<string, any>[] }) {
  return {
    ...page,
    items: page.items.map(({ pricing, ...option }) => ({ ...option, price_incl_tax: pricing.price_incl_tax, tax_rates: pricing.tax_rates, tax_amount: pricing.tax_amount })),
  };
}

export const routes: Route[] = [
  { method: 'GET', path: BASE, operation: 'shippingOptions', envelope: { list: 'shipping_options' }, relations: RELATIONS, always: ['pricing', 'pricing.tax_rates'], reshape: flattenPricing },
  { method: 'POST', path: BASE, operation: 'createShippingOption', envelope: { one: 'shipping_option' }, relations: RELATIONS, ignoresQuery: true },
  { method: 'GET', path: `${BASE}/:id`, operation: 'shippingOption', envelope: { one: 'shipping_option' }, relations: RELATIONS, ignoresQuery: true },
  { method: 'POST', path: `${BASE}/:id`, operation: 'updateShippingOption', envelope: { one: 'shipping_option' }, relations: RELATIONS, ignoresQuery: true },
  { method: 'DELETE', path: `${BASE}/:id`, operation: 'deleteShippingOption', envelope: 'raw' },
];
