import type { Context } from '../context';
import { Address, Customer } from '../entities/customers';
import { Discount, DiscountConditionOperator, DiscountConditionType, DiscountRuleType } from '../entities/discounts';
import { GiftCard } from '../entities/gift-cards';
import { Cart, CartType, LineItem, LineItemAdjustment, ShippingMethod } from '../entities/orders';
import { Region } from '../entities/regions';
import { ShippingOption } from '../entities/shipping-options';
import { MoneyAmount, ProductVariant } from '../entities/variants';
import { AppError, invalid, notAllowed, notFound } from '../lib/errors';
import { mergeMetadata } from '../lib/metadata';
import * as T from '../lib/totals';
import { retrieveStore } from './store';
import { linkedTaxRates } from './shipping-options';
import { orderedId, productRates, selectPrices } from './variants';

/*
 * Carts as Medusa v1's cart service keeps them for draft orders: created with a customer found or
 * made from the email, addresses checked against the region's countries, line items priced in the
 * region, shipping methods (one per shipping profile), discounts with their line adjustments, and
 * the totals computed by the one totals engine (`src/lib/totals.ts`).
 */

/** An address by id, or a new one (as the REST body's snake_case object). */
export type AddressRef = { id: string } | AddressData;
export interface AddressData {
  firstName?: string | null; lastName?: string | null; phone?: string | null; company?: string | null;
  address1?: string | null; address2?: string | null; city?: string | null; countryCode?: string | null;
  province?: string | null; postalCode?: string | null; metadata?: Record<string, unknown> | null;
}

export interface CartInput {
  regionId: string;
  email?: string | null;
  customerId?: string | null;
  shippingAddress?: AddressRef | null;
  billingAddress?: AddressRef | null;
  metadata?: Record<string, unknown> | null;
  type: CartType;
}

async function regionWithCountries(ctx: Context, id: string): Promise<Region> {
  const region = await ctx.em.findOne(Region, { id }, { populate: ['countries'] });
  // Medusa's region service words it without "id:".
  if (!region) throw new AppError('not_found', `Region with ${id} was not found`);
  return region;
}

const countriesOf = (region: Region) => region.countries.getItems().map((c) => c.iso2);

/** Medusa's guest customer for an email: the one without an account, else a new one. */
async function customerForEmail(ctx: Context, email: string): Promise<Customer> {
  const lower = email.toLowerCase();
  const existing = await ctx.em.findOne(Customer, { email: lower, hasAccount: false });
  if (existing) return existing;
  const customer = ctx.em.create(Customer, { email: lower, hasAccount: false } as any);
  return customer;
}

async function retrieveCustomerById(ctx: Context, id: string): Promise<Customer | null> {
  return ctx.em.findOne(Customer, { id });
}

/** A new address, or an existing one by id; its country must be one of the region's. */
export async function addressFor(ctx: Context, ref: AddressRef, countries: string[], which: 'Shipping' | 'Billing'): Promise<Address> {
  if ('id' in ref && typeof ref.id === 'string') {
    const found = await ctx.em.findOne(Address, { id: ref.id });
    if (!found) throw notFound('Address', ref.id);
    if (found.countryCode && !countries.includes(found.countryCode)) throw notAllowed(`${which} country not in region`);
    return found;
  }
  const data = ref as AddressData;
  const code = data.countryCode?.toLowerCase() ?? null;
  if (!code || !countries.includes(code)) throw notAllowed(`${which} country not in region`);
  return ctx.em.create(Address, { ...data, countryCode: code, metadata: mergeMetadata(null, data.metadata ?? undefined) } as any);
}

