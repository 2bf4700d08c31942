import { Arg, Args, Ctx, FieldResolver, Float, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { Context } from '../src/context';
import { Address, Customer } from '../src/entities/customers';
import { Currency } from '../src/entities/currencies';
import { Discount } from '../src/entities/discounts';
import { DraftOrder } from '../src/entities/draft-orders';
import { GiftCard } from '../src/entities/gift-cards';
import {
  Cart, Fulfillment, FulfillmentItem, GiftCardTransaction, LineItem, LineItemAdjustment, LineItemTaxLine, Order, Payment, Refund,
  ShippingMethod, ShippingMethodTaxLine, TrackingLink,
} from '../src/entities/orders';
import { PaymentSession } from '../src/entities/payment-collections';
import { Region } from '../src/entities/regions';
import { SalesChannel } from '../src/entities/sales-channels';
import { ShippingOption } from '../src/entities/shipping-options';
import { FulfillmentProvider } from '../src/entities/store';
import { ProductVariant } from '../src/entities/variants';
import { cartView } from '../src/services/carts';
import * as orders from '../src/services/orders';
import { childrenOf, orderView } from '../src/services/orders';
import { orderEditView } from '../src/services/order-edits';
import { AddOrderShippingMethodInput, CreateFulfillmentInput, CreateShipmentInput, OrderList, OrderRefundInput, OrderListArgs, UpdateOrderInput } from '../schema/orders';
import * as fulfillments from '../src/services/fulfillments';
import type { LineItemTotals, ShippingMethodTotals, TaxLine, Totals } from '../src/lib/totals';

/*
 * Relations and computed totals of carts, orders and their lines. Totals come from one view per
 * cart or order per request (`cartView`, `orderView`), shared by the parent and its lines.
 */

const ZERO_LINE: LineItemTotals = { unitPrice: 0, quantity: 0, subtotal: 0, discountTotal: 0, rawDiscountTotal: 0, taxTotal: 0, total: 0, originalTotal: 0, originalTaxTotal: 0 };
const ZERO_METHOD: ShippingMethodTotals = { price: 0, subtotal: 0, taxTotal: 0, total: 0, originalTotal: 0, originalTaxTotal: 0 };

async function lineTotals(ctx: Context, item: LineItem): Promise<LineItemTotals> {
  if (item.order) return (await orderView(ctx, item.order.id)).totals.items.get(item.id) ?? ZERO_LINE;
  if (item.orderEditId) return (await orderEditView(ctx, item.orderEditId)).totals.items.get(item.id) ?? ZERO_LINE;
  if (item.cart) return (await cartView(ctx, item.cart.id)).totals.items.get(item.id) ?? ZERO_LINE;
  return ZERO_LINE;
}

async function methodTotals(ctx: Context, method: ShippingMethod): Promise<ShippingMethodTotals> {
  if (method.order) return (await orderView(ctx, method.order.id)).totals.shippingMethods.get(method.id) ?? ZERO_METHOD;
  if (method.cart) return (await cartView(ctx, method.cart.id)).totals.shippingMethods.get(method.id) ?? ZERO_METHOD;
  return ZERO_METHOD;
}

/** Tax lines Medusa computes for a cart but does not store: entities that are never persisted. */
function computed<E extends LineItemTaxLine | ShippingMethodTaxLine>(make: () => E, lines: TaxLine[], owner: Partial<E>): E[] {
  return lines.map((l) => Object.assign(make(), { rate: l.rate, name: l.name ?? 'default', code: l.code ?? null }, owner));
}

const cartTotal = (pick: (t: Totals) => number) => async (root: Cart, ctx: Context) => pick((await cartView(ctx, root.id)).totals);

@Resolver(() => Cart)
export class CartResolver {
  @FieldResolver(() => String) object() { return 'cart'; }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() root: Cart, @Ctx() ctx: Context) { return ctx.loaders.byId(Region, root.region.id); }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() root: Cart, @Ctx() ctx: Context) { return root.customer ? ctx.loaders.byId(Customer, root.customer.id) : null; }

  @FieldResolver(() => Address, { nullable: true })
  shippingAddress(@Root() root: Cart, @Ctx() ctx: Context) { return root.shippingAddress ? ctx.loaders.byId(Address, root.shippingAddress.id) : null; }

  @FieldResolver(() => Address, { nullable: true })
  billingAddress(@Root() root: Cart, @Ctx() ctx: Context) { return root.billingAddress ? ctx.loaders.byId(Address, root.billingAddress.id) : null; }

  @FieldResolver(() => SalesChannel, { nullable: true })
  salesChannel(@Root() root: Cart, @Ctx() ctx: Context) { return root.salesChannel ? ctx.loaders.byId(SalesChannel, root.salesChannel.id) : null; }

  @FieldResolver(() => [LineItem])
  items(@Root() root: Cart, @Ctx() ctx: Context) { return childrenOf(ctx, LineItem, 'cart', root.id); }

  @FieldResolver(() => [ShippingMethod])
  shippingMethods(@Root() root: Cart, @Ctx() ctx: Context) { return childrenOf(ctx, ShippingMethod, 'cart', root.id); }

  @FieldResolver(() => [Discount])
  discounts(@Root() root: Cart, @Ctx() ctx: Context) { return ctx.loaders.relation<Cart, Discount[]>(root, 'discounts'); }

  @FieldResolver(() => [GiftCard])
  giftCards(@Root() root: Cart, @Ctx() ctx: Context) { return ctx.loaders.relation<Cart, GiftCard[]>(root, 'giftCards'); }

  @FieldResolver(() => Payment, { nullable: true, description: 'The cart\'s payment once authorized.' })
  payment(@Root() root: Cart, @Ctx() ctx: Context) { return root.paymentId ? ctx.loaders.byId(Payment, root.paymentId) : null; }

  @FieldResolver(() => [PaymentSession])
  paymentSessions(@Root() root: Cart, @Ctx() ctx: Context) { return childrenOf(ctx, PaymentSession, 'cart', root.id); }

  @FieldResolver(() => PaymentSession, { nullable: true, description: 'The selected payment session.' })
  async paymentSession(@Root() root: Cart, @Ctx() ctx: Context) {
    return (await childrenOf(ctx, PaymentSession, 'cart', root.id)).find((s) => s.isSelected) ?? null;
  }

  @FieldResolver(() => Int) subtotal(@Root() r: Cart, @Ctx() c: Context) { return cartTotal((t) => t.subtotal)(r, c); }
  @FieldResolver(() => Int) taxTotal(@Root() r: Cart, @Ctx() c: Context) { return cartTotal((t) => t.taxTotal)(r, c); }
  @FieldResolver(() => Int) shippingTotal(@Root() r: Cart, @Ctx() c: Context) { return cartTotal((t) => t.shippingTotal)(r, c); }
  @FieldResolver(() => Int) discountTotal(@Root() r: Cart, @Ctx() c: Context) { return cartTotal((t) => t.discountTotal)(r, c); }
  @FieldResolver(() => Float) rawDiscountTotal(@Root() r: Cart, @Ctx() c: Context) { return cartTotal((t) => t.rawDiscountTotal)(r, c); }
  @FieldResolver(() => Int) giftCardTotal(@Root() r: Cart, @Ctx() c: Context) { return cartTotal((t) => t.giftCardTotal)(r, c); }
  @FieldResolver(() => Int) giftCardTaxTotal(@Root() r: Cart, @Ctx() c: Context) { return cartTotal((t) => t.giftCardTaxTotal)(r, c); }
  @FieldResolver(() => Int) itemTaxTotal(@Root() r: Cart, @Ctx() c: Context) { return cartTotal((t) => t.itemTaxTotal)(r, c); }
  @FieldResolver(() => Int) shippingTaxTotal(@Root() r: Cart, @Ctx() c: Context) { return cartTotal((t) => t.shippingTaxTotal)(r, c); }
  @FieldResolver(() => Int) total(@Root() r: Cart, @Ctx() c: Context) { return cartTotal((t) => t.total)(r, c); }
}

