import type { Context } from '../context';
import { userIdOf } from '../context';
import { OrderEdit, OrderEditStatus, OrderItemChange, OrderItemChangeType } from '../entities/order-edits';
import { LineItem, LineItemAdjustment, LineItemTaxLine, Order, OrderStatus } from '../entities/orders';
import { PaymentCollectionStatus } from '../entities/payment-collections';
import { Region } from '../entities/regions';
import { ProductVariant } from '../entities/variants';
import { Reservation } from '../entities/reservations';
import { DiscountRuleType } from '../entities/discounts';
import { AppError, invalid, notAllowed } from '../lib/errors';
import { findPage, ListSpec, PageArgs } from '../lib/list';
import { forUpdate } from '../lib/locks';
import { StateMachine } from '../lib/state-machine';
import * as T from '../lib/totals';
import { DeleteResponse } from '../../schema/common';
import type { AddOrderEditItemInput, CreateOrderEditInput, OrderEditFilter, RequestOrderEditInput, UpdateOrderEditInput } from '../../schema/order-edits';
import { discountFitsProduct, itemTaxLines, toTotalsItem, totalsDiscount, variantPrice } from './carts';
import { loadOrderViews, OrderView, orderView, retrieveOrder } from './orders';
import { createPaymentCollection } from './payment-collections';
import { releaseLineItems, reserveVariant } from './reservations';

/*
 * Order edits (Medusa v1's): an edit copies the order's lines; adding, updating and removing
 * lines is recorded as one change row each, and every change can be undone on its own. The edit
 * answers its totals as the order's would be with its lines, and the difference. Requesting
 * confirmation makes a payment collection for a positive difference; confirming puts the edit's
 * lines on the order in place of the order's, under the order row's lock (every workflow here
 * takes the order's lock first, then the edit's), so that changes racing a confirmation either
 * land before it, and are confirmed, or are refused after it: the order always ends with exactly
 * the confirmed lines.
 */

/** The dashboard shows order editing (and asks for an order's `edits`) when the store reports this flag. */
export const featureFlags = { order_editing: true };

type EditAction = 'changeItems' | 'deleteChange' | 'request' | 'confirm' | 'cancel' | 'delete';

/** What may happen to an edit in each status; refusals are Medusa's (`{status}`, `{id}` filled in). */
export const ORDER_EDIT_MACHINE = new StateMachine<OrderEditStatus, EditAction>('order edit', {
  changeItems: { from: [OrderEditStatus.created, OrderEditStatus.requested], refusal: 'Can not update an item on the order edit {id} with the status {status}' },
  deleteChange: { from: [OrderEditStatus.created, OrderEditStatus.requested], refusal: 'Cannot delete and item change from a {status} order edit' },
  // Medusa lets a canceled or declined edit be requested (it stays so); Aegis refuses.
  request: { from: [OrderEditStatus.created], to: OrderEditStatus.requested, repeated: [OrderEditStatus.requested, OrderEditStatus.confirmed], refusal: 'Cannot request confirmation of an order edit with status {status}' },
  confirm: { from: [OrderEditStatus.created, OrderEditStatus.requested], to: OrderEditStatus.confirmed, repeated: [OrderEditStatus.confirmed], refusal: 'Cannot confirm an order edit with status {status}' },
  cancel: { from: [OrderEditStatus.created, OrderEditStatus.requested], to: OrderEditStatus.canceled, repeated: [OrderEditStatus.canceled], refusal: 'Cannot cancel order edit with status {status}' },
  delete: { from: [OrderEditStatus.created], refusal: 'Cannot delete order edit with status {status}' },
});

/** The move `action` makes from the edit's status, or Medusa's refusal naming it. */
function guard(action: EditAction, edit: OrderEdit, refusal?: string) {
  if (!ORDER_EDIT_MACHINE.can(action, edit.status)) {
    const words = refusal ?? ORDER_EDIT_MACHINE.table[action].refusal;
    throw notAllowed(words.replace('{status}', edit.status).replace('{id}', edit.id));
  }
  return ORDER_EDIT_MACHINE.check(action, edit.status);
}

const missing = (id: string) => new AppError('not_found', `Order edit with id ${id} was not found`);

