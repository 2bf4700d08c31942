import type { Route } from './executor';

// Medusa's default relations are orders and shipping_addresses; orders do not exist in Aegis yet.
const CUSTOMER_RELATIONS = ['shipping_addresses'];

export const routes: Route[] = [
  { method: 'GET', path: '/admin/customers', operation: 'customers', envelope: { list: 'customers' } },
  { method: 'POST', path: '/admin/customers', operation: 'createCustomer', envelope: { one: 'customer' }, status: 201 },
  { method: 'GET', path: '/admin/customers/:id', operation: 'customer', envelope: { one: 'customer' }, relations: CUSTOMER_RELATIONS },
  { method: 'POST', path: '/admin/customers/:id', operation: 'updateCustomer', envelope: { one: 'customer' }, relations: CUSTOMER_RELATIONS },
];
