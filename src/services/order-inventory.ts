import type { Context } from '../context';
import { Fulfillment, FulfillmentItem, LineItem, Order } from '../entities/orders';
import { InventoryLevel } from '../entities/inventory-items';
import { Reservation } from '../entities/reservations';
import { ProductVariant } from '../entities/variants';
import { AppError, invalid, notAllowed } from '../lib/errors';
import { findPage, ListSpec, PageArgs } from '../lib/list';
import { forUpdate } from '../lib/locks';
import { adjustStockedQuantity, itemsOfVariant } from './inventory-items';
import { ALL, retrieveOrder } from './orders';
import { fulfilLineItem, reserve, reserveVariant } from './reservations';
import { locationIdsOfChannels } from './stock-locations';

/*
 * An order's stock: what its lines hold (reservations with the line item's id) and what its
 * fulfillments take out of or put back into the locations' stocked quantities. Every workflow here
 * runs after the order row was locked (placing makes the order; the others lock it first), so two
 * requests on one order never both pass a quantity check: nothing is reserved or released twice.
 */

/** The variant's inventory items, or none when it does not manage inventory. */
async function inventoryOf(ctx: Context, variantId: string) {
  const variant = await ctx.loaders.byId(ProductVariant, variantId);
  return variant && variant.manageInventory === false ? [] : itemsOfVariant(ctx, variantId);
}

/**
 * Placing an order reserves each line of a variant with inventory at the first location of the
 * order's sales channel that stocks the variant's (first) item, as Medusa's checkout does. A line
 * whose item no location of the channel stocks is not reserved (the order is placed all the same).
 */
export async function reserveOrderItems(ctx: Context, order: Order, lines: LineItem[]): Promise<void> {
  if (!order.salesChannel) return;
  const candidates = await locationIdsOfChannels(ctx, [order.salesChannel.id]);
  if (!candidates.length) return;
  for (const line of lines) {
    if (!line.variant) continue;
    const items = await inventoryOf(ctx, line.variant.id);
    if (!items.length) continue;
    const level = await ctx.em.findOne(InventoryLevel, { inventoryItem: items[0].item.id, location: { $in: candidates } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    if (!level) continue;
    for (const { item, required } of items) {
      // Every item of the variant must be stocked there; one that is not is not reserved.
      if (!(await ctx.em.count(InventoryLevel, { inventoryItem: item.id, location: level.locationId }))) continue;
      await reserve(ctx, { inventoryItemId: item.id, locationId: level.locationId, quantity: line.quantity * required, lineItemId: line.id });
    }
  }
}

/** The order's line (Medusa's words for one that is not found). */
async function lineOf(ctx: Context, order: Order, lineItemId: string): Promise<LineItem> {
  // Locked as POST /admin/reservations locks it, so a reservation made there cannot race this one.
  const line = await ctx.em.findOne(LineItem, { id: lineItemId, order }, forUpdate());
  if (!line) throw new AppError('not_found', `Line item with ${lineItemId} was not found`);
  return line;
}

/** How much of the line its live reservations hold, in units of the line (through the variant's first item). */
async function reservedUnits(ctx: Context, line: LineItem, firstItem: { item: { id: string }; required: number }): Promise<number> {
  const held = await ctx.em.find(Reservation, { lineItemId: line.id, inventoryItem: firstItem.item.id, deletedAt: null }, { fields: ['quantity'], filters: false });
  return Math.ceil(held.reduce((s, r) => s + r.quantity, 0) / (firstItem.required || 1));
}

export interface ReserveLineItemInput { locationId: string; quantity?: number | null }

/**
 * POST /admin/orders/{id}/line-items/{line_item_id}/reserve: holds a quantity of the line's variant
 * at a location, for that line. Never more than the line's unfulfilled quantity less what is
 * already held (the default): Medusa reserves any quantity, the line's whole quantity by default.
 */
export async function reserveLineItem(ctx: Context, orderId: string, lineItemId: string, input: ReserveLineItemInput): Promise<Reservation> {
  const order = await retrieveOrder(ctx, orderId, true);
  const line = await lineOf(ctx, order, lineItemId);
  if (!line.variant) throw new AppError('not_found', 'Can\'t create a reservation for a Line Item wihtout a variant');
  const items = await inventoryOf(ctx, line.variant.id);
  if (!items.length) throw invalid(`The variant of line item ${line.id} has no inventory items to reserve`);
  const open = line.quantity - (line.fulfilledQuantity ?? 0) - (await reservedUnits(ctx, line, items[0]));
  const quantity = input.quantity ?? open;
  if (!(quantity > 0) || !Number.isInteger(quantity)) {
    if (input.quantity === undefined || input.quantity === null) throw notAllowed(`Line item ${line.id} has nothing left to reserve`);
    throw invalid('quantity must be a positive integer');
  }
  // The words of POST /admin/reservations for the same rule.
  if (quantity > open) throw invalid('The reservation quantity cannot be greater than the unfulfilled line item quantity');
  const [first] = await reserveVariant(ctx, { variantId: line.variant.id, quantity, lineItemId: line.id, locationId: input.locationId });
  return first;
}

const LIST: ListSpec = { orderable: ['createdAt', 'updatedAt', 'quantity'] };

/** GET /admin/orders/{id}/reservations: the live reservations of the order's lines. */
export async function listOrderReservations(ctx: Context, orderId: string, args: PageArgs) {
  // Medusa's route reads the order in its workflow wording ("Order with id X").
  const order = await retrieveOrder(ctx, orderId, false, false);
  const lines = await ctx.em.find(LineItem, { order }, { fields: ['id'], ...ALL });
  return findPage(ctx, Reservation, { lineItemId: { $in: lines.map((l) => l.id) } }, args, LIST);
}

/**
 * A fulfillment from a location (Medusa's, when `location_id` is given): each line's variant items
 * must be stocked there in the quantity taken (Medusa's 400s otherwise); the line's reservations
 * shrink by it (those at the location first) and the stocked quantity goes down by it.
 */
export async function takeFromStock(ctx: Context, picked: { line: LineItem; quantity: number }[], locationId: string): Promise<void> {
  for (const { line, quantity } of picked) {
    if (!line.variant) continue;
    const items = await inventoryOf(ctx, line.variant.id);
    if (!items.length) continue;
    const levels = await ctx.em.find(InventoryLevel, { inventoryItem: { $in: items.map((i) => i.item.id) }, location: locationId, deletedAt: null });
    if (!levels.length) throw notAllowed(`Inventory item for ${line.title} not found at location`);
    for (const level of levels) {
      const part = items.find((i) => i.item.id === level.inventoryItemId);
      if (!part || part.required * quantity > level.stockedQuantity) throw notAllowed(`Insufficient stock for item: ${line.title}`);
    }
  }
  for (const { line, quantity } of picked) {
    if (!line.variant || !(await inventoryOf(ctx, line.variant.id)).length) continue;
    await fulfilLineItem(ctx, { lineItemId: line.id, variantId: line.variant.id, locationId, quantity });
  }
}

/** A canceled fulfillment from a location puts its quantities back into stock there (as Medusa). */
export async function putBackInStock(ctx: Context, fulfillment: Fulfillment): Promise<void> {
  if (!fulfillment.locationId) return;
  const rows = await ctx.em.find(FulfillmentItem, { fulfillment }, { populate: ['item'] as never, ...ALL });
  for (const { item: line, quantity } of rows) {
    if (!line.variant) continue;
    for (const { item, required } of await inventoryOf(ctx, line.variant.id)) {
      await adjustStockedQuantity(ctx, item.id, fulfillment.locationId, required * quantity);
    }
  }
}