/** Medusa's cart creation (for a draft order): customer, addresses, the store's default sales channel. */
export async function createCart(ctx: Context, input: CartInput): Promise<Cart> {
  const region = await regionWithCountries(ctx, input.regionId);
  const countries = countriesOf(region);
  const store = await retrieveStore(ctx);
  const cart = ctx.em.create(Cart, { region, type: input.type, context: {}, metadata: input.metadata ?? {} } as any);
  if (store.defaultSalesChannelId) cart.salesChannel = ctx.em.getReference('SalesChannel', store.defaultSalesChannelId) as any;
  const customer = input.customerId ? await retrieveCustomerById(ctx, input.customerId) : null;
  if (customer) {
    cart.customer = customer;
    cart.email = customer.email;
  } else if (input.email) {
    cart.customer = await customerForEmail(ctx, input.email);
    cart.email = cart.customer.email;
  }
  if (input.shippingAddress) cart.shippingAddress = await addressFor(ctx, input.shippingAddress, countries, 'Shipping');
  else if (countries.length === 1) cart.shippingAddress = ctx.em.create(Address, { countryCode: countries[0] } as any);
  if (input.billingAddress) cart.billingAddress = await addressFor(ctx, input.billingAddress, countries, 'Billing');
  return cart;
}

export interface CartUpdate {
  regionId?: string | null;
  countryCode?: string | null;
  email?: string | null;
  customerId?: string | null;
  shippingAddress?: AddressRef | null;
  billingAddress?: AddressRef | null;
  discounts?: { code: string }[] | null;
}

/** Medusa's cart update: customer or email, addresses, region (which repriced the items), discounts. */
export async function updateCart(ctx: Context, cart: Cart, input: CartUpdate): Promise<void> {
  if (input.customerId) {
    const customer = await retrieveCustomerById(ctx, input.customerId);
    if (!customer) throw notFound('Customer', input.customerId);
    cart.customer = customer;
    cart.email = customer.email;
  } else if (input.email) {
    cart.customer = await customerForEmail(ctx, input.email);
    cart.email = cart.customer.email;
  }
  if (input.regionId && input.regionId !== cart.region.id) await changeRegion(ctx, cart, input.regionId, input.countryCode ?? null);
  const countries = countriesOf(await regionWithCountries(ctx, cart.region.id));
  if (input.shippingAddress) cart.shippingAddress = await addressFor(ctx, input.shippingAddress, countries, 'Shipping');
  if (input.billingAddress) cart.billingAddress = await addressFor(ctx, input.billingAddress, countries, 'Billing');
  if (input.discounts) {
    for (const { code } of input.discounts) await applyDiscount(ctx, cart, code);
    await refreshAdjustments(ctx, cart);
  }
}

/** A new region reprices every variant line, resets the shipping address and drops shipping and discounts, as Medusa does. */
async function changeRegion(ctx: Context, cart: Cart, regionId: string, countryCode: string | null): Promise<void> {
  const region = await regionWithCountries(ctx, regionId);
  const countries = countriesOf(region);
  cart.region = region;
  if (countryCode) {
    if (!countries.includes(countryCode.toLowerCase())) throw notAllowed('Country not available in region');
    cart.shippingAddress = ctx.em.create(Address, { countryCode: countryCode.toLowerCase() } as any);
  } else {
    cart.shippingAddress = countries.length === 1 ? ctx.em.create(Address, { countryCode: countries[0] } as any) : null;
  }
  for (const item of await itemsOf(ctx, cart)) {
    if (!item.variant) continue;
    const priced = await variantPrice(ctx, item.variant, region, cart.customer?.id ?? null, item.quantity);
    item.unitPrice = priced.unitPrice;
    item.includesTax = priced.includesTax;
  }
  cart.discounts.removeAll();
  cart.giftCards.removeAll();
  await dropShippingMethods(ctx, cart);
  await refreshAdjustments(ctx, cart);
}

// ---------------------------------------------------------------- line items

export function itemsOf(ctx: Context, cart: Cart): Promise<LineItem[]> {
  return ctx.em.find(LineItem, { cart }, { populate: ['variant', 'variant.product', 'adjustments'], orderBy: { createdAt: 'asc', id: 'asc' }, filters: false });
}

