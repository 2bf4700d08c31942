import { LockMode, raw } from '@mikro-orm/core';
import type { Context } from '../context';
import { Currency } from '../entities/currencies';
import { Product, ProductOption, ProductOptionValue } from '../entities/products';
import { Region } from '../entities/regions';
import { MoneyAmount, ProductVariant } from '../entities/variants';
import { invalid, notFound } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { mergeMetadata } from '../lib/metadata';
import { monotonicFactory } from 'ulid';
import type { PriceInput, VariantFieldsInput, VariantFilter, VariantOptionInput } from '../../schema/variants';

/**
 * Ids that increase within a millisecond too: rows made in one request (options, values, variants,
 * prices) share a `created_at`, and lists order them by `created_at, id`, i.e. in creation order.
 */
const nextUlid = monotonicFactory();
export const orderedId = (prefix: string) => `${prefix}_${nextUlid()}`;

const LIST: ListSpec = {
  orderable: ['title', 'sku', 'variantRank', 'inventoryQuantity', 'createdAt', 'updatedAt'],
};

/**
 * Medusa's variant search: title, sku, or the product's title. The product condition is a
 * sub-query: as a relation condition inside `$or` the ORM would move it into the join.
 */
function variantSearch(q: string | undefined): Record<string, unknown> {
  if (!q) return {};
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const byProduct = raw((a: string) => `${a}."product_id" in (select "id" from "product" where "deleted_at" is null and "title" ilike ?)`, [pattern]);
  return { $or: [{ title: { $ilike: pattern } }, { sku: { $ilike: pattern } }, { [byProduct]: [] }] };
}

export async function listVariants(ctx: Context, filter: VariantFilter | undefined, args: PageArgs & { regionId?: string; currencyCode?: string }) {
  const { regionId, currencyCode, ...page } = args;
  if (regionId || currencyCode) await setPricingContext(ctx, regionId, currencyCode);
  return findPage(ctx, ProductVariant, { $and: [whereOf(filter), variantSearch(page.q)] }, { ...page, q: undefined }, LIST);
}

// ---------------------------------------------------------------- pricing context

interface PricingContext { regionId: string | null; currencyCode: string }

/** The request's pricing context (`region_id` / `currency_code` of GET /admin/variants). */
const pricingContexts = new WeakMap<Context, PricingContext>();

async function setPricingContext(ctx: Context, regionId: string | undefined, currencyCode: string | undefined): Promise<void> {
  if (regionId) {
    const region = await ctx.em.findOne(Region, { id: regionId });
    if (!region) throw notFound('Region', regionId);
    pricingContexts.set(ctx, { regionId, currencyCode: region.currencyCode });
  } else {
    const code = currencyCode!.toLowerCase();
    if (!(await ctx.em.count(Currency, { code }))) throw invalid(`Currency with code ${currencyCode} does not exist`);
    pricingContexts.set(ctx, { regionId: null, currencyCode: code });
  }
}

export function pricingContextOf(ctx: Context): PricingContext | undefined {
  return pricingContexts.get(ctx);
}

/**
 * Medusa's default price selection for one unit, from the variant's own prices (price lists are
 * not applied): the lowest amount among the prices of the context's region, or of its currency
 * without a region, whose quantity range admits one item.
 */
export function calculatedAmount(prices: MoneyAmount[], context: PricingContext): number | null {
  let best: number | null = null;
  for (const p of prices) {
    if (p.priceListId) continue;
    const matches = context.regionId && p.regionId ? p.regionId === context.regionId : !p.regionId && p.currencyCode === context.currencyCode;
    const forOne = (p.minQuantity ?? 1) <= 1 && (p.maxQuantity ?? 1) >= 1;
    if (matches && forOne && (best === null || p.amount < best)) best = p.amount;
  }
  return best;
}

export async function listProductVariants(ctx: Context, productId: string, filter: VariantFilter | undefined, args: PageArgs) {
  if (!(await ctx.em.count(Product, { id: productId }))) throw notFound('Product', productId);
  const where = { $and: [whereOf(filter), { product: productId }, variantSearch(args.q)] };
  return findPage(ctx, ProductVariant, where, { ...args, q: undefined }, { ...LIST, defaultOrder: { variantRank: 'asc', createdAt: 'asc' } });
}

