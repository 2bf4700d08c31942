import { EntityName, LockMode } from '@mikro-orm/core';
import type { Context } from '../context';
import { Product } from '../entities/products';
import { ShippingOption } from '../entities/shipping-options';
import { ShippingProfile, ShippingProfileType } from '../entities/shipping-profiles';
import { invalid, notAllowed, notFound } from '../lib/errors';
import { mergeMetadata } from '../lib/metadata';
import { DeleteResponse } from '../../schema/common';
import type { CreateShippingProfileInput, UpdateShippingProfileInput } from '../../schema/shipping-profiles';

/**
 * Medusa's list takes no paging parameters, but its service still pages by its default of 10:
 * a store answers its first 10 live profiles, oldest first (the default and gift card profiles lead).
 */
export const PROFILE_LIST_SIZE = 10;

export function listShippingProfiles(ctx: Context): Promise<ShippingProfile[]> {
  return ctx.em.find(ShippingProfile, {}, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: PROFILE_LIST_SIZE });
}

export async function retrieveShippingProfile(ctx: Context, id: string, lock = false): Promise<ShippingProfile> {
  const profile = await ctx.em.findOne(ShippingProfile, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!profile) throw notFound('Profile', id);
  return profile;
}

export async function createShippingProfile(ctx: Context, input: CreateShippingProfileInput): Promise<ShippingProfile> {
  const profile = ctx.em.create(ShippingProfile, { name: input.name, type: input.type, metadata: mergeMetadata(null, input.metadata) });
  await ctx.em.flush();
  return profile;
}

/** Besides its own fields, an update moves the given products and shipping options into the profile. */
export async function updateShippingProfile(ctx: Context, id: string, input: UpdateShippingProfileInput): Promise<ShippingProfile> {
  const profile = await retrieveShippingProfile(ctx, id, true);
  if (input.name !== undefined) profile.name = input.name;
  if (input.type !== undefined && input.type !== null) profile.type = input.type;
  if (input.metadata !== undefined) profile.metadata = mergeMetadata(profile.metadata, input.metadata);
  if (input.products) await moveInto(ctx, profile, Product, 'Products', input.products);
  if (input.shippingOptions) await moveInto(ctx, profile, ShippingOption, 'Shipping options', input.shippingOptions);
  await ctx.em.flush();
  return profile;
}

/**
 * Soft delete. The store's default and gift card profiles are refused: products and gift cards
 * fall back on them. Deleting again, or an unknown id, answers the same, as Medusa's idempotent delete.
 */
export async function deleteShippingProfile(ctx: Context, id: string): Promise<DeleteResponse> {
  const profile = await ctx.em.findOne(ShippingProfile, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (profile) {
    if (profile.type !== ShippingProfileType.custom) throw notAllowed(`The ${profile.type} shipping profile cannot be deleted`);
    profile.deletedAt = new Date();
    await ctx.em.flush();
  }
  return DeleteResponse.of(id, 'shipping_profile');
}

/** Points each record's `profile` at this profile, after checking that every id exists. */
async function moveInto(ctx: Context, profile: ShippingProfile, entity: typeof Product | typeof ShippingOption, what: string, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const rows: { id: string; profile?: ShippingProfile | null }[] = await ctx.em.find(entity as EntityName<Product | ShippingOption>, { id: { $in: unique } });
  const missing = unique.filter((i) => !rows.some((r) => r.id === i));
  if (missing.length) throw invalid(`${what} with ids ${missing.join(', ')} do not exist`);
  for (const row of rows) row.profile = profile;
}
