import { finishType, type Route } from './executor';
import { returnShape } from './_return-shape';
import { ORDER_ANSWER, shippingMethodShape, withoutPricing } from './orders';

/** Totals Medusa computes for an order's own lines, not for a claim's or swap's lines. */
const LINE_TOTALS = ['subtotal', 'discount_total', 'tax_total', 'total', 'original_total', 'original_tax_total', 'raw_discount_total'];

/**
 * A claim as Medusa's order answers nest it: its replacement lines carry `refundable` but no
 * totals; the claimed line is the plain line.
 */
finishType('ClaimOrder', (claim: any) => {
  if (claim.return_order) returnShape(claim.return_order);
  for (const item of claim.additional_items ?? []) {
    for (const k of LINE_TOTALS) delete item[k];
    if (item.variant) withoutPricing(item.variant);
  }
  for (const method of claim.shipping_methods ?? []) {
    shippingMethodShape(method);
    for (const k of LINE_TOTALS) delete method[k];
  }
});
finishType('ClaimItem', (ci: any) => {
  if (ci.item && typeof ci.item === 'object') for (const k of [...LINE_TOTALS, 'refundable']) delete ci.item[k];
});

export const routes: Route[] = [
  { method: 'POST', path: '/admin/orders/:id/claims', operation: 'createClaim', ...ORDER_ANSWER },
  { method: 'POST', path: '/admin/orders/:id/claims/:claim_id', operation: 'updateClaim', ...ORDER_ANSWER },
  { method: 'POST', path: '/admin/orders/:id/claims/:claim_id/cancel', operation: 'cancelClaim', ...ORDER_ANSWER },
  { method: 'POST', path: '/admin/orders/:id/claims/:claim_id/fulfillments', operation: 'createClaimFulfillment', ...ORDER_ANSWER },
  { method: 'POST', path: '/admin/orders/:id/claims/:claim_id/fulfillments/:fulfillment_id/cancel', operation: 'cancelClaimFulfillment', ...ORDER_ANSWER },
  { method: 'POST', path: '/admin/orders/:id/claims/:claim_id/shipments', operation: 'createClaimShipment', ...ORDER_ANSWER },
];