export async function retrieveVariant(ctx: Context, id: string): Promise<ProductVariant> {
  const variant = await ctx.em.findOne(ProductVariant, { id });
  if (!variant) throw notFound('Variant', id);
  return variant;
}

// ---------------------------------------------------------------- prices

interface PriceData {
  id?: string;
  currency: Currency;
  region: Region | null;
  amount: number;
  minQuantity: number | null;
  maxQuantity: number | null;
}

/**
 * Checks a price as Medusa does: a region price takes the region's currency; otherwise the
 * currency must exist. Quantities must form a range.
 */
async function priceData(ctx: Context, input: PriceInput): Promise<PriceData> {
  let currency: Currency | null;
  let region: Region | null = null;
  if (input.regionId) {
    region = await ctx.em.findOne(Region, { id: input.regionId });
    if (!region) throw notFound('Region', input.regionId);
    currency = ctx.em.getReference(Currency, region.currencyCode);
  } else if (input.currencyCode) {
    currency = await ctx.em.findOne(Currency, { code: input.currencyCode.toLowerCase() });
    if (!currency) throw invalid(`Currency with code ${input.currencyCode} does not exist`);
  } else {
    throw invalid('Each price needs a currency_code or a region_id');
  }
  const minQuantity = input.minQuantity ?? null;
  const maxQuantity = input.maxQuantity ?? null;
  if (minQuantity !== null && maxQuantity !== null && minQuantity > maxQuantity) {
    throw invalid('min_quantity must not be greater than max_quantity');
  }
  return { id: input.id, currency, region, amount: input.amount, minQuantity, maxQuantity };
}

export async function pricesData(ctx: Context, inputs: PriceInput[] | undefined | null): Promise<PriceData[]> {
  const out: PriceData[] = [];
  for (const input of inputs ?? []) out.push(await priceData(ctx, input));
  return out;
}

function createPrice(ctx: Context, variant: ProductVariant, p: PriceData): MoneyAmount {
  return ctx.em.create(MoneyAmount, {
    id: orderedId('ma'), variant, currency: p.currency, region: p.region, amount: p.amount, minQuantity: p.minQuantity, maxQuantity: p.maxQuantity,
  });
}

/**
 * Medusa's price update: the given list becomes the variant's set of prices. A price with an id
 * of this variant is updated in place; others are created; prices not in the list are removed.
 */
async function replacePrices(ctx: Context, variant: ProductVariant, prices: PriceData[]): Promise<void> {
  const current = await ctx.em.find(MoneyAmount, { variant });
  const byId = new Map(current.map((p) => [p.id, p]));
  const kept = new Set<string>();
  for (const p of prices) {
    const existing = p.id ? byId.get(p.id) : undefined;
    if (p.id && !existing) throw notFound('Money amount', p.id);
    if (existing) {
      Object.assign(existing, { currency: p.currency, region: p.region, amount: p.amount, minQuantity: p.minQuantity, maxQuantity: p.maxQuantity });
      kept.add(existing.id);
    } else {
      createPrice(ctx, variant, p);
    }
  }
  for (const price of current) if (!kept.has(price.id)) ctx.em.remove(price);
}

// ---------------------------------------------------------------- option values

/** Rows not soft-deleted (collections loaded earlier in the request may still hold deleted ones). */
export function live<T extends { deletedAt?: Date | null }>(rows: T[]): T[] {
  return rows.filter((r) => !r.deletedAt);
}

/** Option values keyed by option id; every option of the product needs exactly one. */
export function checkOptionValues(options: ProductOption[], values: VariantOptionInput[]): Map<string, string> {
  const byOption = new Map<string, string>();
  for (const v of values) {
    if (!options.some((o) => o.id === v.optionId)) throw invalid(`Product has no option with id: ${v.optionId}`);
    if (byOption.has(v.optionId)) throw invalid(`Variant has more than one value for option ${v.optionId}`);
    byOption.set(v.optionId, v.value);
  }
  if (byOption.size !== options.length) {
    throw invalid(`Product options length does not match variant options length. Product has ${options.length} and variant has ${byOption.size}.`);
  }
  return byOption;
}

