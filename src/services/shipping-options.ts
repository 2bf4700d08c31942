import { LockMode } from '@mikro-orm/core';
import type { Context } from '../context';
import { Region } from '../entities/regions';
import {
  ShippingOption, ShippingOptionPriceType, ShippingOptionPricing, ShippingOptionRequirement, ShippingOptionRequirementType,
  ShippingOptionTaxRate,
} from '../entities/shipping-options';
import { ShippingProfile, ShippingProfileType } from '../entities/shipping-profiles';
import { FulfillmentProvider } from '../entities/store';
import { AppError, invalid, notFound } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { mergeMetadata } from '../lib/metadata';
import { DeleteResponse } from '../../schema/common';
import type {
  CreateShippingOptionInput, ShippingOptionFilter, ShippingOptionRequirementInput, UpdateShippingOptionInput,
} from '../../schema/shipping-options';

const LIST: ListSpec = {
  orderable: ['name', 'amount', 'isReturn', 'adminOnly', 'createdAt', 'updatedAt'],
  searchable: ['name'],
};

/**
 * Fulfillment providers that can compute a price themselves (Medusa's `canCalculate`). The
 * built-in `manual` provider cannot, so its options must be flat rate; a provider module that
 * can registers itself here.
 */
const CALCULATING_PROVIDERS = new Set<string>();

export function registerCalculatingProvider(providerId: string): void {
  CALCULATING_PROVIDERS.add(providerId);
}

export function listShippingOptions(ctx: Context, filter: ShippingOptionFilter | undefined, args: PageArgs) {
  const where = whereOf(filter, ['regionId']);
  if (filter?.regionId) where.region = { $in: filter.regionId };
  return findPage(ctx, ShippingOption, where, args, LIST);
}