export async function retrieveOrderEdit(ctx: Context, id: string): Promise<OrderEdit> {
  const edit = await ctx.em.findOne(OrderEdit, { id });
  if (!edit) throw missing(id);
  return edit;
}

/**
 * The edit for a workflow: the order's row is locked first (as every order workflow does), then
 * the edit's, read afresh.
 */
async function lockEdit(ctx: Context, id: string): Promise<{ edit: OrderEdit; order: Order }> {
  const found = await ctx.em.findOne(OrderEdit, { id }, { fields: ['id', 'order'] as never });
  if (!found) throw missing(id);
  const order = await retrieveOrder(ctx, found.order.id, true);
  const edit = await ctx.em.findOne(OrderEdit, { id }, forUpdate());
  if (!edit) throw missing(id);
  return { edit, order };
}

const LIST: ListSpec = { orderable: ['createdAt', 'updatedAt'], searchable: ['internalNote'] };

/** Medusa's list: by order, and `q` over the internal note. */
export function listOrderEdits(ctx: Context, filter: OrderEditFilter | undefined, args: PageArgs) {
  const where: Record<string, unknown> = {};
  if (filter?.orderId) where.order = filter.orderId;
  if (filter?.id) where.id = filter.id;
  return findPage(ctx, OrderEdit, where, args, LIST);
}

/** Whether the order has an edit neither confirmed, declined nor canceled. */
function activeEditOf(ctx: Context, orderId: string): Promise<OrderEdit | null> {
  return ctx.em.findOne(OrderEdit, { order: orderId, confirmedAt: null, canceledAt: null, declinedAt: null });
}

/** Canceled orders are not edited (Medusa lets them be): their lines are released and their payments canceled. */
function checkOrderEditable(order: Order): void {
  if (order.status === OrderStatus.canceled) throw notAllowed('A canceled order cannot be edited');
}

/** Starts an edit of an order with copies of its lines (one active edit per order). */
export async function createOrderEdit(ctx: Context, input: CreateOrderEditInput): Promise<OrderEdit> {
  const order = await ctx.em.findOne(Order, { id: input.orderId }, forUpdate());
  // Medusa's words: its database refuses the edit of an unknown order.
  if (!order) throw new AppError('not_found', `Order with order_id ${input.orderId} does not exist.`);
  if (await activeEditOf(ctx, order.id)) throw invalid(`An active order edit already exists for the order ${order.id}`);
  checkOrderEditable(order);
  const edit = ctx.em.create(OrderEdit, { order, internalNote: input.internalNote ?? null, createdBy: userIdOf(ctx) } as any);
  const items = await ctx.em.find(LineItem, { order }, { orderBy: { createdAt: 'asc', id: 'asc' }, filters: false });
  await cloneItems(ctx, items, edit);
  await ctx.em.flush();
  ctx.events.emit('order-edit.created', { id: edit.id });
  return edit;
}

/** Copies of order lines into the edit, with their tax lines and adjustments. */
async function cloneItems(ctx: Context, items: LineItem[], edit: OrderEdit): Promise<LineItem[]> {
  if (!items.length) return [];
  const ids = items.map((i) => i.id);
  const [taxLines, adjustments] = await Promise.all([
    ctx.em.find(LineItemTaxLine, { item: { $in: ids } }, { filters: false }),
    ctx.em.find(LineItemAdjustment, { item: { $in: ids } }, { filters: false }),
  ]);
  return items.map((item) => {
    const copy = ctx.em.create(LineItem, {
      cart: null, order: null, swapId: item.swapId, claimOrderId: item.claimOrderId, originalItemId: item.id, orderEditId: edit.id,
      title: item.title, description: item.description, thumbnail: item.thumbnail, isReturn: item.isReturn, isGiftcard: item.isGiftcard,
      shouldMerge: item.shouldMerge, allowDiscounts: item.allowDiscounts, hasShipping: item.hasShipping, unitPrice: item.unitPrice,
      variant: item.variant ?? null, quantity: item.quantity, fulfilledQuantity: item.fulfilledQuantity, returnedQuantity: item.returnedQuantity,
      shippedQuantity: item.shippedQuantity, includesTax: item.includesTax, metadata: item.metadata ?? {},
      // The copy keeps its original's place among the lines (Medusa copies the time stamp too).
      createdAt: item.createdAt,
    } as any);
    for (const line of taxLines.filter((l) => l.item.id === item.id)) {
      ctx.em.create(LineItemTaxLine, { item: copy, rate: line.rate, name: line.name, code: line.code ?? null, metadata: line.metadata ?? null } as any);
    }
    for (const a of adjustments.filter((x) => x.item.id === item.id)) {
      ctx.em.create(LineItemAdjustment, { item: copy, description: a.description, discount: a.discount ?? null, amount: a.amount, metadata: a.metadata ?? null } as any);
    }
    return copy;
  });
}

