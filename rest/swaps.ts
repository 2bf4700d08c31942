import { finishType, type Route } from './executor';
import { returnShape } from './_return-shape';
import { ORDER_ANSWER, plainOrder, shippingMethodShape, withoutPricing } from './orders';

const LINE_TOTALS = ['subtotal', 'discount_total', 'tax_total', 'total', 'original_total', 'original_tax_total', 'raw_discount_total'];

/** A swap wherever it is nested: its new lines carry `refundable` but no totals; its order is the plain order. */
finishType('Swap', (swap: any) => {
  if (swap.return_order) returnShape(swap.return_order);
  for (const item of swap.additional_items ?? []) {
    for (const k of LINE_TOTALS) delete item[k];
    if (item.variant) withoutPricing(item.variant);
  }
  for (const method of swap.shipping_methods ?? []) shippingMethodShape(method);
  if (swap.order && typeof swap.order === 'object') {
    plainOrder(swap.order);
    delete swap.order.raw_discount_total;
  }
});

/** Medusa's default relations and columns of a swap read on its own. */
const SWAP_RELATIONS = [
  'additional_items', 'additional_items.adjustments', 'cart', 'cart.items', 'cart.items.adjustments', 'cart.items.variant', 'fulfillments',
  'order', 'payment', 'return_order', 'return_order.items', 'shipping_address', 'shipping_methods', 'shipping_methods.shipping_option',
];
const HIDDEN = ['deleted_at', 'shipping_address_id', 'confirmed_at', 'canceled_at', 'no_notification', 'allow_backorder', 'idempotency_key'];
/** The cart totals Medusa's swap route selects (no line or other totals). */
const CART_TOTALS = ['subtotal', 'tax_total', 'shipping_total', 'discount_total', 'gift_card_total', 'gift_card_tax_total', 'total'];

/** A swap read on its own: Medusa's selected columns, its lines without `refundable`, its cart with the selected totals only. */
function swapShape(swap: any): any {
  for (const k of HIDDEN) delete swap[k];
  for (const item of swap.additional_items ?? []) delete item.refundable;
  if (swap.cart) {
    for (const k of ['item_tax_total', 'shipping_tax_total', 'raw_discount_total']) delete swap.cart[k];
    for (const item of swap.cart.items ?? []) {
      for (const k of [...LINE_TOTALS, 'refundable']) delete item[k];
      if (item.variant) withoutPricing(item.variant);
    }
  }
  return swap;
}

export const routes: Route[] = [
  { method: 'GET', path: '/admin/swaps', operation: 'swaps', envelope: { list: 'swaps' }, relations: [], queryParams: ['offset', 'limit'], queryWords: { limit: 'must be an integer number', offset: 'must be an integer number' } },
  { method: 'GET', path: '/admin/swaps/:id', operation: 'swap', envelope: { one: 'swap' }, relations: SWAP_RELATIONS, always: ['cart.items.tax_lines', 'cart.region', 'cart.region.tax_rates', 'cart.shipping_address', 'cart.shipping_methods', 'cart.discounts', 'cart.gift_cards', ...CART_TOTALS.map((t) => `cart.${t}`)], ignoresQuery: true, reshape: swapShape },
  { method: 'POST', path: '/admin/orders/:id/swaps', operation: 'createSwap', ...ORDER_ANSWER },
  { method: 'POST', path: '/admin/orders/:id/swaps/:swap_id/cancel', operation: 'cancelSwap', ...ORDER_ANSWER },
  { method: 'POST', path: '/admin/orders/:id/swaps/:swap_id/fulfillments', operation: 'createSwapFulfillment', ...ORDER_ANSWER },
  { method: 'POST', path: '/admin/orders/:id/swaps/:swap_id/fulfillments/:fulfillment_id/cancel', operation: 'cancelSwapFulfillment', ...ORDER_ANSWER },
  { method: 'POST', path: '/admin/orders/:id/swaps/:swap_id/process-payment', operation: 'processSwapPayment', ...ORDER_ANSWER },
  { method: 'POST', path: '/admin/orders/:id/swaps/:swap_id/shipments', operation: 'createSwapShipment', ...ORDER_ANSWER },
];
