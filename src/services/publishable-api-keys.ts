import { LockMode } from '@mikro-orm/core';
import { Context, userIdOf } from '../context';
import { PublishableApiKey } from '../entities/publishable-api-keys';
import { SalesChannel } from '../entities/sales-channels';
import { invalid, notAllowed, notFound } from '../lib/errors';
import { findPage, ListSpec, PageArgs, textSearch, whereOf } from '../lib/list';
import { DeleteResponse } from '../../schema/common';
import type { CreatePublishableApiKeyInput, PublishableApiKeyFilter, UpdatePublishableApiKeyInput } from '../../schema/publishable-api-keys';

/** Reported by GET /admin/store: the publishable key routes are on, as in Medusa 1.20. */
export const featureFlags = { publishable_api_keys: true };

const LIST: ListSpec = {
  orderable: ['title', 'createdAt', 'updatedAt', 'revokedAt'],
  searchable: ['title'],
};

export function listPublishableApiKeys(ctx: Context, filter: PublishableApiKeyFilter | undefined, args: PageArgs) {
  return findPage(ctx, PublishableApiKey, whereOf(filter), args, LIST);
}

export async function retrievePublishableApiKey(ctx: Context, id: string, lock = false): Promise<PublishableApiKey> {
  const key = await ctx.em.findOne(PublishableApiKey, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!key) throw notFound('Publishable key', id);
  return key;
}

export async function createPublishableApiKey(ctx: Context, input: CreatePublishableApiKeyInput): Promise<PublishableApiKey> {
  const key = ctx.em.create(PublishableApiKey, { title: input.title, createdBy: userIdOf(ctx) });
  await ctx.em.flush();
  ctx.events.emit('publishable_api_key.created', { id: key.id });
  return key;
}

export async function updatePublishableApiKey(ctx: Context, id: string, input: UpdatePublishableApiKeyInput): Promise<PublishableApiKey> {
  const key = await retrievePublishableApiKey(ctx, id);
  if (input.title !== undefined && input.title !== null) key.title = input.title;
  await ctx.em.flush();
  return key;
}

/** A hard delete, as Medusa's: the key and its sales channel links are gone; a second delete is 404. */
export async function deletePublishableApiKey(ctx: Context, id: string): Promise<DeleteResponse> {
  const key = await retrievePublishableApiKey(ctx, id);
  ctx.em.remove(key);
  await ctx.em.flush();
  return DeleteResponse.of(id, 'publishable_api_key');
}

/** Revoking is final; the row is locked so two revocations cannot both succeed. */
export async function revokePublishableApiKey(ctx: Context, id: string): Promise<PublishableApiKey> {
  const key = await retrievePublishableApiKey(ctx, id, true);
  if (key.revokedAt) throw notAllowed('PublishableApiKey has already been revoked.');
  key.revokedAt = new Date();
  key.revokedBy = userIdOf(ctx);
  await ctx.em.flush();
  ctx.events.emit('publishable_api_key.revoked', { id: key.id });
  return key;
}

export async function listKeySalesChannels(ctx: Context, id: string, q?: string): Promise<SalesChannel[]> {
  const key = await retrievePublishableApiKey(ctx, id);
  return key.salesChannels.matching({
    where: q ? textSearch(q, ['name', 'description']) : {},
    orderBy: { createdAt: 'asc', id: 'asc' },
  });
}

/** Links the channels (already linked ones are left as they are); unknown channel ids are refused. */
export async function addKeySalesChannels(ctx: Context, id: string, channelIds: string[]): Promise<PublishableApiKey> {
  const key = await retrievePublishableApiKey(ctx, id, true);
  const channels = await existingChannels(ctx, channelIds);
  await key.salesChannels.init();
  key.salesChannels.add(channels);
  await ctx.em.flush();
  return key;
}

/** Unlinks the channels; ids that are not linked are ignored. */
export async function removeKeySalesChannels(ctx: Context, id: string, channelIds: string[]): Promise<PublishableApiKey> {
  const key = await retrievePublishableApiKey(ctx, id, true);
  await key.salesChannels.init();
  const remove = new Set(channelIds);
  key.salesChannels.remove(key.salesChannels.getItems().filter((c) => remove.has(c.id)));
  await ctx.em.flush();
  return key;
}

async function existingChannels(ctx: Context, ids: string[]): Promise<SalesChannel[]> {
  const unique = [...new Set(ids)];
  const found = await ctx.em.find(SalesChannel, { id: { $in: unique } });
  const missing = unique.filter((id) => !found.some((c) => c.id === id));
  if (missing.length) throw invalid(`Sales channels with ids ${missing.join(', ')} do not exist`);
  return found;
}
