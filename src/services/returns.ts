/*
 * Returns of an order's items. The functions other domains call (claims and swaps make their
 * returns through them; keep these signatures stable):
 *
 *   createReturn(ctx, order: Order, input: CreateReturnInput, owner?: ReturnOwner): Promise<Return>
 *     The caller has locked the order (retrieveOrder(ctx, id, true)). Checks the items (lines of the
 *     order, or `owner.lines`), their quantities against what is fulfilled and not yet returned or
 *     in an open return, the reasons; computes the refund when `input.refundAmount` is not given
 *     (less the return shipping), stores the return, its items and its shipping method.
 *     `owner.claimOrderId` / `owner.swapId` mark a claim's or swap's return (a swap's return answers
 *     no order, as in Medusa, though it keeps the order for locking).
 *   receiveReturn(ctx, returnId: string, input: ReceiveReturnInput, options?: { allowMismatch?: boolean }): Promise<Return>
 *     Locks the return's order, then the return; records the received quantities, the lines'
 *     returned quantities, restocks at the location and, for an order's (or claim's) return,
 *     refunds (reason `return`) and moves the order's fulfillment status. A swap's return is the
 *     swap's to register after this (Medusa's `registerReceived` of the swap service).
 *   cancelReturn(ctx, returnId: string): Promise<Return>
 *   requestReturn(ctx, orderId: string, input: RequestReturnInput): Promise<Order>   (POST /admin/orders/{id}/return)
 */
import { claimHeldQuantities } from './claims';
import { randomUUID } from 'crypto';
import type { Context } from '../context';
import {
  FulfillmentStatus, LineItem, LineItemAdjustment, LineItemTaxLine, Order, OrderStatus, RefundReason, ShippingMethod, ShippingMethodTaxLine,
} from '../entities/orders';
import { Return, ReturnItem, ReturnStatus } from '../entities/returns';
import { ReturnReason } from '../entities/return-reasons';
import { ShippingOption } from '../entities/shipping-options';
import { Region } from '../entities/regions';
import { AppError, invalid, notAllowed } from '../lib/errors';
import { findPage, ListSpec, PageArgs } from '../lib/list';
import { forUpdate } from '../lib/locks';
import { StateMachine } from '../lib/state-machine';
import * as T from '../lib/totals';
import { methodTaxLines, toTotalsItem, totalsDiscount } from './carts';
import { adjustStockedQuantity, itemsOfVariant } from './inventory-items';
import { ALL, loadOrderViews, ORDER_MACHINE, refundPayments, retrieveOrder } from './orders';

export interface ReturnItemInput { itemId: string; quantity: number; reasonId?: string | null; note?: string | null; metadata?: Record<string, unknown> | null }
export interface ReturnShippingInput { optionId?: string | null; price?: number | null }
export interface CreateReturnInput {
  items: ReturnItemInput[];
  returnShipping?: ReturnShippingInput | null;
  /** The amount to refund when received; computed from the items (less the return shipping) when not given. */
  refundAmount?: number | null;
  noNotification?: boolean | null;
  locationId?: string | null;
  idempotencyKey?: string | null;
  metadata?: Record<string, unknown> | null;
}
export interface ReturnOwner {
  claimOrderId?: string | null;
  swapId?: string | null;
  /** Lines beyond the order's own that the return may take (a swap's or claim's additional items). */
  lines?: LineItem[];
}
export interface ReceivedItemInput { itemId: string; quantity: number }
export interface ReceiveReturnInput { items: ReceivedItemInput[]; refund?: number | null; locationId?: string | null }

/** What may happen to a return in each status, with Medusa's refusals. */
export const RETURN_MACHINE = new StateMachine<ReturnStatus, 'cancel' | 'receive' | 'receiveOnce'>('return', {
  cancel: { except: [ReturnStatus.received], to: ReturnStatus.canceled, refusal: 'Can\'t cancel a return which has been returned', repeated: [ReturnStatus.canceled] },
  receive: { except: [ReturnStatus.canceled], refusal: 'Cannot receive a canceled return' },
  // The refusal names the return: checked with `receivedTwice` below.
  receiveOnce: { except: [ReturnStatus.received], refusal: 'This return has already been received' },
});

