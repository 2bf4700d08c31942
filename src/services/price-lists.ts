import { LockMode, raw } from '@mikro-orm/core';
import type { Context } from '../context';
import { PriceList, PriceListStatus } from '../entities/price-lists';
import { MoneyAmount, ProductVariant } from '../entities/variants';
import { Currency } from '../entities/currencies';
import { Region } from '../entities/regions';
import { CustomerGroup } from '../entities/customer-groups';
import { invalid, notFound } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { DeleteResponse } from '../../schema/common';
import type { ResourceIdInput } from '../../schema/discounts';
import type { ProductFilter } from '../../schema/products';
import {
  CreatePriceListInput, PriceListFilter, PriceListPriceInput, PriceListPricesDeleteResponse, PriceListProductFilter, UpdatePriceListInput,
} from '../../schema/price-lists';
import { listProducts } from './products';

const LIST: ListSpec = {
  orderable: ['name', 'status', 'type', 'createdAt', 'updatedAt', 'deletedAt'],
  searchable: ['name', 'description'],
};

// ---------------------------------------------------------------- price lists

export function listPriceLists(ctx: Context, filter: PriceListFilter | undefined, args: PageArgs) {
  const where = whereOf(filter, ['customerGroups']);
  if (filter?.customerGroups?.length) Object.assign(where, forGroups(filter.customerGroups));
  return findPage(ctx, PriceList, where, args, LIST);
}

/** Lists linked to any of the groups, as a sub-query so that a list matching twice is listed once. */
function forGroups(groupIds: string[]): Record<string, unknown> {
  const marks = groupIds.map(() => '?').join(', ');
  const sql = (a: string) => `${a}."id" in (select "price_list_id" from "price_list_customer_groups" where "customer_group_id" in (${marks}))`;
  return { [raw(sql, groupIds)]: [] };
}

export async function retrievePriceList(ctx: Context, id: string, lock = false): Promise<PriceList> {
  const list = await ctx.em.findOne(PriceList, { id }, { lockMode: lock ? LockMode.PESSIMISTIC_WRITE : undefined });
  if (!list) throw notFound('Price list', id);
  return list;
}

export async function createPriceList(ctx: Context, input: CreatePriceListInput): Promise<PriceList> {
  checkWindow(input.startsAt ?? null, input.endsAt ?? null);
  const list = ctx.em.create(PriceList, {
    name: input.name,
    description: input.description,
    type: input.type,
    status: input.status ?? PriceListStatus.draft,
    startsAt: input.startsAt ?? null,
    endsAt: input.endsAt ?? null,
    includesTax: input.includesTax ?? false,
  });
  if (input.customerGroups) list.customerGroups.set(await groups(ctx, input.customerGroups));
  await upsertPrices(ctx, list, input.prices);
  await ctx.em.flush();
  return list;
}

export async function updatePriceList(ctx: Context, id: string, input: UpdatePriceListInput): Promise<PriceList> {
  const list = await retrievePriceList(ctx, id, true);
  if (input.name) list.name = input.name;
  if (input.description !== undefined && input.description !== null) list.description = input.description;
  if (input.type) list.type = input.type;
  if (input.status) list.status = input.status;
  if (input.startsAt !== undefined) list.startsAt = input.startsAt;
  if (input.endsAt !== undefined) list.endsAt = input.endsAt;
  checkWindow(list.startsAt ?? null, list.endsAt ?? null);
  if (input.includesTax !== undefined && input.includesTax !== null) list.includesTax = input.includesTax;
  if (input.customerGroups) {
    await list.customerGroups.init();
    list.customerGroups.set(await groups(ctx, input.customerGroups));
  }
  if (input.prices) await upsertPrices(ctx, list, input.prices);
  await ctx.em.flush();
  return list;
}

/** Soft delete; the list's prices are removed for good, so they never price a variant again. */
export async function deletePriceList(ctx: Context, id: string): Promise<DeleteResponse> {
  const list = await retrievePriceList(ctx, id, true);
  list.deletedAt = new Date();
  await ctx.em.nativeDelete(MoneyAmount, { priceList: list });
  await ctx.em.flush();
  return DeleteResponse.of(id, 'price-list');
}

/** The products with a variant priced in the list, with the product list's own filters. */
export async function listPriceListProducts(ctx: Context, id: string, filter: PriceListProductFilter | undefined, args: PageArgs) {
  await retrievePriceList(ctx, id);
  const { type, ...rest } = filter ?? {};
  const products: ProductFilter = { ...rest, typeId: type ? [type] : undefined, priceListId: [id] };
  return listProducts(ctx, products, args);
}

// ---------------------------------------------------------------- prices

/** Adds prices (updates those with an id); with `override`, the list's other prices are removed. */
export async function addPriceListPrices(ctx: Context, id: string, prices: PriceListPriceInput[], override = false): Promise<PriceList> {
  const list = await retrievePriceList(ctx, id, true);
  if (override) {
    const kept = prices.map((p) => p.id).filter((p): p is string => !!p);
    await ctx.em.nativeDelete(MoneyAmount, { priceList: list, ...(kept.length ? { id: { $nin: kept } } : {}) });
  }
  await upsertPrices(ctx, list, prices);
  await ctx.em.flush();
  return list;
}

