import { LockMode, raw } from '@mikro-orm/core';
import type { Context } from '../context';
import { PriceList, PriceListStatus } from '../entities/price-lists';
import { MoneyAmount, ProductVariant } from '../entities/variants';
import { Currency } from '../entities/currencies';
import { Region } from '../entities/regions';
import { CustomerGroup } from '../entities/customer-groups';
import { AppError, invalid, notFound } from '../lib/errors';
import { findPage, ListSpec, PageArgs, textSearch, whereOf } from '../lib/list';
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
  const where: Record<string, unknown> = whereOf(filter, ['customerGroups']);
  const and: Record<string, unknown>[] = [where];
  if (filter?.customerGroups?.length) and.push(forGroups(filter.customerGroups));
  // Medusa's `q` matches the name, the description or the name of one of the list's customer groups.
  if (args.q) and.push({ $or: [textSearch(args.q, ['name', 'description']), inGroupNamed(args.q)] });
  return findPage(ctx, PriceList, { $and: and }, { ...args, q: undefined }, LIST);
}

/** Lists linked to a customer group whose name contains `q` (case-insensitive, wildcards escaped). */
function inGroupNamed(q: string): Record<string, unknown> {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const sql = (a: string) => `${a}."id" in (select l."price_list_id" from "price_list_customer_groups" l join "customer_group" g on g."id" = l."customer_group_id" where g."deleted_at" is null and g."name" ilike ?)`;
  return { [raw(sql, [pattern])]: [] };
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

/**
 * Soft delete; the list's prices are removed for good, so they never price a variant again.
 * Idempotent as in Medusa: an unknown or already deleted id answers the same confirmation.
 */
export async function deletePriceList(ctx: Context, id: string): Promise<DeleteResponse> {
  const list = await ctx.em.findOne(PriceList, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!list) return DeleteResponse.of(id, 'price-list');
  list.deletedAt = new Date();
  await ctx.em.nativeDelete(MoneyAmount, { priceList: list });
  await ctx.em.flush();
  return DeleteResponse.of(id, 'price-list');
}

/**
 * The products with a variant priced in the list, with the product list's own filters. As in
 * Medusa, an unknown list is not an error: it simply prices no product (an empty page).
 */
export async function listPriceListProducts(ctx: Context, id: string, filter: PriceListProductFilter | undefined, args: PageArgs, scope: string) {
  listedPriceLists(ctx).set(scope, id);
  const { type, ...rest } = filter ?? {};
  const products: ProductFilter = { ...rest, typeId: type ? [type] : undefined, priceListId: [id] };
  return listProducts(ctx, products, args);
}

/**
 * The price list whose products a root field lists (by root field, see `rootFieldOf`), so that
 * their variants, and no other root field's, show its prices.
 */
const listedPriceLists = (ctx: Context) => ctx.loaders.state('price-lists:listed', () => new Map<string, string>());

/**
 * The prices of a variant as Medusa shows them in a price list's products: the variant's own
 * prices and those of the list (given, or the one root field `scope` lists), each batched per request.
 */
export function variantPricesInList(ctx: Context, variantId: string, priceListId: string | null | undefined, scope: string): Promise<MoneyAmount[]> {
  const listId = priceListId ?? listedPriceLists(ctx).get(scope);
  if (!listId) return Promise.resolve([]);
  return ctx.loaders.children(MoneyAmount, 'variant', variantId, { createdAt: 'asc', id: 'asc' }, { $or: [{ priceList: null }, { priceList: listId }] });
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

/**
 * Deletes the given prices of the list; ids of other lists' prices are ignored. Like Medusa, the
 * answer echoes the ids asked for, and an empty list of ids is refused.
 */
export async function deletePriceListPrices(ctx: Context, id: string, priceIds: string[]): Promise<PriceListPricesDeleteResponse> {
  if (!priceIds.length) throw invalid('price_ids should not be empty');
  const list = await retrievePriceList(ctx, id, true);
  await removePrices(ctx, list, { id: { $in: priceIds } });
  return PriceListPricesDeleteResponse.of(priceIds);
}

/**
 * Deletes the list's prices of the variants of these products. As in Medusa, the list itself is
 * not looked up: an unknown list (or product) has no prices, so nothing is deleted (`ids: []`).
 */
export async function deletePriceListProductPrices(ctx: Context, id: string, productIds: string[]): Promise<PriceListPricesDeleteResponse> {
  if (!productIds.length) throw invalid('product_ids should not be empty');
  return removePrices(ctx, id, { variant: { product: { $in: productIds } } });
}

/** Deletes the list's prices of one variant; like the product variant above, never a 404. */
export async function deletePriceListVariantPrices(ctx: Context, id: string, variantId: string): Promise<PriceListPricesDeleteResponse> {
  return removePrices(ctx, id, { variant: variantId });
}

async function removePrices(ctx: Context, list: PriceList | string, where: Record<string, unknown>): Promise<PriceListPricesDeleteResponse> {
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
  inputs.forEach(checkCurrencyOrRegion);
  const variants = await byIds(ctx, ProductVariant, inputs.map((p) => p.variantId), (id) => notFound('Variant', id));
  const regions = await byIds(ctx, Region, inputs.map((p) => p.regionId).filter((r): r is string => !!r), regionNotFound);
  const existing = await existingPrices(ctx, list, inputs);
  const codes = inputs.map((p) => currencyOf(p, regions, existing));
  const currencies = await currenciesByCode(ctx, codes);
  inputs.forEach((input, i) => {
    const price = input.id ? existing.get(input.id)! : ctx.em.create(MoneyAmount, { amount: input.amount, currency: currencies.get(codes[i])!, priceList: list });
    // A price updated by id without a region or currency keeps its own (Medusa's validator allows it).
    const keepsRegion = input.id && !input.regionId && !input.currencyCode;
    Object.assign(price, {
      amount: input.amount,
      currency: currencies.get(codes[i])!,
      region: input.regionId ? regions.get(input.regionId)! : keepsRegion ? price.region ?? null : null,
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

/**
 * A new price names exactly one of region_id and currency_code (Medusa's XOR rule); a price
 * updated by id may name neither.
 */
function checkCurrencyOrRegion(input: PriceListPriceInput): void {
  if ((input.regionId && input.currencyCode) || (!input.id && !input.regionId && !input.currencyCode)) throw invalid(XOR_MESSAGE);
}

/** Medusa's words for it: its two `@Xor` rules, each saying the same. */
const XOR_MESSAGE = 'Failed XOR relation between "region_id" and "currency_code"., Failed XOR relation between "currency_code" and "region_id".';

/** A price is in its region's currency, in the currency given, or (updated by id) in its own. */
function currencyOf(input: PriceListPriceInput, regions: Map<string, Region>, existing: Map<string, MoneyAmount>): string {
  if (input.regionId) return regions.get(input.regionId)!.currencyCode;
  if (input.currencyCode) return input.currencyCode.toLowerCase();
  return existing.get(input.id!)!.currencyCode;
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
  return [...(await byIds(ctx, CustomerGroup, refs.map((r) => r.id), groupNotFound)).values()];
}

// The region and customer group services' own wording, as Medusa answers through them.
const regionNotFound = (id: string) => new AppError('not_found', `Region with ${id} was not found`);
const groupNotFound = (id: string) => new AppError('not_found', `CustomerGroup with id ${id} was not found`);

/** Every id found (one query), or a 404 naming the first missing one. */
async function byIds<T extends { id: string }>(
  ctx: Context, entity: new () => T, ids: string[], missingError: (id: string) => AppError,
): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.em.find(entity, { id: { $in: unique } } as any);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = unique.find((id) => !byId.has(id));
  if (missing) throw missingError(missing);
  return byId;
}