const line = (pick: (t: LineItemTotals) => number) => async (root: LineItem, ctx: Context) => pick(await lineTotals(ctx, root));

@Resolver(() => LineItem)
export class LineItemResolver {
  @FieldResolver(() => ProductVariant, { nullable: true })
  variant(@Root() root: LineItem, @Ctx() ctx: Context) { return root.variant ? ctx.loaders.byId(ProductVariant, root.variant.id) : null; }

  @FieldResolver(() => Order, { nullable: true, description: 'The order the line belongs to, once placed.' })
  order(@Root() root: LineItem, @Ctx() ctx: Context) { return root.order ? ctx.loaders.byId(Order, root.order.id) : null; }

  @FieldResolver(() => [LineItemAdjustment])
  adjustments(@Root() root: LineItem, @Ctx() ctx: Context) { return childrenOf(ctx, LineItemAdjustment, 'item', root.id); }

  @FieldResolver(() => [LineItemTaxLine], { description: 'Stored on orders; computed (not stored) on carts.' })
  async taxLines(@Root() root: LineItem, @Ctx() ctx: Context) {
    if (root.order || root.orderEditId) return childrenOf(ctx, LineItemTaxLine, 'item', root.id);
    if (!root.cart) return [];
    const lines = (await cartView(ctx, root.cart.id)).itemTaxLines.get(root.id) ?? [];
    return computed(() => new LineItemTaxLine(), lines, { item: root } as Partial<LineItemTaxLine>);
  }