/** The internal note (any status, as in Medusa). */
export async function updateOrderEdit(ctx: Context, id: string, input: UpdateOrderEditInput): Promise<OrderEdit> {
  const { edit } = await lockEdit(ctx, id);
  if (input.internalNote != null) edit.internalNote = input.internalNote;
  await ctx.em.flush();
  ctx.events.emit('order-edit.updated', { id });
  return edit;
}

/** Deletes an edit that was never requested, with its lines; an unknown one answers as deleted, as in Medusa. */
export async function deleteOrderEdit(ctx: Context, id: string): Promise<DeleteResponse> {
  const found = await ctx.em.findOne(OrderEdit, { id });
  if (!found) return DeleteResponse.of(id, 'order_edit');
  const { edit } = await lockEdit(ctx, id);
  guard('delete', edit);
  await ctx.em.nativeDelete(OrderItemChange, { orderEdit: edit });
  await ctx.em.nativeDelete(LineItem, { orderEditId: edit.id, order: null });
  ctx.em.remove(edit);
  await ctx.em.flush();
  return DeleteResponse.of(id, 'order_edit');
}

// ---------------------------------------------------------------- item changes

/** The edit's lines, with what pricing and discounts need, in order. */
function editItems(ctx: Context, edit: OrderEdit): Promise<LineItem[]> {
  return ctx.em.find(LineItem, { orderEditId: edit.id }, {
    populate: ['variant', 'variant.product', 'adjustments', 'taxLines'] as never, orderBy: { createdAt: 'asc', id: 'asc' }, filters: false,
  });
}

/** A quantity an edit's line may take (Medusa answers 500 to a fraction, zero or less). */
function checkQuantity(quantity: number): void {
  if (!Number.isInteger(quantity)) throw invalid('quantity must be an integer number');
  if (quantity <= 0) throw invalid('quantity must be a positive number');
}

/** Adds a variant line priced in the order's region (for the order's customer), with its tax lines. */
export async function addOrderEditItem(ctx: Context, id: string, input: AddOrderEditItemInput): Promise<OrderEdit> {
  const { edit, order } = await lockEdit(ctx, id);
  guard('changeItems', edit, 'Can not add an item to the edit with status {status}');
  if (input.quantity === 0) throw invalid('Unable to generate the line item because one or more required argument(s) are missing. Ensure quantity, regionId, and variantId are passed');
  checkQuantity(input.quantity);
  const variant = await ctx.em.findOne(ProductVariant, { id: input.variantId }, { populate: ['product'] });
  if (!variant) throw invalid(`Unable to generate the line items, some variant has not been found: ${input.variantId}`);
  const region = await ctx.em.findOneOrFail(Region, { id: order.region.id }, { filters: false });
  const { unitPrice, includesTax } = await variantPrice(ctx, variant, region, order.customer.id, input.quantity);
  const item = ctx.em.create(LineItem, {
    cart: null, order: null, orderEditId: edit.id, variant, unitPrice, includesTax, title: variant.product.title, description: variant.title,
    thumbnail: variant.product.thumbnail ?? null, quantity: input.quantity, allowDiscounts: variant.product.discountable,
    isGiftcard: variant.product.isGiftcard, metadata: input.metadata ?? {}, shouldMerge: true, hasShipping: null,
  } as any);
  for (const line of await itemTaxLines(ctx, region, item)) {
    ctx.em.create(LineItemTaxLine, { item, rate: line.rate, name: line.name ?? 'default', code: line.code ?? null } as any);
  }
  ctx.em.create(OrderItemChange, { type: OrderItemChangeType.item_add, orderEdit: edit, lineItem: item } as any);
  await ctx.em.flush();
  await refreshAdjustments(ctx, edit, order);
  return edit;
}

