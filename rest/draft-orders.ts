import type { Route } from './executor';
import { adjustmentShape, ORDER_COMPUTED, ORDER_RELATIONS, orderShape, shippingMethodShape, withoutPricing } from './orders';

// What Medusa's draft-order routes answer: the draft with its order and its cart, the cart with
// every relation its `retrieveWithTotals` joins, and the cart's totals.
const CART_RELATIONS = [
  'region', 'region.payment_providers', 'region.tax_rates', 'items', 'items.adjustments', 'items.tax_lines', 'items.variant',
  'items.variant.product', 'items.variant.product.profiles', 'items.variant.product.profile', 'payment', 'payment_session', 'payment_sessions',
  'shipping_address', 'shipping_address.country', 'billing_address', 'billing_address.country', 'shipping_methods',
  'shipping_methods.shipping_option', 'shipping_methods.tax_lines', 'discounts', 'discounts.rule', 'gift_cards', 'customer',
];
const DRAFT_RELATIONS = ['order', 'cart', ...CART_RELATIONS.map((r) => `cart.${r}`)];
const LIST_RELATIONS = ['order', 'cart', 'cart.items', 'cart.items.adjustments'];

const CART_TOTALS = ['subtotal', 'tax_total', 'shipping_total', 'discount_total', 'raw_discount_total', 'gift_card_total', 'gift_card_tax_total', 'item_tax_total', 'shipping_tax_total', 'total'];
const LINE_TOTALS = ['subtotal', 'tax_total', 'total', 'original_total', 'original_tax_total', 'discount_total', 'raw_discount_total'];

/** Which parts of the draft a route of Medusa's answers. */
interface DraftParts {
  /** The `order` relation (create, get and list join it; the line-item and update routes do not). */
  order: boolean;
  /** Every column (the update route reads the draft without its default selection). */
  allColumns: boolean;
  /** The cart's totals (every route but the list). */
  totals: boolean;
}

const strip = (o: any, keys: string[]) => { for (const k of keys) delete o[k]; };

/**
 * A draft as Medusa answers it. A cart's tax lines are computed, not stored, so they come without
 * id, timestamps or metadata; a cart's lines have no `refundable` (an order's do); adjustments and
 * shipping methods have no timestamps; `payment_session` shows only once the cart has one.
 */
const draftShape = (parts: DraftParts) => (draft: any): any => {
  if (!draft) return draft;
  if (!parts.allColumns) strip(draft, ['completed_at', 'idempotency_key']);
  if (!parts.order) delete draft.order;
  else if (draft.order) strip(draft.order, [...ORDER_COMPUTED, ...CART_TOTALS]);
  const cart = draft.cart;
  if (!cart) return draft;
  if (!parts.totals) strip(cart, CART_TOTALS);
  if (cart.payment_session === null) delete cart.payment_session;
  const bare = (l: any) => strip(l, ['id', 'created_at', 'updated_at', 'metadata']);
  // When taxes are computed and no line gets any, Medusa's totals leave the lines' tax_lines unset.
  const noTaxLines = parts.totals && cart.region?.automatic_taxes && (cart.items ?? []).every((i: any) => !i.tax_lines?.length);
  for (const item of cart.items ?? []) {
    delete item.refundable;
    if (!parts.totals) strip(item, LINE_TOTALS);
    if (noTaxLines) delete item.tax_lines;
    for (const l of item.tax_lines ?? []) bare(l);
    for (const a of item.adjustments ?? []) adjustmentShape(a);
    if (item.variant) withoutPricing(item.variant);
  }
  for (const m of cart.shipping_methods ?? []) {
    shippingMethodShape(m);
    for (const l of m.tax_lines ?? []) bare(l);
  }
  return draft;
};

const full = draftShape({ order: true, allColumns: false, totals: true });
const one = { envelope: { one: 'draft_order' }, relations: DRAFT_RELATIONS, reshape: full, ignoresQuery: true } as const;
const onLines = { ...one, reshape: draftShape({ order: false, allColumns: false, totals: true }) } as const;

export const routes: Route[] = [
  {
    method: 'GET', path: '/admin/draft-orders', operation: 'draftOrders', envelope: { list: 'draft_orders' }, relations: LIST_RELATIONS,
    reshape: (page: any) => ({ ...page, items: page.items.map(draftShape({ order: true, allColumns: false, totals: false })) }),
  },
  { method: 'POST', path: '/admin/draft-orders', operation: 'createDraftOrder', ...one },
  { method: 'GET', path: '/admin/draft-orders/:id', operation: 'draftOrder', ...one },
  { method: 'POST', path: '/admin/draft-orders/:id', operation: 'updateDraftOrder', ...one, reshape: draftShape({ order: false, allColumns: true, totals: true }) },
  { method: 'DELETE', path: '/admin/draft-orders/:id', operation: 'deleteDraftOrder', envelope: 'raw' },
  { method: 'POST', path: '/admin/draft-orders/:id/line-items', operation: 'addDraftOrderLineItem', ...onLines },
  { method: 'POST', path: '/admin/draft-orders/:id/line-items/:line_id', operation: 'updateDraftOrderLineItem', params: { line_id: 'lineId' }, ...onLines },
  { method: 'DELETE', path: '/admin/draft-orders/:id/line-items/:line_id', operation: 'deleteDraftOrderLineItem', params: { line_id: 'lineId' }, ...onLines },
  { method: 'POST', path: '/admin/draft-orders/:id/pay', operation: 'payDraftOrder', envelope: { one: 'order' }, relations: ORDER_RELATIONS, reshape: orderShape, ignoresQuery: true },
];
