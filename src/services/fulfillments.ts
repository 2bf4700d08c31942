import type { Context } from '../context';
import {
  Fulfillment, FulfillmentItem, FulfillmentStatus, LineItem, Order, ShippingMethod, TrackingLink,
} from '../entities/orders';
import { AppError, notAllowed } from '../lib/errors';
import { ORDER_MACHINE, retrieveOrder } from './orders';
import { putBackInStock, takeFromStock } from './order-inventory';

/**
 * Fulfillments of an order: lines handed to the shipping methods' fulfillment providers, canceled
 * while unshipped, shipped with tracking numbers. Each workflow locks the order row first, so two
 * fulfillments of the same lines cannot both pass the quantity check.
 */

export interface FulfillItem { itemId: string; quantity: number }
export interface FulfillInput { items: FulfillItem[]; noNotification?: boolean | null; locationId?: string | null; metadata?: Record<string, unknown> | null }
export interface ShipInput { fulfillmentId: string; trackingNumbers?: string[] | null; noNotification?: boolean | null }

const linesOf = (ctx: Context, order: Order) => ctx.em.find(LineItem, { order }, { orderBy: { createdAt: 'asc', id: 'asc' }, filters: false });

/** The asked lines with their quantities, refused (as in Medusa) past what is left to fulfil; lines of other orders are skipped. */
function fulfillable(lines: LineItem[], asked: FulfillItem[]): { line: LineItem; quantity: number }[] {
  const picked: { line: LineItem; quantity: number }[] = [];
  for (const { itemId, quantity } of asked) {
    const line = lines.find((l) => l.id === itemId);
    if (!line) continue;
    if (quantity > line.quantity - (line.fulfilledQuantity ?? 0)) throw notAllowed('Cannot fulfill more items than have been purchased');
    picked.push({ line, quantity });
  }
  return picked;
}

/**
 * Medusa's partition: with one shipping method every line goes to it; with several, each method
 * takes the lines whose product ships with the method's shipping profile.
 */
async function partition(ctx: Context, methods: ShippingMethod[], picked: { line: LineItem; quantity: number }[]) {
  await ctx.em.populate(methods, ['shippingOption'] as never, { filters: false });
  if (methods.length === 1) return [{ method: methods[0], picked }];
  await ctx.em.populate(picked.map((p) => p.line), ['variant.product'] as never, { filters: false });
  return methods.map((method) => ({
    method,
    picked: picked.filter((p) => p.line.variant?.product?.profile?.id === method.shippingOption.profile?.id),
  }));
}

/** `fulfilled` when every line is fulfilled in full, else `partially_fulfilled` (Medusa's rule). */
function statusAfterFulfilling(lines: LineItem[]): FulfillmentStatus {
  return lines.every((l) => l.quantity === (l.fulfilledQuantity ?? 0)) ? FulfillmentStatus.fulfilled : FulfillmentStatus.partially_fulfilled;
}

export async function createFulfillment(ctx: Context, orderId: string, input: FulfillInput): Promise<Order> {
  const order = await retrieveOrder(ctx, orderId, true);
  ORDER_MACHINE.check('fulfill', order.status);
  const methods = await ctx.em.find(ShippingMethod, { order }, { orderBy: { createdAt: 'asc', id: 'asc' }, filters: false });
  if (!methods.length) throw notAllowed('Cannot fulfill an order that lack shipping methods');
  const lines = await linesOf(ctx, order);
  const picked = fulfillable(lines, input.items);
  const made: Fulfillment[] = [];
  for (const part of await partition(ctx, methods, picked)) {
    const fulfillment = ctx.em.create(Fulfillment, {
      // As in Medusa, `no_notification` is for the event only: the fulfillment keeps none.
      order, provider: part.method.shippingOption.provider, data: {}, noNotification: null,
      locationId: input.locationId ?? null, metadata: input.metadata ?? {},
    } as any);
    for (const { line, quantity } of part.picked) {
      ctx.em.create(FulfillmentItem, { fulfillment, item: line, quantity } as any);
      line.fulfilledQuantity = (line.fulfilledQuantity ?? 0) + quantity;
    }
    made.push(fulfillment);
  }
  order.fulfillmentStatus = statusAfterFulfilling(lines);
  await ctx.em.flush();
  if (input.locationId) await takeFromStock(ctx, picked, input.locationId);
  for (const f of made) ctx.events.emit('order.fulfillment_created', { id: order.id, fulfillment_id: f.id, no_notification: input.noNotification ?? order.noNotification });
  return order;
}

