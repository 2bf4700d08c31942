import type { Route } from './executor';

/** Medusa's default relations, with the region's providers it loads eagerly. */
const RELATIONS = ['profile', 'region', 'requirements', 'region.fulfillment_providers', 'region.payment_providers'];
const BASE = '/admin/shipping-options';

export const routes: Route[] = [
  { method: 'GET', path: BASE, operation: 'shippingOptions', envelope: { list: 'shipping_options' }, relations: RELATIONS },
  { method: 'POST', path: BASE, operation: 'createShippingOption', envelope: { one: 'shipping_option' }, relations: RELATIONS },
  { method: 'GET', path: `${BASE}/:id`, operation: 'shippingOption', envelope: { one: 'shipping_option' }, relations: RELATIONS },
  { method: 'POST', path: `${BASE}/:id`, operation: 'updateShippingOption', envelope: { one: 'shipping_option' }, relations: RELATIONS },
  { method: 'DELETE', path: `${BASE}/:id`, operation: 'deleteShippingOption', envelope: 'raw' },
];
