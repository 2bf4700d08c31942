import type { Route } from './executor';
import { adjustmentShape, plainOrder, withoutPricing } from './orders';

/** Medusa's default relations of an order edit. */
const EDIT_RELATIONS = [
  'changes', 'changes.line_item', 'changes.line_item.variant', 'changes.original_line_item', 'changes.original_line_item.variant',
  'items', 'items.variant', 'items.adjustments', 'items.tax_lines', 'payment_collection',
];

/**
 * What Medusa's edit routes add to the edit whatever `expand` and `fields` say: the status (derived
 * when loaded), the totals (its `decorateTotals`) and the lines they were computed from.
 */
const EDIT_TOTALS = [
  'status', 'subtotal', 'discount_total', 'shipping_total', 'tax_total', 'gift_card_total', 'gift_card_tax_total', 'total', 'difference_due',
  'items', 'items.variant', 'items.adjustments', 'items.tax_lines',
];

/** A line's computed parts: Medusa computes them for the edit's lines only, not for the changes' lines. */
const LINE_TOTALS = ['subtotal', 'discount_total', 'raw_discount_total', 'tax_total', 'total', 'original_total', 'original_tax_total', 'refundable'];

function lineShape(item: any, totals: boolean): void {
  if (!item) return;
  if (item.variant) withoutPricing(item.variant);
  for (const a of item.adjustments ?? []) adjustmentShape(a);
  if (!totals) for (const k of LINE_TOTALS) delete item[k];
}

/** An edit as Medusa's routes answer it: its default fields leave out `updated_at`. */
export function editShape(edit: any): any {
  if (!edit) return edit;
  delete edit.updated_at;
  if (edit.order) plainOrder(edit.order);
  for (const item of edit.items ?? []) lineShape(item, true);
  for (const change of edit.changes ?? []) {
    lineShape(change.line_item, false);
    lineShape(change.original_line_item, false);
  }
  return edit;
}

const one = { envelope: { one: 'order_edit' }, relations: EDIT_RELATIONS, always: EDIT_TOTALS, reshape: editShape } as const;
const write = { ...one, ignoresQuery: true } as const;

export const routes: Route[] = [
  {
    method: 'GET', path: '/admin/order-edits', operation: 'orderEdits', envelope: { list: 'order_edits' }, relations: EDIT_RELATIONS, always: EDIT_TOTALS,
    queryParams: ['q', 'order_id', 'limit', 'offset', 'order', 'expand', 'fields'],
    reshape: (page: any) => ({ ...page, items: page.items.map(editShape) }),
  },
  { method: 'POST', path: '/admin/order-edits', operation: 'createOrderEdit', ...write },
  { method: 'GET', path: '/admin/order-edits/:id', operation: 'orderEdit', ...one },
  { method: 'POST', path: '/admin/order-edits/:id', operation: 'updateOrderEdit', ...write },
  { method: 'DELETE', path: '/admin/order-edits/:id', operation: 'deleteOrderEdit', envelope: 'raw', ignoresQuery: true },
  { method: 'POST', path: '/admin/order-edits/:id/items', operation: 'addOrderEditItem', ...write },
  { method: 'POST', path: '/admin/order-edits/:id/items/:item_id', operation: 'updateOrderEditItem', ...write },
  { method: 'DELETE', path: '/admin/order-edits/:id/items/:item_id', operation: 'removeOrderEditItem', ...write },
  { method: 'DELETE', path: '/admin/order-edits/:id/changes/:change_id', operation: 'deleteOrderEditChange', envelope: 'raw', ignoresQuery: true },
  { method: 'POST', path: '/admin/order-edits/:id/request', operation: 'requestOrderEditConfirmation', ...write },
  { method: 'POST', path: '/admin/order-edits/:id/confirm', operation: 'confirmOrderEdit', ...write },
  { method: 'POST', path: '/admin/order-edits/:id/cancel', operation: 'cancelOrderEdit', ...write },
];
