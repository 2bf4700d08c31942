import type { Route } from './executor';

const RELATIONS = ['parent_return_reason', 'return_reason_children'];

export const routes: Route[] = [
  { method: 'GET', path: '/admin/return-reasons', operation: 'returnReasons', envelope: { all: 'return_reasons' }, relations: RELATIONS },
  { method: 'POST', path: '/admin/return-reasons', operation: 'createReturnReason', envelope: { one: 'return_reason' }, relations: RELATIONS },
  { method: 'GET', path: '/admin/return-reasons/:id', operation: 'returnReason', envelope: { one: 'return_reason' }, relations: RELATIONS },
  { method: 'POST', path: '/admin/return-reasons/:id', operation: 'updateReturnReason', envelope: { one: 'return_reason' }, relations: RELATIONS },
  { method: 'DELETE', path: '/admin/return-reasons/:id', operation: 'deleteReturnReason', envelope: 'raw' },
];