/** The edit's own line `itemId`: Medusa's 404 for none, 400 for another edit's or the order's. */
async function lineOfEdit(ctx: Context, edit: OrderEdit, itemId: string): Promise<LineItem> {
  const item = await ctx.em.findOne(LineItem, { id: itemId }, { filters: false });
  if (!item) throw new AppError('not_found', `Line item with ${itemId} was not found`);
  if (item.orderEditId !== edit.id || item.order) throw notOfEdit(edit, itemId);
  return item;
}

const notOfEdit = (edit: OrderEdit, itemId: string) => invalid(`Invalid line item id ${itemId} it does not belong to the same order edit ${edit.order.id}.`);

/** A new quantity for a line: recorded on the line's change, or as an `item_update` of a copied line. */
export async function updateOrderEditItem(ctx: Context, id: string, itemId: string, input: { quantity: number }): Promise<OrderEdit> {
  const { edit, order } = await lockEdit(ctx, id);
  guard('changeItems', edit);
  const item = await lineOfEdit(ctx, edit, itemId);
  checkQuantity(input.quantity);
  const change = await ctx.em.findOne(OrderItemChange, { orderEdit: edit, lineItem: item });
  if (!change) {
    ctx.em.create(OrderItemChange, {
      type: OrderItemChangeType.item_update, orderEdit: edit, lineItem: item, originalLineItem: item.originalItemId ?? null,
    } as any);
  }
  item.quantity = input.quantity;
  await ctx.em.flush();
  await refreshAdjustments(ctx, edit, order);
  return edit;
}

/**
 * Removes a copied line (an added one is taken back by deleting its change): the line goes, an
 * `item_remove` change names the order's line. An unknown line changes nothing, as in Medusa.
 */
export async function removeOrderEditItem(ctx: Context, id: string, itemId: string): Promise<OrderEdit> {
  const { edit, order } = await lockEdit(ctx, id);
  guard('changeItems', edit);
  const item = await ctx.em.findOne(LineItem, { id: itemId }, { filters: false });
  if (!item) return edit;
  // Medusa's words here name no order ("… order edit undefined."): Aegis names it, as the update does.
  if (item.orderEditId !== edit.id || item.order || !item.originalItemId) throw notOfEdit(edit, itemId);
  // An update of the line is superseded by its removal (one change per order line).
  await ctx.em.nativeDelete(OrderItemChange, { orderEdit: edit, lineItem: item });
  ctx.em.create(OrderItemChange, { type: OrderItemChangeType.item_remove, orderEdit: edit, originalLineItem: item.originalItemId } as any);
  ctx.em.remove(item);
  await ctx.em.flush();
  await refreshAdjustments(ctx, edit, order);
  return edit;
}

/**
 * Undoes one change: an added line goes, an updated line takes its order line's quantity again, a
 * removed line is copied from the order again. (Medusa deletes the row only: undoing an update
 * deletes the line, undoing a removal leaves it removed.)
 */
export async function deleteOrderEditChange(ctx: Context, id: string, changeId: string): Promise<DeleteResponse> {
  const found = await ctx.em.findOne(OrderItemChange, { id: changeId });
  if (!found) throw new AppError('not_found', `Order edit item change ${changeId} was not found`);
  const { edit, order } = await lockEdit(ctx, id);
  const change = await ctx.em.findOne(OrderItemChange, { id: changeId }, forUpdate());
  if (!change || change.orderEdit.id !== edit.id) {
    throw invalid(`The item change you are trying to delete doesn't belong to the OrderEdit with id: ${id}.`);
  }
  guard('deleteChange', edit);
  const line = change.lineItem ? await ctx.em.findOne(LineItem, { id: change.lineItem.id }, { filters: false }) : null;
  const original = change.originalLineItem ? await ctx.em.findOne(LineItem, { id: change.originalLineItem.id }, { filters: false }) : null;
  ctx.em.remove(change);
  await ctx.em.flush();
  if (change.type === OrderItemChangeType.item_add && line) ctx.em.remove(line);
  if (change.type === OrderItemChangeType.item_update && line && original) line.quantity = original.quantity;
  if (change.type === OrderItemChangeType.item_remove && original) await cloneItems(ctx, [original], edit);
  await ctx.em.flush();
  await refreshAdjustments(ctx, edit, order);
  return DeleteResponse.of(changeId, 'item_change');
}

