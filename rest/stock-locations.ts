import type { Route } from './executor';
import { without } from './_keys';

// Medusa's stock location answers carry its default columns (defaultAdminStockLocationFields):
// not `deleted_at`; `address` and `sales_channels` come with `expand`.
const location = { envelope: { one: 'stock_location' }, reshape: without(['deleted_at']) } as const;

export const routes: Route[] = [
  { method: 'GET', path: '/admin/stock-locations', operation: 'stockLocations', envelope: { list: 'stock_locations' }, reshape: without(['deleted_at']) },
  { method: 'POST', path: '/admin/stock-locations', operation: 'createStockLocation', ...location },
  { method: 'GET', path: '/admin/stock-locations/:id', operation: 'stockLocation', ...location },
  { method: 'POST', path: '/admin/stock-locations/:id', operation: 'updateStockLocation', ...location },
  { method: 'DELETE', path: '/admin/stock-locations/:id', operation: 'deleteStockLocation', envelope: 'raw' },
  // The sales channel's links to stock locations (Medusa serves them under sales channels).
  { method: 'POST', path: '/admin/sales-channels/:id/stock-locations', operation: 'addStockLocationToSalesChannel', envelope: { one: 'sales_channel' } },
  { method: 'DELETE', path: '/admin/sales-channels/:id/stock-locations', operation: 'removeStockLocationFromSalesChannel', envelope: 'raw' },
];
