import type { Route } from './executor';

/** Medusa's defaults (`defaultAdminShippingProfilesRelations`): the products come with their `profiles`. */
const RELATIONS = ['products', 'products.profiles', 'shipping_options'];
const BASE = '/admin/shipping-profiles';

export const routes: Route[] = [
  { method: 'GET', path: BASE, operation: 'shippingProfiles', envelope: { all: 'shipping_profiles' } },
  { method: 'POST', path: BASE, operation: 'createShippingProfile', envelope: { one: 'shipping_profile' }, relations: RELATIONS },
  { method: 'GET', path: `${BASE}/:id`, operation: 'shippingProfile', envelope: { one: 'shipping_profile' }, relations: RELATIONS },
  { method: 'POST', path: `${BASE}/:id`, operation: 'updateShippingProfile', envelope: { one: 'shipping_profile' }, relations: RELATIONS },
  { method: 'DELETE', path: `${BASE}/:id`, operation: 'deleteShippingProfile', envelope: 'raw' },
];