  @FieldResolver(() => Int) subtotal(@Root() r: LineItem, @Ctx() c: Context) { return line((t) => t.subtotal)(r, c); }
  @FieldResolver(() => Int) discountTotal(@Root() r: LineItem, @Ctx() c: Context) { return line((t) => t.discountTotal)(r, c); }
  @FieldResolver(() => Float) rawDiscountTotal(@Root() r: LineItem, @Ctx() c: Context) { return line((t) => t.rawDiscountTotal)(r, c); }
  @FieldResolver(() => Int) taxTotal(@Root() r: LineItem, @Ctx() c: Context) { return line((t) => t.taxTotal)(r, c); }
  @FieldResolver(() => Int) total(@Root() r: LineItem, @Ctx() c: Context) { return line((t) => t.total)(r, c); }
  @FieldResolver(() => Int) originalTotal(@Root() r: LineItem, @Ctx() c: Context) { return line((t) => t.originalTotal)(r, c); }
  @FieldResolver(() => Int) originalTaxTotal(@Root() r: LineItem, @Ctx() c: Context) { return line((t) => t.originalTaxTotal)(r, c); }

  @FieldResolver(() => Int, { nullable: true, description: 'What refunding the line (less its returned quantity) gives back; orders only.' })
  async refundable(@Root() root: LineItem, @Ctx() ctx: Context) {
    if (root.orderEditId && !root.order) return (await orderEditView(ctx, root.orderEditId)).totals.refundable.get(root.id) ?? 0;
    return root.order ? (await orderView(ctx, root.order.id)).totals.refundable.get(root.id) ?? 0 : null;
  }
}

const method = (pick: (t: ShippingMethodTotals) => number) => async (root: ShippingMethod, ctx: Context) => pick(await methodTotals(ctx, root));

@Resolver(() => ShippingMethod)
export class ShippingMethodResolver {
  @FieldResolver(() => ShippingOption, { nullable: true })
  shippingOption(@Root() root: ShippingMethod, @Ctx() ctx: Context) { return ctx.loaders.byId(ShippingOption, root.shippingOption.id); }