/** The order's side of returns: a canceled order takes no return and registers none received. */
export const RETURN_ORDER_MACHINE = ORDER_MACHINE.extend({
  requestReturn: { except: [OrderStatus.canceled], refusal: 'Cannot create a return for a canceled item.' },
  receiveReturn: { except: [OrderStatus.canceled], refusal: 'A canceled order cannot be registered as received' },
});

/** Returns that still hold their items (neither received nor canceled). */
const OPEN = [ReturnStatus.requested, ReturnStatus.requires_action];

// ---------------------------------------------------------------- reads

const LIST: ListSpec = { orderable: ['createdAt', 'updatedAt'] };

/** Medusa's return list: newest first, no filters. */
export function listReturns(ctx: Context, args: PageArgs) {
  return findPage(ctx, Return, {}, args, LIST);
}

export async function retrieveReturn(ctx: Context, id: string): Promise<Return> {
  const ret = await ctx.em.findOne(Return, { id });
  if (!ret) throw new AppError('not_found', `Return with id: ${id} was not found`);
  return ret;
}

/** The return, read afresh and locked (after its order, so workflows on one order queue in one order). */
async function lockReturn(ctx: Context, id: string): Promise<Return> {
  const ret = await ctx.em.findOne(Return, { id }, forUpdate());
  if (!ret) throw new AppError('not_found', `Return with id: ${id} was not found`);
  return ret;
}

/**
 * How many of each line can still be returned: fulfilled, less returned, less what open returns
 * (other than `except`) already hold. Medusa checks only the purchased quantity less the returned
 * one, so two requests could both return the same unit; Aegis counts the open returns too.
 */
export async function returnableQuantities(ctx: Context, lines: LineItem[], except?: string): Promise<Map<string, number>> {
  const held = lines.length
    ? await ctx.em.find(ReturnItem, { item: { $in: lines.map((l) => l.id) }, returnOrder: { status: { $in: OPEN } } }, { populate: ['returnOrder'] as never, ...ALL })
    : [];
  return new Map(lines.map((l) => {
    const open = held.filter((h) => h.item.id === l.id && h.returnOrder.id !== except).reduce((s, h) => s + h.quantity, 0);
    return [l.id, (l.fulfilledQuantity ?? 0) - (l.returnedQuantity ?? 0) - open];
  }));
}

/**
 * The returnable quantities less what live claims hold without a return of their own (a claim
 * being made is not counted against its own return): a return never takes what a claim took.
 */
async function lessClaimed(ctx: Context, lines: LineItem[], returnable: Map<string, number>, exceptClaim?: string | null): Promise<Map<string, number>> {
  const claimed = await claimHeldQuantities(ctx, lines, exceptClaim ?? undefined);
  return new Map([...returnable].map(([id, q]) => [id, q - (claimed.get(id) ?? 0)]));
}

// ---------------------------------------------------------------- create

/** The lines of the order (and the owner's further lines), read afresh. */
async function candidateLines(ctx: Context, order: Order, owner: ReturnOwner): Promise<LineItem[]> {
  const own = await ctx.em.find(LineItem, { order }, { orderBy: { createdAt: 'asc', id: 'asc' }, refresh: true, ...ALL });
  return [...own, ...(owner.lines ?? []).filter((l) => !own.some((o) => o.id === l.id))];
}

/** The asked lines with Medusa's checks (unknown line, more than purchased) and Aegis's (more than can be returned). */
function pickLines(lines: LineItem[], asked: { itemId: string; quantity: number }[], returnable?: Map<string, number>): LineItem[] {
  const seen = new Set<string>();
  return asked.map(({ itemId, quantity }) => {
    const line = lines.find((l) => l.id === itemId);
    if (!line) throw invalid('Return contains invalid line item');
    if (seen.has(itemId)) throw invalid(`Item ${itemId} is named more than once`);
    seen.add(itemId);
    if (!Number.isInteger(quantity) || quantity < 1) throw invalid('quantity must be a positive integer');
    if (quantity > line.quantity - (line.returnedQuantity ?? 0)) throw notAllowed('Cannot return more items than have been purchased');
    if (returnable && quantity > (returnable.get(line.id) ?? 0)) throw notAllowed('Cannot return more items than have been fulfilled and not yet returned');
    return line;
  });
}

