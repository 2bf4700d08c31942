import { EntityName, FilterQuery, LockMode, raw } from '@mikro-orm/core';
import type { Context } from '../context';
import { DraftOrder } from '../entities/draft-orders';
import { GiftCard } from '../entities/gift-cards';
import { PaymentSession, PaymentSessionStatus } from '../entities/payment-collections';
import {
  Cart, Fulfillment, FulfillmentStatus, GiftCardTransaction, LineItem, LineItemAdjustment, LineItemTaxLine, Order, OrderStatus, Payment, PaymentStatus, Refund, RefundReason,
  ShippingMethod, ShippingMethodTaxLine,
} from '../entities/orders';
import { AppError, invalid, notAllowed, notFound } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { StateMachine } from '../lib/state-machine';
import { Customer } from '../entities/customers';
import { Region } from '../entities/regions';
import { ShippingOption } from '../entities/shipping-options';
import type { OrderFilter, UpdateOrderInput } from '../../schema/orders';
import { releaseLineItems } from './reservations';
import { reserveOrderItems } from './order-inventory';
import { Return, ReturnStatus } from '../entities/returns';
import { providerOf } from './payments';
import * as T from '../lib/totals';
import { addressFor, computeCartView, itemsOf, toTotalsItem, totalsDiscount } from './carts';

/**
 * Orders: placed from a cart (a paid draft order), and their totals from the stored tax lines,
 * adjustments, gift card uses, payments and refunds through the one totals engine.
 */

/**
 * The order, locked for the workflows that change it. Medusa words a missing order "Order with
 * id: X" where it reads one and "Order with id X" where its workflows do.
 */
export async function retrieveOrder(ctx: Context, id: string, lock = false, readWording = !lock): Promise<Order> {
  const order = await ctx.em.findOne(Order, { id }, { lockMode: lock ? LockMode.PESSIMISTIC_WRITE : undefined, filters: false });
  if (!order) throw new AppError('not_found', readWording ? `Order with id: ${id} was not found` : `Order with id ${id} was not found`);
  return order;
}

/**
 * Medusa's `createFromCart` followed by `capturePayment`, as its draft-order payment runs them: the
 * cart's tax lines are stored, a payment of the cart's total is made through the `system`
 * provider and captured, gift cards pay what they can (their uses recorded), the lines and
 * shipping methods move to the order, the cart is completed.
 */
export async function placeOrderFromCart(ctx: Context, cart: Cart, draft: DraftOrder | null): Promise<Order> {
  await ctx.em.populate(cart, ['region', 'discounts', 'giftCards', 'customer']);
  // Medusa stores tax lines on every order, also where the region does not compute taxes for carts.
  const forced = await computeCartView(ctx, cart, true);
  const view = await computeCartView(ctx, cart);
  const order = ctx.em.create(Order, {
    paymentStatus: PaymentStatus.awaiting, cart, customer: cart.customer!, email: cart.email!,
    billingAddress: cart.billingAddress ?? null, shippingAddress: cart.shippingAddress ?? null,
    region: cart.region, currency: cart.region.currency, taxRate: null, draftOrderId: draft?.id ?? null,
    noNotification: draft?.noNotificationOrder ?? null, salesChannel: cart.salesChannel ?? null, metadata: cart.metadata ?? {},
  } as any);
  order.discounts.set(cart.discounts.getItems());
  order.giftCards.set(cart.giftCards.getItems());
  await storeTaxLines(ctx, cart, forced);
  useGiftCards(ctx, order, cart.giftCards.getItems(), view.totals.giftCardTotal);
  const now = new Date();
  // Medusa's draft payment: a selected, authorized session of the system provider, then its payment.
  ctx.em.create(PaymentSession, {
    cart, providerId: 'system', isSelected: true, isInitiated: true, status: PaymentSessionStatus.authorized, data: {},
    amount: view.totals.total, paymentAuthorizedAt: now,
  } as any);
  if (view.totals.total !== 0) {
    const payment = ctx.em.create(Payment, {
      cart, order, amount: view.totals.total, currency: cart.region.currency, providerId: 'system', data: {}, capturedAt: now,
    } as any);
    cart.paymentId = payment.id;
  }
  for (const item of await itemsOf(ctx, cart)) item.order = order;
  for (const m of await ctx.em.find(ShippingMethod, { cart })) m.order = order;
  cart.completedAt = now;
  cart.paymentAuthorizedAt = now;
  order.paymentStatus = PaymentStatus.captured;
  await ctx.em.flush();
  await reserveOrderItems(ctx, order, await itemsOf(ctx, cart));
  ctx.events.emit('order.placed', { id: order.id, no_notification: order.noNotification });
  ctx.events.emit('order.payment_captured', { id: order.id, no_notification: order.noNotification });
  return order;
}

