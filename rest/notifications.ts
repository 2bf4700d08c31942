import type { Route } from './executor';

const NOTIFICATION_RELATIONS = ['resends'];
const INT = 'must be an integer number';

export const routes: Route[] = [
  {
    method: 'GET', path: '/admin/notifications', operation: 'notifications', envelope: { list: 'notifications' }, relations: NOTIFICATION_RELATIONS,
    // Medusa's list takes these parameters only, with its own decorators' wording.
    queryParams: ['limit', 'offset', 'fields', 'expand', 'event_name', 'resource_type', 'resource_id', 'to', 'include_resends'],
    queryWords: { limit: INT, offset: INT, include_resends: 'must be a boolean string' },
  },
  { method: 'POST', path: '/admin/notifications/:id/resend', operation: 'resendNotification', envelope: { one: 'notification' }, relations: NOTIFICATION_RELATIONS, ignoresQuery: true },
];
