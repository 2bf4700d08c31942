import type { Route } from './executor';

/** Medusa's default order relations (returns, swaps and claims answer as empty lists until they exist). */
export const ORDER_RELATIONS = [
  'billing_address', 'customer', 'discounts', 'discounts.rule', 'fulfillments', 'fulfillments.items', 'fulfillments.tracking_links',
  'gift_card_transactions', 'gift_cards', 'items', 'items.adjustments', 'items.tax_lines', 'items.variant', 'items.variant.product',
  'items.variant.product.profiles', 'items.variant.product.profile',
  'payments', 'refunds', 'region', 'shipping_address', 'shipping_methods', 'shipping_methods.shipping_option', 'shipping_methods.tax_lines',
];

/** Columns Medusa's order routes leave out of their default selection. */
const HIDDEN = ['sales_channel_id', 'external_id', 'idempotency_key', 'shipping_address_id', 'billing_address_id'];

const PRICING = ['calculated_price', 'calculated_price_incl_tax', 'calculated_tax', 'original_price', 'original_price_incl_tax', 'original_tax', 'tax_rates'];

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
  // Medusa's order totals keep the raw discount total to themselves.
  delete order.raw_discount_total;
  for (const item of order.items ?? []) {
    delete item.raw_discount_total;
    if (item.variant) withoutPricing(item.variant);
    for (const a of item.adjustments ?? []) adjustmentShape(a);
  }
  for (const m of order.shipping_methods ?? []) shippingMethodShape(m);
  return order;
}

export const routes: Route[] = [];