async function storeTaxLines(ctx: Context, cart: Cart, view: Awaited<ReturnType<typeof computeCartView>>): Promise<void> {
  for (const item of await itemsOf(ctx, cart)) {
    for (const line of view.itemTaxLines.get(item.id) ?? []) {
      ctx.em.create(LineItemTaxLine, { item, rate: line.rate, name: line.name ?? 'default', code: line.code ?? null } as any);
    }
  }
  for (const m of await ctx.em.find(ShippingMethod, { cart })) {
    for (const line of view.methodTaxLines.get(m.id) ?? []) {
      ctx.em.create(ShippingMethodTaxLine, { shippingMethod: m, rate: line.rate, name: line.name ?? 'default', code: line.code ?? null } as any);
    }
  }
}

/**
 * Gift cards pay the order's gift card total, the card ending first (then the smallest) first;
 * a card emptied is disabled; each use is recorded with the card's tax rate.
 */
function useGiftCards(ctx: Context, order: Order, cards: GiftCard[], amount: number): void {
  let left = amount;
  const far = new Date(2100, 1, 1).getTime();
  const ordered = [...cards].sort((a, b) => (a.endsAt?.getTime() ?? far) - (b.endsAt?.getTime() ?? far) || a.balance - b.balance);
  for (const card of ordered) {
    if (left <= 0) break;
    const balance = Math.max(0, card.balance - left);
    const used = card.balance - balance;
    card.balance = balance;
    card.isDisabled = balance === 0;
    ctx.em.create(GiftCardTransaction, { giftCard: card, order, amount: used, isTaxable: !!card.taxRate, taxRate: card.taxRate ?? null } as any);
    left -= used;
  }
}

// ---------------------------------------------------------------- totals

/**
 * Orders keep what they were made of: a region, variant, discount or shipping option deleted
 * later must not hide them, as MikroORM's soft-delete filters on joined references would.
 */
export const ALL = { filters: false } as const;

/** The rows of `entity` whose `fk` is `parentId`, batched per request, never hidden by soft-delete filters. */
export function childrenOf<T extends object>(ctx: Context, entity: EntityName<T>, fk: string, parentId: string): Promise<T[]> {
  const name = String((entity as { name?: string }).name);
  return ctx.loaders.load<string, T[]>(`orders:children:${name}:${fk}`, async (ids) => {
    const rows = await ctx.em.find(entity, { [fk]: { $in: [...ids] } } as FilterQuery<T>, { orderBy: { [primaryOrder(ctx, entity)]: 'asc' } as never, ...ALL });
    return ids.map((id) => rows.filter((r) => refId((r as Record<string, unknown>)[fk]) === id));
  }, parentId);
}

function primaryOrder(ctx: Context, entity: EntityName<any>): string {
  const meta = ctx.em.getMetadata().get(entity as never);
  return meta.properties.createdAt ? 'createdAt' : meta.primaryKeys[0];
}

const refId = (ref: unknown) => (typeof ref === 'object' && ref !== null ? (ref as { id: string }).id : ref);

/** `input` is what the totals were computed from (an order edit computes its own lines against the rest of it). */
export interface OrderView { totals: T.OrderTotals; items: LineItem[]; methods: ShippingMethod[]; input: T.OrderInput }

/**
 * The totals of a page of orders, with a fixed number of queries whatever the page size: lines
 * (with tax lines and adjustments), shipping methods (with tax lines), discounts, gift cards and
 * their uses, payments and refunds, each loaded once for all the orders asked in the same tick.
 */
export function orderView(ctx: Context, orderId: string): Promise<OrderView> {
  return ctx.loaders.load<string, OrderView>('orders:order-view', (ids) => loadOrderViews(ctx, [...ids]), orderId);
}

