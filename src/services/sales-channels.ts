import type { Context } from '../context';
import { SalesChannel } from '../entities/sales-channels';
import { notAllowed, notFound } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { mergeMetadata } from '../lib/metadata';
import { DeleteResponse } from '../../schema/common';
import type { CreateSalesChannelInput, SalesChannelFilter, UpdateSalesChannelInput } from '../../schema/sales-channels';
import { retrieveStore } from './store';

/** Reported by GET /admin/store: sales channels are served. */
export const featureFlags = { sales_channels: true };

const LIST: ListSpec = {
  orderable: ['name', 'description', 'isDisabled', 'createdAt', 'updatedAt', 'deletedAt'],
  searchable: ['name', 'description'],
};

export function listSalesChannels(ctx: Context, filter: SalesChannelFilter | undefined, args: PageArgs) {
  return findPage(ctx, SalesChannel, whereOf(filter), args, LIST);
}

export async function retrieveSalesChannel(ctx: Context, id: string): Promise<SalesChannel> {
  const channel = await ctx.em.findOne(SalesChannel, { id });
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
  const channel = await retrieveSalesChannel(ctx, id);
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
    await ctx.em.flush();
    ctx.events.emit('sales_channel.deleted', { id });
  }
  return DeleteResponse.of(id, 'sales-channel');
}

/** The store's default sales channel, or null when the store has none (batched by id). */
export async function defaultSalesChannelOf(ctx: Context, id: string | null | undefined): Promise<SalesChannel | null> {
  return id ? ctx.loaders.byId(SalesChannel, id) : null;
}