/** A line that does not exist at all is Medusa's 404 (one of another order is its 400, in `pickLines`). */
async function checkLinesExist(ctx: Context, lines: LineItem[], ids: string[]): Promise<void> {
  const others = [...new Set(ids.filter((id) => !lines.some((l) => l.id === id)))];
  if (!others.length) return;
  const found = await ctx.em.find(LineItem, { id: { $in: others } }, { fields: ['id'], ...ALL });
  const missing = others.find((id) => !found.some((l) => l.id === id));
  if (missing) throw new AppError('not_found', `Line item with ${missing} was not found`);
}

/** Reasons must exist and be leaves (Medusa refuses a reason that has child reasons). */
async function checkReasons(ctx: Context, ids: string[]): Promise<Map<string, ReturnReason>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const reasons = await ctx.em.find(ReturnReason, { id: { $in: unique } });
  for (const id of unique) if (!reasons.some((r) => r.id === id)) throw new AppError('not_found', `Return_reason with reason_id ${id} does not exist.`);
  if (await ctx.em.count(ReturnReason, { parentReturnReason: { $in: unique } })) throw invalid('Cannot apply return reason category');
  return new Map(reasons.map((r) => [r.id, r]));
}

/**
 * What returning these quantities gives back (Medusa's refund total): per line, its price net of
 * included tax less its discount at the rounded per-unit amount, plus its tax lines.
 */
async function refundOf(ctx: Context, order: Order, lines: LineItem[], quantities: Map<string, number>): Promise<number> {
  const all = await ctx.em.find(LineItem, { order }, ALL);
  const ids = [...new Set([...all, ...lines].map((l) => l.id))];
  const [taxLines, adjustments] = await Promise.all([
    ctx.em.find(LineItemTaxLine, { item: { $in: ids } }, ALL),
    ctx.em.find(LineItemAdjustment, { item: { $in: ids } }, ALL),
  ]);
  await ctx.em.populate(order, ['discounts.rule'] as never, { ...ALL, refresh: false });
  const toItem = (l: LineItem) => toTotalsItem(l, taxLines.filter((t) => t.item.id === l.id).map((t) => ({ rate: t.rate, name: t.name, code: t.code })),
    adjustments.filter((a) => a.item.id === l.id));
  const allocations = T.allocationMap([...all, ...lines.filter((l) => !all.includes(l))].map(toItem), order.discounts.getItems().filter((d) => d.rule).map(totalsDiscount));
  return lines.reduce((sum, l) => sum + T.lineItemRefund({ ...toItem(l), quantity: quantities.get(l.id)! }, allocations.get(l.id)), 0);
}

/** The return's shipping method, with its tax lines, and what it costs the customer (price and tax). */
async function addReturnShipping(ctx: Context, order: Order, ret: Return, input: ReturnShippingInput & { optionId: string }): Promise<number> {
  const option = await ctx.em.findOne(ShippingOption, { id: input.optionId });
  if (!option) throw new AppError('not_found', `Shipping Option with ${input.optionId} was not found`);
  const price = input.price ?? option.amount ?? 0;
  const method = ctx.em.create(ShippingMethod, { returnId: ret.id, shippingOption: option, price, data: {}, includesTax: option.includesTax } as any);
  const region = await ctx.em.findOneOrFail(Region, { id: order.region.id }, ALL);
  const lines = await methodTaxLines(ctx, region, option.id);
  for (const l of lines) ctx.em.create(ShippingMethodTaxLine, { shippingMethod: method, rate: l.rate, name: l.name ?? 'default', code: l.code ?? null } as any);
  const rate = lines.reduce((s, l) => s + l.rate / 100, 0);
  const included = method.includesTax ? Math.round(T.priceTaxAmount(price, rate, true)) : 0;
  const net = price - included;
  // The manual provider keeps no data for a return shipment: Medusa's `fulfill` stores its `{}`.
  ret.shippingData = {};
  return net + lines.reduce((s, l) => s + Math.round(net * (l.rate / 100)), 0);
}

