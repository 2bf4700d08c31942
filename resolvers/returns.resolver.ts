import { Arg, Args, Ctx, Extensions, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { Context } from '../src/context';
import { LineItem, Order, ShippingMethod } from '../src/entities/orders';
import { Reservation } from '../src/entities/reservations';
import { Return, ReturnItem } from '../src/entities/returns';
import { ReturnReason } from '../src/entities/return-reasons';
import * as returns from '../src/services/returns';
import * as orderInventory from '../src/services/order-inventory';
import { childrenOf, orderView } from '../src/services/orders';
import { ReceiveReturnInput, RequestReturnInput, ReserveLineItemInput, ReturnList, ReturnListArgs } from '../schema/returns';
import { ReservationList, ReservationListArgs } from '../schema/reservations';

@Resolver(() => Return)
export class ReturnResolver {
  @Query(() => ReturnList, { description: 'Returns, newest first.' })
  returns(@Args() page: ReturnListArgs, @Ctx() ctx: Context) { return returns.listReturns(ctx, page); }

  @Mutation(() => Order, { description: 'Requests a return of fulfilled items of an order (optionally received at once).' })
  requestReturn(@Arg('id') id: string, @Arg('input') input: RequestReturnInput, @Ctx() ctx: Context) { return returns.requestReturn(ctx, id, input); }

  @Mutation(() => Return, { description: 'Receives a return: the items that arrived are restocked, the refund is made.' })
  receiveReturn(@Arg('id') id: string, @Arg('input') input: ReceiveReturnInput, @Ctx() ctx: Context) { return returns.receiveReturn(ctx, id, input); }

  @Mutation(() => Order, { description: 'Cancels a return not yet received (again: no change); answers its order.' })
  async cancelReturn(@Arg('id') id: string, @Ctx() ctx: Context) {
    const ret = await returns.cancelReturn(ctx, id);
    return ctx.em.findOneOrFail(Order, { id: ret.order!.id }, { filters: false });
  }

  @FieldResolver(() => Order, { nullable: true, description: 'The order (none for a swap\'s return, as in Medusa).' })
  order(@Root() root: Return, @Ctx() ctx: Context) { return root.order && !root.swapId ? ctx.loaders.byId(Order, root.order.id) : null; }

  // Swaps have their own domain; until it answers them here a return's swap is its id only.
  // REST answers the key only where Medusa's route loads the relation (`always` of the row).
  @Extensions({ restOnRequest: true })
  @FieldResolver(() => GraphQLJSONObject, { nullable: true }) swap() { return null; }

  @FieldResolver(() => [ReturnItem])
  items(@Root() root: Return, @Ctx() ctx: Context) { return childrenOf(ctx, ReturnItem, 'returnOrder', root.id); }

  @FieldResolver(() => ShippingMethod, { nullable: true, description: 'The shipping method of the return shipment.' })
  async shippingMethod(@Root() root: Return, @Ctx() ctx: Context) { return (await childrenOf(ctx, ShippingMethod, 'returnId', root.id))[0] ?? null; }
}

@Resolver(() => ReturnItem)
export class ReturnItemResolver {
  @FieldResolver(() => LineItem, { nullable: true })
  item(@Root() root: ReturnItem, @Ctx() ctx: Context) { return ctx.loaders.byId(LineItem, root.item.id); }

  @FieldResolver(() => ReturnReason, { nullable: true })
  reason(@Root() root: ReturnItem, @Ctx() ctx: Context) { return root.reason ? ctx.loaders.byId(ReturnReason, root.reason.id) : null; }
}

/** The order's returns and what can still be returned; its reservations. */
@Resolver(() => Order)
export class OrderReturnsResolver {
  @FieldResolver(() => [Return], { description: 'The order\'s returns (a swap\'s return belongs to the swap).' })
  async returns(@Root() root: Order, @Ctx() ctx: Context) {
    return (await childrenOf(ctx, Return, 'order', root.id)).filter((r) => !r.swapId);
  }

  @FieldResolver(() => [LineItem], { description: 'Lines with shipped quantities not yet returned (Medusa\'s `returnable_items`).' })
  async returnableItems(@Root() root: Order, @Ctx() ctx: Context) {
    return (await orderView(ctx, root.id)).items.filter((i) => (i.returnedQuantity ?? 0) < (i.shippedQuantity ?? 0));
  }

  @Query(() => ReservationList, { description: 'The reservations of the order\'s lines.' })
  orderReservations(@Arg('id') id: string, @Args() { filter: _filter, ...page }: ReservationListArgs, @Ctx() ctx: Context) {
    return orderInventory.listOrderReservations(ctx, id, page);
  }

  @Mutation(() => Reservation, { description: 'Reserves a quantity of an order line\'s variant at a location (at most what is unfulfilled and unreserved).' })
  reserveOrderLineItem(@Arg('id') id: string, @Arg('lineItemId') lineItemId: string, @Arg('input') input: ReserveLineItemInput, @Ctx() ctx: Context) {
    return orderInventory.reserveLineItem(ctx, id, lineItemId, input);
  }
}