/** The price Medusa gives a variant in a region: its price selection, and whether that price includes tax. */
export async function variantPrice(ctx: Context, variant: ProductVariant, region: Region, customerId: string | null, quantity: number): Promise<{ unitPrice: number; includesTax: boolean }> {
  const prices = await ctx.em.find(MoneyAmount, { variant }, { populate: ['priceList', 'currency'] });
  const context = { regionId: region.id, currencyCode: region.currencyCode, automaticTaxes: region.automaticTaxes, regionRate: region.taxRate, customerId };
  const selected = await selectPrices(ctx, variant.id, prices, context);
  if (selected.calculatedPrice === null) {
    throw invalid(`Cannot generate line item for variant "${variant.title ?? variant.product.title ?? variant.id}" without a price`);
  }
  const chosen = (selected.prices ?? []).find((p) => p.amount === selected.calculatedPrice);
  const includesTax = chosen?.priceList ? chosen.priceList.includesTax : region.includesTax || !!chosen?.currency.includesTax;
  void quantity;
  return { unitPrice: selected.calculatedPrice, includesTax };
}

export interface ItemInput { variantId?: string | null; title?: string | null; unitPrice?: number | null; quantity: number; metadata?: Record<string, unknown> | null }

/** A variant line priced in the cart's region (an explicit price keeps the line from merging), or a custom line. */
export async function newLineItem(ctx: Context, cart: Cart, input: ItemInput, customTitle = 'Custom item'): Promise<LineItem> {
  if (!Number.isInteger(input.quantity)) throw invalid('quantity must be an integer number');
  if (input.unitPrice != null && !Number.isInteger(input.unitPrice)) throw invalid('unit_price must be an integer number');
  if (!input.variantId) {
    return ctx.em.create(LineItem, {
      id: orderedId('item'), cart, hasShipping: true, title: input.title || customTitle, allowDiscounts: false,
      unitPrice: input.unitPrice == null || input.unitPrice < 0 ? 0 : input.unitPrice, quantity: input.quantity, metadata: input.metadata ?? {},
    } as any);
  }
  const variant = await ctx.em.findOne(ProductVariant, { id: input.variantId }, { populate: ['product'] });
  if (!variant) throw notFound('Variant', input.variantId);
  let unitPrice = input.unitPrice == null ? null : Math.max(0, input.unitPrice);
  let includesTax = false;
  if (unitPrice === null) ({ unitPrice, includesTax } = await variantPrice(ctx, variant, cart.region, cart.customer?.id ?? null, input.quantity));
  return ctx.em.create(LineItem, {
    id: orderedId('item'), cart, variant, unitPrice, includesTax, title: variant.product.title, description: variant.title,
    thumbnail: variant.product.thumbnail ?? null, quantity: input.quantity, allowDiscounts: variant.product.discountable,
    isGiftcard: variant.product.isGiftcard, metadata: input.metadata ?? {}, shouldMerge: input.unitPrice == null, hasShipping: false,
  } as any);
}

/**
 * Medusa's `addOrUpdateLineItems`: a mergeable variant line adds to the cart's line of the same
 * variant; then, as any line-item change does, shipping methods go and adjustments are redone.
 */
export async function addLineItem(ctx: Context, cart: Cart, item: LineItem): Promise<void> {
  const items = await itemsOf(ctx, cart);
  const same = item.shouldMerge && item.variant
    ? items.find((i) => i.shouldMerge && i.variant?.id === item.variant!.id && i !== item) : undefined;
  if (same) {
    same.quantity += item.quantity;
    ctx.em.remove(item);
  } else {
    ctx.em.persist(item);
  }
  await lineItemsChanged(ctx, cart);
}

