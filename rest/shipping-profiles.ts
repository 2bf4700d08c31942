import type { Route } from './executor';

/**
 * Medusa's defaults (`defaultAdminShippingProfilesRelations`): the products come with their
 * `profiles` (and so with `profile`, the first of them). Its handlers read no query string.
 */
const RELATIONS = ['products', 'products.profiles', 'products.profile', 'shipping_options'];
const BASE = '/admin/shipping-profiles';
const one = { envelope: { one: 'shipping_profile' }, ignoresQuery: true } as const;

export const routes: Route[] = [
  { method: 'GET', path: BASE, operation: 'shippingProfiles', envelope: { all: 'shipping_profiles' }, ignoresQuery: true },
  // Medusa's create answers the new profile as saved, without relations.
  { method: 'POST', path: BASE, operation: 'createShippingProfile', ...one, relations: [] },
  { method: 'GET', path: `${BASE}/:id`, operation: 'shippingProfile', ...one, relations: RELATIONS },
  { method: 'POST', path: `${BASE}/:id`, operation: 'updateShippingProfile', ...one, relations: RELATIONS },
  { method: 'DELETE', path: `${BASE}/:id`, operation: 'deleteShippingProfile', envelope: 'raw' },
];