/**
 * Medusa's adjustments of an edit: the order's (non-free-shipping) discount is spread again over
 * the edit's lines, as over a cart's; custom adjustments stay.
 */
async function refreshAdjustments(ctx: Context, edit: OrderEdit, order: Order): Promise<void> {
  const items = await editItems(ctx, edit);
  for (const item of items) for (const a of item.adjustments.getItems()) if (a.discount) ctx.em.remove(a);
  await ctx.em.flush();
  await ctx.em.populate(order, ['discounts.rule'] as never, { filters: false });
  const discount = order.discounts.getItems().find((d) => d.rule && d.rule.type !== DiscountRuleType.free_shipping);
  if (!discount?.rule) return;
  const lines = items.map((i) => toTotalsItem(i, i.taxLines.getItems().map((l) => ({ rate: l.rate })), i.adjustments.getItems().filter((a) => !a.discount)));
  for (const [i, item] of items.entries()) {
    if (!item.allowDiscounts || item.isReturn || !item.variant) continue;
    if (!(await discountFitsProduct(ctx, discount.rule.id, item.variant.product.id))) continue;
    const amount = T.discountAdjustment(lines[i], totalsDiscount(discount), lines);
    if (amount !== 0) ctx.em.create(LineItemAdjustment, { item, discount, description: 'discount', amount } as any);
  }
  await ctx.em.flush();
}

// ---------------------------------------------------------------- lifecycle

/**
 * Asks for the edit's confirmation: it must have changes. A positive difference gets a payment
 * collection of it (asked again, the edit's unpaid collection takes the new difference; Medusa
 * makes another one each time).
 */
export async function requestOrderEditConfirmation(ctx: Context, id: string, input: RequestOrderEditInput | undefined): Promise<OrderEdit> {
  const { edit, order } = await lockEdit(ctx, id);
  if (!(await ctx.em.count(OrderItemChange, { orderEdit: edit }))) throw invalid('Cannot request a confirmation on an edit with no changes');
  const move = guard('request', edit);
  if (edit.status === OrderEditStatus.confirmed) return edit;
  if (move.changed) {
    edit.requestedAt = new Date();
    edit.requestedBy = userIdOf(ctx);
  }
  const [view] = await computeEditViews(ctx, [edit], new Map((await loadOrderViews(ctx, [order.id])).map((v) => [order.id, v])));
  if (view.differenceDue > 0) {
    await ctx.em.populate(edit, ['paymentCollection'] as never);
    const current = edit.paymentCollection;
    if (current && current.status === PaymentCollectionStatus.not_paid) {
      current.amount = view.differenceDue;
      if (input?.paymentCollectionDescription != null) current.description = input.paymentCollectionDescription;
    } else {
      const region = await ctx.em.findOneOrFail(Region, { id: order.region.id }, { filters: false });
      edit.paymentCollection = createPaymentCollection(ctx, {
        amount: view.differenceDue, region, description: input?.paymentCollectionDescription ?? null, createdBy: userIdOf(ctx),
      });
    }
  }
  await ctx.em.flush();
  if (move.changed) ctx.events.emit('order-edit.requested', { id });
  return edit;
}

export async function cancelOrderEdit(ctx: Context, id: string): Promise<OrderEdit> {
  const { edit } = await lockEdit(ctx, id);
  if (!guard('cancel', edit).changed) return edit;
  edit.canceledAt = new Date();
  edit.canceledBy = userIdOf(ctx);
  await ctx.em.flush();
  ctx.events.emit('order-edit.canceled', { id });
  return edit;
}

/**
 * Puts the edit's lines on the order in place of the order's (which stay, detached, as the
 * changes' originals), under the order's lock. Reservations follow: the order lines' are
 * released, and each new line of a variant with inventory reserves its unfulfilled quantity where
 * its original line was reserved, else at a location of the order's sales channel (none when no
 * location stocks it).
 */
