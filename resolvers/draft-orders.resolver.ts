import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { DraftOrder } from '../src/entities/draft-orders';
import { Cart, Order } from '../src/entities/orders';
import * as drafts from '../src/services/draft-orders';
import { DeleteResponse } from '../schema/common';
import {
  CreateDraftOrderInput, CreateDraftOrderLineItemInput, DraftOrderList, DraftOrderListArgs, UpdateDraftOrderInput,
  UpdateDraftOrderLineItemInput,
} from '../schema/draft-orders';

@Resolver(() => DraftOrder)
export class DraftOrdersResolver {
  @Query(() => DraftOrderList, { description: 'Draft orders, newest first; q matches the email or the display id.' })
  draftOrders(@Args() { filter, ...page }: DraftOrderListArgs, @Ctx() ctx: Context) {
    return drafts.listDraftOrders(ctx, filter, page);
  }

  @Query(() => DraftOrder)
  draftOrder(@Arg('id') id: string, @Ctx() ctx: Context) {
    return drafts.retrieveDraftOrder(ctx, id);
  }

  @Mutation(() => DraftOrder, { description: 'Creates a draft order: its cart, lines, shipping methods and discounts.' })
  createDraftOrder(@Arg('input') input: CreateDraftOrderInput, @Ctx() ctx: Context) {
    return drafts.createDraftOrder(ctx, input);
  }

  @Mutation(() => DraftOrder, { description: 'Changes an open draft order\'s customer, email, addresses, region or discounts.' })
  updateDraftOrder(@Arg('id') id: string, @Arg('input') input: UpdateDraftOrderInput, @Ctx() ctx: Context) {
    return drafts.updateDraftOrder(ctx, id, input);
  }

  @Mutation(() => DeleteResponse)
  deleteDraftOrder(@Arg('id') id: string, @Ctx() ctx: Context) {
    return drafts.deleteDraftOrder(ctx, id);
  }

  @Mutation(() => DraftOrder, { description: 'Adds a line (drops the shipping methods, as any line change does).' })
  addDraftOrderLineItem(@Arg('id') id: string, @Arg('input') input: CreateDraftOrderLineItemInput, @Ctx() ctx: Context) {
    return drafts.addDraftOrderLineItem(ctx, id, input);
  }

  @Mutation(() => DraftOrder, { description: 'Changes a line; quantity 0 removes it.' })
  updateDraftOrderLineItem(@Arg('id') id: string, @Arg('lineId') lineId: string, @Arg('input') input: UpdateDraftOrderLineItemInput, @Ctx() ctx: Context) {
    return drafts.updateDraftOrderLineItem(ctx, id, lineId, input);
  }

  @Mutation(() => DraftOrder)
  deleteDraftOrderLineItem(@Arg('id') id: string, @Arg('lineId') lineId: string, @Ctx() ctx: Context) {
    return drafts.deleteDraftOrderLineItem(ctx, id, lineId);
  }

  @Mutation(() => Order, { description: 'Marks the draft paid: it becomes an order with a captured payment.' })
  payDraftOrder(@Arg('id') id: string, @Ctx() ctx: Context) {
    return drafts.payDraftOrder(ctx, id);
  }

  @FieldResolver(() => Cart, { nullable: true })
  cart(@Root() root: DraftOrder, @Ctx() ctx: Context) {
    return root.cart ? ctx.loaders.byId(Cart, root.cart.id) : null;
  }

  @FieldResolver(() => Order, { nullable: true })
  order(@Root() root: DraftOrder, @Ctx() ctx: Context) {
    return root.order ? ctx.loaders.byId(Order, root.order.id) : null;
  }
}
