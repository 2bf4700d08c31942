import type { Route } from './executor';
import { without } from './_keys';
import { withProfile } from './_product-shape';

// Medusa answers tax rates without relations unless `expand` asks for them; its tax-rate routes
// take `expand` and `fields` as lists (`expand[]=products`). Aegis takes the comma-separated form too.
/**
 * Medusa's default tax-rate columns leave out `metadata`; the counts of linked products, product
 * types and shipping options are answered only when `fields` names them. Its linked products come
 * without their profiles, so without `profile_id`.
 */
const NOT_DEFAULT = ['metadata', 'product_count', 'product_type_count', 'shipping_option_count'];

function defaultColumns(result: any, query: Record<string, unknown>): unknown {
  const shaped = query.fields === undefined ? without(NOT_DEFAULT)(result) : result;
  for (const rate of shaped?.items ?? [shaped]) {
    if (rate?.products) rate.products = rate.products.map(withProfile);
  }
  return shaped;
}

const one = { envelope: { one: 'tax_rate' }, listQuery: true, reshape: defaultColumns } as const;

export const routes: Route[] = [
  { method: 'GET', path: '/admin/tax-rates', operation: 'taxRates', envelope: { list: 'tax_rates' }, listQuery: true, reshape: defaultColumns },
  { method: 'POST', path: '/admin/tax-rates', operation: 'createTaxRate', ...one },
  { method: 'GET', path: '/admin/tax-rates/:id', operation: 'taxRate', ...one },
  { method: 'POST', path: '/admin/tax-rates/:id', operation: 'updateTaxRate', ...one },
  { method: 'DELETE', path: '/admin/tax-rates/:id', operation: 'deleteTaxRate', envelope: 'raw' },
  { method: 'POST', path: '/admin/tax-rates/:id/products/batch', operation: 'addTaxRateProducts', ...one },
  { method: 'DELETE', path: '/admin/tax-rates/:id/products/batch', operation: 'removeTaxRateProducts', ...one },
  { method: 'POST', path: '/admin/tax-rates/:id/product-types/batch', operation: 'addTaxRateProductTypes', ...one },
  { method: 'DELETE', path: '/admin/tax-rates/:id/product-types/batch', operation: 'removeTaxRateProductTypes', ...one },
  { method: 'POST', path: '/admin/tax-rates/:id/shipping-options/batch', operation: 'addTaxRateShippingOptions', ...one },
  { method: 'DELETE', path: '/admin/tax-rates/:id/shipping-options/batch', operation: 'removeTaxRateShippingOptions', ...one },
];
