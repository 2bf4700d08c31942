import { LockMode, raw } from '@mikro-orm/core';
import type { Context } from '../context';
import { Currency } from '../entities/currencies';
import { Product, ProductOption, ProductOptionValue } from '../entities/products';
import { Region } from '../entities/regions';
import { MoneyAmount, ProductVariant } from '../entities/variants';
import { AppError, duplicate, invalid, notFound } from '../lib/errors';
import { findPage, ListSpec, PageArgs, whereOf } from '../lib/list';
import { mergeMetadata } from '../lib/metadata';
import { monotonicFactory } from 'ulid';
import { createItemForVariant, unlinkVariants } from './inventory-items';
import type { PriceInput, VariantFieldsInput, VariantFilter, VariantOptionInput } from '../../schema/variants';

/**
 * Ids that increase within a millisecond too: rows made in one request (options, values, variants,
 * prices) share a `created_at`, and lists order them by `created_at, id`, i.e. in creation order.
 */
const nextUlid = monotonicFactory();
export const orderedId = (prefix: string) => `${prefix}_${nextUlid()}`;

/** Medusa's variant lists order by any column (they name no allowed fields). */
const LIST: ListSpec = {
  orderable: [
    'id', 'title', 'sku', 'barcode', 'ean', 'upc', 'variantRank', 'inventoryQuantity', 'allowBackorder', 'manageInventory',
    'hsCode', 'originCountry', 'midCode', 'material', 'weight', 'length', 'height', 'width', 'createdAt', 'updatedAt',
  ],
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

/** `scope` names the root field that lists (see `rootFieldOf`): its variants alone are priced. */
export async function listVariants(ctx: Context, filter: VariantFilter | undefined, args: PageArgs & PricingArgs, scope: string) {
  const { regionId, currencyCode, cartId, customerId, ...page } = args;
  pricingContexts(ctx).set(scope, await pricingContextFor(ctx, { regionId, currencyCode, cartId, customerId }));
  return findPage(ctx, ProductVariant, { $and: [whereOf(filter), variantSearch(page.q)] }, { ...page, q: undefined }, LIST);
}

// ---------------------------------------------------------------- pricing context

/**
 * The request's pricing context (`region_id` / `currency_code` / `cart_id` / `customer_id` of
 * GET /admin/variants), with what the region says about taxes.
 */
export interface PricingContext {
  regionId: string | null;
  /** Null when the list was asked without a currency or region: prices are then not selected. */
  currencyCode: string | null;
  /** The region computes taxes automatically (Medusa then answers the tax fields). */
  automaticTaxes: boolean;
  /** The region's default rate (percent), used for products without a rate of their own. */
  regionRate: number;
  customerId: string | null;
}

/**
 * The pricing contexts of the request's variant lists, by root field: another root field of the
 * same operation (a product's variants) is not priced by them.
 */
const pricingContexts = (ctx: Context) => ctx.loaders.state('pricing:contexts', () => new Map<string, PricingContext>());

interface PricingArgs { regionId?: string; currencyCode?: string; cartId?: string; customerId?: string }

async function pricingContextFor(ctx: Context, args: PricingArgs): Promise<PricingContext> {
  // Aegis has no carts yet, so no cart can be found (Medusa answers 404 for an unknown cart).
  if (args.cartId) throw notFound('Cart', args.cartId);
  const customerId = args.customerId ?? null;
  if (args.regionId) {
    const region = await ctx.em.findOne(Region, { id: args.regionId });
    if (!region) throw notFound('Region', args.regionId);
    return { regionId: region.id, currencyCode: region.currencyCode, automaticTaxes: region.automaticTaxes, regionRate: region.taxRate, customerId };
  }
  if (args.currencyCode) {
    const code = args.currencyCode.toLowerCase();
    if (!(await ctx.em.count(Currency, { code }))) throw invalid(`Currency with code ${args.currencyCode} does not exist`);
    return { regionId: null, currencyCode: code, automaticTaxes: false, regionRate: 0, customerId };
  }
  // Without a currency or region Medusa still decorates the list: its prices include the open price lists'.
  return { regionId: null, currencyCode: null, automaticTaxes: false, regionRate: 0, customerId };
}

/** The pricing context of the variant list of root field `scope`; none elsewhere. */
export function pricingContextOf(ctx: Context, scope: string): PricingContext | undefined {
  return pricingContexts(ctx).get(scope);
}

/** A price list as far as price selection cares: is it open now, and to whom. */
interface ListRule { open: boolean; type: string; includesTax: boolean; groups: string[] }

/**
 * The rules of the price lists that price the variant, batched per request by variant: one query
 * for a page whether or not its prices belong to price lists.
 */
function listRules(ctx: Context, variantId: string): Promise<Map<string, ListRule>> {
  return ctx.loaders.load<string, Map<string, ListRule>>('pricing:price-list-rules', async (ids) => {
    const rows: { variant_id: string; id: string; type: string; includes_tax: boolean; open: boolean; groups: string[] | null }[] = await ctx.em.execute(
      `select ma."variant_id", pl."id", pl."type", pl."includes_tax",
              (pl."status" = 'active' and (pl."starts_at" is null or pl."starts_at" <= now()) and (pl."ends_at" is null or pl."ends_at" >= now())) as "open",
              array_remove(array_agg(distinct g."customer_group_id"), null) as "groups"
         from "money_amount" ma
         join "price_list" pl on pl."id" = ma."price_list_id" and pl."deleted_at" is null
         left join "price_list_customer_groups" g on g."price_list_id" = pl."id"
        where ma."variant_id" in (${ids.map(() => '?').join(', ')}) and ma."deleted_at" is null
        group by ma."variant_id", pl."id"`,
      [...ids],
    );
    return ids.map((id) => new Map(rows.filter((r) => r.variant_id === id).map((r) => [r.id, { open: r.open, type: r.type, includesTax: r.includes_tax, groups: r.groups ?? [] }])));
  }, variantId);
}

/** The customer groups of the context's customer (none without one). */
function customerGroups(ctx: Context, customerId: string | null): Promise<string[]> {
  if (!customerId) return Promise.resolve([]);
  return ctx.loaders.load<string, string[]>('pricing:customer-groups', async (ids) => {
    const rows: { customer_id: string; customer_group_id: string }[] = await ctx.em.execute(
      `select "customer_id", "customer_group_id" from "customer_group_customers" where "customer_id" in (${ids.map(() => '?').join(', ')})`,
      [...ids],
    );
    return ids.map((id) => rows.filter((r) => r.customer_id === id).map((r) => r.customer_group_id));
  }, customerId);
}

export interface TaxRateLine { rate: number | null; name: string; code: string | null }

/**
 * Medusa's rates of a product in a region: the region's tax rates linked to the product or to its
 * type; without any, the region's default rate named `default`. Batched per request.
 */
export function productRates(ctx: Context, context: PricingContext, productId: string): Promise<TaxRateLine[]> {
  return ctx.loaders.load<string, TaxRateLine[]>(`pricing:tax-rates:${context.regionId}`, async (ids) => {
    const marks = ids.map(() => '?').join(', ');
    const rows: (TaxRateLine & { product_id: string })[] = await ctx.em.execute(
      `select p."id" as "product_id", tr."rate", tr."name", tr."code"
         from "product" p join "tax_rate" tr on tr."region_id" = ?
        where p."id" in (${marks})
          and (tr."id" in (select "rate_id" from "product_tax_rate" where "product_id" = p."id")
               or tr."id" in (select "rate_id" from "product_type_tax_rate" where "product_type_id" = p."type_id"))
        order by tr."created_at", tr."id"`,
      [context.regionId, ...ids],
    );
    const fallback: TaxRateLine[] = [{ rate: context.regionRate, name: 'default', code: 'default' }];
    return ids.map((id) => {
      const own = rows.filter((r) => r.product_id === id).map(({ rate, name, code }) => ({ rate, name, code }));
      return own.length ? own : fallback;
    });
  }, productId);
}

/** Medusa's pricing of a variant (PricedVariant): the selected prices and, with automatic taxes, their taxes. */
export interface VariantPricing {
  /** The prices Medusa's price selection considered, which replace the variant's `prices` in its answer. */
  prices: MoneyAmount[] | null;
  originalPrice: number | null;
  calculatedPrice: number | null;
  /** Whether the original price already includes tax (its price list's, region's or currency's setting). */
  originalPriceIncludesTax: boolean | null;
  calculatedPriceIncludesTax: boolean | null;
  /** `default`, or the type of the price list whose price was calculated; undefined when none was. */
  calculatedPriceType?: string;
  originalPriceInclTax: number | null;
  calculatedPriceInclTax: number | null;
  originalTax: number | null;
  calculatedTax: number | null;
  taxRates: TaxRateLine[] | null;
}

export const NO_PRICING: VariantPricing = {
  prices: null, originalPrice: null, calculatedPrice: null, originalPriceIncludesTax: null, calculatedPriceIncludesTax: null, originalPriceInclTax: null, calculatedPriceInclTax: null, originalTax: null, calculatedTax: null, taxRates: null,
};

/** Without a quantity, Medusa takes prices without a range, or ranges starting at 0 with a maximum. */
function validWithoutQuantity(p: MoneyAmount): boolean {
  return (!p.maxQuantity && !p.minQuantity) || (!p.minQuantity && !!p.maxQuantity);
}

/**
 * The prices Medusa's admin price selection considers: of the context's currency or region (all
 * without either), the variant's own and those of active price lists in their period, open to
 * everyone or to the customer's groups.
 */
async function applicablePrices(ctx: Context, variantId: string, prices: MoneyAmount[], context: PricingContext): Promise<MoneyAmount[]> {
  const [groups, rules] = await Promise.all([customerGroups(ctx, context.customerId), listRules(ctx, variantId)]);
  const out: MoneyAmount[] = [];
  for (const p of prices) {
    const inContext = (!context.currencyCode && !context.regionId)
      || p.currencyCode === context.currencyCode || (!!context.regionId && p.regionId === context.regionId);
    if (!inContext) continue;
    if (p.priceListId) {
      const rule = rules.get(p.priceListId);
      if (!rule?.open || (rule.groups.length && !rule.groups.some((g) => groups.includes(g)))) continue;
    }
    out.push(p);
  }
  return out;
}

/**
 * Medusa's default price selection among the applicable prices: the calculated price is the
 * lowest valid for one unit; the original price is the variant's own price of the region, else of
 * the currency, without a quantity range. Both are null without a currency or region.
 */
export async function selectPrices(ctx: Context, variantId: string, all: MoneyAmount[], context: PricingContext) {
  const [prices, rules, inclusive] = await Promise.all([applicablePrices(ctx, variantId, all, context), listRules(ctx, variantId), taxInclusiveSettings(ctx)]);
  const selected: Pick<VariantPricing, 'prices' | 'originalPrice' | 'calculatedPrice' | 'originalPriceIncludesTax' | 'calculatedPriceIncludesTax' | 'calculatedPriceType'> = {
    prices, originalPrice: null, calculatedPrice: null, originalPriceIncludesTax: null, calculatedPriceIncludesTax: null,
  };
  if (!context.currencyCode && !context.regionId) return selected;
  // As Medusa: a price list's setting, else the region's, else the currency's.
  const includesTax = (p: MoneyAmount) => (p.priceListId ? !!rules.get(p.priceListId)?.includesTax : false)
    || (!!p.regionId && inclusive.regions.has(p.regionId)) || inclusive.currencies.has(p.currencyCode);
  let regionOriginal = false;
  for (const p of prices) {
    if (!p.priceListId && p.minQuantity === null && p.maxQuantity === null) {
      const regional = !!context.regionId && p.regionId === context.regionId;
      if (regional || (!regionOriginal && selected.originalPrice === null)) {
        selected.originalPrice = p.amount;
        selected.originalPriceIncludesTax = includesTax(p);
        regionOriginal ||= regional;
      }
    }
    if (validWithoutQuantity(p) && (selected.calculatedPrice === null || p.amount < selected.calculatedPrice)) {
      selected.calculatedPrice = p.amount;
      selected.calculatedPriceIncludesTax = includesTax(p);
      selected.calculatedPriceType = p.priceListId ? rules.get(p.priceListId)?.type ?? 'default' : 'default';
    }
  }
  return selected;
}

/** The currencies and regions whose prices include tax (few or none), once per request. */
function taxInclusiveSettings(ctx: Context): Promise<{ currencies: Set<string>; regions: Set<string> }> {
  return ctx.loaders.load<string, { currencies: Set<string>; regions: Set<string> }>('pricing:tax-inclusive', async (keys) => {
    const [currencies, regions] = await Promise.all([
      ctx.em.execute<{ key: string }[]>(`select "code" as "key" from "currency" where "includes_tax"`),
      ctx.em.execute<{ key: string }[]>(`select "id" as "key" from "region" where "includes_tax" and "deleted_at" is null`),
    ]);
    const settings = { currencies: new Set(currencies.map((r) => r.key)), regions: new Set(regions.map((r) => r.key)) };
    return keys.map(() => settings);
  }, 'all');
}

/** The selected prices plus Medusa's tax figures (rounded tax on top of the price) when the region computes taxes. */
export async function priceVariant(ctx: Context, variant: ProductVariant, prices: MoneyAmount[], context: PricingContext): Promise<VariantPricing> {
  const selected = await selectPrices(ctx, variant.id, prices, context);
  if (!context.regionId || !context.automaticTaxes) return { ...NO_PRICING, ...selected };
  const taxRates = await productRates(ctx, context, variant.productId);
  const rate = taxRates.reduce((sum, r) => sum + (r.rate ?? 0) / 100, 0);
  const tax = (price: number | null) => (price === null ? null : Math.round(price * rate));
  const originalTax = tax(selected.originalPrice);
  const calculatedTax = tax(selected.calculatedPrice);
  return {
    ...selected,
    originalTax,
    calculatedTax,
    originalPriceInclTax: selected.originalPrice === null ? null : selected.originalPrice + originalTax!,
    calculatedPriceInclTax: selected.calculatedPrice === null ? null : selected.calculatedPrice + calculatedTax!,
    taxRates,
  };
}

/**
 * A product's variants as Medusa lists them: a plain variant list narrowed to the product (an
 * unknown product has none: an empty page, not a 404), newest first by default.
 */
export async function listProductVariants(ctx: Context, productId: string, filter: VariantFilter | undefined, args: PageArgs) {
  const where = { $and: [whereOf(filter), { product: productId }, variantSearch(args.q)] };
  return findPage(ctx, ProductVariant, where, { ...args, q: undefined }, LIST);
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
 * Medusa's price update: the given list becomes the variant's own set of prices. A price with an id
 * of this variant is updated in place; one without an id updates the variant's price of the same
 * region (or of the same currency, without a region) and otherwise is created; the variant's other
 * own prices are removed. Prices of price lists are not the variant's own: they stay.
 */
async function replacePrices(ctx: Context, variant: ProductVariant, prices: PriceData[]): Promise<void> {
  const current = await ctx.em.find(MoneyAmount, { variant, priceList: null });
  const byId = new Map(current.map((p) => [p.id, p]));
  const kept = new Set<string>();
  const sameSlot = (p: PriceData) => current.find((c) => !kept.has(c.id) && (p.region
    ? c.region?.id === p.region.id
    : !c.region && c.currency.code === p.currency.code));
  for (const p of prices) {
    const existing = p.id ? byId.get(p.id) : sameSlot(p);
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

/**
 * Option values keyed by option id; every option of the product needs exactly one. The checks and
 * messages follow Medusa's order: the count first, then a value for each of the product's options.
 */
export function checkOptionValues(options: ProductOption[], values: VariantOptionInput[]): Map<string, string> {
  if (values.length !== options.length) {
    throw invalid(`Product options length does not match variant options length. Product has ${options.length} and variant has ${values.length}.`);
  }
  const byOption = new Map<string, string>();
  for (const option of options) {
    const given = values.filter((v) => v.optionId === option.id);
    if (!given.length) throw invalid(`Variant options do not contain value for ${option.title}`);
    if (given.length > 1) throw invalid(`Variant has more than one value for option ${option.title}`);
    byOption.set(option.id, given[0].value);
  }
  return byOption;
}

/**
 * No two variants of a product may have the same value for every option: Medusa refuses a new one
 * as a duplicate (422). A changed one is refused too (400): Medusa would store the twin.
 */
export function checkUniqueCombination(siblings: ProductVariant[], values: Map<string, string>, self?: ProductVariant): void {
  // As in Medusa, a product without options cannot tell two variants apart either.
  for (const sibling of live(siblings)) {
    if (sibling === self) continue;
    const theirs = live(sibling.options.getItems());
    const same = [...values].every(([optionId, value]) => theirs.some((o) => o.option.id === optionId && o.value === value));
    if (!same) continue;
    const message = `Variant with title ${sibling.title} with provided options already exists`;
    throw self ? invalid(message) : duplicate(message);
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
  createItemForVariant(ctx, variant);
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
    // As Medusa, only the variant's existing option values change; another option is not found.
    const current = new Map(live(variant.options.getItems()).map((v) => [v.option.id, v]));
    const wanted = new Map([...current].map(([optionId, v]) => [optionId, v.value]));
    for (const o of input.options) {
      if (!current.has(o.optionId)) throw new AppError('not_found', 'Product option value not found');
      wanted.set(o.optionId, o.value);
    }
    checkUniqueCombination(product.variants.getItems(), wanted, variant);
    for (const o of input.options) current.get(o.optionId)!.value = o.value;
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
  await unlinkVariants(ctx, [variant.id]);
}