/** The order's fulfillment; another order's is a 404 too, in the route's own words (`foreign`). */
async function fulfillmentOf(ctx: Context, order: Order, fulfillmentId: string, foreign: string): Promise<Fulfillment> {
  const fulfillment = await ctx.em.findOne(Fulfillment, { id: fulfillmentId }, { filters: false });
  if (!fulfillment) throw new AppError('not_found', `Fulfillment with id: ${fulfillmentId} was not found`);
  if (fulfillment.order?.id !== order.id) throw new AppError('not_found', foreign);
  return fulfillment;
}

/** Cancels an unshipped fulfillment: its quantities go back to the lines; the order's fulfillment status is `canceled`. */
export async function cancelFulfillment(ctx: Context, orderId: string, fulfillmentId: string): Promise<Order> {
  const order = await retrieveOrder(ctx, orderId, true);
  const fulfillment = await fulfillmentOf(ctx, order, fulfillmentId, `no fulfillment was found with the id: ${fulfillmentId} related to order: ${orderId}`);
  if (fulfillment.shippedAt) throw notAllowed('The fulfillment has already been shipped. Shipped fulfillments cannot be canceled');
  // Medusa cancels again and takes the quantities off the lines a second time; Aegis changes nothing.
  if (fulfillment.canceledAt) return order;
  for (const fi of await ctx.em.find(FulfillmentItem, { fulfillment }, { populate: ['item'] as never, filters: false })) {
    fi.item.fulfilledQuantity = (fi.item.fulfilledQuantity ?? 0) - fi.quantity;
  }
  fulfillment.canceledAt = new Date();
  await putBackInStock(ctx, fulfillment);
  order.fulfillmentStatus = FulfillmentStatus.canceled;
  await ctx.em.flush();
  ctx.events.emit('order.fulfillment_canceled', { id: order.id, fulfillment_id: fulfillment.id, no_notification: fulfillment.noNotification });
  return order;
}

/** Ships a fulfillment with its tracking numbers: `shipped` when every line is shipped in full, else `partially_shipped`. */
export async function createShipment(ctx: Context, orderId: string, input: ShipInput): Promise<Order> {
  const order = await retrieveOrder(ctx, orderId, true);
  ORDER_MACHINE.check('ship', order.status);
  const fulfillment = await fulfillmentOf(ctx, order, input.fulfillmentId, 'Could not find fulfillment');
  if (fulfillment.canceledAt) throw notAllowed('Fulfillment has been canceled');
  fulfillment.shippedAt = new Date();
  if (input.noNotification !== undefined && input.noNotification !== null) fulfillment.noNotification = input.noNotification;
  for (const trackingNumber of input.trackingNumbers ?? []) ctx.em.create(TrackingLink, { fulfillment, trackingNumber } as any);
  for (const fi of await ctx.em.find(FulfillmentItem, { fulfillment }, { populate: ['item'] as never, filters: false })) {
    fi.item.shippedQuantity = (fi.item.shippedQuantity ?? 0) + fi.quantity;
  }
  const lines = await linesOf(ctx, order);
  order.fulfillmentStatus = lines.every((l) => l.quantity === (l.shippedQuantity ?? 0)) ? FulfillmentStatus.shipped : FulfillmentStatus.partially_shipped;
  await ctx.em.flush();
  ctx.events.emit('order.shipment_created', { id: order.id, fulfillment_id: fulfillment.id, no_notification: fulfillment.noNotification });
  return order;
}