/** No two variants of a product may have the same value for every option (Medusa's rule). */
export function checkUniqueCombination(siblings: ProductVariant[], values: Map<string, string>, self?: ProductVariant): void {
  // As in Medusa, a product without options cannot tell two variants apart either.
  for (const sibling of live(siblings)) {
    if (sibling === self) continue;
    const theirs = live(sibling.options.getItems());
    const same = [...values].every(([optionId, value]) => theirs.some((o) => o.option.id === optionId && o.value === value));
    if (same) throw invalid(`Variant with title ${sibling.title} with provided options already exists`);
  }
}

/** The product with its options and its variants' option values, locked against concurrent edits. */
export async function productForVariants(ctx: Context, productId: string): Promise<Product> {
  const product = await ctx.em.findOne(Product, { id: productId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!product) throw notFound('Product', productId);
  await ctx.em.populate(product, ['options', 'variants.options'] as any, { orderBy: { variants: { variantRank: 'asc' } } as any });
  return product;
}

/** The variant's own columns from an input; links (id, prices, option values) are handled apart. */
function assignFields(variant: ProductVariant, input: VariantFieldsInput & { title?: string | null; id?: unknown; prices?: unknown; options?: unknown }): void {
  const { metadata, id: _id, prices: _prices, options: _options, ...plain } = input;
  for (const [key, value] of Object.entries(plain)) if (value !== undefined) (variant as any)[key] = value;
  if (metadata !== undefined) variant.metadata = mergeMetadata(variant.metadata, metadata);
}

/** Creates a variant of `product` (whose options and variants are loaded) with its values and prices. */
export async function addVariant(
  ctx: Context,
  product: Product,
  input: VariantFieldsInput & { title: string; prices?: PriceInput[] | null },
  values: VariantOptionInput[],
): Promise<ProductVariant> {
  const byOption = checkOptionValues(live(product.options.getItems()), values);
  checkUniqueCombination(product.variants.getItems(), byOption);
  const prices = await pricesData(ctx, input.prices);
  const variant = ctx.em.create(ProductVariant, { id: orderedId('variant'), product, title: input.title, variantRank: live(product.variants.getItems()).length });
  assignFields(variant, input);
  for (const [optionId, value] of byOption) {
    variant.options.add(ctx.em.create(ProductOptionValue, { id: orderedId('optval'), option: ctx.em.getReference(ProductOption, optionId), variant, value }));
  }
  for (const p of prices) createPrice(ctx, variant, p);
  product.variants.add(variant);
  return variant;
}

/** Updates a variant of `product`: columns, the given option values, and the whole price set. */
export async function changeVariant(
  ctx: Context,
  product: Product,
  variant: ProductVariant,
  input: VariantFieldsInput & { title?: string | null; prices?: PriceInput[] | null; options?: VariantOptionInput[] | null },
): Promise<void> {
  if (input.options?.length) {
    const options = live(product.options.getItems());
    const wanted = new Map(live(variant.options.getItems()).map((v) => [v.option.id, v.value]));
    for (const o of input.options) {
      if (!options.some((opt) => opt.id === o.optionId)) throw invalid(`Product has no option with id: ${o.optionId}`);
      wanted.set(o.optionId, o.value);
    }
    checkUniqueCombination(product.variants.getItems(), wanted, variant);
    for (const o of input.options) {
      const existing = live(variant.options.getItems()).find((v) => v.option.id === o.optionId);
      if (existing) existing.value = o.value;
      else variant.options.add(ctx.em.create(ProductOptionValue, { id: orderedId('optval'), option: ctx.em.getReference(ProductOption, o.optionId), variant, value: o.value }));
    }
  }
  if (input.prices) await replacePrices(ctx, variant, await pricesData(ctx, input.prices));
  assignFields(variant, input);
}

/** Soft-deletes a variant with its option values; its prices go (they belong to nothing else). */
export async function removeVariant(ctx: Context, variant: ProductVariant): Promise<void> {
  const now = new Date();
  variant.deletedAt = now;
  for (const value of variant.options.getItems()) value.deletedAt = now;
  const prices = await ctx.em.find(MoneyAmount, { variant });
  for (const price of prices) ctx.em.remove(price);
}
