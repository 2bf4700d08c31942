import { Arg, Args, Ctx, Extensions, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { OrderEdit, OrderItemChange } from '../src/entities/order-edits';
import { LineItem, Order } from '../src/entities/orders';
import { PaymentCollection } from '../src/entities/payment-collections';
import * as edits from '../src/services/order-edits';
import { orderEditView, OrderEditView } from '../src/services/order-edits';
import { childrenOf } from '../src/services/orders';
import { DeleteResponse } from '../schema/common';
import {
  AddOrderEditItemInput, CreateOrderEditInput, OrderEditList, OrderEditListArgs, RequestOrderEditInput, UpdateOrderEditInput, UpdateOrderEditItemInput,
} from '../schema/order-edits';

const total = (pick: (v: OrderEditView) => number) => async (root: OrderEdit, ctx: Context) => pick(await orderEditView(ctx, root.id));

// Medusa's edit routes add these to the edit; an edit loaded as an order's relation has none.
const computed = { restOnRequest: true };

@Resolver(() => OrderEdit)
export class OrderEditResolver {
  @Query(() => OrderEditList, { description: 'Order edits, by order; q searches the internal note.' })
  orderEdits(@Args() { filter, ...page }: OrderEditListArgs, @Ctx() ctx: Context) { return edits.listOrderEdits(ctx, filter, page); }

  @Query(() => OrderEdit)
  orderEdit(@Arg('id') id: string, @Ctx() ctx: Context) { return edits.retrieveOrderEdit(ctx, id); }

  @Mutation(() => OrderEdit, { description: 'Starts an edit of an order with a copy of its lines (one active edit per order).' })
  createOrderEdit(@Arg('input') input: CreateOrderEditInput, @Ctx() ctx: Context) { return edits.createOrderEdit(ctx, input); }

  @Mutation(() => OrderEdit, { description: 'Changes the internal note.' })
  updateOrderEdit(@Arg('id') id: string, @Arg('input') input: UpdateOrderEditInput, @Ctx() ctx: Context) { return edits.updateOrderEdit(ctx, id, input); }

  @Mutation(() => DeleteResponse, { description: 'Deletes an edit never requested, with its lines and changes.' })
  deleteOrderEdit(@Arg('id') id: string, @Ctx() ctx: Context) { return edits.deleteOrderEdit(ctx, id); }

  @Mutation(() => OrderEdit, { description: 'Adds a variant line (an item_add change).' })
  addOrderEditItem(@Arg('id') id: string, @Arg('input') input: AddOrderEditItemInput, @Ctx() ctx: Context) { return edits.addOrderEditItem(ctx, id, input); }

  @Mutation(() => OrderEdit, { description: 'Changes a line\'s quantity (an item_update change for a copied line).' })
  updateOrderEditItem(@Arg('id') id: string, @Arg('itemId') itemId: string, @Arg('input') input: UpdateOrderEditItemInput, @Ctx() ctx: Context) {
    return edits.updateOrderEditItem(ctx, id, itemId, input);
  }

  @Mutation(() => OrderEdit, { description: 'Removes a copied line (an item_remove change).' })
  removeOrderEditItem(@Arg('id') id: string, @Arg('itemId') itemId: string, @Ctx() ctx: Context) { return edits.removeOrderEditItem(ctx, id, itemId); }

  @Mutation(() => DeleteResponse, { description: 'Undoes one change of the edit.' })
  deleteOrderEditChange(@Arg('id') id: string, @Arg('changeId') changeId: string, @Ctx() ctx: Context) { return edits.deleteOrderEditChange(ctx, id, changeId); }

  @Mutation(() => OrderEdit, { description: 'Asks for confirmation; a positive difference gets a payment collection.' })
  requestOrderEditConfirmation(@Arg('id') id: string, @Arg('input', () => RequestOrderEditInput, { nullable: true }) input: RequestOrderEditInput | undefined, @Ctx() ctx: Context) {
    return edits.requestOrderEditConfirmation(ctx, id, input);
  }

  @Mutation(() => OrderEdit, { description: 'Puts the edit\'s lines on the order in place of its lines.' })
  confirmOrderEdit(@Arg('id') id: string, @Ctx() ctx: Context) { return edits.confirmOrderEdit(ctx, id); }

  @Mutation(() => OrderEdit, { description: 'Cancels an edit not yet confirmed (again: no change).' })
  cancelOrderEdit(@Arg('id') id: string, @Ctx() ctx: Context) { return edits.cancelOrderEdit(ctx, id); }

  @FieldResolver(() => Order, { nullable: true })
  order(@Root() root: OrderEdit, @Ctx() ctx: Context) { return ctx.loaders.byId(Order, root.order.id); }

  @FieldResolver(() => [LineItem], { description: 'The edit\'s lines: copies of the order\'s, changed, and added ones.' })
  async items(@Root() root: OrderEdit, @Ctx() ctx: Context) { return (await orderEditView(ctx, root.id)).items; }

  @FieldResolver(() => [OrderItemChange])
  changes(@Root() root: OrderEdit, @Ctx() ctx: Context) { return childrenOf(ctx, OrderItemChange, 'orderEdit', root.id); }

  @FieldResolver(() => PaymentCollection, { nullable: true })
  paymentCollection(@Root() root: OrderEdit, @Ctx() ctx: Context) {
    return root.paymentCollection ? ctx.loaders.byId(PaymentCollection, root.paymentCollection.id) : null;
  }

  @Extensions(computed) @FieldResolver(() => Int) subtotal(@Root() r: OrderEdit, @Ctx() c: Context) { return total((v) => v.totals.subtotal)(r, c); }
  @Extensions(computed) @FieldResolver(() => Int) discountTotal(@Root() r: OrderEdit, @Ctx() c: Context) { return total((v) => v.totals.discountTotal)(r, c); }
  @Extensions(computed) @FieldResolver(() => Int) shippingTotal(@Root() r: OrderEdit, @Ctx() c: Context) { return total((v) => v.totals.shippingTotal)(r, c); }
  @Extensions(computed) @FieldResolver(() => Int) taxTotal(@Root() r: OrderEdit, @Ctx() c: Context) { return total((v) => v.totals.taxTotal)(r, c); }
  @Extensions(computed) @FieldResolver(() => Int) giftCardTotal(@Root() r: OrderEdit, @Ctx() c: Context) { return total((v) => v.totals.giftCardTotal)(r, c); }
  @Extensions(computed) @FieldResolver(() => Int) giftCardTaxTotal(@Root() r: OrderEdit, @Ctx() c: Context) { return total((v) => v.totals.giftCardTaxTotal)(r, c); }
  @Extensions(computed) @FieldResolver(() => Int) total(@Root() r: OrderEdit, @Ctx() c: Context) { return total((v) => v.totals.total)(r, c); }
  @Extensions(computed) @FieldResolver(() => Int, { description: 'The edit\'s total less the order\'s.' })
  differenceDue(@Root() r: OrderEdit, @Ctx() c: Context) { return total((v) => v.differenceDue)(r, c); }
}

@Resolver(() => OrderItemChange)
export class OrderItemChangeResolver {
  @FieldResolver(() => OrderEdit, { nullable: true })
  orderEdit(@Root() root: OrderItemChange, @Ctx() ctx: Context) { return ctx.loaders.byId(OrderEdit, root.orderEdit.id); }

  @FieldResolver(() => LineItem, { nullable: true, description: 'The edit\'s line (none for a removal).' })
  lineItem(@Root() root: OrderItemChange, @Ctx() ctx: Context) { return root.lineItem ? ctx.loaders.byId(LineItem, root.lineItem.id) : null; }

  @FieldResolver(() => LineItem, { nullable: true, description: 'The order\'s line changed (none for an addition).' })
  originalLineItem(@Root() root: OrderItemChange, @Ctx() ctx: Context) {
    return root.originalLineItem ? ctx.loaders.byId(LineItem, root.originalLineItem.id) : null;
  }
}

/** An order's edits (the dashboard's order page asks for them). */
@Resolver(() => Order)
export class OrderEditsOfOrderResolver {
  @FieldResolver(() => [OrderEdit])
  edits(@Root() root: Order, @Ctx() ctx: Context) { return childrenOf(ctx, OrderEdit, 'order', root.id); }
}
