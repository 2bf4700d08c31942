import type { Route } from './executor';

// Medusa answers invite writes with a bare 200 "OK"; the GraphQL mutations return the records.
export const routes: Route[] = [
  { method: 'GET', path: '/admin/invites', operation: 'invites', envelope: { all: 'invites' }, ignoresQuery: true },
  { method: 'POST', path: '/admin/invites', operation: 'createInvite', envelope: { empty: 200 }, ignoresQuery: true },
  { method: 'POST', path: '/admin/invites/accept', operation: 'acceptInvite', envelope: { empty: 200 }, open: true, ignoresQuery: true },
  { method: 'DELETE', path: '/admin/invites/:invite_id', operation: 'deleteInvite', envelope: 'raw', ignoresQuery: true },
  { method: 'POST', path: '/admin/invites/:invite_id/resend', operation: 'resendInvite', envelope: { empty: 200 }, ignoresQuery: true },
];