  @FieldResolver(() => [ShippingMethodTaxLine])
  async taxLines(@Root() root: ShippingMethod, @Ctx() ctx: Context) {
    // Stored for an order's methods and for those without a cart (a return's, a claim's).
    if (root.order || !root.cart) return childrenOf(ctx, ShippingMethodTaxLine, 'shippingMethod', root.id);
    const lines = (await cartView(ctx, root.cart.id)).methodTaxLines.get(root.id) ?? [];
    return computed(() => new ShippingMethodTaxLine(), lines, { shippingMethod: root } as Partial<ShippingMethodTaxLine>);
  }

  @FieldResolver(() => Int) subtotal(@Root() r: ShippingMethod, @Ctx() c: Context) { return method((t) => t.subtotal)(r, c); }
  @FieldResolver(() => Int) taxTotal(@Root() r: ShippingMethod, @Ctx() c: Context) { return method((t) => t.taxTotal)(r, c); }
  @FieldResolver(() => Int) total(@Root() r: ShippingMethod, @Ctx() c: Context) { return method((t) => t.total)(r, c); }
  @FieldResolver(() => Int) originalTotal(@Root() r: ShippingMethod, @Ctx() c: Context) { return method((t) => t.originalTotal)(r, c); }
  @FieldResolver(() => Int) originalTaxTotal(@Root() r: ShippingMethod, @Ctx() c: Context) { return method((t) => t.originalTaxTotal)(r, c); }
}

