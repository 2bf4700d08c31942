import type { Route } from './executor';

/** Medusa's default relations on every region answer (1.20 loads the currency too: `defaultAdminRegionRelations`). */
const RELATIONS = ['countries', 'payment_providers', 'fulfillment_providers', 'currency'];
/** Medusa's region writes read no query string: they answer the defaults. */
const one = { envelope: { one: 'region' }, relations: RELATIONS, ignoresQuery: true } as const;
/** Medusa's region reads allow `expand` to name only the default relations (its `allowedRelations`). */
const read = { envelope: { one: 'region' }, relations: RELATIONS, allowedRelations: RELATIONS } as const;

export const routes: Route[] = [
  { method: 'GET', path: '/admin/regions', operation: 'regions', envelope: { list: 'regions' }, relations: RELATIONS, allowedRelations: RELATIONS },
  { method: 'POST', path: '/admin/regions', operation: 'createRegion', ...one },
  { method: 'GET', path: '/admin/regions/:id', operation: 'region', ...read },
  { method: 'POST', path: '/admin/regions/:id', operation: 'updateRegion', ...one },
  { method: 'DELETE', path: '/admin/regions/:id', operation: 'deleteRegion', envelope: 'raw' },
  { method: 'GET', path: '/admin/regions/:id/fulfillment-options', operation: 'regionFulfillmentOptions', envelope: { all: 'fulfillment_options' } },
  { method: 'POST', path: '/admin/regions/:id/countries', operation: 'addRegionCountry', ...one },
  { method: 'DELETE', path: '/admin/regions/:id/countries/:country_code', operation: 'removeRegionCountry', ...one },
  { method: 'POST', path: '/admin/regions/:id/payment-providers', operation: 'addRegionPaymentProvider', ...one },
  { method: 'DELETE', path: '/admin/regions/:id/payment-providers/:provider_id', operation: 'removeRegionPaymentProvider', ...one },
  { method: 'POST', path: '/admin/regions/:id/fulfillment-providers', operation: 'addRegionFulfillmentProvider', ...one },
  { method: 'DELETE', path: '/admin/regions/:id/fulfillment-providers/:provider_id', operation: 'removeRegionFulfillmentProvider', ...one },
];
