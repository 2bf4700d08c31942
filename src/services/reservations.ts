import type { Context } from '../context';
import { InventoryItem, InventoryLevel } from '../entities/inventory-items';
import { LineItem } from '../entities/orders';
import { Reservation } from '../entities/reservations';
import { StockLocation } from '../entities/stock-locations';
import { AppError, invalid } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { forUpdate } from '../lib/locks';
import { mergeMetadata } from '../lib/metadata';
import { DeleteResponse } from '../../schema/common';
import type { CreateReservationInput, ReservationFilter, UpdateReservationInput } from '../../schema/reservations';
import { adjustStockedQuantity, itemsOfVariant, lockLevel, notStocked, stringCondition } from './inventory-items';
import { locationIdsOfChannels } from './stock-locations';

/*
 * The invariant of this domain: a level's `reserved_quantity` is the sum of the quantities of the
 * live reservations of its item at its location. Every write below changes both in the same
 * transaction while holding the row locks of the reservations it changes and then of the levels
 * (in id order): that one order everywhere (stock-location and item deletes take it too) means
 * concurrent writes wait for each other instead of deadlocking, and none is lost.
 */

const LIST: ListSpec = {
  orderable: ['id', 'quantity', 'description', 'createdBy', 'lineItemId', 'createdAt', 'updatedAt'],
};

export async function listReservations(ctx: Context, filter: ReservationFilter | undefined, args: PageArgs) {
  // Medusa's reservation list has no free-text search.
  if (args.q) throw invalid('property q should not exist');
  const conditions: Record<string, unknown>[] = [whereOf(filter, ['locationId', 'inventoryItemId', 'description'])];
  if (filter?.locationId?.length) conditions.push({ location: { $in: filter.locationId } });
  if (filter?.inventoryItemId?.length) conditions.push({ inventoryItem: { $in: filter.inventoryItemId } });
  if (filter?.description != null) conditions.push({ description: stringCondition(filter.description) });
  return findPage(ctx, Reservation, { $and: conditions }, args, LIST);
}

export async function retrieveReservation(ctx: Context, id: string): Promise<Reservation> {
  const reservation = await ctx.em.findOne(Reservation, { id });
  // Medusa's wording for this route.
  if (!reservation) throw new AppError('not_found', `Reservation with id ${id} not found`);
  return reservation;
}

/** What a reservation holds; `createdBy` is a user id, `lineItemId` an order line item's. */
export interface ReserveInput {
  inventoryItemId: string;
  locationId: string;
  quantity: number;
  lineItemId?: string | null;
  description?: string | null;
  createdBy?: string | null;
  externalId?: string | null;
  metadata?: Record<string, unknown> | null;
}

/** POST /admin/reservations: a reservation made by hand by the signed-in user. */
export async function createReservation(ctx: Context, input: CreateReservationInput, userId: string): Promise<Reservation> {
  if (input.lineItemId) await checkLineItemReservable(ctx, input.lineItemId, input.quantity);
  return reserve(ctx, { ...input, createdBy: userId });
}

/**
 * Medusa's rule for reserving for a line item: what is reserved for it, with `quantity` more, stays
 * within its unfulfilled quantity. The line item's row is locked first, so two reservations for
 * one line cannot both pass the check.
 */
export async function checkLineItemReservable(ctx: Context, lineItemId: string, quantity: number): Promise<void> {
  const line = await ctx.em.findOne(LineItem, { id: lineItemId }, forUpdate());
  if (!line) throw new AppError('not_found', `Line item with ${lineItemId} was not found`);
  const held = await ctx.em.find(Reservation, { lineItemId, deletedAt: null });
  const total = held.reduce((sum, r) => sum + r.quantity, quantity);
  if (total > line.quantity - (line.fulfilledQuantity ?? 0)) {
    throw invalid('The reservation quantity cannot be greater than the unfulfilled line item quantity');
  }
}

/**
 * Holds `quantity` of an item at a location: the item must be stocked there (Medusa's 404
 * otherwise); the reservation may exceed what is available (available goes negative), as in
 * Medusa. The level is locked until the transaction ends.
 */