const orderTotal = (pick: (t: Awaited<ReturnType<typeof orderView>>['totals']) => number) => async (root: Order, ctx: Context) => pick((await orderView(ctx, root.id)).totals);

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => OrderList, { description: 'Orders, newest first, with Medusa\'s filters; q searches email, display id, names.' })
  orders(@Args() { filter, ...page }: OrderListArgs, @Ctx() ctx: Context) { return orders.listOrders(ctx, filter, page); }

  @Query(() => Order)
  order(@Arg('id') id: string, @Ctx() ctx: Context) { return orders.retrieveOrder(ctx, id); }

  @Mutation(() => Order, { description: 'Changes the email, customer, notification setting (and addresses while unprocessed).' })
  updateOrder(@Arg('id') id: string, @Arg('input') input: UpdateOrderInput, @Ctx() ctx: Context) { return orders.updateOrder(ctx, id, input); }

  @Mutation(() => Order, { description: 'Archives a completed order.' })
  archiveOrder(@Arg('id') id: string, @Ctx() ctx: Context) { return orders.archiveOrder(ctx, id); }

  @Mutation(() => Order, { description: 'Completes an order that is not canceled.' })
  completeOrder(@Arg('id') id: string, @Ctx() ctx: Context) { return orders.completeOrder(ctx, id); }

  @Mutation(() => Order, { description: 'Cancels an order (again: no change); its payments are canceled and reservations released.' })
  cancelOrder(@Arg('id') id: string, @Ctx() ctx: Context) { return orders.cancelOrder(ctx, id); }

  @Mutation(() => Order, { description: 'Captures the order\'s payments.' })
  captureOrderPayment(@Arg('id') id: string, @Ctx() ctx: Context) { return orders.captureOrderPayment(ctx, id); }

  @Mutation(() => Order, { description: 'Refunds up to the order\'s refundable amount; the payment status follows.' })
  refundOrder(@Arg('id') id: string, @Arg('input') input: OrderRefundInput, @Ctx() ctx: Context) { return orders.refundOrder(ctx, id, input); }

  @Mutation(() => Order, { description: 'Adds a shipping method at a price, replacing the one of the same shipping profile.' })
  addOrderShippingMethod(@Arg('id') id: string, @Arg('input') input: AddOrderShippingMethodInput, @Ctx() ctx: Context) {
    return orders.addOrderShippingMethod(ctx, id, input);
  }

  @Mutation(() => Order, { description: 'Fulfils quantities of the order\'s lines (never more than is left to fulfil).' })
  createOrderFulfillment(@Arg('id') id: string, @Arg('input') input: CreateFulfillmentInput, @Ctx() ctx: Context) {
    return fulfillments.createFulfillment(ctx, id, input);
  }

  @Mutation(() => Order, { description: 'Cancels an unshipped fulfillment of the order; its quantities can be fulfilled again.' })
  cancelOrderFulfillment(@Arg('id') id: string, @Arg('fulfillmentId') fulfillmentId: string, @Ctx() ctx: Context) {
    return fulfillments.cancelFulfillment(ctx, id, fulfillmentId);
  }

  @Mutation(() => Order, { description: 'Marks a fulfillment of the order shipped, with tracking numbers.' })
  createOrderShipment(@Arg('id') id: string, @Arg('input') input: CreateShipmentInput, @Ctx() ctx: Context) {
    return fulfillments.createShipment(ctx, id, input);
  }

  @FieldResolver(() => String) object() { return 'order'; }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() root: Order, @Ctx() ctx: Context) { return ctx.loaders.byId(Region, root.region.id); }

  @FieldResolver(() => Currency, { nullable: true })
  currency(@Root() root: Order, @Ctx() ctx: Context) { return ctx.loaders.byId(Currency, root.currency.code, 'code'); }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() root: Order, @Ctx() ctx: Context) { return ctx.loaders.byId(Customer, root.customer.id); }

  @FieldResolver(() => Address, { nullable: true })
  shippingAddress(@Root() root: Order, @Ctx() ctx: Context) { return root.shippingAddress ? ctx.loaders.byId(Address, root.shippingAddress.id) : null; }

  @FieldResolver(() => Address, { nullable: true })
  billingAddress(@Root() root: Order, @Ctx() ctx: Context) { return root.billingAddress ? ctx.loaders.byId(Address, root.billingAddress.id) : null; }

  @FieldResolver(() => SalesChannel, { nullable: true })
  salesChannel(@Root() root: Order, @Ctx() ctx: Context) { return root.salesChannel ? ctx.loaders.byId(SalesChannel, root.salesChannel.id) : null; }

  @FieldResolver(() => Cart, { nullable: true })
  cart(@Root() root: Order, @Ctx() ctx: Context) { return root.cart ? ctx.loaders.byId(Cart, root.cart.id) : null; }

  @FieldResolver(() => DraftOrder, { nullable: true })
  draftOrder(@Root() root: Order, @Ctx() ctx: Context) { return root.draftOrderId ? ctx.loaders.byId(DraftOrder, root.draftOrderId) : null; }

  @FieldResolver(() => [LineItem])
  async items(@Root() root: Order, @Ctx() ctx: Context) { return (await orderView(ctx, root.id)).items; }

  @FieldResolver(() => [ShippingMethod])
  async shippingMethods(@Root() root: Order, @Ctx() ctx: Context) { return (await orderView(ctx, root.id)).methods; }

  @FieldResolver(() => [Discount])
  discounts(@Root() root: Order, @Ctx() ctx: Context) { return ctx.loaders.relation<Order, Discount[]>(root, 'discounts'); }

  @FieldResolver(() => [GiftCard])
  giftCards(@Root() root: Order, @Ctx() ctx: Context) { return ctx.loaders.relation<Order, GiftCard[]>(root, 'giftCards'); }

  @FieldResolver(() => [GiftCardTransaction])
  giftCardTransactions(@Root() root: Order, @Ctx() ctx: Context) { return childrenOf(ctx, GiftCardTransaction, 'order', root.id); }

  @FieldResolver(() => [Payment])
  payments(@Root() root: Order, @Ctx() ctx: Context) { return childrenOf(ctx, Payment, 'order', root.id); }

  @FieldResolver(() => [Refund])
  refunds(@Root() root: Order, @Ctx() ctx: Context) { return childrenOf(ctx, Refund, 'order', root.id); }

  @FieldResolver(() => [Fulfillment])
  fulfillments(@Root() root: Order, @Ctx() ctx: Context) { return childrenOf(ctx, Fulfillment, 'order', root.id); }

  // Swaps, claims and order edits come with their own issue: none exist yet (returns: returns.resolver.ts).
  @FieldResolver(() => [GraphQLJSONObject]) swaps() { return []; }
  @FieldResolver(() => [GraphQLJSONObject]) claims() { return []; }

  @FieldResolver(() => Int) subtotal(@Root() r: Order, @Ctx() c: Context) { return orderTotal((t) => t.subtotal)(r, c); }
  @FieldResolver(() => Int) discountTotal(@Root() r: Order, @Ctx() c: Context) { return orderTotal((t) => t.discountTotal)(r, c); }
  @FieldResolver(() => Float) rawDiscountTotal(@Root() r: Order, @Ctx() c: Context) { return orderTotal((t) => t.rawDiscountTotal)(r, c); }
  @FieldResolver(() => Int) shippingTotal(@Root() r: Order, @Ctx() c: Context) { return orderTotal((t) => t.shippingTotal)(r, c); }
  @FieldResolver(() => Int) shippingTaxTotal(@Root() r: Order, @Ctx() c: Context) { return orderTotal((t) => t.shippingTaxTotal)(r, c); }
  @FieldResolver(() => Int) itemTaxTotal(@Root() r: Order, @Ctx() c: Context) { return orderTotal((t) => t.itemTaxTotal)(r, c); }
  @FieldResolver(() => Int) taxTotal(@Root() r: Order, @Ctx() c: Context) { return orderTotal((t) => t.taxTotal)(r, c); }
  @FieldResolver(() => Int) giftCardTotal(@Root() r: Order, @Ctx() c: Context) { return orderTotal((t) => t.giftCardTotal)(r, c); }
  @FieldResolver(() => Int) giftCardTaxTotal(@Root() r: Order, @Ctx() c: Context) { return orderTotal((t) => t.giftCardTaxTotal)(r, c); }
  @FieldResolver(() => Int) total(@Root() r: Order, @Ctx() c: Context) { return orderTotal((t) => t.total)(r, c); }
  @FieldResolver(() => Int) paidTotal(@Root() r: Order, @Ctx() c: Context) { return orderTotal((t) => t.paidTotal)(r, c); }
  @FieldResolver(() => Int) refundedTotal(@Root() r: Order, @Ctx() c: Context) { return orderTotal((t) => t.refundedTotal)(r, c); }
  @FieldResolver(() => Int) refundableAmount(@Root() r: Order, @Ctx() c: Context) { return orderTotal((t) => t.refundableAmount)(r, c); }
}