/** The views of `list`, read now (workflows that write use this, so the request's cached view stays unread until answered). */
export async function loadOrderViews(ctx: Context, list: string[]): Promise<OrderView[]> {
  const [orders, items, methods, uses, payments, refunds] = await Promise.all([
    ctx.em.find(Order, { id: { $in: list } }, ALL).then((os) => ctx.em.populate(os, ['region', 'discounts.rule', 'giftCards'] as never, { ...ALL, refresh: false })),
    ctx.em.find(LineItem, { order: { $in: list } }, { orderBy: { createdAt: 'asc', id: 'asc' }, ...ALL }),
    ctx.em.find(ShippingMethod, { order: { $in: list } }, { orderBy: { createdAt: 'asc', id: 'asc' }, ...ALL }),
    ctx.em.find(GiftCardTransaction, { order: { $in: list } }, { populate: ['giftCard'], ...ALL }),
    ctx.em.find(Payment, { order: { $in: list } }, ALL),
    ctx.em.find(Refund, { order: { $in: list } }, ALL),
  ]);
  const itemIds = items.map((i) => i.id);
  const methodIds = methods.map((m) => m.id);
  const [itemLines, adjustments, methodLines] = await Promise.all([
    ctx.em.find(LineItemTaxLine, { item: { $in: itemIds } }, ALL),
    ctx.em.find(LineItemAdjustment, { item: { $in: itemIds } }, ALL),
    ctx.em.find(ShippingMethodTaxLine, { shippingMethod: { $in: methodIds } }, ALL),
  ]);
  const linesOf = (id: string) => itemLines.filter((l) => l.item.id === id).map((l) => ({ rate: l.rate, name: l.name, code: l.code }));
  const byId = new Map(orders.map((o) => [o.id, o]));
  const of = <R extends { order?: { id: string } | null }>(rows: R[], id: string) => rows.filter((r) => r.order?.id === id);
  return list.map((id) => {
    const order = byId.get(id);
    if (!order) throw notFound('Order', id);
    const its = of(items, id);
    const ms = of(methods, id);
    const input: T.OrderInput = {
      items: its.map((i) => toTotalsItem(i, linesOf(i.id), adjustments.filter((a) => a.item.id === i.id))),
      shippingMethods: ms.map((m) => ({
        id: m.id, price: m.price, includesTax: m.includesTax,
        taxLines: methodLines.filter((l) => l.shippingMethod.id === m.id).map((l) => ({ rate: l.rate })),
      })),
      discounts: order.discounts.getItems().filter((d) => d.rule).map(totalsDiscount),
      giftCards: order.giftCards.getItems().map((g) => ({ balance: g.balance, taxRate: g.taxRate ?? null })),
      giftCardUses: of(uses, id).map((u) => ({ amount: u.amount, taxRate: u.taxRate ?? null, isTaxable: u.isTaxable ?? null, giftCardTaxRate: u.giftCard.taxRate ?? null })),
      payments: of(payments, id).map((p) => ({ amount: p.amount })),
      refunds: of(refunds, id).map((r) => ({ amount: r.amount })),
      region: { taxRate: order.region.taxRate, giftCardsTaxable: order.region.giftCardsTaxable },
    };
    return { totals: T.orderTotals(input), items: its, methods: ms, input };
  });
}


// ---------------------------------------------------------------- lifecycle

/**
 * What may happen to an order in each `status`, with Medusa's refusals: one table that returns,
 * swaps, claims and edits extend. Guards keep the status; the others move it.
 */
export const ORDER_MACHINE = new StateMachine<OrderStatus, 'capture' | 'fulfill' | 'ship' | 'refund' | 'cancel' | 'archive' | 'complete' | 'update' | 'addShippingMethod'>('order', {
  capture: { except: [OrderStatus.canceled], refusal: 'A canceled order cannot capture payment' },
  fulfill: { except: [OrderStatus.canceled], refusal: 'A canceled order cannot be fulfilled' },
  ship: { except: [OrderStatus.canceled], refusal: 'A canceled order cannot be fulfilled as shipped' },
  refund: { except: [OrderStatus.canceled], refusal: 'A canceled order cannot be refunded' },
  cancel: { except: [OrderStatus.canceled], to: OrderStatus.canceled, refusal: 'A canceled order cannot be canceled', repeated: [OrderStatus.canceled] },
  archive: { from: [OrderStatus.completed], to: OrderStatus.archived, refusal: 'Can\'t archive an unprocessed order' },
  complete: { except: [OrderStatus.canceled], to: OrderStatus.completed, refusal: 'A canceled order cannot be completed' },
  update: { except: [OrderStatus.canceled], refusal: 'A canceled order cannot be updated' },
  addShippingMethod: { except: [OrderStatus.canceled], refusal: 'A shipping method cannot be added to a canceled order' },
});

const LIST: ListSpec = { orderable: ['createdAt', 'updatedAt', 'displayId', 'canceledAt', 'status', 'paymentStatus', 'fulfillmentStatus', 'email'] };

/**
 * Medusa's order list: its filters, and `q` over the shipping address's first name, the email,
 * the display id and the customer's names and phone (orders without a shipping address never match).
 */
