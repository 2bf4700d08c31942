import type { Route } from './executor';

// Medusa answers tax rates without relations unless `expand` asks for them; its tax-rate routes
// take `expand` and `fields` as lists (`expand[]=products`). Aegis takes the comma-separated form too.
const one = { envelope: { one: 'tax_rate' }, listQuery: true } as const;

export const routes: Route[] = [
  { method: 'GET', path: '/admin/tax-rates', operation: 'taxRates', envelope: { list: 'tax_rates' }, listQuery: true },
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
