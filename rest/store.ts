import type { Route } from './executor';

const STORE_RELATIONS = ['currencies', 'default_currency'];

export const routes: Route[] = [
  {
    method: 'GET', path: '/admin/store', operation: 'store', envelope: { one: 'store' }, ignoresQuery: true,
    relations: [...STORE_RELATIONS, 'default_sales_channel', 'payment_providers', 'fulfillment_providers', 'feature_flags', 'modules'],
  },
  { method: 'POST', path: '/admin/store', operation: 'updateStore', envelope: { one: 'store' }, relations: STORE_RELATIONS },
  { method: 'POST', path: '/admin/store/currencies/:code', operation: 'addStoreCurrency', envelope: { one: 'store' }, relations: STORE_RELATIONS },
  { method: 'DELETE', path: '/admin/store/currencies/:code', operation: 'removeStoreCurrency', envelope: { one: 'store' }, relations: STORE_RELATIONS },
  { method: 'GET', path: '/admin/store/payment-providers', operation: 'paymentProviders', envelope: { all: 'payment_providers' }, ignoresQuery: true },
  { method: 'GET', path: '/admin/store/tax-providers', operation: 'taxProviders', envelope: { all: 'tax_providers' }, ignoresQuery: true },
];
