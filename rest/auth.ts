import type { Route } from './executor';

export const routes: Route[] = [
  { method: 'POST', path: '/admin/auth', operation: 'login', envelope: { one: 'user' }, open: true, ignoresQuery: true },
  { method: 'GET', path: '/admin/auth', operation: 'currentUser', envelope: { one: 'user' }, ignoresQuery: true },
  { method: 'DELETE', path: '/admin/auth', operation: 'logout', envelope: { empty: 200 }, ignoresQuery: true },
  { method: 'POST', path: '/admin/auth/token', operation: 'createAccessToken', envelope: 'raw', open: true, ignoresQuery: true },
];