/** Any line-item change drops the cart's shipping methods and redoes its discount adjustments. */
export async function lineItemsChanged(ctx: Context, cart: Cart): Promise<void> {
  await ctx.em.flush();
  await dropShippingMethods(ctx, cart);
  await refreshAdjustments(ctx, cart);
}

async function dropShippingMethods(ctx: Context, cart: Cart): Promise<void> {
  const methods = await ctx.em.find(ShippingMethod, { cart });
  for (const m of methods) ctx.em.remove(m);
  await ctx.em.flush();
}

// ---------------------------------------------------------------- shipping

/**
 * A shipping method for a cart: the option must be of the cart's region and not a return option;
 * it replaces a method of the same shipping profile, and marks the lines of that profile shipped.
 */
export async function addShippingMethod(ctx: Context, cart: Cart, optionId: string, price: number | null | undefined, data: Record<string, unknown> | null | undefined): Promise<ShippingMethod> {
  const option = await ctx.em.findOne(ShippingOption, { id: optionId });
  if (!option) throw notFound('Shipping option', optionId);
  if (option.region.id !== cart.region.id) throw invalid('The shipping option is not available in the cart\'s region');
  if (option.isReturn) throw notAllowed('The selected shipping method is not available for this cart');
  const existing = await ctx.em.find(ShippingMethod, { cart }, { populate: ['shippingOption'] });
  for (const m of existing) if (m.shippingOption.profile.id === option.profile.id) ctx.em.remove(m);
  const method = ctx.em.create(ShippingMethod, {
    id: orderedId('sm'), shippingOption: option, cart, price: price ?? option.amount ?? 0, data: data ?? {}, includesTax: option.includesTax,
  } as any);
  for (const item of await itemsOf(ctx, cart)) {
    if (item.variant && item.variant.product.profile?.id === option.profile.id) item.hasShipping = true;
  }
  await ctx.em.flush();
  return method;
}

// ---------------------------------------------------------------- discounts

/** Medusa's checks of a discount code for a cart, in its order and words. */
async function applyDiscount(ctx: Context, cart: Cart, code: string): Promise<void> {
  const discount = await ctx.em.findOne(Discount, { code: code.toUpperCase() }, { populate: ['rule', 'regions', 'parentDiscount'] });
  if (!discount) throw new AppError('not_found', `Discounts with code [${code}] was not found`);
  const now = new Date();
  if (discount.isDisabled) throw notAllowed('The discount code is disabled');
  if (discount.usageLimit != null && discount.usageCount >= discount.usageLimit) throw notAllowed('Discount has been used maximum allowed times');
  if (discount.startsAt > now) throw notAllowed('Discount is not valid yet');
  if (discount.endsAt && discount.endsAt < now) throw notAllowed('Discount is expired');
  if (!discount.regions.getItems().some((r) => r.id === cart.region.id)) throw notAllowed('The discount is not available in current region');
  const rule = discount.rule;
  if (!rule) throw invalid('The discount has no rule');
  // One free-shipping discount and one other at most: a new one replaces the one of its kind.
  const freeShipping = rule.type === DiscountRuleType.free_shipping;
  const current = await ctx.em.populate(cart, ['discounts.rule']);
  for (const d of current.discounts.getItems()) {
    if ((d.rule?.type === DiscountRuleType.free_shipping) === freeShipping) cart.discounts.remove(d);
  }
  cart.discounts.add(discount);
}

