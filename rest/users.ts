import type { Route } from './executor';

export const routes: Route[] = [
  { method: 'GET', path: '/admin/users', operation: 'users', envelope: { list: 'users' } },
  { method: 'POST', path: '/admin/users', operation: 'createUser', envelope: { one: 'user' }, ignoresQuery: true },
  { method: 'POST', path: '/admin/users/password-token', operation: 'requestPasswordReset', envelope: { empty: 204 }, open: true, ignoresQuery: true },
  { method: 'POST', path: '/admin/users/reset-password', operation: 'resetPassword', envelope: { one: 'user' }, open: true, ignoresQuery: true },
  { method: 'GET', path: '/admin/users/:id', operation: 'user', envelope: { one: 'user' }, ignoresQuery: true },
  { method: 'POST', path: '/admin/users/:id', operation: 'updateUser', envelope: { one: 'user' }, ignoresQuery: true },
  { method: 'DELETE', path: '/admin/users/:id', operation: 'deleteUser', envelope: 'raw', ignoresQuery: true },
];