export async function confirmOrderEdit(ctx: Context, id: string): Promise<OrderEdit> {
  const { edit, order } = await lockEdit(ctx, id);
  if (!guard('confirm', edit).changed) return edit;
  checkOrderEditable(order);
  const previous = await ctx.em.find(LineItem, { order }, { filters: false });
  const next = await ctx.em.find(LineItem, { orderEditId: edit.id, order: null }, { filters: false });
  const locations = await reservedLocations(ctx, previous.map((i) => i.id));
  for (const item of previous) item.order = null;
  for (const item of next) item.order = order;
  edit.confirmedAt = new Date();
  edit.confirmedBy = userIdOf(ctx);
  await ctx.em.flush();
  await releaseLineItems(ctx, previous.map((i) => i.id));
  for (const item of next) await reserveLine(ctx, order, item, item.originalItemId ? locations.get(item.originalItemId) ?? null : null);
  ctx.events.emit('order-edit.confirmed', { id });
  return edit;
}

/** Where each of these lines has its (first) reservation. */
async function reservedLocations(ctx: Context, lineItemIds: string[]): Promise<Map<string, string>> {
  if (!lineItemIds.length) return new Map();
  const rows = await ctx.em.find(Reservation, { lineItemId: { $in: lineItemIds }, deletedAt: null }, { orderBy: { createdAt: 'desc', id: 'desc' }, filters: false });
  // Oldest last, so that it is the one kept.
  return new Map(rows.map((r) => [r.lineItemId!, r.locationId]));
}

async function reserveLine(ctx: Context, order: Order, item: LineItem, locationId: string | null): Promise<void> {
  const quantity = item.quantity - (item.fulfilledQuantity ?? 0);
  if (!item.variant || quantity <= 0) return;
  try {
    await reserveVariant(ctx, { variantId: item.variant.id, quantity, lineItemId: item.id, locationId, salesChannelId: order.salesChannel?.id ?? null });
  } catch (err) {
    // No location of the order's sales channel stocks the item: the line stays unreserved, as
    // the order's other lines would be (the check comes before anything is written).
    if (!(err instanceof AppError && err.extensions.type === 'invalid_data')) throw err;
  }
}

// ---------------------------------------------------------------- totals

export interface OrderEditView {
  items: LineItem[];
  totals: T.OrderTotals;
  /** The edit's total less the order's. */
  differenceDue: number;
}

/** The edits' lines and totals against their orders' views, with a fixed number of queries. */
async function computeEditViews(ctx: Context, edits: OrderEdit[], orders: Map<string, OrderView>): Promise<OrderEditView[]> {
  const ids = edits.map((e) => e.id);
  const items = await ctx.em.find(LineItem, { orderEditId: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' }, filters: false });
  const itemIds = items.map((i) => i.id);
  const [taxLines, adjustments] = await Promise.all([
    ctx.em.find(LineItemTaxLine, { item: { $in: itemIds } }, { filters: false }),
    ctx.em.find(LineItemAdjustment, { item: { $in: itemIds } }, { filters: false }),
  ]);
  return edits.map((edit) => {
    const own = items.filter((i) => i.orderEditId === edit.id);
    const order = orders.get(edit.order.id)!;
    const totals = T.orderTotals({
      ...order.input,
      items: own.map((i) => toTotalsItem(i, taxLines.filter((l) => l.item.id === i.id).map((l) => ({ rate: l.rate, name: l.name, code: l.code })), adjustments.filter((a) => a.item.id === i.id))),
    });
    return { items: own, totals, differenceDue: totals.total - order.totals.total };
  });
}

/** The edit's view, once per request (its fields and its lines' totals share it). */
export function orderEditView(ctx: Context, editId: string): Promise<OrderEditView> {
  return ctx.loaders.load<string, OrderEditView>('order-edits:view', async (keys) => {
    const edits = await ctx.em.find(OrderEdit, { id: { $in: [...keys] } });
    const orderIds = [...new Set(edits.map((e) => e.order.id))];
    const views = await Promise.all(orderIds.map((o) => orderView(ctx, o)));
    const computed = await computeEditViews(ctx, edits, new Map(orderIds.map((o, i) => [o, views[i]])));
    const byId = new Map(edits.map((e, i) => [e.id, computed[i]]));
    return keys.map((k) => byId.get(k) ?? (missing(k) as never));
  }, editId);
}
