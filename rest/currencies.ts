import type { Route } from './executor';

export const routes: Route[] = [
  { method: 'GET', path: '/admin/currencies', operation: 'currencies', envelope: { list: 'currencies' } },
  { method: 'POST', path: '/admin/currencies/:code', operation: 'updateCurrency', envelope: { one: 'currency' } },
];
