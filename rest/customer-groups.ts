import type { Route } from './executor';

export const routes: Route[] = [
  { method: 'GET', path: '/admin/customer-groups', operation: 'customerGroups', envelope: { list: 'customer_groups' } },
  { method: 'POST', path: '/admin/customer-groups', operation: 'createCustomerGroup', envelope: { one: 'customer_group' }, ignoresQuery: true },
  { method: 'GET', path: '/admin/customer-groups/:id', operation: 'customerGroup', envelope: { one: 'customer_group' } },
  { method: 'POST', path: '/admin/customer-groups/:id', operation: 'updateCustomerGroup', envelope: { one: 'customer_group' } },
  { method: 'DELETE', path: '/admin/customer-groups/:id', operation: 'deleteCustomerGroup', envelope: 'raw', ignoresQuery: true },
  // Medusa lists them with the customer list's handler: the groups relation is joined to filter by
  // the group (so each customer comes with it, whatever `expand` says), and `fields` is not applied.
  { method: 'GET', path: '/admin/customer-groups/:id/customers', operation: 'customerGroupCustomers', envelope: { list: 'customers' }, always: ['groups'], ignoresFields: true },
  { method: 'POST', path: '/admin/customer-groups/:id/customers/batch', operation: 'addCustomerGroupCustomers', envelope: { one: 'customer_group' }, ignoresQuery: true },
  { method: 'DELETE', path: '/admin/customer-groups/:id/customers/batch', operation: 'removeCustomerGroupCustomers', envelope: { one: 'customer_group' }, ignoresQuery: true },
];
