import { LockMode } from '@mikro-orm/core';
import type { Context } from '../context';
import { DraftOrder } from '../entities/draft-orders';
import { GiftCard } from '../entities/gift-cards';
import { PaymentSession, PaymentSessionStatus } from '../entities/payment-collections';
import {
  Cart, GiftCardTransaction, LineItem, LineItemTaxLine, Order, OrderStatus, Payment, PaymentStatus, Refund,
  ShippingMethod, ShippingMethodTaxLine,
} from '../entities/orders';
import { AppError, notFound } from '../lib/errors';
import * as T from '../lib/totals';
import { computeCartView, itemsOf, toTotalsItem, totalsDiscount } from './carts';

/**
 * Orders: placed from a cart (a paid draft order), and their totals from the stored tax lines,
 * adjustments, gift card uses, payments and refunds through the one totals engine.
 */

export async function retrieveOrder(ctx: Context, id: string, lock = false): Promise<Order> {
  const order = await ctx.em.findOne(Order, { id }, { lockMode: lock ? LockMode.PESSIMISTIC_WRITE : undefined });
  if (!order) throw new AppError('not_found', `Order with ${id} was not found`);
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

export interface OrderView { totals: T.OrderTotals; items: LineItem[]; methods: ShippingMethod[] }

/**
 * The totals of a page of orders, with a fixed number of queries whatever the page size: lines
 * (with tax lines and adjustments), shipping methods (with tax lines), discounts, gift cards and
 * their uses, payments and refunds, each loaded once for all the orders asked in the same tick.
 */
export function orderView(ctx: Context, orderId: string): Promise<OrderView> {
  return ctx.loaders.load<string, OrderView>('orders:order-view', async (ids) => {
    const list = [...ids];
    const [orders, items, methods, uses, payments, refunds] = await Promise.all([
      ctx.em.find(Order, { id: { $in: list } }, { populate: ['region', 'discounts.rule', 'giftCards'] }),
      ctx.em.find(LineItem, { order: { $in: list } }, { populate: ['taxLines', 'adjustments'], orderBy: { createdAt: 'asc', id: 'asc' } }),
      ctx.em.find(ShippingMethod, { order: { $in: list } }, { populate: ['taxLines'], orderBy: { createdAt: 'asc', id: 'asc' } }),
      ctx.em.find(GiftCardTransaction, { order: { $in: list } }, { populate: ['giftCard'] }),
      ctx.em.find(Payment, { order: { $in: list } }),
      ctx.em.find(Refund, { order: { $in: list } }),
    ]);
    const byId = new Map(orders.map((o) => [o.id, o]));
    const of = <R extends { order?: { id: string } | null }>(rows: R[], id: string) => rows.filter((r) => r.order?.id === id);
    return list.map((id) => {
      const order = byId.get(id);
      if (!order) throw notFound('Order', id);
      const its = of(items, id);
      const ms = of(methods, id);
      const totals = T.orderTotals({
        items: its.map((i) => toTotalsItem(i, i.taxLines.getItems().map((l) => ({ rate: l.rate, name: l.name, code: l.code })))),
        shippingMethods: ms.map((m) => ({ id: m.id, price: m.price, includesTax: m.includesTax, taxLines: m.taxLines.getItems().map((l) => ({ rate: l.rate })) })),
        discounts: order.discounts.getItems().filter((d) => d.rule).map(totalsDiscount),
        giftCards: order.giftCards.getItems().map((g) => ({ balance: g.balance, taxRate: g.taxRate ?? null })),
        giftCardUses: of(uses, id).map((u) => ({ amount: u.amount, taxRate: u.taxRate ?? null, isTaxable: u.isTaxable ?? null, giftCardTaxRate: u.giftCard.taxRate ?? null })),
        payments: of(payments, id).map((p) => ({ amount: p.amount })),
        refunds: of(refunds, id).map((r) => ({ amount: r.amount })),
        region: { taxRate: order.region.taxRate, giftCardsTaxable: order.region.giftCardsTaxable },
      });
      return { totals, items: its, methods: ms };
    });
  }, orderId);
}

export { OrderStatus };
