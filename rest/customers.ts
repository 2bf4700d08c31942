import type { Route } from './executor';
import { plainOrder } from './orders';

// Medusa's handlers read `expand` themselves: a blank one means the defaults, and `fields` is
// accepted but never applied. The list has no default relations; filtering by groups joins them.
const CUSTOMER_RELATIONS = ['orders', 'shipping_addresses'];
const asMedusa = { blankExpandIsDefault: true, ignoresFields: true } as const;

/** Medusa loads a customer's orders as a plain relation: the orders' columns, none of their totals. */
function reshape(result: any) {
  const customers = Array.isArray(result?.items) ? result.items : [result];
  for (const customer of customers) customer?.orders?.forEach(plainOrder);
  return result;
}

export const routes: Route[] = [
  { method: 'GET', path: '/admin/customers', operation: 'customers', envelope: { list: 'customers' }, relationsWith: { groups: ['groups'] }, ...asMedusa, reshape },
  { method: 'POST', path: '/admin/customers', operation: 'createCustomer', envelope: { one: 'customer' }, status: 201, ignoresQuery: true },
  { method: 'GET', path: '/admin/customers/:id', operation: 'customer', envelope: { one: 'customer' }, relations: CUSTOMER_RELATIONS, ...asMedusa, reshape },
  { method: 'POST', path: '/admin/customers/:id', operation: 'updateCustomer', envelope: { one: 'customer' }, relations: CUSTOMER_RELATIONS, ...asMedusa, reshape },
];
