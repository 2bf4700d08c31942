import type { Route } from './executor';

const BASE = '/admin/publishable-api-keys';
// Only the two lists read the query string in Medusa.
const noQuery = { ignoresQuery: true } as const;

export const routes: Route[] = [
  { method: 'GET', path: BASE, operation: 'publishableApiKeys', envelope: { list: 'publishable_api_keys' } },
  { method: 'POST', path: BASE, operation: 'createPublishableApiKey', envelope: { one: 'publishable_api_key' }, ...noQuery },
  { method: 'GET', path: `${BASE}/:id`, operation: 'publishableApiKey', envelope: { one: 'publishable_api_key' }, ...noQuery },
  { method: 'POST', path: `${BASE}/:id`, operation: 'updatePublishableApiKey', envelope: { one: 'publishable_api_key' }, ...noQuery },
  { method: 'DELETE', path: `${BASE}/:id`, operation: 'deletePublishableApiKey', envelope: 'raw', ...noQuery },
  { method: 'POST', path: `${BASE}/:id/revoke`, operation: 'revokePublishableApiKey', envelope: { one: 'publishable_api_key' }, ...noQuery },
  { method: 'GET', path: `${BASE}/:id/sales-channels`, operation: 'publishableApiKeySalesChannels', envelope: { all: 'sales_channels' }, queryParams: ['q'] },
  { method: 'POST', path: `${BASE}/:id/sales-channels/batch`, operation: 'addPublishableApiKeySalesChannels', envelope: { one: 'publishable_api_key' }, ...noQuery },
  { method: 'DELETE', path: `${BASE}/:id/sales-channels/batch`, operation: 'removePublishableApiKeySalesChannels', envelope: { one: 'publishable_api_key' }, ...noQuery },
];