/** Deletes the given prices of the list; ids of other lists' prices are ignored. */
export async function deletePriceListPrices(ctx: Context, id: string, priceIds: string[]): Promise<PriceListPricesDeleteResponse> {
  const list = await retrievePriceList(ctx, id, true);
  return removePrices(ctx, list, { id: { $in: priceIds } });
}

export async function deletePriceListProductPrices(ctx: Context, id: string, productIds: string[]): Promise<PriceListPricesDeleteResponse> {
  const list = await retrievePriceList(ctx, id, true);
  return removePrices(ctx, list, { variant: { product: { $in: productIds } } });
}

export async function deletePriceListVariantPrices(ctx: Context, id: string, variantId: string): Promise<PriceListPricesDeleteResponse> {
  const list = await retrievePriceList(ctx, id, true);
  return removePrices(ctx, list, { variant: variantId });
}

async function removePrices(ctx: Context, list: PriceList, where: Record<string, unknown>): Promise<PriceListPricesDeleteResponse> {
  const prices = await ctx.em.find(MoneyAmount, { ...where, priceList: list });
  const ids = prices.map((p) => p.id);
  if (ids.length) await ctx.em.nativeDelete(MoneyAmount, { id: { $in: ids } });
  return PriceListPricesDeleteResponse.of(ids);
}

/**
 * Creates the prices without an id and updates those with one (they must be this list's). Every
 * variant, region, currency and price is looked up once for the whole batch.
 */
async function upsertPrices(ctx: Context, list: PriceList, inputs: PriceListPriceInput[]): Promise<void> {
  if (!inputs.length) return;
  inputs.forEach(checkQuantities);
  const variants = await byIds(ctx, ProductVariant, inputs.map((p) => p.variantId), 'Variant');
  const regions = await byIds(ctx, Region, inputs.map((p) => p.regionId).filter((r): r is string => !!r), 'Region');
  const codes = inputs.map((p) => currencyOf(p, regions));
  const currencies = await currenciesByCode(ctx, codes);
  const existing = await existingPrices(ctx, list, inputs);
  inputs.forEach((input, i) => {
    const price = input.id ? existing.get(input.id)! : ctx.em.create(MoneyAmount, { amount: input.amount, currency: currencies.get(codes[i])!, priceList: list });
    Object.assign(price, {
      amount: input.amount,
      currency: currencies.get(codes[i])!,
      region: input.regionId ? regions.get(input.regionId)! : null,
      variant: variants.get(input.variantId)!,
      minQuantity: input.minQuantity ?? null,
      maxQuantity: input.maxQuantity ?? null,
    });
  });
}

function checkQuantities(input: PriceListPriceInput): void {
  const { minQuantity: min, maxQuantity: max } = input;
  if (min !== undefined && min !== null && max !== undefined && max !== null && max < min) {
    throw invalid('max_quantity must not be less than min_quantity');
  }
}

/** A price is in its region's currency, or in the currency given. */
function currencyOf(input: PriceListPriceInput, regions: Map<string, Region>): string {
  if (input.regionId) return regions.get(input.regionId)!.currencyCode;
  if (!input.currencyCode) throw invalid('A price needs a currency_code or a region_id');
  return input.currencyCode.toLowerCase();
}

async function currenciesByCode(ctx: Context, codes: string[]): Promise<Map<string, Currency>> {
  const found = await ctx.em.find(Currency, { code: { $in: [...new Set(codes)] } });
  const byCode = new Map(found.map((c) => [c.code, c]));
  const missing = codes.find((c) => !byCode.has(c));
  if (missing) throw notFound('Currency', missing, 'code');
  return byCode;
}

async function existingPrices(ctx: Context, list: PriceList, inputs: PriceListPriceInput[]): Promise<Map<string, MoneyAmount>> {
  const ids = inputs.map((p) => p.id).filter((id): id is string => !!id);
  if (!ids.length) return new Map();
  const found = await ctx.em.find(MoneyAmount, { id: { $in: ids }, priceList: list });
  const byId = new Map(found.map((p) => [p.id, p]));
  const missing = ids.find((id) => !byId.has(id));
  if (missing) throw notFound('Price', missing);
  return byId;
}

// ---------------------------------------------------------------- helpers

function checkWindow(startsAt: Date | null, endsAt: Date | null): void {
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) throw invalid('"ends_at" must be greater than "starts_at"');
}

async function groups(ctx: Context, refs: ResourceIdInput[]): Promise<CustomerGroup[]> {
  return [...(await byIds(ctx, CustomerGroup, refs.map((r) => r.id), 'Customer group')).values()];
}

/** Every id found (one query), or a 404 naming the first missing one. */
async function byIds<T extends { id: string }>(ctx: Context, entity: new () => T, ids: string[], label: string): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.em.find(entity, { id: { $in: unique } } as any);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = unique.find((id) => !byId.has(id));
  if (missing) throw notFound(label, missing);
  return byId;
}