export async function reserve(ctx: Context, input: ReserveInput): Promise<Reservation> {
  if (!(input.quantity > 0)) throw invalid('quantity must be a positive number');
  const level = await lockLevel(ctx, input.inventoryItemId, input.locationId);
  if (!level) throw notStocked(input.inventoryItemId, input.locationId);
  const reservation = ctx.em.create(Reservation, {
    inventoryItem: ctx.em.getReference(InventoryItem, input.inventoryItemId),
    location: ctx.em.getReference(StockLocation, input.locationId),
    quantity: input.quantity,
    lineItemId: input.lineItemId ?? null,
    description: input.description ?? null,
    createdBy: input.createdBy ?? null,
    externalId: input.externalId ?? null,
    metadata: mergeMetadata(null, input.metadata ?? undefined),
  });
  level.reservedQuantity += input.quantity;
  await ctx.em.flush();
  ctx.events.emit('reservation-item.created', { ids: [reservation.id] });
  return reservation;
}

/** The reservation, locked (a fresh read); null when there is none. */
function lockReservation(ctx: Context, id: string): Promise<Reservation | null> {
  return ctx.em.findOne(Reservation, { id, deletedAt: null }, forUpdate());
}

/** The levels of `itemId` at these locations, locked in id order, by location id. */
async function lockLevels(ctx: Context, itemId: string, locationIds: string[]): Promise<Map<string, InventoryLevel>> {
  const levels = await ctx.em.find(InventoryLevel, { inventoryItem: itemId, location: { $in: [...new Set(locationIds)] }, deletedAt: null }, {
    ...forUpdate(), orderBy: { id: 'asc' },
  });
  return new Map(levels.map((l) => [l.locationId, l]));
}

/**
 * Changes the quantity, the location (where the item must be stocked: Medusa moves it anywhere),
 * the description and metadata (merged). The levels involved change by the same amounts.
 */
export async function updateReservation(ctx: Context, id: string, input: UpdateReservationInput): Promise<Reservation> {
  const reservation = await lockReservation(ctx, id);
  if (!reservation) throw new AppError('not_found', `ReservationItem with id ${id} was not found`);
  const from = reservation.locationId;
  const to = input.locationId ?? from;
  const quantity = input.quantity ?? reservation.quantity;
  if (!(quantity > 0)) throw invalid('quantity must be a positive number');
  if (to !== from || quantity !== reservation.quantity) {
    const levels = await lockLevels(ctx, reservation.inventoryItemId, [from, to]);
    const target = levels.get(to);
    if (!target) throw notStocked(reservation.inventoryItemId, to);
    const source = levels.get(from);
    if (source) source.reservedQuantity -= reservation.quantity;
    target.reservedQuantity += quantity;
    reservation.location = ctx.em.getReference(StockLocation, to);
    reservation.quantity = quantity;
  }
  if (input.description !== undefined && input.description !== null) reservation.description = input.description;
  if (input.metadata !== undefined) reservation.metadata = mergeMetadata(reservation.metadata, input.metadata);
  await ctx.em.flush();
  ctx.events.emit('reservation-item.updated', { id });
  return reservation;
}

/** Deletes (softly) the locked reservations and takes their quantities off their levels. */
async function release(ctx: Context, reservations: Reservation[]): Promise<void> {
  if (!reservations.length) return;
  const levels = await ctx.em.find(InventoryLevel, {
    $or: reservations.map((r) => ({ inventoryItem: r.inventoryItemId, location: r.locationId })), deletedAt: null,
  }, { ...forUpdate(), orderBy: { id: 'asc' } });
  const now = new Date();
  for (const r of reservations) {
    const level = levels.find((l) => l.inventoryItemId === r.inventoryItemId && l.locationId === r.locationId);
    if (level) level.reservedQuantity -= r.quantity;
    r.deletedAt = now;
  }
  await ctx.em.flush();
  ctx.events.emit('reservation-item.deleted', { ids: reservations.map((r) => r.id) });
}

/** Deletes a reservation; an unknown (or deleted) one answers as deleted, as in Medusa. */
export async function deleteReservation(ctx: Context, id: string): Promise<DeleteResponse> {
  const reservation = await lockReservation(ctx, id);
  if (reservation) await release(ctx, [reservation]);
  return DeleteResponse.of(id, 'reservation');
}

// ------------------------------------------------------------------ for the orders domain
// These run inside the caller's transaction (a mutation's ctx.em) and keep the invariant above.

