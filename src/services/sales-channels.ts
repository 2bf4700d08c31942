import { PopulateHint } from '@mikro-orm/core';
import { lockRow } from '../lib/locks';
import type { Context } from '../context';
import { Product } from '../entities/products';
import { SalesChannel } from '../entities/sales-channels';
import { AppError, invalid, notAllowed, notFound } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { mergeMetadata } from '../lib/metadata';
import { DeleteResponse } from '../../schema/common';
import type { CreateSalesChannelInput, ProductRef, SalesChannelFilter, UpdateSalesChannelInput } from '../../schema/sales-channels';
import { retrieveStore } from './store';
import { unlinkSalesChannel } from './stock-locations';

/** Reported by GET /admin/store: sales channels are served. */
export const featureFlags = { sales_channels: true };

const LIST: ListSpec = {
  orderable: ['id', 'name', 'description', 'isDisabled', 'createdAt', 'updatedAt', 'deletedAt'],
  searchable: ['name', 'description'],
};

export function listSalesChannels(ctx: Context, filter: SalesChannelFilter | undefined, args: PageArgs) {
  return findPage(ctx, SalesChannel, whereOf(filter), args, LIST);
}

export async function retrieveSalesChannel(ctx: Context, id: string, lock = false): Promise<SalesChannel> {
  const channel = await ctx.em.findOne(SalesChannel, { id }, lock ? lockRow() : {});
  if (!channel) throw notFound('Sales channel', id);
  return channel;
}

export async function createSalesChannel(ctx: Context, input: CreateSalesChannelInput): Promise<SalesChannel> {
  const channel = ctx.em.create(SalesChannel, {
    name: input.name,
    description: input.description ?? null,
    isDisabled: input.isDisabled ?? false,
    metadata: mergeMetadata(null, input.metadata ?? undefined),
  });
  await ctx.em.flush();
  ctx.events.emit('sales_channel.created', { id: channel.id });
  return channel;
}

export async function updateSalesChannel(ctx: Context, id: string, input: UpdateSalesChannelInput): Promise<SalesChannel> {
  const channel = await retrieveSalesChannel(ctx, id, true); // locked: concurrent metadata merges must not be lost
  if (input.name) channel.name = input.name;
  if (input.description !== undefined) channel.description = input.description;
  if (input.isDisabled !== undefined && input.isDisabled !== null) channel.isDisabled = input.isDisabled;
  if (input.metadata !== undefined) channel.metadata = mergeMetadata(channel.metadata, input.metadata);
  await ctx.em.flush();
  ctx.events.emit('sales_channel.updated', { id });
  return channel;
}

/**
 * Soft delete. As Medusa: the store's default channel cannot be deleted (400), and deleting a
 * channel that does not exist (or no longer does) answers as if it had just been deleted.
 */
export async function deleteSalesChannel(ctx: Context, id: string): Promise<DeleteResponse> {
  const channel = await ctx.em.findOne(SalesChannel, { id });
  if (channel) {
    const store = await retrieveStore(ctx);
    if (store.defaultSalesChannelId === id) throw notAllowed('You cannot delete the default sales channel');
    channel.deletedAt = new Date();
    await unlinkSalesChannel(ctx, id);
    await ctx.em.flush();
    ctx.events.emit('sales_channel.deleted', { id });
  }
  return DeleteResponse.of(id, 'sales-channel');
}

/** The store's default sales channel, or null when the store has none (batched by id). */
export async function defaultSalesChannelOf(ctx: Context, id: string | null | undefined): Promise<SalesChannel | null> {
  return id ? ctx.loaders.byId(SalesChannel, id) : null;
}

/** Adds products to the channel (those already in it stay as they are). */
export async function addProductsToSalesChannel(ctx: Context, id: string, refs: ProductRef[]): Promise<SalesChannel> {
  // Medusa's words here are those of the foreign-key violation its insert runs into.
  const channel = await ctx.em.findOne(SalesChannel, { id });
  if (!channel) throw new AppError('not_found', `Sales_channel with sales_channel_id ${id} does not exist.`);
  await linkProducts(ctx, refs.map((r) => r.id), 'salesChannels', channel);
  ctx.events.emit('sales_channel.products_added', { id, product_ids: refs.map((r) => r.id) });
  return channel;
}

export async function removeProductsFromSalesChannel(ctx: Context, id: string, refs: ProductRef[]): Promise<SalesChannel> {
  const channel = await retrieveSalesChannel(ctx, id);
  // As Medusa: removal does not check that the products exist, unknown ids are skipped.
  await unlinkProducts(ctx, refs.map((r) => r.id), 'salesChannels', channel, false);
  ctx.events.emit('sales_channel.products_removed', { id, product_ids: refs.map((r) => r.id) });
  return channel;
}

// ------------------------------------------------------------------ product links
// Shared by sales channels and categories: both are many-to-many links owned by Product.

type LinkProp = 'salesChannels' | 'categories';

/**
 * The live products with these ids, each with `prop` loaded; as Medusa's batch validator, any
 * unknown (or deleted) id refuses the whole batch before anything is written.
 */
export async function existingProducts(ctx: Context, ids: string[], populate: LinkProp[] = [], strict = true): Promise<Product[]> {
  const wanted = [...new Set(ids)];
  const products = await ctx.em.find(Product, { id: { $in: wanted } }, { populate: populate as any });
  const found = new Set(products.map((p) => p.id));
  const missing = wanted.filter((pid) => !found.has(pid));
  if (strict && missing.length) throw invalid(`Products ${missing.join(', ')} do not exist`);
  return products;
}

export async function linkProducts(ctx: Context, ids: string[], prop: LinkProp, target: object): Promise<void> {
  for (const product of await existingProducts(ctx, ids, [prop])) {
    const links = product[prop] as unknown as { contains(x: object): boolean; add(x: object): void };
    if (!links.contains(target)) links.add(target);
  }
  await ctx.em.flush();
}

/** `strict`: unknown ids refuse the batch (categories); otherwise they are skipped (sales channels). */
export async function unlinkProducts(ctx: Context, ids: string[], prop: LinkProp, target: object, strict: boolean): Promise<void> {
  for (const product of await existingProducts(ctx, ids, [prop], strict)) {
    (product[prop] as unknown as { remove(x: object): void }).remove(target);
  }
  await ctx.em.flush();
}

/**
 * The live products linked to `targetId` through `prop`, oldest first; one query (plus the
 * links) for every target asked in the same request.
 */
export function productsLinkedTo(ctx: Context, prop: LinkProp, targetId: string): Promise<Product[]> {
  return ctx.loaders.load<string, Product[]>(`productsLinkedTo:${prop}`, async (targetIds) => {
    const products = await ctx.em.find(Product, { [prop]: { $in: [...targetIds] } } as object, {
      populate: [prop] as any,
      // Every link of each product, not only those matched: the collection is then complete
      // for anything else in the request that reads it (e.g. a product's own categories).
      populateWhere: PopulateHint.ALL,
      orderBy: { createdAt: 'asc', id: 'asc' },
    });
    const byTarget = new Map<string, Product[]>(targetIds.map((tid) => [tid, []]));
    for (const product of products) {
      for (const linked of (product[prop] as unknown as { getItems(): { id: string }[] }).getItems()) byTarget.get(linked.id)?.push(product);
    }
    return targetIds.map((tid) => byTarget.get(tid) ?? []);
  }, targetId);
}