export async function createReturn(ctx: Context, order: Order, input: CreateReturnInput, owner: ReturnOwner = {}): Promise<Return> {
  if (!RETURN_ORDER_MACHINE.can('requestReturn', order.status)) throw invalid('Cannot create a return for a canceled item.');
  const lines = await candidateLines(ctx, order, owner);
  await checkLinesExist(ctx, lines, input.items.map((i) => i.itemId));
  const picked = pickLines(lines, input.items, await lessClaimed(ctx, lines, await returnableQuantities(ctx, lines), owner.claimOrderId));
  const reasons = await checkReasons(ctx, input.items.flatMap((i) => (i.reasonId ? [i.reasonId] : [])));
  const quantities = new Map(input.items.map((i) => [i.itemId, i.quantity]));
  let refund = input.refundAmount ?? null;
  if (refund !== null) {
    const [{ totals }] = await loadOrderViews(ctx, [order.id]);
    if (refund > totals.refundableAmount) throw invalid('Cannot refund more than the original payment');
  }
  const computed = refund === null;
  if (computed) refund = await refundOf(ctx, order, picked, quantities);
  const ret = ctx.em.create(Return, {
    status: ReturnStatus.requested, order, swapId: owner.swapId ?? null, claimOrderId: owner.claimOrderId ?? null,
    locationId: input.locationId ?? null, refundAmount: Math.floor(refund!), noNotification: input.noNotification ?? null,
    idempotencyKey: input.idempotencyKey ?? null, metadata: input.metadata ?? null,
  } as any);
  input.items.forEach((i, n) => ctx.em.create(ReturnItem, {
    returnOrder: ret, item: picked[n], quantity: i.quantity, requestedQuantity: i.quantity, isRequested: true,
    // As Medusa, the item starts with its line's metadata.
    reason: i.reasonId ? reasons.get(i.reasonId)! : null, note: i.note ?? null, metadata: i.metadata ?? picked[n].metadata ?? {},
  } as any));
  if (input.returnShipping?.optionId) {
    const shipping = await addReturnShipping(ctx, order, ret, { ...input.returnShipping, optionId: input.returnShipping.optionId });
    if (computed) ret.refundAmount = refund! - shipping;
  }
  await ctx.em.flush();
  return ret;
}

export interface RequestReturnInput {
  items: ReturnItemInput[];
  returnShipping?: ReturnShippingInput | null;
  note?: string | null;
  receiveNow?: boolean | null;
  noNotification?: boolean | null;
  refund?: number | null;
  locationId?: string | null;
}

/**
 * POST /admin/orders/{id}/return: a return of the order's items (Medusa's handler: a negative
 * refund means none, 0 or none means the computed one), `order.return_requested`, and with
 * `receive_now` the items received at once (as Medusa's handler, without the order's refund
 * and fulfillment status, which only the return's own receipt registers).
 */
export async function requestReturn(ctx: Context, orderId: string, input: RequestReturnInput): Promise<Order> {
  const order = await retrieveOrder(ctx, orderId, true);
  const refundAmount = input.refund !== undefined && input.refund !== null && input.refund < 0 ? 0 : input.refund || null;
  const noNotification = input.noNotification ?? order.noNotification ?? null;
  const ret = await createReturn(ctx, order, {
    items: input.items, returnShipping: input.returnShipping, refundAmount, noNotification, locationId: input.locationId,
    // Medusa's handler keys each request (its idempotency key is kept on the return).
    idempotencyKey: randomUUID(),
  });
  ctx.events.emit('order.return_requested', { id: order.id, return_id: ret.id, no_notification: noNotification });
  if (input.receiveNow) await receiveItems(ctx, order, ret, { items: input.items, refund: input.refund }, false);
  return order;
}

// ---------------------------------------------------------------- receive, cancel

/** Locks the return's order, then the return itself. */
async function lockWithOrder(ctx: Context, id: string): Promise<{ order: Order | null; ret: Return }> {
  const first = await retrieveReturn(ctx, id);
  const order = first.order ? await retrieveOrder(ctx, first.order.id, true) : null;
  return { order, ret: await lockReturn(ctx, id) };
}

/**
 * Receives a return: the items and quantities that arrived (they may differ from those asked:
 * with `allowMismatch` false the return then `requires_action`), the refund (the return's by
 * default) and the location where the items are restocked.
 */