/**
 * Reserves a line item's quantity of an item at a location (POST /admin/orders/{id}/line-items/
 * {line_item_id}/reserve and order placement): `reserve` with the line item's id. The caller
 * checks the line item (its unfulfilled quantity) first.
 */
export function reserveForLineItem(ctx: Context, input: ReserveInput & { lineItemId: string }): Promise<Reservation> {
  return reserve(ctx, input);
}

/**
 * Reserves `quantity` of a variant for a line item, as Medusa's order placement does: one
 * reservation per item the variant is sold from (quantity × what one variant takes), at
 * `locationId`, or else at the first location of `salesChannelId` where the variant's first item
 * is stocked. A variant without items reserves nothing (an empty list). Medusa's 400s when no
 * location can be chosen.
 */
export async function reserveVariant(
  ctx: Context,
  input: { variantId: string; quantity: number; lineItemId?: string | null; locationId?: string | null; salesChannelId?: string | null },
): Promise<Reservation[]> {
  const items = await itemsOfVariant(ctx, input.variantId);
  if (!items.length) return [];
  let locationId = input.locationId ?? null;
  if (!locationId && input.salesChannelId) {
    const candidates = await locationIdsOfChannels(ctx, [input.salesChannelId], true);
    if (!candidates.length) throw invalid('Must provide location_id or sales_channel_id to a Sales Channel that has associated Stock Locations');
    const level = await ctx.em.findOne(InventoryLevel, { inventoryItem: items[0].item.id, location: { $in: candidates } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    if (!level) throw invalid('Must provide location_id or sales_channel_id to a Sales Channel that has associated locations with inventory levels');
    locationId = level.locationId;
  }
  if (!locationId) throw invalid('Must provide location_id or sales_channel_id to a Sales Channel that has associated Stock Locations');
  const out: Reservation[] = [];
  for (const { item, required } of items) {
    out.push(await reserve(ctx, { inventoryItemId: item.id, locationId, quantity: input.quantity * required, lineItemId: input.lineItemId ?? null }));
  }
  return out;
}

/** The live reservations of these line items, locked, oldest first. */
function lockLineItemReservations(ctx: Context, lineItemIds: string[]): Promise<Reservation[]> {
  return ctx.em.find(Reservation, { lineItemId: { $in: lineItemIds }, deletedAt: null }, {
    ...forUpdate(), orderBy: { createdAt: 'asc', id: 'asc' },
  });
}

/** Releases everything reserved for these line items (a cancelled order, a removed line item). */
export async function releaseLineItems(ctx: Context, lineItemIds: string[]): Promise<void> {
  if (lineItemIds.length) await release(ctx, await lockLineItemReservations(ctx, lineItemIds));
}

/**
 * A fulfilment of `quantity` of a line item's variant from `locationId`: for each item the variant
 * is sold from (quantity × what one variant takes), the line item's reservations of that item
 * shrink by that much (those at the location first; emptied ones are deleted), and the stocked
 * quantity at the location goes down by the same amount.
 */
export async function fulfilLineItem(ctx: Context, input: { lineItemId: string; variantId: string; locationId: string; quantity: number }): Promise<void> {
  const items = await itemsOfVariant(ctx, input.variantId);
  const reservations = await lockLineItemReservations(ctx, [input.lineItemId]);
  for (const { item, required } of items) {
    const amount = input.quantity * required;
    const ofItem = reservations.filter((r) => r.inventoryItemId === item.id)
      .sort((a, b) => Number(b.locationId === input.locationId) - Number(a.locationId === input.locationId));
    await shrink(ctx, ofItem, amount);
    await adjustStockedQuantity(ctx, item.id, input.locationId, -amount);
  }
}

/** Takes `amount` off the (locked) reservations in order: emptied ones are deleted, the last one shrinks. */
async function shrink(ctx: Context, reservations: Reservation[], amount: number): Promise<void> {
  let left = amount;
  const emptied: Reservation[] = [];
  for (const r of reservations) {
    if (left <= 0) break;
    if (r.quantity <= left) {
      emptied.push(r);
      left -= r.quantity;
    } else {
      const level = await lockLevel(ctx, r.inventoryItemId, r.locationId);
      if (level) level.reservedQuantity -= left;
      r.quantity -= left;
      left = 0;
      await ctx.em.flush();
      ctx.events.emit('reservation-item.updated', { id: r.id });
    }
  }
  await release(ctx, emptied);
}
