import type { Route } from './executor';
import { omit } from './_keys';

// Medusa's writes answer the saved store with its currencies (and the default currency when the
// request set it); the get adds the rest. None of its store handlers reads the query string.
const STORE_RELATIONS = ['currencies'];
const write = { envelope: { one: 'store' }, relations: STORE_RELATIONS, ignoresQuery: true } as const;

export const routes: Route[] = [
  {
    method: 'GET', path: '/admin/store', operation: 'store', envelope: { one: 'store' }, ignoresQuery: true,
    relations: [...STORE_RELATIONS, 'default_currency', 'default_sales_channel', 'payment_providers', 'fulfillment_providers', 'feature_flags', 'modules'],
  },
  {
    method: 'POST', path: '/admin/store', operation: 'updateStore', ...write, relations: [...STORE_RELATIONS, 'default_currency'],
    reshape: (store, _query, body) => ('default_currency_code' in body ? store : omit(store, ['default_currency'])),
  },
  { method: 'POST', path: '/admin/store/currencies/:code', operation: 'addStoreCurrency', ...write },
  { method: 'DELETE', path: '/admin/store/currencies/:code', operation: 'removeStoreCurrency', ...write },
  { method: 'GET', path: '/admin/store/payment-providers', operation: 'paymentProviders', envelope: { all: 'payment_providers' }, ignoresQuery: true },
  { method: 'GET', path: '/admin/store/tax-providers', operation: 'taxProviders', envelope: { all: 'tax_providers' }, ignoresQuery: true },
];
