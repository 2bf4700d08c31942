import type { Route } from './executor';
import { ORDER_RETURN_RELATIONS, returnMoreRelations, returnShape } from './_return-shape';

/** Medusa's default order relations (returns, swaps and claims answer as empty lists until they exist). */
export const ORDER_RELATIONS = [
  'billing_address', 'customer', 'discounts', 'discounts.rule', 'fulfillments', 'fulfillments.items', 'fulfillments.tracking_links',
  'gift_card_transactions', 'gift_cards', 'items', 'items.adjustments', 'items.tax_lines', 'items.variant', 'items.variant.product',
  'items.variant.product.profiles', 'items.variant.product.profile',
  'payments', 'refunds', 'region', 'shipping_address', 'shipping_methods', 'shipping_methods.shipping_option', 'shipping_methods.tax_lines',
  ...ORDER_RETURN_RELATIONS,
];

/** The order routes (not the draft payment) also join the sales channel. */
const ROUTE_RELATIONS = [...ORDER_RELATIONS, 'sales_channel'];

/** Columns Medusa's order routes leave out of their default selection. */
const HIDDEN = ['external_id', 'idempotency_key', 'shipping_address_id', 'billing_address_id'];

const PRICING = [
  'calculated_price', 'calculated_price_incl_tax', 'calculated_tax', 'original_price', 'original_price_incl_tax', 'original_tax', 'tax_rates',
  'calculated_price_includes_tax', 'original_price_includes_tax',
];

/** A line's variant carries no pricing of a price selection (Medusa prices it only in variant lists). */
export function withoutPricing(variant: any): void {
  for (const key of PRICING) delete variant[key];
}

/** The computed parts of an order (a relation to an order carries none of them). */
export const ORDER_COMPUTED = ['returns', 'swaps', 'claims', 'paid_total', 'refunded_total', 'refundable_amount'];

/** Medusa's line adjustments have no timestamps. */
export function adjustmentShape(adjustment: any): void {
  delete adjustment.created_at;
  delete adjustment.updated_at;
}

/** Medusa's shipping methods have no timestamps (Aegis keeps them for a stable order). */
export function shippingMethodShape(method: any): void {
  delete method.created_at;
  delete method.updated_at;
}

/** An order as Medusa's admin routes answer it (without the columns its default selection omits). */
export function orderShape(order: any): any {
  if (!order) return order;
  for (const key of HIDDEN) delete order[key];
  // The draft payment answers the order as its service returns it, with `object`, without sales channel.
  delete order.sales_channel_id;
  // Medusa's order totals keep the raw discount total to themselves.
  delete order.raw_discount_total;
  for (const item of [...(order.items ?? []), ...(order.returnable_items ?? [])]) {
    delete item.raw_discount_total;
    if (item.variant) withoutPricing(item.variant);
    for (const a of item.adjustments ?? []) adjustmentShape(a);
  }
  for (const m of order.shipping_methods ?? []) shippingMethodShape(m);
  for (const r of order.returns ?? []) returnShape(r);
  return order;
}

export const ORDER_TOTALS = ['subtotal', 'discount_total', 'shipping_total', 'shipping_tax_total', 'item_tax_total', 'tax_total', 'gift_card_total', 'gift_card_tax_total', 'total', 'paid_total', 'refunded_total', 'refundable_amount'];
export const LINE_TOTALS = ['subtotal', 'discount_total', 'tax_total', 'total', 'original_total', 'original_tax_total'];

/**
 * An order as Medusa's order routes answer it: with `sales_channel_id`, with `object` only where a
 * workflow changed it; `returns` only when `expand` names it or is not given.
 */
const routeShape = (list: boolean, object = false) => (order: any, query: Record<string, unknown>): any => {
  if (!order) return order;
  const salesChannelId = order.sales_channel_id;
  orderShape(order);
  if (salesChannelId !== undefined) order.sales_channel_id = salesChannelId;
  if (!object) delete order.object;
  if (typeof query.expand === 'string' && !query.expand.split(',').includes('returns')) delete order.returns;
  // Medusa's list computes no totals unless its fields name them (its lines keep `refundable`).
  if (list) {
    const asked = typeof query.fields === 'string' ? query.fields.split(',') : [];
    for (const k of ORDER_TOTALS) if (!asked.includes(k)) delete order[k];
    for (const i of order.items ?? []) for (const k of LINE_TOTALS) delete i[k];
    for (const m of order.shipping_methods ?? []) for (const k of LINE_TOTALS) delete m[k];
  }
  return order;
};

const one = { envelope: { one: 'order' }, relations: ROUTE_RELATIONS, reshape: routeShape(false, true), moreRelations: returnMoreRelations } as const;

export const routes: Route[] = [
  {
    method: 'GET', path: '/admin/orders', operation: 'orders', envelope: { list: 'orders' }, relations: ROUTE_RELATIONS, moreRelations: returnMoreRelations,
    reshape: (page: any, query) => ({ ...page, items: page.items.map((o: any) => routeShape(true)(o, query)) }),
  },
  { method: 'GET', path: '/admin/orders/:id', operation: 'order', ...one, reshape: routeShape(false) },
  { method: 'POST', path: '/admin/orders/:id', operation: 'updateOrder', ...one },
  { method: 'POST', path: '/admin/orders/:id/archive', operation: 'archiveOrder', ...one },
  { method: 'POST', path: '/admin/orders/:id/complete', operation: 'completeOrder', ...one },
  { method: 'POST', path: '/admin/orders/:id/cancel', operation: 'cancelOrder', ...one },
  { method: 'POST', path: '/admin/orders/:id/capture', operation: 'captureOrderPayment', ...one },
  { method: 'POST', path: '/admin/orders/:id/fulfillment', operation: 'createOrderFulfillment', ...one },
  { method: 'POST', path: '/admin/orders/:id/fulfillments/:fulfillment_id/cancel', operation: 'cancelOrderFulfillment', ...one },
  { method: 'POST', path: '/admin/orders/:id/shipment', operation: 'createOrderShipment', ...one },
  { method: 'POST', path: '/admin/orders/:id/refund', operation: 'refundOrder', ...one },
  { method: 'POST', path: '/admin/orders/:id/shipping-methods', operation: 'addOrderShippingMethod', ...one },
  { method: 'POST', path: '/admin/orders/:id/return', operation: 'requestReturn', ...one },
  {
    method: 'POST', path: '/admin/orders/:id/line-items/:line_item_id/reserve', operation: 'reserveOrderLineItem', envelope: { one: 'reservation' },
    ignoresQuery: true,
  },
  { method: 'GET', path: '/admin/orders/:id/reservations', operation: 'orderReservations', envelope: { list: 'reservations' }, queryParams: ['limit', 'offset', 'expand', 'fields'] },
];

/** An order loaded as another record's relation (a customer's orders, a gift card's order): its columns, none of its totals. */
export function plainOrder(order: any): any {
  if (order) for (const k of [...ORDER_TOTALS, ...ORDER_COMPUTED, 'raw_discount_total']) delete order[k];
  return order;
}

/** A line item loaded as another record's relation (a reservation's): its columns, none of its totals. */
export function plainLineItem(item: any): any {
  if (item) for (const k of [...LINE_TOTALS, 'raw_discount_total', 'refundable']) delete item[k];
  return item;
}
