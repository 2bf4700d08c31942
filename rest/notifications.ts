import type { Route } from './executor';

const NOTIFICATION_RELATIONS = ['resends'];

export const routes: Route[] = [
  { method: 'GET', path: '/admin/notifications', operation: 'notifications', envelope: { list: 'notifications' }, relations: NOTIFICATION_RELATIONS },
  { method: 'POST', path: '/admin/notifications/:id/resend', operation: 'resendNotification', envelope: { one: 'notification' }, relations: NOTIFICATION_RELATIONS },
];