export function listOrders(ctx: Context, filter: OrderFilter | undefined, args: PageArgs) {
  const { displayId, taxRate, regionId, customerId, cartId, currencyCode, salesChannelId, ...rest } = filter ?? {};
  checkEnum('status', rest.status, OrderStatus);
  checkEnum('fulfillment_status', rest.fulfillmentStatus, FulfillmentStatus);
  checkEnum('payment_status', rest.paymentStatus, PaymentStatus);
  // The filters named after foreign keys are conditions on the relations.
  const where: Record<string, unknown>[] = [whereOf({ ...rest, region: regionId, customer: customerId, cart: cartId, currency: currencyCode, salesChannel: salesChannelId })];
  if (displayId !== undefined) where.push({ displayId: /^\d+$/.test(displayId) ? Number(displayId) : -1 });
  if (taxRate !== undefined) where.push({ taxRate: Number.isFinite(Number(taxRate)) ? Number(taxRate) : -1 });
  if (args.q) {
    const pattern = `%${args.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push({ shippingAddress: { $ne: null } }, {
      $or: [
        { shippingAddress: { firstName: { $ilike: pattern } } }, { email: { $ilike: pattern } },
        { [raw('cast(display_id as text)')]: { $ilike: pattern } },
        { customer: { firstName: { $ilike: pattern } } }, { customer: { lastName: { $ilike: pattern } } }, { customer: { phone: { $ilike: pattern } } },
      ],
    });
  }
  return findPage(ctx, Order, { $and: where }, { ...args, q: undefined }, LIST, { filters: false });
}

/** Medusa's words for a status filter value outside its enum. */
export function checkEnum(key: string, values: string[] | undefined, enumType: Record<string, string>): void {
  const allowed = Object.values(enumType);
  if (values?.some((v) => !allowed.includes(v))) throw invalid(`each value in ${key} must be one of the following values: ${allowed.join(', ')}`);
}

/** Email, customer, addresses and notification changes, refused once the order is canceled. */
export async function updateOrder(ctx: Context, id: string, input: UpdateOrderInput): Promise<Order> {
  const order = await retrieveOrder(ctx, id, true);
  ORDER_MACHINE.check('update', order.status);
  if (input.email) order.email = input.email.toLowerCase();
  if (input.customerId) order.customer = await ctx.em.findOneOrFail(Customer, { id: input.customerId }, { failHandler: () => notFound('Customer', input.customerId!) });
  // As in Medusa, only `true` is taken (false leaves the setting).
  if (input.noNotification) order.noNotification = input.noNotification;
  const countries = (await ctx.em.findOneOrFail(Region, { id: order.region.id }, { populate: ['countries'] })).countries.getItems().map((c) => c.iso2);
  if (input.shippingAddress) order.shippingAddress = await addressFor(ctx, input.shippingAddress, countries, 'Shipping');
  if (input.billingAddress) order.billingAddress = await addressFor(ctx, input.billingAddress, countries, 'Billing');
  await ctx.em.flush();
  ctx.events.emit('order.updated', { id: order.id, no_notification: order.noNotification });
  return order;
}

export async function archiveOrder(ctx: Context, id: string): Promise<Order> {
  const order = await retrieveOrder(ctx, id, true);
  order.status = ORDER_MACHINE.check('archive', order.status).to;
  await ctx.em.flush();
  return order;
}

export async function completeOrder(ctx: Context, id: string): Promise<Order> {
  const order = await retrieveOrder(ctx, id, true);
  order.status = ORDER_MACHINE.check('complete', order.status).to;
  await ctx.em.flush();
  ctx.events.emit('order.completed', { id: order.id, no_notification: order.noNotification });
  return order;
}

/** Captures the order's uncaptured payments; the order is `captured` once all are. */
export async function captureOrderPayment(ctx: Context, id: string): Promise<Order> {
  const order = await retrieveOrder(ctx, id, true);
  ORDER_MACHINE.check('capture', order.status);
  const payments = await ctx.em.find(Payment, { order }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const now = new Date();
  for (const p of payments) if (!p.capturedAt) p.capturedAt = now;
  order.paymentStatus = PaymentStatus.captured;
  await ctx.em.flush();
  ctx.events.emit('order.payment_captured', { id: order.id, no_notification: order.noNotification });
  return order;
}

/**
 * Cancels an order without refunds whose fulfillments are all canceled: its payments are
 * canceled, its reservations released. A canceled order is left as it is (Medusa answers 200).
 */
export async function cancelOrder(ctx: Context, id: string): Promise<Order> {
  const order = await retrieveOrder(ctx, id, true);
  const move = ORDER_MACHINE.check('cancel', order.status);
  if (!move.changed) return order;
  if (await ctx.em.count(Refund, { order })) throw notAllowed('Order with refund(s) cannot be canceled');
  if (await ctx.em.count(Fulfillment, { order, canceledAt: null })) throw notAllowed('All fulfillments must be canceled before canceling an order');
  if (await ctx.em.count(Return, { order, status: { $ne: ReturnStatus.canceled } })) throw notAllowed('All returns must be canceled before canceling an order');
  const now = new Date();
  for (const p of await ctx.em.find(Payment, { order })) p.canceledAt = now;
  await releaseLineItems(ctx, (await ctx.em.find(LineItem, { order }, { fields: ['id'] })).map((i) => i.id));
  order.status = move.to;
  order.fulfillmentStatus = FulfillmentStatus.canceled;
  order.paymentStatus = PaymentStatus.canceled;
  order.canceledAt = now;
  await ctx.em.flush();
  ctx.events.emit('order.canceled', { id: order.id, no_notification: order.noNotification });
  return order;
}

export interface OrderRefundInput { amount: number; reason: RefundReason; note?: string | null; noNotification?: boolean | null }

/**
 * Refunds up to the order's refundable amount (paid less refunded) across its captured payments,
 * under the order row's lock and then the payments' (as the payment refund locks them), so two
 * refunds cannot both pass the check. One refund row is recorded on the order; the payment status
 * becomes `refunded` once everything paid is refunded, else `partially_refunded`.
 */
export async function refundOrder(ctx: Context, id: string, input: OrderRefundInput): Promise<Order> {
  // Medusa's refund reads the order (with its totals) first, hence the reading wording.
  const order = await retrieveOrder(ctx, id, true, true);
  ORDER_MACHINE.check('refund', order.status);
  const [{ totals }] = await loadOrderViews(ctx, [order.id]);
  if (input.amount > totals.refundableAmount) throw notAllowed('Cannot refund more than the original order amount');
  const refund = await refundPayments(ctx, order, input.amount, input.reason, input.note ?? null);
  const refunded = totals.refundedTotal + input.amount;
  if (totals.paidTotal > 0 && refunded >= totals.paidTotal) order.paymentStatus = PaymentStatus.refunded;
  else if (refunded > 0) order.paymentStatus = PaymentStatus.partially_refunded;
  await ctx.em.flush();
  ctx.events.emit('order.refund_created', { id: order.id, refund_id: refund.id, no_notification: input.noNotification ?? order.noNotification });
  return order;
}

/**
 * Gives `amount` back across the order's captured payments (oldest first, under their row locks)
 * and records one refund of the order with its reason; no status changes (Medusa's payment
 * provider refund, which order refunds and received returns both use). The order is locked by the caller.
 */
export async function refundPayments(ctx: Context, order: Order, amount: number, reason: RefundReason, note: string | null = null): Promise<Refund> {
  const payments = await ctx.em.find(Payment, { order, capturedAt: { $ne: null } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { createdAt: 'asc', id: 'asc' } });
  if (amount > payments.reduce((sum, p) => sum + p.amount - p.amountRefunded, 0)) throw notAllowed('Refund amount is too high');
  let left = amount;
  for (const payment of payments) {
    const part = Math.min(left, payment.amount - payment.amountRefunded);
    if (part <= 0) continue;
    payment.data = await providerOf(payment).refund(payment, part);
    payment.amountRefunded += part;
    left -= part;
  }
  return ctx.em.create(Refund, { order, payment: null, amount, reason, note } as any);
}

export interface AddShippingMethodInput { optionId: string; price: number; data?: Record<string, unknown> | null }

/**
 * Adds a shipping method at the given price; a method of the same shipping profile is replaced
 * (Medusa deletes it). Refused on a canceled order.
 */
export async function addOrderShippingMethod(ctx: Context, id: string, input: AddShippingMethodInput): Promise<Order> {
  const order = await retrieveOrder(ctx, id, true);
  ORDER_MACHINE.check('addShippingMethod', order.status);
  const option = await ctx.em.findOne(ShippingOption, { id: input.optionId });
  if (!option) throw new AppError('not_found', `Shipping Option with ${input.optionId} was not found`);
  for (const m of await ctx.em.find(ShippingMethod, { order }, { populate: ['shippingOption'] as never, filters: false })) {
    if (m.shippingOption.profile.id === option.profile.id) ctx.em.remove(m);
  }
  ctx.em.create(ShippingMethod, { order, shippingOption: option, price: input.price, data: input.data ?? {}, includesTax: option.includesTax } as any);
  await ctx.em.flush();
  ctx.events.emit('order.updated', { id: order.id, no_notification: order.noNotification });
  return order;
}
