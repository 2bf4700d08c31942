import type { Route } from './executor';

export const routes: Route[] = [
  { method: 'GET', path: '/admin/apps', operation: 'apps', envelope: { all: 'apps' }, ignoresQuery: true },
  { method: 'POST', path: '/admin/apps/authorizations', operation: 'authorizeApp', envelope: { one: 'apps' } },
];
