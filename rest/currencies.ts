import type { Route } from './executor';

// Medusa's list takes neither expand nor fields; its update reads no query string.
export const routes: Route[] = [
  {
    method: 'GET', path: '/admin/currencies', operation: 'currencies', envelope: { list: 'currencies' },
    queryParams: ['code', 'q', 'includes_tax', 'order', 'limit', 'offset'],
  },
  { method: 'POST', path: '/admin/currencies/:code', operation: 'updateCurrency', envelope: { one: 'currency' }, ignoresQuery: true },
];