export async function receiveReturn(ctx: Context, returnId: string, input: ReceiveReturnInput, options: { allowMismatch?: boolean } = {}): Promise<Return> {
  const { order, ret } = await lockWithOrder(ctx, returnId);
  await receiveItems(ctx, order, ret, input, options.allowMismatch ?? true);
  // A swap's return is the swap's to register (its own service); an order's or claim's is the order's.
  if (order && !ret.swapId) await registerReceived(ctx, order, ret, input.refund === undefined || input.refund === null ? null : Math.max(0, input.refund));
  return ret;
}

async function receiveItems(ctx: Context, order: Order | null, ret: Return, input: ReceiveReturnInput, allowMismatch: boolean): Promise<void> {
  RETURN_MACHINE.check('receive', ret.status);
  if (!RETURN_MACHINE.can('receiveOnce', ret.status)) throw notAllowed(`Return with id ${ret.id} has already been received`);
  const existing = await ctx.em.find(ReturnItem, { returnOrder: ret }, { populate: ['item'] as never, refresh: true, ...ALL });
  const lines = order ? await candidateLines(ctx, order, { lines: existing.map((e) => e.item) }) : existing.map((e) => e.item);
  const picked = pickLines(lines, input.items);
  const received = input.items.map(({ itemId, quantity }, n) => {
    const found = existing.find((e) => e.item.id === itemId);
    if (found) {
      found.requestedQuantity = found.quantity;
      found.isRequested = quantity === found.quantity;
      found.quantity = quantity;
      found.receivedQuantity = quantity;
      return found;
    }
    return ctx.em.create(ReturnItem, { returnOrder: ret, item: picked[n], quantity, isRequested: false, receivedQuantity: quantity, metadata: {} } as any);
  });
  const matching = received.every((r) => r.isRequested);
  ret.status = matching || allowMismatch ? ReturnStatus.received : ReturnStatus.requires_action;
  if (input.refund !== undefined && input.refund !== null) ret.refundAmount = Math.max(0, input.refund);
  ret.locationId = input.locationId || ret.locationId || null;
  ret.receivedAt = new Date();
  for (const r of received) {
    r.item.returnedQuantity = (r.item.returnedQuantity ?? 0) + r.quantity;
    await restock(ctx, r.item, ret.locationId, r.quantity);
  }
  await ctx.em.flush();
}

/** Received items of a variant with inventory go back into stock at the location. */
async function restock(ctx: Context, line: LineItem, locationId: string | null, quantity: number): Promise<void> {
  if (!line.variant) return;
  // Without a location, an item with inventory has no level to go back to: Medusa's 404 (`location null`).
  for (const { item, required } of await itemsOfVariant(ctx, line.variant.id)) {
    await adjustStockedQuantity(ctx, item.id, locationId as string, required * quantity);
  }
}

/**
 * The order's side of a received return (Medusa's `registerReturnReceived`): a refund above what
 * is refundable puts the order in `requires_action` and refunds nothing; otherwise the refund is
 * made (reason `return`) and the order is `returned` once every line is, else `partially_returned`.
 */
async function registerReceived(ctx: Context, order: Order, ret: Return, customRefund: number | null): Promise<void> {
  RETURN_ORDER_MACHINE.check('receiveReturn', order.status);
  const refund = customRefund ?? ret.refundAmount;
  const [{ totals, items }] = await loadOrderViews(ctx, [order.id]);
  if (refund > totals.refundableAmount) {
    order.fulfillmentStatus = FulfillmentStatus.requires_action;
    await ctx.em.flush();
    ctx.events.emit('order.return_action_required', { id: order.id, return_id: ret.id, no_notification: ret.noNotification });
    return;
  }
  if (refund > 0) await refundPayments(ctx, order, refund, RefundReason.return);
  const full = items.every((i) => (i.returnedQuantity ?? 0) === i.quantity);
  order.fulfillmentStatus = full ? FulfillmentStatus.returned : FulfillmentStatus.partially_returned;
  await ctx.em.flush();
  ctx.events.emit('order.items_returned', { id: order.id, return_id: ret.id, no_notification: ret.noNotification });
}

/** Cancels a return not yet received (again: no change); its items can be returned again. */
export async function cancelReturn(ctx: Context, returnId: string): Promise<Return> {
  const { ret } = await lockWithOrder(ctx, returnId);
  ret.status = RETURN_MACHINE.check('cancel', ret.status).to;
  await ctx.em.flush();
  return ret;
}
