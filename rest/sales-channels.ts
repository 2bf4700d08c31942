import type { Route } from './executor';

export const routes: Route[] = [
  { method: 'GET', path: '/admin/sales-channels', operation: 'salesChannels', envelope: { list: 'sales_channels' } },
  { method: 'POST', path: '/admin/sales-channels', operation: 'createSalesChannel', envelope: { one: 'sales_channel' } },
  { method: 'GET', path: '/admin/sales-channels/:id', operation: 'salesChannel', envelope: { one: 'sales_channel' } },
  { method: 'POST', path: '/admin/sales-channels/:id', operation: 'updateSalesChannel', envelope: { one: 'sales_channel' } },
  { method: 'DELETE', path: '/admin/sales-channels/:id', operation: 'deleteSalesChannel', envelope: 'raw' },
  { method: 'POST', path: '/admin/sales-channels/:id/products/batch', operation: 'addProductsToSalesChannel', envelope: { one: 'sales_channel' } },
  { method: 'DELETE', path: '/admin/sales-channels/:id/products/batch', operation: 'removeProductsFromSalesChannel', envelope: { one: 'sales_channel' } },
];
