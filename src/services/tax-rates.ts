import { LockMode } from '@mikro-orm/core';
import type { EntityName } from '@mikro-orm/core';
import type { Context } from '../context';
import { Region } from '../entities/regions';
import { TaxRate } from '../entities/tax-rates';
import { Product } from '../entities/products';
import { ProductType } from '../entities/product-types';
import { ShippingOption } from '../entities/shipping-options';
import { AppError, notAllowed, notFound } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { DeleteResponse } from '../../schema/common';
import type { CreateTaxRateInput, TaxRateFilter, UpdateTaxRateInput } from '../../schema/tax-rates';

const LIST: ListSpec = {
  orderable: ['name', 'code', 'rate', 'createdAt', 'updatedAt'],
  // Medusa's tax rate search matches the name only.
  searchable: ['name'],
};

/** Medusa's wording for a missing tax rate (its tax rate service, not the generic one). */
const taxRateNotFound = (id: string) => new AppError('not_found', `TaxRate with ${id} was not found`);

/** The records a tax rate applies to, by the name of the collection on TaxRate. */
type Link = 'products' | 'productTypes' | 'shippingOptions';

export function listTaxRates(ctx: Context, filter: TaxRateFilter | undefined, args: PageArgs) {
  const where: Record<string, unknown> = whereOf(filter, ['regionId', 'deletedAt']);
  if (filter?.regionId?.length) where.region = { $in: filter.regionId };
  // Tax rates are deleted for good: none has a deletion date a range could match.
  if (filter?.deletedAt && Object.values(filter.deletedAt).some((v) => v != null)) where.id = { $in: [] };
  return findPage(ctx, TaxRate, where, args, LIST);
}

export async function retrieveTaxRate(ctx: Context, id: string, lock = false): Promise<TaxRate> {
  const rate = await ctx.em.findOne(TaxRate, { id }, { lockMode: lock ? LockMode.PESSIMISTIC_WRITE : undefined });
  if (!rate) throw taxRateNotFound(id);
  return rate;
}

export async function createTaxRate(ctx: Context, input: CreateTaxRateInput): Promise<TaxRate> {
  const rate = Object.assign(new TaxRate(), {
    code: input.code,
    name: input.name,
    rate: input.rate ?? null,
    region: await region(ctx, input.regionId),
  });
  ctx.em.persist(rate);
  if (input.products) await setLinks(ctx, rate, 'products', input.products);
  if (input.productTypes) await setLinks(ctx, rate, 'productTypes', input.productTypes);
  if (input.shippingOptions) await setLinks(ctx, rate, 'shippingOptions', input.shippingOptions);
  await ctx.em.flush();
  return rate;
}

/** Given lists replace what the rate applies to, as Medusa's update does. */
export async function updateTaxRate(ctx: Context, id: string, input: UpdateTaxRateInput): Promise<TaxRate> {
  const rate = await retrieveTaxRate(ctx, id, true);
  if (input.code !== undefined && input.code !== null) rate.code = input.code;
  if (input.name !== undefined && input.name !== null) rate.name = input.name;
  if (input.rate !== undefined) rate.rate = input.rate;
  if (input.regionId) rate.region = await region(ctx, input.regionId);
  if (input.products) await setLinks(ctx, rate, 'products', input.products);
  if (input.productTypes) await setLinks(ctx, rate, 'productTypes', input.productTypes);
  if (input.shippingOptions) await setLinks(ctx, rate, 'shippingOptions', input.shippingOptions);
  await ctx.em.flush();
  return rate;
}

/** Deleted for good with its links; deleting an unknown or deleted rate also answers deleted, as Medusa. */
export async function deleteTaxRate(ctx: Context, id: string): Promise<DeleteResponse> {
  await ctx.em.nativeDelete(TaxRate, { id });
  return DeleteResponse.of(id, 'tax-rate');
}

/** Adds links in batch; links the rate already has are kept once. */
export async function addTaxRateLinks(ctx: Context, id: string, link: Link, ids: string[]): Promise<TaxRate> {
  const rate = await retrieveTaxRate(ctx, id, true);
  const targets = await linkTargets(ctx, rate, link, ids);
  await (rate[link] as any).init();
  (rate[link] as any).add(targets);
  await ctx.em.flush();
  return rate;
}

/** Removes links in batch; ids the rate is not linked to are ignored. */
export async function removeTaxRateLinks(ctx: Context, id: string, link: Link, ids: string[]): Promise<TaxRate> {
  const rate = await retrieveTaxRate(ctx, id, true);
  await (rate[link] as any).init();
  const gone = new Set(ids);
  (rate[link] as any).remove((rate[link] as any).getItems().filter((item: { id: string }) => gone.has(item.id)));
  await ctx.em.flush();
  return rate;
}

// ---------------------------------------------------------------- validation

/** Medusa finds a missing region through the foreign key; its answer is the key violation's text. */
async function region(ctx: Context, id: string): Promise<Region> {
  const found = await ctx.em.findOne(Region, { id });
  if (!found) throw new AppError('not_found', `Region with region_id ${id} does not exist.`);
  return found;
}

async function setLinks(ctx: Context, rate: TaxRate, link: Link, ids: string[]): Promise<void> {
  const targets = await linkTargets(ctx, rate, link, ids);
  // A new rate's collections start initialized (empty); a loaded rate's are read first.
  if (!rate[link].isInitialized()) await (rate[link] as any).init();
  (rate[link] as any).set(targets);
}

/** Each linked kind with Medusa's not-found text (its services word them differently). */
const LINKED: Record<Link, { entity: EntityName<any>; missing: (id: string) => AppError }> = {
  products: { entity: Product, missing: (id) => notFound('Product', id) },
  productTypes: { entity: ProductType, missing: (id) => notFound('Product type', id) },
  shippingOptions: { entity: ShippingOption, missing: (id) => new AppError('not_found', `Shipping Option with ${id} was not found`) },
};

/**
 * The records to link, each of which must exist; shipping options must be of the rate's region.
 * As in Medusa, the region check runs on the options found before a missing one is reported.
 */
async function linkTargets(ctx: Context, rate: TaxRate, link: Link, ids: string[]): Promise<any[]> {
  const unique = [...new Set(ids)];
  const { entity, missing } = LINKED[link];
  const found: any[] = await ctx.em.find(entity, { id: { $in: unique } });
  const byId = new Map(found.map((f) => [f.id, f]));
  if (link === 'shippingOptions') {
    for (const option of found as ShippingOption[]) {
      if (option.regionId !== rate.region.id) {
        throw notAllowed(
          `Shipping Option and Tax Rate must belong to the same Region to be associated. Shipping Option with id: ${option.id} belongs to Region with id: ${option.regionId} and Tax Rate with id: ${rate.id} belongs to Region with id: ${rate.region.id}`,
        );
      }
    }
  }
  const absent = unique.find((id) => !byId.has(id));
  if (absent) throw missing(absent);
  return unique.map((id) => byId.get(id));
}
