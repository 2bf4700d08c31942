import { raw } from '@mikro-orm/core';
import type { Context } from '../context';
import { InventoryItem, InventoryLevel, ProductVariantInventoryItem } from '../entities/inventory-items';
import { Reservation } from '../entities/reservations';
import { SalesChannel } from '../entities/sales-channels';
import { SalesChannelLocation, StockLocation } from '../entities/stock-locations';
import { ProductVariant } from '../entities/variants';
import { AppError, notAllowed } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { forUpdate } from '../lib/locks';
import { mergeMetadata } from '../lib/metadata';
import { DeleteResponse } from '../../schema/common';
import type {
  CreateInventoryItemInput, CreateInventoryLevelInput, InventoryItemFilter, InventoryItemLevels, InventoryLevelFilter,
  SalesChannelAvailability, StringMatch, UpdateInventoryItemInput, UpdateInventoryLevelInput,
} from '../../schema/inventory-items';
import { locationIdsOfChannels, retrieveStockLocation } from './stock-locations';

const LIST: ListSpec = {
  orderable: [
    'id', 'sku', 'title', 'requiresShipping', 'hsCode', 'originCountry', 'midCode', 'material',
    'weight', 'length', 'height', 'width', 'createdAt', 'updatedAt',
  ],
  // Medusa's inventory search: sku, title or description.
  searchable: ['sku', 'title', 'description'],
};

/** Medusa's wording (its inventory module's). */
export const itemNotFound = (id: string) => new AppError('not_found', `InventoryItem with id ${id} was not found`);
export const notStocked = (itemId: string, locationId: string) => new AppError('not_found', `Item ${itemId} is not stocked at location ${locationId}`);

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A text filter (value, values or comparison) as an ORM condition. */
export function stringCondition(match: StringMatch): unknown {
  if (typeof match === 'string') return match;
  if (Array.isArray(match)) return { $in: match };
  const ops: Record<string, unknown>[] = [];
  if (match.contains !== undefined) ops.push({ $ilike: `%${escapeLike(match.contains)}%` });
  if (match.startsWith !== undefined) ops.push({ $ilike: `${escapeLike(match.startsWith)}%` });
  if (match.endsWith !== undefined) ops.push({ $ilike: `%${escapeLike(match.endsWith)}` });
  for (const op of ['lt', 'gt', 'lte', 'gte'] as const) if (match[op] !== undefined) ops.push({ [`$${op}`]: match[op] });
  return ops.length === 1 ? ops[0] : { $and: ops };
}

/**
 * The location filter of an item list: as in Medusa, the items' levels (and their sums) then
 * count those locations only. Kept per request and root field (see `rootFieldOf`), so that
 * another root field's items keep all their levels.
 */
const levelLocations = (ctx: Context) => ctx.loaders.state('inventory:level-locations', () => new Map<string, string[]>());

export async function listInventoryItems(ctx: Context, filter: InventoryItemFilter | undefined, args: PageArgs, scope: string) {
  const conditions: Record<string, unknown>[] = [whereOf(filter, ['locationId', 'hsCode'])];
  if (filter?.hsCode != null) conditions.push({ hsCode: stringCondition(filter.hsCode) });
  if (filter?.locationId?.length) {
    levelLocations(ctx).set(scope, filter.locationId);
    const marks = filter.locationId.map(() => '?').join(', ');
    conditions.push({ [raw((a: string) => `${a}."id" in (select "inventory_item_id" from "inventory_level" where "deleted_at" is null and "location_id" in (${marks}))`, filter.locationId)]: [] });
  }
  return findPage(ctx, InventoryItem, { $and: conditions }, args, LIST);
}

export async function retrieveInventoryItem(ctx: Context, id: string, lock = false): Promise<InventoryItem> {
  const item = await ctx.em.findOne(InventoryItem, { id, deletedAt: null }, lock ? forUpdate() : {});
  if (!item) throw itemNotFound(id);
  return item;
}

/**
 * Creates an item for a variant, as Medusa's route: `variant_id` is required, the variant must
 * exist and have no item yet. Unlike Medusa (which drops them) title, description, thumbnail
 * and metadata are stored.
 */
export async function createInventoryItem(ctx: Context, input: CreateInventoryItemInput): Promise<InventoryItem> {
  const { variantId, metadata, ...fields } = input;
  if (!variantId) throw notAllowed('variant_id is required');
  // Locked, so that two requests cannot both give the variant an item.
  const variant = await ctx.em.findOne(ProductVariant, { id: variantId, deletedAt: null }, forUpdate());
  if (!variant) throw new AppError('not_found', `Variants not found for the following ids: ${variantId}`);
  if (await ctx.em.count(ProductVariantInventoryItem, { variant: variantId })) throw notAllowed('Inventory Item already exists for this variant');
  const item = ctx.em.create(InventoryItem, { ...fields, metadata: mergeMetadata(null, metadata ?? undefined) });
  ctx.em.create(ProductVariantInventoryItem, { variant, inventoryItem: item });
  await ctx.em.flush();
  ctx.events.emit('inventory-item.created', { ids: [item.id] });
  return item;
}

