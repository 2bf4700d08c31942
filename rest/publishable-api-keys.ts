import type { Route } from './executor';

const BASE = '/admin/publishable-api-keys';

export const routes: Route[] = [
  { method: 'GET', path: BASE, operation: 'publishableApiKeys', envelope: { list: 'publishable_api_keys' } },
  { method: 'POST', path: BASE, operation: 'createPublishableApiKey', envelope: { one: 'publishable_api_key' } },
  { method: 'GET', path: `${BASE}/:id`, operation: 'publishableApiKey', envelope: { one: 'publishable_api_key' } },
  { method: 'POST', path: `${BASE}/:id`, operation: 'updatePublishableApiKey', envelope: { one: 'publishable_api_key' } },
  { method: 'DELETE', path: `${BASE}/:id`, operation: 'deletePublishableApiKey', envelope: 'raw' },
  { method: 'POST', path: `${BASE}/:id/revoke`, operation: 'revokePublishableApiKey', envelope: { one: 'publishable_api_key' } },
  { method: 'GET', path: `${BASE}/:id/sales-channels`, operation: 'publishableApiKeySalesChannels', envelope: { all: 'sales_channels' } },
  { method: 'POST', path: `${BASE}/:id/sales-channels/batch`, operation: 'addPublishableApiKeySalesChannels', envelope: { one: 'publishable_api_key' } },
  { method: 'DELETE', path: `${BASE}/:id/sales-channels/batch`, operation: 'removePublishableApiKeySalesChannels', envelope: { one: 'publishable_api_key' } },
];