/** Whether the discount's conditions let it apply to the product (Medusa's `validateDiscountForProduct`). */
export async function discountFitsProduct(ctx: Context, ruleId: string, productId: string): Promise<boolean> {
  const rows: { type: string; operator: string; hit: boolean }[] = await ctx.em.execute(
    `select c."type", c."operator",
            case c."type"
              when 'products' then exists (select 1 from "discount_condition_product" x where x."condition_id" = c."id" and x."product_id" = p."id")
              when 'product_types' then exists (select 1 from "discount_condition_product_type" x where x."condition_id" = c."id" and x."product_type_id" = p."type_id")
              when 'product_collections' then exists (select 1 from "discount_condition_product_collection" x where x."condition_id" = c."id" and x."product_collection_id" = p."collection_id")
              when 'product_tags' then exists (select 1 from "discount_condition_product_tag" x join "product_tags" t on t."product_tag_id" = x."product_tag_id" where x."condition_id" = c."id" and t."product_id" = p."id")
              else true end as "hit"
       from "discount_condition" c, "product" p
      where c."discount_rule_id" = ? and p."id" = ? and c."deleted_at" is null`,
    [ruleId, productId],
  );
  return rows.every((r) => r.type === DiscountConditionType.customer_groups || (r.operator === DiscountConditionOperator.in ? r.hit : !r.hit));
}

/**
 * Medusa's `refreshAdjustments`: the discount adjustments of every line are made again from the
 * cart's (non-free-shipping) discount; custom adjustments stay.
 */
export async function refreshAdjustments(ctx: Context, cart: Cart): Promise<void> {
  const items = await itemsOf(ctx, cart);
  for (const item of items) for (const a of item.adjustments.getItems()) if (a.discount) ctx.em.remove(a);
  await ctx.em.flush();
  await ctx.em.populate(cart, ['discounts.rule']);
  const discount = cart.discounts.getItems().find((d) => d.rule && d.rule.type !== DiscountRuleType.free_shipping);
  if (!discount?.rule) return;
  const lines = await totalsItems(ctx, cart, items);
  for (const [i, item] of items.entries()) {
    if (!item.allowDiscounts || item.isReturn || !item.variant) continue;
    if (!(await discountFitsProduct(ctx, discount.rule.id, item.variant.product.id))) continue;
    const amount = T.discountAdjustment(lines[i], totalsDiscount(discount), lines);
    if (amount === 0) continue;
    ctx.em.create(LineItemAdjustment, { item, discount, description: 'discount', amount } as any);
  }
  await ctx.em.flush();
}

// ---------------------------------------------------------------- totals

export const totalsDiscount = (d: Discount): T.TotalsDiscount => ({
  id: d.id, rule: { type: d.rule!.type, value: d.rule!.value, allocation: d.rule!.allocation ?? null },
});

/** The tax lines Medusa's system provider gives a cart's lines: product (or type) rates, else the region's. */
export async function itemTaxLines(ctx: Context, region: Region, item: LineItem): Promise<T.TaxLine[]> {
  if (!item.variant || item.isReturn) return [];
  const context = { regionId: region.id, currencyCode: region.currencyCode, automaticTaxes: region.automaticTaxes, regionRate: region.taxRate, customerId: null };
  const rates = await productRates(ctx, context, item.variant.product.id);
  return rates.map((r) => ({ rate: r.rate ?? 0, name: r.name, code: r.code }));
}

/** A shipping method's rates: its option's linked rates, else the region's as `default`. */
export async function methodTaxLines(ctx: Context, region: Region, optionId: string): Promise<T.TaxLine[]> {
  const linked = await ctx.loaders.load<string, { rate: number | null; name: string; code: string | null }[]>(
    'orders:option-rates', async (ids) => linkedTaxRates(ctx, ids), optionId);
  return linked.length ? linked.map((r) => ({ rate: r.rate ?? 0, name: r.name, code: r.code })) : [{ rate: region.taxRate, name: 'default', code: 'default' }];
}

async function totalsItems(ctx: Context, cart: Cart, items: LineItem[]): Promise<T.TotalsItem[]> {
  return Promise.all(items.map(async (item) => toTotalsItem(item, await itemTaxLines(ctx, cart.region, item))));
}