export async function updateInventoryItem(ctx: Context, id: string, input: UpdateInventoryItemInput): Promise<InventoryItem> {
  const item = await retrieveInventoryItem(ctx, id, true);
  for (const [key, value] of Object.entries(input)) if (value !== undefined && value !== null) (item as any)[key] = value;
  await ctx.em.flush();
  ctx.events.emit('inventory-item.updated', { id });
  return item;
}

/**
 * Soft-deletes the item with its levels and the reservations held on them, and unlinks its
 * variants (Medusa leaves the reservations, which then count nowhere). Reservations are locked
 * before levels, as every reservation write does. An unknown item answers as deleted (Medusa).
 */
export async function deleteInventoryItem(ctx: Context, id: string): Promise<DeleteResponse> {
  const item = await ctx.em.findOne(InventoryItem, { id, deletedAt: null }, forUpdate());
  if (item) {
    await ctx.em.nativeDelete(ProductVariantInventoryItem, { inventoryItem: id });
    item.deletedAt = await removeStock(ctx, 'inventory_item_id', id);
    await ctx.em.flush();
    ctx.events.emit('inventory-item.deleted', { ids: [id] });
  }
  return DeleteResponse.of(id, 'inventory_item');
}

/**
 * Soft-deletes the levels and reservations of an item or of a location (both being deleted), in
 * the lock order of the reservation writes: reservation rows first, then level rows. Answers the
 * deletion time.
 */
export async function removeStock(ctx: Context, column: 'inventory_item_id' | 'location_id', id: string): Promise<Date> {
  const now = new Date();
  const prop = column === 'location_id' ? 'location' : 'inventoryItem';
  await ctx.em.execute(`select "id" from "reservation_item" where "${column}" = ? and "deleted_at" is null for update`, [id]);
  await ctx.em.nativeUpdate(Reservation, { [prop]: id, deletedAt: null }, { deletedAt: now });
  await ctx.em.execute(`select "id" from "inventory_level" where "${column}" = ? and "deleted_at" is null for update`, [id]);
  await ctx.em.nativeUpdate(InventoryLevel, { [prop]: id, deletedAt: null }, { deletedAt: now });
  return now;
}

// ------------------------------------------------------------------ levels

/** The level of an item at a location, locked for the rest of the transaction; null when none. */
export function lockLevel(ctx: Context, itemId: string, locationId: string): Promise<InventoryLevel | null> {
  return ctx.em.findOne(InventoryLevel, { inventoryItem: itemId, location: locationId, deletedAt: null }, forUpdate());
}