@Resolver(() => Fulfillment)
export class FulfillmentResolver {
  @FieldResolver(() => [FulfillmentItem])
  items(@Root() root: Fulfillment, @Ctx() ctx: Context) { return childrenOf(ctx, FulfillmentItem, 'fulfillment', root.id); }

  @FieldResolver(() => [TrackingLink])
  trackingLinks(@Root() root: Fulfillment, @Ctx() ctx: Context) { return childrenOf(ctx, TrackingLink, 'fulfillment', root.id); }

  @FieldResolver(() => FulfillmentProvider, { nullable: true })
  provider(@Root() root: Fulfillment, @Ctx() ctx: Context) { return ctx.loaders.byId(FulfillmentProvider, root.provider.id); }
}

@Resolver(() => FulfillmentItem)
export class FulfillmentItemResolver {
  @FieldResolver(() => LineItem, { nullable: true })
  item(@Root() root: FulfillmentItem, @Ctx() ctx: Context) { return ctx.loaders.byId(LineItem, root.item.id); }
}

@Resolver(() => GiftCardTransaction)
export class GiftCardTransactionResolver {
  @FieldResolver(() => GiftCard, { nullable: true })
  giftCard(@Root() root: GiftCardTransaction, @Ctx() ctx: Context) { return ctx.loaders.byId(GiftCard, root.giftCard.id); }
}
