import { LockMode } from '@mikro-orm/core';
import type { Context } from '../context';
import { Cart, CartType, Fulfillment, LineItem, LineItemAdjustment, LineItemTaxLine, Order, Payment, PaymentStatus, FulfillmentStatus, RefundReason, ShippingMethod } from '../entities/orders';
import { Return, ReturnItem, ReturnStatus } from '../entities/returns';
import { ShippingOption } from '../entities/shipping-options';
import { CustomShippingOption, Swap, SwapFulfillmentStatus, SwapPaymentStatus } from '../entities/swaps';
import { AppError, invalid, notAllowed } from '../lib/errors';
import { findPage, ListSpec, PageArgs } from '../lib/list';
import { StateMachine } from '../lib/state-machine';
import { AdditionalItemInput, linesOfOrderFamily, newLines } from './claims';
import { cancelUnshipped, fulfillLines, shipFulfillment } from './fulfillments';
import { takeFromStock } from './order-inventory';
import { ALL, refundPayments, retrieveOrder } from './orders';
import { providerOf } from './payments';
import { releaseLineItems } from './reservations';
import { createReturn, ReturnItemInput, ReturnShippingInput } from './returns';
import { orderedId } from './variants';

/**
 * Swaps, as Medusa v1's swap service: returned items of an order exchanged for new ones. The admin
 * creates the swap (its return and a cart of type `swap` holding the new lines, the return lines
 * and the return shipping); the customer confirms it by completing that cart in the Store API,
 * which Aegis does not serve. Until then the swap has no shipping methods, so it cannot be
 * fulfilled, and no payment can be processed: both are refused in Medusa's words. Every workflow
 * locks the order row first.
 */

export interface CustomShippingOptionInput { optionId: string; price: number }
export interface CreateSwapInput {
  returnItems: ReturnItemInput[]; returnShipping?: ReturnShippingInput | null; salesChannelId?: string | null;
  additionalItems?: AdditionalItemInput[] | null; customShippingOptions?: CustomShippingOptionInput[] | null;
  noNotification?: boolean | null; returnLocationId?: string | null; allowBackorder?: boolean | null;
}
export interface SwapFulfillInput { metadata?: Record<string, unknown> | null; noNotification?: boolean | null; locationId?: string | null }
export interface SwapShipInput { fulfillmentId: string; trackingNumbers?: string[] | null; noNotification?: boolean | null }

// ---------------------------------------------------------------- lifecycle

/** A swap's state for the transition table: its fulfillment status, or `closed` once the swap is canceled. */
export type SwapState = SwapFulfillmentStatus | 'closed';
export const swapState = (swap: Swap): SwapState => (swap.canceledAt ? 'closed' : swap.fulfillmentStatus);

/** What may happen to a swap in each state, with Medusa's refusals. */
export const SWAP_MACHINE = new StateMachine<SwapState, 'fulfill' | 'fulfillLines' | 'ship' | 'processPayment' | 'cancel'>('swap', {
  fulfill: { except: ['closed'], refusal: 'Canceled swap cannot be fulfilled' },
  fulfillLines: { from: [SwapFulfillmentStatus.not_fulfilled, SwapFulfillmentStatus.canceled], refusal: 'The swap was already fulfilled' },
  ship: { except: ['closed'], refusal: 'Canceled swap cannot be fulfilled as shipped' },
  processPayment: { except: ['closed'], refusal: 'Canceled swap cannot be processed' },
  cancel: { except: ['closed'], to: 'closed', refusal: 'Swap cannot be canceled', repeated: ['closed'] },
});

/** Payment states in which money went back to the customer: such a swap is not canceled. */
const REFUNDED = [SwapPaymentStatus.difference_refunded, SwapPaymentStatus.partially_refunded, SwapPaymentStatus.refunded];

// ---------------------------------------------------------------- reading

const LIST: ListSpec = { orderable: ['createdAt'] };

/** Medusa's swap list: newest first, no filters. */
export function listSwaps(ctx: Context, args: PageArgs) {
  return findPage(ctx, Swap, {}, args, LIST);
}

export async function retrieveSwap(ctx: Context, id: string): Promise<Swap> {
  const swap = await ctx.em.findOne(Swap, { id });
  if (!swap) throw new AppError('not_found', 'Swap was not found');
  return swap;
}