/** An item's levels, as Medusa's level list (an unknown item has none). */
export async function listInventoryLevels(ctx: Context, itemId: string, filter: InventoryLevelFilter | undefined): Promise<InventoryItemLevels> {
  const where: Record<string, unknown> = { inventoryItem: itemId };
  if (filter?.locationId?.length) where.location = { $in: filter.locationId };
  const levels = await ctx.em.find(InventoryLevel, where, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return { id: itemId, locationLevels: levels };
}

/** Stocks the item at a location; a second level for the same pair is Medusa's duplicate (422). */
export async function createInventoryLevel(ctx: Context, itemId: string, input: CreateInventoryLevelInput): Promise<InventoryItem> {
  const location = await retrieveStockLocation(ctx, input.locationId);
  const item = await retrieveInventoryItem(ctx, itemId);
  ctx.em.create(InventoryLevel, { inventoryItem: item, location, stockedQuantity: input.stockedQuantity, incomingQuantity: input.incomingQuantity ?? 0 });
  await ctx.em.flush();
  ctx.events.emit('inventory-level.created', { inventory_item_id: itemId, location_id: location.id });
  return item;
}

/** Sets the stocked and incoming quantities, holding the level's lock (reservations wait). */
export async function updateInventoryLevel(ctx: Context, itemId: string, locationId: string, input: UpdateInventoryLevelInput): Promise<InventoryItem> {
  const level = await lockLevel(ctx, itemId, locationId);
  if (!level) throw notStocked(itemId, locationId);
  if (input.stockedQuantity !== undefined && input.stockedQuantity !== null) level.stockedQuantity = input.stockedQuantity;
  if (input.incomingQuantity !== undefined && input.incomingQuantity !== null) level.incomingQuantity = input.incomingQuantity;
  await ctx.em.flush();
  ctx.events.emit('inventory-level.updated', { id: level.id });
  return retrieveInventoryItem(ctx, itemId);
}

/**
 * Removes the item's level at the location; refused while it has reservations (Medusa). Under
 * the level's lock no reservation can be added meanwhile. No level there: nothing to do (200).
 */
export async function deleteInventoryLevel(ctx: Context, itemId: string, locationId: string): Promise<InventoryItem> {
  const item = await retrieveInventoryItem(ctx, itemId);
  const level = await lockLevel(ctx, itemId, locationId);
  if (level) {
    if (level.reservedQuantity > 0) {
      throw notAllowed(`Cannot remove Inventory Level ${itemId} at Location ${locationId} because there are reserved items.`);
    }
    level.deletedAt = new Date();
    await ctx.em.flush();
    ctx.events.emit('inventory-level.deleted', { ids: [level.id] });
  }
  return item;
}

/**
 * Changes the stocked quantity by `delta` (negative: goods left the location), under the level's
 * lock, so concurrent adjustments all count. For fulfilments and returns (the orders domain).
 */
export async function adjustStockedQuantity(ctx: Context, itemId: string, locationId: string, delta: number): Promise<InventoryLevel> {
  const level = await lockLevel(ctx, itemId, locationId);
  if (!level) throw new AppError('not_found', `Inventory level for inventory item ${itemId} and location ${locationId} not found`);
  level.stockedQuantity += delta;
  await ctx.em.flush();
  ctx.events.emit('inventory-level.updated', { id: level.id });
  return level;
}

// ------------------------------------------------------------------ batched reads

/**
 * An item's live levels, oldest first, batched per request. In an item list filtered by
 * location (the list of root field `scope`), only the levels at those locations (as Medusa answers them).
 */
export async function levelsOf(ctx: Context, itemId: string, scope: string): Promise<InventoryLevel[]> {
  const all = await ctx.loaders.children(InventoryLevel, 'inventoryItem', itemId, { createdAt: 'asc', id: 'asc' });
  const only = levelLocations(ctx).get(scope);
  return only ? all.filter((l) => only.includes(l.locationId)) : all;
}

/** The sums of the item's levels (those `levelsOf` answers), as Medusa's item answers carry them. */
export async function quantitiesOf(ctx: Context, itemId: string, scope: string): Promise<{ stocked: number; reserved: number }> {
  const levels = await levelsOf(ctx, itemId, scope);
  return levels.reduce((sum, l) => ({ stocked: sum.stocked + l.stockedQuantity, reserved: sum.reserved + l.reservedQuantity }), { stocked: 0, reserved: 0 });
}

/** Variant ↔ item links of the given side, batched per request (one query per side). */
function linksBy(ctx: Context, side: 'variant' | 'inventoryItem', id: string): Promise<ProductVariantInventoryItem[]> {
  return ctx.loaders.children(ProductVariantInventoryItem, side, id, { createdAt: 'asc', id: 'asc' });
}

/** The live variants sold from an item. */
export async function variantsOf(ctx: Context, itemId: string): Promise<ProductVariant[]> {
  const links = await linksBy(ctx, 'inventoryItem', itemId);
  const variants = await Promise.all(links.map((l) => ctx.loaders.byId(ProductVariant, l.variant.id)));
  return variants.filter((v): v is ProductVariant => !!v);
}

/** The live items a variant is sold from, with the quantity of each that one variant takes. */
export async function itemsOfVariant(ctx: Context, variantId: string): Promise<{ item: InventoryItem; required: number }[]> {
  const links = await linksBy(ctx, 'variant', variantId);
  const items = await Promise.all(links.map((l) => ctx.loaders.byId(InventoryItem, l.inventoryItem.id)));
  return links.flatMap((l, i) => (items[i] ? [{ item: items[i]!, required: l.requiredQuantity }] : []));
}

/** Every live sales channel (oldest first) with the ids of its stock locations; once per request. */
function channelsWithLocations(ctx: Context): Promise<{ channel: SalesChannel; locationIds: string[] }[]> {
  return ctx.loaders.load<string, { channel: SalesChannel; locationIds: string[] }[]>('inventory:channels', async (keys) => {
    const channels = await ctx.em.find(SalesChannel, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const links = await ctx.em.find(SalesChannelLocation, { salesChannel: { $in: channels.map((c) => c.id) } });
    const result = channels.map((channel) => ({ channel, locationIds: links.filter((l) => l.salesChannelId === channel.id).map((l) => l.locationId) }));
    return keys.map(() => result);
  }, 'all');
}

/**
 * Per sales channel, how many of the variant its locations can supply: for each of the
 * variant's items, what is available (stocked − reserved) at the channel's locations divided by
 * what one variant takes; the smallest. A channel without locations can supply none. A variant
 * without items has no availability (an empty list), as Medusa answers.
 */
export async function salesChannelAvailability(ctx: Context, variantId: string): Promise<SalesChannelAvailability[]> {
  const items = await itemsOfVariant(ctx, variantId);
  if (!items.length) return [];
  const [channels, levels] = await Promise.all([
    channelsWithLocations(ctx),
    Promise.all(items.map(({ item }) => ctx.loaders.children(InventoryLevel, 'inventoryItem', item.id, { createdAt: 'asc', id: 'asc' }))),
  ]);
  return channels.map(({ channel, locationIds }) => {
    const perItem = items.map(({ required }, i) => {
      const available = levels[i].filter((l) => locationIds.includes(l.locationId)).reduce((sum, l) => sum + l.availableQuantity, 0);
      return Math.floor(available / required);
    });
    return { channelId: channel.id, channelName: channel.name, availableQuantity: locationIds.length ? Math.min(...perItem) : 0 };
  });
}

/**
 * Medusa's `purchasable` of a variant in admin answers: it allows backorders, does not manage its
 * inventory, or has no item; otherwise its (first) item has stock left (stocked − reserved,
 * summed) at the locations of the sales channels.
 */
export async function variantPurchasable(ctx: Context, variant: ProductVariant): Promise<boolean> {
  if (!variant.manageInventory || variant.allowBackorder) return true;
  const items = await itemsOfVariant(ctx, variant.id);
  if (!items.length) return true;
  const [channels, levels] = await Promise.all([
    channelsWithLocations(ctx),
    ctx.loaders.children(InventoryLevel, 'inventoryItem', items[0].item.id, { createdAt: 'asc', id: 'asc' }),
  ]);
  const locationIds = new Set(channels.flatMap((c) => c.locationIds));
  return levels.filter((l) => locationIds.has(l.locationId)).reduce((sum, l) => sum + l.availableQuantity, 0) > 0;
}

/**
 * Whether `quantity` of the variant can be sold (Medusa's inventory confirmation, for carts and
 * orders): always for a variant that allows backorders, does not manage its inventory or has no
 * items; otherwise each item must have quantity × what one variant takes available at the sales
 * channel's locations (every location without a channel).
 */
export async function confirmVariantInventory(ctx: Context, variantId: string, quantity: number, salesChannelId?: string | null): Promise<boolean> {
  const variant = await ctx.em.findOne(ProductVariant, { id: variantId });
  if (!variant) throw new AppError('not_found', `Variant with id: ${variantId} was not found`);
  if (variant.allowBackorder || !variant.manageInventory) return true;
  const items = await itemsOfVariant(ctx, variantId);
  if (!items.length) return true;
  const locationIds = salesChannelId
    ? await locationIdsOfChannels(ctx, [salesChannelId], true)
    : (await ctx.em.find(StockLocation, {}, { fields: ['id'] })).map((l) => l.id);
  if (!locationIds.length) return false;
  for (const { item, required } of items) {
    const levels = await ctx.em.find(InventoryLevel, { inventoryItem: item.id, location: { $in: locationIds } });
    if (levels.reduce((sum, l) => sum + l.availableQuantity, 0) < quantity * required) return false;
  }
  return true;
}

// ------------------------------------------------------------------ variants (catalog hooks)

/**
 * Gives a new variant that manages its inventory an item of its own, as Medusa does when
 * variants are created through the admin API: the item takes the variant's SKU and its physical
 * and customs columns.
 */
export function createItemForVariant(ctx: Context, variant: ProductVariant): void {
  if (!variant.manageInventory) return;
  const item = ctx.em.create(InventoryItem, {
    sku: variant.sku ?? null, originCountry: variant.originCountry ?? null, hsCode: variant.hsCode ?? null, midCode: variant.midCode ?? null,
    material: variant.material ?? null, weight: variant.weight ?? null, length: variant.length ?? null, height: variant.height ?? null, width: variant.width ?? null,
  });
  ctx.em.create(ProductVariantInventoryItem, { variant, inventoryItem: item });
}

/** Removes the item links of deleted variants (the items themselves stay, as in Medusa). */
export async function unlinkVariants(ctx: Context, variantIds: string[]): Promise<void> {
  if (variantIds.length) await ctx.em.nativeDelete(ProductVariantInventoryItem, { variant: { $in: variantIds } });
}
