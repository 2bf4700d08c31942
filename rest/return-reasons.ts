import type { Route } from './executor';
import { omit } from './_keys';

/**
 * Medusa's default relations and columns (its `metadata` is not among them, though nested
 * reasons carry it); its handlers read no query string.
 */
const RELATIONS = ['parent_return_reason', 'return_reason_children'];
const withoutMetadata = (result: any) => (Array.isArray(result) ? result.map((r) => omit(r, ['metadata'])) : omit(result, ['metadata']));
const defaults = { relations: RELATIONS, ignoresQuery: true, reshape: withoutMetadata } as const;
const one = { envelope: { one: 'return_reason' }, ...defaults } as const;

export const routes: Route[] = [
  { method: 'GET', path: '/admin/return-reasons', operation: 'returnReasons', envelope: { all: 'return_reasons' }, ...defaults },
  { method: 'POST', path: '/admin/return-reasons', operation: 'createReturnReason', ...one },
  { method: 'GET', path: '/admin/return-reasons/:id', operation: 'returnReason', ...one },
  { method: 'POST', path: '/admin/return-reasons/:id', operation: 'updateReturnReason', ...one },
  { method: 'DELETE', path: '/admin/return-reasons/:id', operation: 'deleteReturnReason', envelope: 'raw' },
];