export function toTotalsItem(item: LineItem, taxLines: T.TaxLine[], adjustments: LineItemAdjustment[] = item.adjustments.getItems()): T.TotalsItem {
  return {
    id: item.id, unitPrice: item.unitPrice, quantity: item.quantity, includesTax: item.includesTax,
    allowDiscounts: item.allowDiscounts, isReturn: item.isReturn, returnedQuantity: item.returnedQuantity,
    shippedQuantity: item.shippedQuantity, taxLines,
    adjustments: adjustments.map((a) => ({ amount: a.amount, discountId: a.discount?.id ?? null })),
  };
}

/** A cart with its totals and the tax lines they were computed with (Medusa computes them, stores none). */
export interface CartView {
  totals: T.Totals;
  itemTaxLines: Map<string, T.TaxLine[]>;
  methodTaxLines: Map<string, T.TaxLine[]>;
}

/** Loads what the totals need for one cart and computes them. */
export async function computeCartView(ctx: Context, cart: Cart, forceTaxes = false): Promise<CartView> {
  return (await computeCartViews(ctx, [cart], forceTaxes))[0];
}

/**
 * The views of several carts with a fixed number of queries: their regions, discounts and gift
 * cards, lines and shipping methods are each loaded once for all; rates come from batched loaders.
 */
async function computeCartViews(ctx: Context, carts: Cart[], forceTaxes: boolean): Promise<CartView[]> {
  await ctx.em.populate(carts, ['region', 'discounts.rule', 'giftCards'] as never);
  const ids = carts.map((c) => c.id);
  const [items, methods] = await Promise.all([
    ctx.em.find(LineItem, { cart: { $in: ids } }, { populate: ['variant', 'variant.product', 'adjustments'], orderBy: { createdAt: 'asc', id: 'asc' } }),
    ctx.em.find(ShippingMethod, { cart: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
  ]);
  return Promise.all(carts.map((cart) => viewOf(ctx, cart, items.filter((i) => i.cart?.id === cart.id), methods.filter((m) => m.cart?.id === cart.id), forceTaxes)));
}

async function viewOf(ctx: Context, cart: Cart, items: LineItem[], methods: ShippingMethod[], forceTaxes: boolean): Promise<CartView> {
  const region = cart.region;
  const includeTax = forceTaxes || region.automaticTaxes;
  const itemLines = new Map<string, T.TaxLine[]>();
  const methodLines = new Map<string, T.TaxLine[]>();
  if (includeTax) {
    await Promise.all([
      ...items.map(async (item) => itemLines.set(item.id, await itemTaxLines(ctx, region, item))),
      ...methods.map(async (m) => methodLines.set(m.id, await methodTaxLines(ctx, region, m.shippingOption.id))),
    ]);
  }
  const totals = T.cartTotals({
    items: items.map((i) => toTotalsItem(i, itemLines.get(i.id) ?? [])),
    shippingMethods: methods.map((m) => ({ id: m.id, price: m.price, includesTax: m.includesTax, taxLines: methodLines.get(m.id) ?? [] })),
    discounts: cart.discounts.getItems().filter((d) => d.rule).map(totalsDiscount),
    giftCards: cart.giftCards.getItems().map((g: GiftCard) => ({ balance: g.balance, taxRate: g.taxRate ?? null })),
    region: { taxRate: region.taxRate, giftCardsTaxable: region.giftCardsTaxable, automaticTaxes: region.automaticTaxes },
  }, forceTaxes);
  return { totals, itemTaxLines: itemLines, methodTaxLines: methodLines };
}

/** The cart's view, once per request (field resolvers of a cart, its lines and methods share it). */
export function cartView(ctx: Context, cartId: string): Promise<CartView> {
  return ctx.loaders.load<string, CartView>('orders:cart-view', async (ids) => {
    const carts = await ctx.em.find(Cart, { id: { $in: [...ids] } });
    const views = new Map((await computeCartViews(ctx, carts, false)).map((v, i) => [carts[i].id, v]));
    return ids.map((id) => views.get(id) ?? (new AppError('not_found', `Cart with id: ${id} was not found`) as never));
  }, cartId);
}