/** The swap, which must be the order's, locked after the order. */
async function swapOfOrder(ctx: Context, order: Order, swapId: string): Promise<Swap> {
  const swap = await ctx.em.findOne(Swap, { id: swapId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!swap) throw new AppError('not_found', 'Swap was not found');
  if (swap.order.id !== order.id) throw new AppError('not_found', `no swap was found with the id: ${swapId} related to order: ${order.id}`);
  return swap;
}

// ---------------------------------------------------------------- creating

/**
 * Creates a swap on the order (locked first), as Medusa's admin route does: the swap with its new
 * lines, the return of the returned items (through the returns domain), then the swap's cart for
 * the customer to complete. `difference_due` stays unknown until then (Medusa sets it from the
 * completed cart's total).
 */
export async function createSwap(ctx: Context, orderId: string, input: CreateSwapInput): Promise<Order> {
  const order = await retrieveOrder(ctx, orderId, true);
  if (order.paymentStatus !== PaymentStatus.captured) throw notAllowed('Cannot swap an order that has not been captured');
  if (order.fulfillmentStatus === FulfillmentStatus.not_fulfilled) throw notAllowed('Cannot swap an order that has not been fulfilled');
  if (!input.returnItems.length) throw invalid('return_items should not be empty');
  if (order.canceledAt) throw invalid('Cannot create a swap on a canceled item.');
  for (const ai of input.additionalItems ?? []) if (!Number.isInteger(ai.quantity) || ai.quantity < 1) throw invalid('quantity must be a positive integer');
  const noNotification = input.noNotification ?? order.noNotification ?? null;
  const swap = ctx.em.create(Swap, {
    order, fulfillmentStatus: SwapFulfillmentStatus.not_fulfilled, paymentStatus: SwapPaymentStatus.not_paid,
    noNotification, allowBackorder: input.allowBackorder ?? true,
  } as any);
  const added = await newLines(ctx, order, input.additionalItems ?? [], { swapId: swap.id });
  await ctx.em.flush();
  const lines = await linesOfOrderFamily(ctx, order);
  for (const { itemId } of input.returnItems) {
    if (!lines.some((l) => l.id === itemId)) throw new AppError('not_found', `Line item with ${itemId} was not found`);
  }
  const ret = await createReturn(ctx, order, {
    items: input.returnItems, returnShipping: input.returnShipping, noNotification, locationId: input.returnLocationId ?? null,
  }, { swapId: swap.id, lines });
  ctx.events.emit('swap.created', { id: swap.id, no_notification: noNotification });
  await createSwapCart(ctx, order, swap, ret, added, input);
  return order;
}

/**
 * Medusa's swap cart: the order's customer, addresses, region and discounts (not free shipping),
 * the custom shipping prices, the new lines, a `Return shipping` line for the return's shipping
 * and one return line (negative price, the original's tax lines) per returned item.
 */
async function createSwapCart(ctx: Context, order: Order, swap: Swap, ret: Return, added: LineItem[], input: CreateSwapInput): Promise<void> {
  await ctx.em.populate(order, ['discounts.rule'] as never, ALL);
  const cart = ctx.em.create(Cart, {
    type: CartType.swap, email: order.email, billingAddress: order.billingAddress ?? null, shippingAddress: order.shippingAddress ?? null,
    region: order.region, customer: order.customer, salesChannel: input.salesChannelId ?? order.salesChannel?.id ?? null,
    context: {}, metadata: { swap_id: swap.id, parent_order_id: order.id },
  } as any);
  cart.discounts.set(order.discounts.getItems().filter((d) => d.rule?.type !== 'free_shipping'));
  for (const o of input.customShippingOptions ?? []) {
    const option = await ctx.em.findOne(ShippingOption, { id: o.optionId });
    if (!option) throw new AppError('not_found', `Shipping Option with ${o.optionId} was not found`);
    ctx.em.create(CustomShippingOption, { cart, shippingOption: option, price: o.price, metadata: null } as any);
  }
  for (const line of added) line.cart = cart;
  const method = await ctx.em.findOne(ShippingMethod, { returnId: ret.id }, { populate: ['taxLines'] as never, ...ALL });
  if (method) {
    const line = ctx.em.create(LineItem, {
      id: orderedId('item'), cart, title: 'Return shipping', quantity: 1, hasShipping: true, allowDiscounts: false, unitPrice: method.price,
      isReturn: true, metadata: {},
    } as any);
    for (const t of method.taxLines.getItems()) ctx.em.create(LineItemTaxLine, { item: line, rate: t.rate, name: t.name, code: t.code ?? null } as any);
  }
  await addReturnLines(ctx, ret, cart);
  swap.cart = cart;
  await ctx.em.flush();
}

/** One cart line per returned item: the original line at the opposite price, with its tax lines and opposite adjustments. */
async function addReturnLines(ctx: Context, ret: Return, cart: Cart): Promise<void> {
  const returned = await ctx.em.find(ReturnItem, { returnOrder: ret }, { populate: ['item'] as never, ...ALL });
  const ids = returned.map((r) => r.item.id);
  const [taxLines, adjustments] = await Promise.all([
    ctx.em.find(LineItemTaxLine, { item: { $in: ids } }, ALL),
    ctx.em.find(LineItemAdjustment, { item: { $in: ids } }, ALL),
  ]);
  for (const { item, quantity } of returned) {
    const line = ctx.em.create(LineItem, {
      id: orderedId('item'), cart, thumbnail: item.thumbnail ?? null, isReturn: true, title: item.title, variant: item.variant ?? null,
      unitPrice: -1 * item.unitPrice, quantity, allowDiscounts: item.allowDiscounts, includesTax: item.includesTax, metadata: item.metadata ?? {},
    } as any);
    for (const t of taxLines.filter((x) => x.item.id === item.id)) ctx.em.create(LineItemTaxLine, { item: line, rate: t.rate, name: t.name, code: t.code ?? null } as any);
    for (const a of adjustments.filter((x) => x.item.id === item.id)) {
      ctx.em.create(LineItemAdjustment, { item: line, amount: -1 * a.amount, description: a.description, discount: a.discount ?? null, metadata: a.metadata ?? null } as any);
    }
  }
}

// ---------------------------------------------------------------- changing

/**
 * Cancels a swap: refused once money went back, while a fulfillment is not canceled or its return
 * is not canceled; its payment is canceled. A canceled swap is left as it is (200).
 */
export async function cancelSwap(ctx: Context, orderId: string, swapId: string): Promise<Order> {
  const order = await retrieveOrder(ctx, orderId, true);
  const swap = await swapOfOrder(ctx, order, swapId);
  const move = SWAP_MACHINE.check('cancel', swapState(swap));
  if (!move.changed) return order;
  if (REFUNDED.includes(swap.paymentStatus)) throw notAllowed('Swap with a refund cannot be canceled');
  if (await ctx.em.count(Fulfillment, { swapId: swap.id, canceledAt: null })) throw notAllowed('All fulfillments must be canceled before the swap can be canceled');
  if (await ctx.em.count(Return, { swapId: swap.id, status: { $ne: ReturnStatus.canceled } })) throw notAllowed('Return must be canceled before the swap can be canceled');
  swap.paymentStatus = SwapPaymentStatus.canceled;
  swap.fulfillmentStatus = SwapFulfillmentStatus.canceled;
  swap.canceledAt = new Date();
  const payment = await ctx.em.findOne(Payment, { swapId: swap.id });
  if (payment) payment.canceledAt = new Date();
  await releaseLineItems(ctx, (await ctx.em.find(LineItem, { swapId: swap.id }, { fields: ['id'], ...ALL })).map((l) => l.id));
  await ctx.em.flush();
  return order;
}

/**
 * Fulfils the swap's new lines through the shipping methods the customer chose when confirming it;
 * an unconfirmed swap has none, and is refused as Medusa refuses it.
 */
export async function fulfillSwap(ctx: Context, orderId: string, swapId: string, input: SwapFulfillInput): Promise<Order> {
  const order = await retrieveOrder(ctx, orderId, true);
  const swap = await swapOfOrder(ctx, order, swapId);
  SWAP_MACHINE.check('fulfill', swapState(swap));
  SWAP_MACHINE.check('fulfillLines', swapState(swap));
  const methods = await ctx.em.find(ShippingMethod, { swapId: swap.id }, { orderBy: { createdAt: 'asc', id: 'asc' }, ...ALL });
  if (!methods.length) throw notAllowed('Cannot fulfill an swap that doesn\'t have shipping methods');
  const lines = await ctx.em.find(LineItem, { swapId: swap.id }, { orderBy: { createdAt: 'asc', id: 'asc' }, ...ALL });
  const picked = lines.map((line) => ({ line, quantity: line.quantity - (line.fulfilledQuantity ?? 0) })).filter((p) => p.quantity > 0);
  const made = await fulfillLines(ctx, { swapId: swap.id }, methods, picked, input);
  // As Medusa's route does with a location: the lines' stock is taken there (and their reservations consumed).
  if (input.locationId) await takeFromStock(ctx, picked, input.locationId);
  swap.fulfillmentStatus = lines.every((l) => l.quantity === (l.fulfilledQuantity ?? 0)) ? SwapFulfillmentStatus.fulfilled : SwapFulfillmentStatus.requires_action;
  await ctx.em.flush();
  const noNotification = input.noNotification ?? swap.noNotification;
  for (const f of made) ctx.events.emit('swap.fulfillment_created', { id: swap.id, fulfillment_id: f.id, no_notification: noNotification });
  return order;
}

/** The swap's own fulfillment (another's is a 404: Medusa's shipment would ship any fulfillment). */
async function swapFulfillment(ctx: Context, swap: Swap, fulfillmentId: string): Promise<Fulfillment> {
  const fulfillment = await ctx.em.findOne(Fulfillment, { id: fulfillmentId }, ALL);
  if (!fulfillment) throw new AppError('not_found', `Fulfillment with id: ${fulfillmentId} was not found`);
  if (fulfillment.swapId !== swap.id) throw new AppError('not_found', `no fulfillment was found with the id: ${fulfillmentId} related to swap: ${swap.id}`);
  return fulfillment;
}

/** Cancels an unshipped fulfillment of the swap; the swap's fulfillment status is `canceled`. */
export async function cancelSwapFulfillment(ctx: Context, orderId: string, swapId: string, fulfillmentId: string): Promise<Order> {
  const order = await retrieveOrder(ctx, orderId, true);
  const swap = await swapOfOrder(ctx, order, swapId);
  const fulfillment = await swapFulfillment(ctx, swap, fulfillmentId);
  if (!(await cancelUnshipped(ctx, fulfillment))) return order;
  swap.fulfillmentStatus = SwapFulfillmentStatus.canceled;
  await ctx.em.flush();
  return order;
}

/** Ships a fulfillment of the swap: `shipped` once every new line is shipped whole, else `partially_shipped`. */
export async function shipSwap(ctx: Context, orderId: string, swapId: string, input: SwapShipInput): Promise<Order> {
  const order = await retrieveOrder(ctx, orderId, true);
  const swap = await swapOfOrder(ctx, order, swapId);
  SWAP_MACHINE.check('ship', swapState(swap));
  const fulfillment = await swapFulfillment(ctx, swap, input.fulfillmentId);
  const noNotification = input.noNotification ?? swap.noNotification ?? null;
  await shipFulfillment(ctx, fulfillment, { trackingNumbers: input.trackingNumbers, noNotification });
  const lines = await ctx.em.find(LineItem, { swapId: swap.id }, ALL);
  swap.fulfillmentStatus = lines.every((l) => l.quantity === (l.shippedQuantity ?? 0)) ? SwapFulfillmentStatus.shipped : SwapFulfillmentStatus.partially_shipped;
  await ctx.em.flush();
  ctx.events.emit('swap.shipment_created', { id: swap.id, fulfillment_id: fulfillment.id, no_notification: swap.noNotification });
  return order;
}

/**
 * Settles a confirmed swap's difference (Medusa's `processDifference`): a negative difference is
 * refunded on the order's payments (reason `swap`), zero needs nothing, a positive one captures the
 * swap's payment. An unconfirmed swap is refused in Medusa's words; in Aegis every swap is
 * unconfirmed, since confirmation is the customer's cart completion in the Store API.
 */
export async function processSwapPayment(ctx: Context, orderId: string, swapId: string): Promise<Order> {
  const order = await retrieveOrder(ctx, orderId, true);
  const swap = await swapOfOrder(ctx, order, swapId);
  SWAP_MACHINE.check('processPayment', swapState(swap));
  if (!swap.confirmedAt) throw notAllowed('Cannot process a swap that hasn\'t been confirmed by the customer');
  const due = swap.differenceDue ?? 0;
  if (due <= 0) {
    if (swap.paymentStatus === SwapPaymentStatus.difference_refunded) return order;
    if (due < 0) await refundPayments(ctx, order, -due, RefundReason.swap);
    swap.paymentStatus = SwapPaymentStatus.difference_refunded;
    await ctx.em.flush();
    ctx.events.emit('swap.refund_processed', { id: swap.id, no_notification: swap.noNotification });
    return order;
  }
  if (swap.paymentStatus === SwapPaymentStatus.captured) return order;
  const payment = await ctx.em.findOne(Payment, { swapId: swap.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!payment) throw notAllowed('The swap has no payment to capture');
  payment.data = await providerOf(payment).capture(payment);
  payment.capturedAt = new Date();
  swap.paymentStatus = SwapPaymentStatus.captured;
  await ctx.em.flush();
  ctx.events.emit('swap.payment_captured', { id: swap.id, no_notification: swap.noNotification });
  return order;
}
