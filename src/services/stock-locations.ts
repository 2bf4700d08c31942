import type { Context } from '../context';
import { SalesChannel } from '../entities/sales-channels';
import { SalesChannelLocation, StockLocation, StockLocationAddress } from '../entities/stock-locations';
import { AppError, invalid, notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { forUpdate } from '../lib/locks';
import { mergeMetadata } from '../lib/metadata';
import { DeleteResponse } from '../../schema/common';
import type { CreateStockLocationInput, StockLocationAddressInput, StockLocationFilter, UpdateStockLocationInput } from '../../schema/stock-locations';
import { retrieveSalesChannel } from './sales-channels';
import { removeStock } from './inventory-items';

const LIST: ListSpec = {
  orderable: ['id', 'name', 'createdAt', 'updatedAt'],
  // Medusa's stock location search matches the name only.
  searchable: ['name'],
};

/** Medusa's wording (its stock-location module's, not the core's). */
export const locationNotFound = (id: string) => new AppError('not_found', `StockLocation with id ${id} was not found`);
const addressNotFound = (id: string) => new AppError('not_found', `StockLocation address with id ${id} was not found`);

export async function listStockLocations(ctx: Context, filter: StockLocationFilter | undefined, args: PageArgs) {
  const conditions: Record<string, unknown>[] = [whereOf(filter, ['addressId', 'salesChannelId'])];
  if (filter?.addressId) conditions.push({ address: { $in: filter.addressId } });
  if (filter?.salesChannelId?.length) conditions.push({ id: { $in: await locationIdsOfChannels(ctx, filter.salesChannelId, true) } });
  return findPage(ctx, StockLocation, { $and: conditions }, args, LIST);
}

/**
 * The locations linked to the given channels (each once). With `strict`, as Medusa's filter on
 * sales channels: none of the channels exists → 404.
 */
export async function locationIdsOfChannels(ctx: Context, channelIds: string[], strict = false): Promise<string[]> {
  if (strict && !(await ctx.em.count(SalesChannel, { id: { $in: channelIds } }))) {
    throw new AppError('not_found', `Sales channel with id: ${channelIds.join(', ')} was not found`);
  }
  const links = await ctx.em.find(SalesChannelLocation, { salesChannel: { $in: channelIds } }, { fields: ['location'] });
  return [...new Set(links.map((l) => l.location.id))];
}

export async function retrieveStockLocation(ctx: Context, id: string, lock = false): Promise<StockLocation> {
  const location = await ctx.em.findOne(StockLocation, { id, deletedAt: null }, lock ? forUpdate() : {});
  if (!location) throw locationNotFound(id);
  return location;
}

async function existingAddress(ctx: Context, id: string): Promise<StockLocationAddress> {
  const address = await ctx.em.findOne(StockLocationAddress, { id });
  if (!address) throw addressNotFound(id);
  return address;
}

function newAddress(ctx: Context, input: StockLocationAddressInput): StockLocationAddress {
  return ctx.em.create(StockLocationAddress, { ...input });
}

export async function createStockLocation(ctx: Context, input: CreateStockLocationInput): Promise<StockLocation> {
  const name = input.name.trim();
  if (!name) throw invalid('name should not be empty');
  // As Medusa: an existing address by id wins over a new one. Unlike Medusa, it must exist.
  const address = input.addressId ? await existingAddress(ctx, input.addressId) : input.address ? newAddress(ctx, input.address) : null;
  const location = ctx.em.create(StockLocation, { name, address, metadata: mergeMetadata(null, input.metadata ?? undefined) });
  await ctx.em.flush();
  ctx.events.emit('stock-location.created', { id: location.id });
  return location;
}

export async function updateStockLocation(ctx: Context, id: string, input: UpdateStockLocationInput): Promise<StockLocation> {
  const location = await retrieveStockLocation(ctx, id, true);
  if (input.name !== undefined && input.name !== null) {
    if (!input.name.trim()) throw invalid('name should not be empty');
    location.name = input.name.trim();
  }
  if (input.addressId) location.address = await existingAddress(ctx, input.addressId);
  if (input.address) {
    // The given fields change the location's own address; a location without one gets one.
    if (location.address) Object.assign(await existingAddress(ctx, location.address.id), definedOnly(input.address));
    else location.address = newAddress(ctx, input.address);
  }
  if (input.metadata !== undefined) location.metadata = mergeMetadata(location.metadata, input.metadata);
  await ctx.em.flush();
  ctx.events.emit('stock-location.updated', { id });
  return location;
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Soft delete, with what depends on the location: its sales-channel links, its inventory levels
 * and the reservations held there (as Medusa). Reservation rows are locked before level rows,
 * the order every reservation write takes, so this cannot deadlock with one. Deleting an unknown
 * location answers as if it had just been deleted (Medusa).
 */
export async function deleteStockLocation(ctx: Context, id: string): Promise<DeleteResponse> {
  const location = await ctx.em.findOne(StockLocation, { id, deletedAt: null }, forUpdate());
  if (location) {
    await ctx.em.nativeDelete(SalesChannelLocation, { location: id });
    location.deletedAt = await removeStock(ctx, 'location_id', id);
    await ctx.em.flush();
    ctx.events.emit('stock-location.deleted', { id });
  }
  return DeleteResponse.of(id, 'stock_location');
}

// ------------------------------------------------------------------ sales channels

/**
 * Links the location to the channel (a link that exists already is kept as it is). Both must
 * exist: Medusa's 404s, in its words.
 */
export async function addStockLocationToSalesChannel(ctx: Context, channelId: string, locationId: string): Promise<SalesChannel> {
  const channel = await retrieveSalesChannel(ctx, channelId);
  await retrieveStockLocation(ctx, locationId);
  await ctx.em.createQueryBuilder(SalesChannelLocation)
    .insert({ id: newId(SalesChannelLocation.idPrefix), salesChannel: channelId, location: locationId })
    .onConflict(['salesChannel', 'location']).ignore()
    .execute();
  ctx.events.emit('sales_channel.location_added', { id: channelId, location_id: locationId });
  return channel;
}

/** Removes the link; as Medusa, a link (or channel) that is not there answers the same. */
export async function removeStockLocationFromSalesChannel(ctx: Context, channelId: string, locationId: string): Promise<DeleteResponse> {
  const removed = await ctx.em.nativeDelete(SalesChannelLocation, { salesChannel: channelId, location: locationId });
  if (removed) ctx.events.emit('sales_channel.location_removed', { id: channelId, location_id: locationId });
  // Medusa answers with the channel's id and the object removed from it.
  return DeleteResponse.of(channelId, 'stock-location');
}

/** Removes every location link of a deleted sales channel. */
export async function unlinkSalesChannel(ctx: Context, channelId: string): Promise<void> {
  await ctx.em.nativeDelete(SalesChannelLocation, { salesChannel: channelId });
}

/** The live sales channels a location serves, oldest first; one query per request. */
export function salesChannelsOf(ctx: Context, locationId: string): Promise<SalesChannel[]> {
  return ctx.loaders.load<string, SalesChannel[]>('stock-locations:sales-channels', async (ids) => {
    const links = await ctx.em.find(SalesChannelLocation, { location: { $in: [...ids] }, salesChannel: { deletedAt: null } }, {
      populate: ['salesChannel'], orderBy: { salesChannel: { createdAt: 'asc', id: 'asc' } },
    });
    return ids.map((id) => links.filter((l) => l.locationId === id).map((l) => l.salesChannel as SalesChannel));
  }, locationId);
}

/** A sales channel's location links (`expand=locations`), oldest first; batched. */
export function locationLinksOf(ctx: Context, channelId: string): Promise<SalesChannelLocation[]> {
  return ctx.loaders.children(SalesChannelLocation, 'salesChannel', channelId, { createdAt: 'asc', id: 'asc' });
}

/** A location's address, batched by id. */
export function addressOf(ctx: Context, location: StockLocation): Promise<StockLocationAddress | null> | null {
  return location.addressId ? ctx.loaders.byId(StockLocationAddress, location.addressId) : null;
}
