import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { Address } from '../src/entities/customers';
import { Cart, Fulfillment, LineItem, Order, Payment, ShippingMethod } from '../src/entities/orders';
import { Return } from '../src/entities/returns';
import { ShippingOption } from '../src/entities/shipping-options';
import { CustomShippingOption, Swap } from '../src/entities/swaps';
import * as swaps from '../src/services/swaps';
import { childrenOf } from '../src/services/orders';
import { CreateSwapInput, SwapFulfillmentInput, SwapList, SwapListArgs, SwapShipmentInput } from '../schema/swaps';

/* Swaps: the list and one swap, and the workflows on an order's swap (answering the order, as Medusa's routes do). */

@Resolver(() => Swap)
export class SwapResolver {
  @Query(() => SwapList, { description: 'Swaps, newest first.' })
  swaps(@Args() page: SwapListArgs, @Ctx() ctx: Context) { return swaps.listSwaps(ctx, page); }

  @Query(() => Swap)
  swap(@Arg('id') id: string, @Ctx() ctx: Context) { return swaps.retrieveSwap(ctx, id); }

  @Mutation(() => Order, { description: 'Creates a swap: the return of the returned lines and a cart of the new lines for the customer to confirm.' })
  createSwap(@Arg('id') id: string, @Arg('input') input: CreateSwapInput, @Ctx() ctx: Context) { return swaps.createSwap(ctx, id, input); }

  @Mutation(() => Order, { description: 'Cancels a swap whose fulfillments and return are canceled (again: no change).' })
  cancelSwap(@Arg('id') id: string, @Arg('swapId') swapId: string, @Ctx() ctx: Context) { return swaps.cancelSwap(ctx, id, swapId); }

  @Mutation(() => Order, { description: 'Fulfils a confirmed swap\'s new lines (an unconfirmed swap has no shipping methods: refused).' })
  createSwapFulfillment(@Arg('id') id: string, @Arg('swapId') swapId: string, @Arg('input', { nullable: true }) input: SwapFulfillmentInput, @Ctx() ctx: Context) {
    return swaps.fulfillSwap(ctx, id, swapId, input ?? {});
  }

  @Mutation(() => Order, { description: 'Cancels an unshipped fulfillment of a swap.' })
  cancelSwapFulfillment(@Arg('id') id: string, @Arg('swapId') swapId: string, @Arg('fulfillmentId') fulfillmentId: string, @Ctx() ctx: Context) {
    return swaps.cancelSwapFulfillment(ctx, id, swapId, fulfillmentId);
  }

  @Mutation(() => Order, { description: 'Marks a fulfillment of a swap shipped, with tracking numbers.' })
  createSwapShipment(@Arg('id') id: string, @Arg('swapId') swapId: string, @Arg('input') input: SwapShipmentInput, @Ctx() ctx: Context) {
    return swaps.shipSwap(ctx, id, swapId, input);
  }

  @Mutation(() => Order, { description: 'Settles a confirmed swap\'s difference (refund or capture); an unconfirmed swap is refused.' })
  processSwapPayment(@Arg('id') id: string, @Arg('swapId') swapId: string, @Ctx() ctx: Context) { return swaps.processSwapPayment(ctx, id, swapId); }

  @FieldResolver(() => Order, { nullable: true })
  order(@Root() root: Swap, @Ctx() ctx: Context) { return ctx.loaders.byId(Order, root.order.id); }

  @FieldResolver(() => Cart, { nullable: true, description: 'The cart the customer completes to confirm the swap.' })
  cart(@Root() root: Swap, @Ctx() ctx: Context) { return root.cart ? ctx.loaders.byId(Cart, root.cart.id) : null; }

  @FieldResolver(() => [LineItem], { description: 'The new lines.' })
  additionalItems(@Root() root: Swap, @Ctx() ctx: Context) { return childrenOf(ctx, LineItem, 'swapId', root.id); }

  @FieldResolver(() => [Fulfillment])
  fulfillments(@Root() root: Swap, @Ctx() ctx: Context) { return childrenOf(ctx, Fulfillment, 'swapId', root.id); }

  @FieldResolver(() => [ShippingMethod], { description: 'Chosen by the customer when confirming.' })
  shippingMethods(@Root() root: Swap, @Ctx() ctx: Context) { return childrenOf(ctx, ShippingMethod, 'swapId', root.id); }

  @FieldResolver(() => Payment, { nullable: true })
  async payment(@Root() root: Swap, @Ctx() ctx: Context) { return (await childrenOf(ctx, Payment, 'swapId', root.id))[0] ?? null; }

  @FieldResolver(() => Return, { nullable: true, description: 'The return of the returned lines.' })
  async returnOrder(@Root() root: Swap, @Ctx() ctx: Context) { return (await childrenOf(ctx, Return, 'swapId', root.id))[0] ?? null; }

  @FieldResolver(() => Address, { nullable: true })
  shippingAddress(@Root() root: Swap, @Ctx() ctx: Context) { return root.shippingAddress ? ctx.loaders.byId(Address, root.shippingAddress.id) : null; }
}

@Resolver(() => CustomShippingOption)
export class CustomShippingOptionResolver {
  @FieldResolver(() => ShippingOption, { nullable: true })
  shippingOption(@Root() root: CustomShippingOption, @Ctx() ctx: Context) { return ctx.loaders.byId(ShippingOption, root.shippingOption.id); }
}

@Resolver(() => Order)
export class OrderSwapsResolver {
  @FieldResolver(() => [Swap], { description: 'The order\'s swaps, oldest first.' })
  swaps(@Root() root: Order, @Ctx() ctx: Context) { return childrenOf(ctx, Swap, 'order', root.id); }
}
