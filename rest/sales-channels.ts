import type { Route } from './executor';

/** Medusa's sales-channel columns: its list answers them all whatever `fields` says. */
const COLUMNS = ['id', 'created_at', 'updated_at', 'deleted_at', 'name', 'description', 'is_disabled', 'metadata'];

export const routes: Route[] = [
  { method: 'GET', path: '/admin/sales-channels', operation: 'salesChannels', envelope: { list: 'sales_channels' }, always: (_r, query) => (query.fields ? COLUMNS : []) },
  { method: 'POST', path: '/admin/sales-channels', operation: 'createSalesChannel', envelope: { one: 'sales_channel' } },
  // Medusa's handler reads no query string here.
  { method: 'GET', path: '/admin/sales-channels/:id', operation: 'salesChannel', envelope: { one: 'sales_channel' }, ignoresQuery: true },
  { method: 'POST', path: '/admin/sales-channels/:id', operation: 'updateSalesChannel', envelope: { one: 'sales_channel' } },
  { method: 'DELETE', path: '/admin/sales-channels/:id', operation: 'deleteSalesChannel', envelope: 'raw' },
  { method: 'POST', path: '/admin/sales-channels/:id/products/batch', operation: 'addProductsToSalesChannel', envelope: { one: 'sales_channel' } },
  { method: 'DELETE', path: '/admin/sales-channels/:id/products/batch', operation: 'removeProductsFromSalesChannel', envelope: { one: 'sales_channel' } },
];