export async function retrieveShippingOption(ctx: Context, id: string, lock = false): Promise<ShippingOption> {
  const option = await ctx.em.findOne(ShippingOption, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  // Medusa's wording for this entity has no "id:" (`Shipping Option with so_... was not found`).
  if (!option) throw new AppError('not_found', `Shipping Option with ${id} was not found`);
  return option;
}

export async function createShippingOption(ctx: Context, input: CreateShippingOptionInput): Promise<ShippingOption> {
  const amount = priceAmount(input.priceType, input.providerId, input.amount);
  const region = await regionOf(ctx, input.regionId);
  const provider = regionProvider(region, input.providerId);
  const profile = await profileOf(ctx, input.profileId);
  const requirements = checkedRequirements(input.requirements ?? []);
  if (requirements.some((r) => r.id)) throw invalid('A new shipping option cannot take existing requirements');
  const option = ctx.em.create(ShippingOption, {
    name: input.name,
    region,
    provider,
    profile,
    data: input.data,
    priceType: input.priceType,
    amount,
    isReturn: input.isReturn ?? false,
    adminOnly: input.adminOnly ?? false,
    includesTax: input.includesTax ?? false,
    metadata: mergeMetadata(null, input.metadata),
  });
  for (const r of requirements) ctx.em.create(ShippingOptionRequirement, { shippingOption: option, type: r.type, amount: r.amount });
  await ctx.em.flush();
  return option;
}

export async function updateShippingOption(ctx: Context, id: string, input: UpdateShippingOptionInput): Promise<ShippingOption> {
  const option = await retrieveShippingOption(ctx, id, true);
  if (input.name !== undefined) option.name = input.name;
  if (input.adminOnly !== undefined && input.adminOnly !== null) option.adminOnly = input.adminOnly;
  if (input.includesTax !== undefined && input.includesTax !== null) option.includesTax = input.includesTax;
  applyPrice(option, input.priceType, input.amount);
  if (input.metadata !== undefined) option.metadata = mergeMetadata(option.metadata, input.metadata);
  await replaceRequirements(ctx, option, checkedRequirements(input.requirements));
  await ctx.em.flush();
  return option;
}

/** Soft delete. Deleting again, or an unknown id, answers the same, as Medusa's idempotent delete. */
export async function deleteShippingOption(ctx: Context, id: string): Promise<DeleteResponse> {
  const option = await ctx.em.findOne(ShippingOption, { id });
  if (option) {
    option.deletedAt = new Date();
    await ctx.em.flush();
  }
  return DeleteResponse.of(id, 'shipping-option');
}

// ---------------------------------------------------------------- pricing

/**
 * The tax rates linked to each option (Medusa's `listByShippingOption`), for a page of options in
 * one query; an option without links gets an empty list.
 */
export async function linkedTaxRates(ctx: Context, optionIds: readonly string[]): Promise<ShippingOptionTaxRate[][]> {
  const rows: { shipping_option_id: string; rate: number | null; name: string; code: string | null }[] = await ctx.em.execute(
    `select l.shipping_option_id, r.rate, r.name, r.code from shipping_tax_rate l join tax_rate r on r.id = l.rate_id
     where l.shipping_option_id in (${optionIds.map(() => '?').join(', ')}) order by r.created_at, r.id`,
    [...optionIds],
  );
  const byOption = new Map<string, ShippingOptionTaxRate[]>(optionIds.map((id) => [id, []]));
  for (const r of rows) byOption.get(r.shipping_option_id)?.push({ rate: r.rate, name: r.name, code: r.code });
  return optionIds.map((id) => byOption.get(id) ?? []);
}

/**
 * Medusa's admin list prices each option for its region: with automatic taxes the option's linked
 * rates apply, or else the region's rate as `default`; without, no rate. The tax is rounded to
 * minor units and comes out of the amount when the option includes tax (tax-inclusive pricing is on).
 */
export function optionPricing(option: ShippingOption, region: Region | null, linked: ShippingOptionTaxRate[]): ShippingOptionPricing {
  const taxRates = !region?.automaticTaxes ? [] : linked.length ? linked : [{ rate: region.taxRate, name: 'default', code: 'default' }];
  const price = option.amount ?? 0;
  const rate = taxRates.reduce((sum, r) => sum + (r.rate ?? 0) / 100, 0);
  const taxAmount = Math.round(option.includesTax ? (rate * price) / (1 + rate) : rate * price);
  return { priceInclTax: option.includesTax ? price : price + taxAmount, taxAmount, taxRates };
}

// ---------------------------------------------------------------- rules

/** Flat rates need an amount of at least 0; calculated prices come from the provider, so no amount is kept. */
function priceAmount(type: ShippingOptionPriceType, providerId: string, amount: number | null | undefined): number | null {
  if (type === ShippingOptionPriceType.calculated) {
    if (!CALCULATING_PROVIDERS.has(providerId)) throw cannotCalculate();
    return null;
  }
  if (amount === undefined || amount === null || amount < 0) throw flatRateNeedsAmount();
  return amount;
}

/**
 * An update's price: a new price type is checked as on creation (a calculated price keeps no
 * amount); an amount, null included, replaces the current one. A flat rate must end with an
 * amount of at least 0, as Medusa checks after applying both.
 */
function applyPrice(option: ShippingOption, type: ShippingOptionPriceType | undefined | null, amount: number | null | undefined): void {
  if (amount !== undefined) option.amount = amount;
  if (type) {
    if (type === ShippingOptionPriceType.calculated && !CALCULATING_PROVIDERS.has(option.providerId)) throw cannotCalculate();
    option.priceType = type;
    if (type === ShippingOptionPriceType.calculated) option.amount = null;
  }
  if (option.priceType === ShippingOptionPriceType.flat_rate && (option.amount === null || option.amount === undefined || option.amount < 0)) throw flatRateNeedsAmount();
}

const cannotCalculate = () => invalid('The fulfillment provider cannot calculate prices for this option');
const flatRateNeedsAmount = () => invalid('Shipping options of type `flat_rate` must have an `amount`');

async function regionOf(ctx: Context, id: string): Promise<Region> {
  const region = await ctx.em.findOne(Region, { id }, { populate: ['fulfillmentProviders'] });
  // Medusa's region service words it without "id:".
  if (!region) throw new AppError('not_found', `Region with ${id} was not found`);
  return region;
}

/** The provider must be one of the region's fulfillment providers. */
function regionProvider(region: Region, providerId: string): FulfillmentProvider {
  const provider = region.fulfillmentProviders.getItems().find((p) => p.id === providerId);
  if (!provider) throw invalid('The fulfillment provider is not available in the provided region');
  return provider;
}

/** The given profile, or the store's default profile as Medusa picks when none is given. */
async function profileOf(ctx: Context, id: string | undefined): Promise<ShippingProfile> {
  const profile = id
    ? await ctx.em.findOne(ShippingProfile, { id })
    : await ctx.em.findOne(ShippingProfile, { type: ShippingProfileType.default }, { orderBy: { createdAt: 'asc' } });
  // An unknown profile id in the words of Medusa's foreign-key check.
  if (!profile && id) throw new AppError('not_found', `Shipping_profile with profile_id ${id} does not exist.`);
  if (!profile) throw notFound('Profile', ShippingProfileType.default);
  return profile;
}

/** At most one requirement of each type, and a minimum no greater than the maximum. */
function checkedRequirements(requirements: ShippingOptionRequirementInput[]): ShippingOptionRequirementInput[] {
  const byType = new Map<ShippingOptionRequirementType, ShippingOptionRequirementInput>();
  for (const r of requirements) {
    if (byType.has(r.type)) throw invalid('Only one requirement of each type is allowed');
    byType.set(r.type, r);
  }
  const min = byType.get(ShippingOptionRequirementType.min_subtotal);
  const max = byType.get(ShippingOptionRequirementType.max_subtotal);
  if (min && max && max.amount < min.amount) throw invalid('Max. subtotal must be greater than Min. subtotal');
  return requirements;
}

/** Requirements with an id are changed in place, new ones are added, and those left out are removed (softly). */
async function replaceRequirements(ctx: Context, option: ShippingOption, wanted: ShippingOptionRequirementInput[]): Promise<void> {
  const current = await ctx.em.find(ShippingOptionRequirement, { shippingOption: option });
  const byId = new Map(current.map((r) => [r.id, r]));
  for (const w of wanted) {
    if (w.id && !byId.has(w.id)) throw invalid(`Shipping option requirement with id ${w.id} does not exist`);
  }
  const kept = new Set(wanted.map((w) => w.id).filter(Boolean));
  const now = new Date();
  for (const r of current) if (!kept.has(r.id)) r.deletedAt = now;
  for (const w of wanted) {
    const existing = w.id ? byId.get(w.id) : undefined;
    if (existing) Object.assign(existing, { type: w.type, amount: w.amount });
    else ctx.em.create(ShippingOptionRequirement, { shippingOption: option, type: w.type, amount: w.amount });
  }
}
