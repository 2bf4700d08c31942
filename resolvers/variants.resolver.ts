import { Arg, Args, Ctx, Extensions, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { Context } from '../src/context';
import { Product, ProductOptionValue } from '../src/entities/products';
import { MoneyAmount, ProductVariant } from '../src/entities/variants';
import { Currency } from '../src/entities/currencies';
import { Region } from '../src/entities/regions';
import * as variants from '../src/services/variants';
import { rootFieldOf } from '../src/lib/loaders';
import { variantPurchasable } from '../src/services/inventory-items';
import { BY_CREATION, childRowsAhead, rowById } from '../src/services/products';
import { ProductVariantList, ProductVariantListArgs, VariantListArgs } from '../schema/variants';

/** Pricing per variant and pricing context, so the priced fields of one variant share one computation. */
const pricings = (ctx: Context) => ctx.loaders.state('pricing:variants', () => new WeakMap<variants.PricingContext, Map<string, Promise<variants.VariantPricing>>>());

/**
 * A variant's pricing in the pricing context of its root field (a variant list); without one (a
 * product page, a single variant) every priced field is null, answered synchronously.
 */
function pricingOf(ctx: Context, info: GraphQLResolveInfo, variant: ProductVariant): variants.VariantPricing | Promise<variants.VariantPricing> {
  const context = variants.pricingContextOf(ctx, rootFieldOf(info));
  if (!context) return variants.NO_PRICING;
  let known = pricings(ctx).get(context);
  if (!known) pricings(ctx).set(context, (known = new Map()));
  let pricing = known.get(variant.id);
  if (!pricing) {
    pricing = Promise.resolve(childRowsAhead(ctx, MoneyAmount, 'variant_id', BY_CREATION, variant.id))
      .then((prices) => variants.priceVariant(ctx, variant, prices, context));
    known.set(variant.id, pricing);
  }
  return pricing;
}

const ownPrices = (prices: MoneyAmount[]) => (prices.some((p) => p.priceListId) ? prices.filter((p) => !p.priceListId) : prices);

function pricedField<K extends keyof variants.VariantPricing>(ctx: Context, info: GraphQLResolveInfo, variant: ProductVariant, key: K): variants.VariantPricing[K] | Promise<variants.VariantPricing[K]> {
  const pricing = pricingOf(ctx, info, variant);
  return pricing instanceof Promise ? pricing.then((p) => p[key]) : pricing[key];
}

@Resolver(() => ProductVariant)
export class VariantsResolver {
  @Query(() => ProductVariantList, { description: 'Variants of all products, filtered, searched and paged.' })
  variants(@Args() { filter, ...page }: VariantListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return variants.listVariants(ctx, filter, page, rootFieldOf(info));
  }

  @Query(() => ProductVariant)
  variant(@Arg('id') id: string, @Ctx() ctx: Context) {
    return variants.retrieveVariant(ctx, id);
  }

  @Query(() => ProductVariantList, { description: 'The variants of one product.' })
  productVariants(@Args() { productId, filter, ...page }: ProductVariantListArgs, @Ctx() ctx: Context) {
    return variants.listProductVariants(ctx, productId, filter, page);
  }

  /**
   * As Medusa's answers, which replace a variant's prices by those its price selection considered:
   * in GET /admin/variants the applicable ones (open price lists included), elsewhere (product
   * answers, a single variant) the variant's own prices only.
   */
  @FieldResolver(() => [MoneyAmount])
  prices(@Root() root: ProductVariant, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    if (variants.pricingContextOf(ctx, rootFieldOf(info))) return pricedField(ctx, info, root, 'prices');
    const all = childRowsAhead(ctx, MoneyAmount, 'variant_id', BY_CREATION, root.id);
    return all instanceof Promise ? all.then(ownPrices) : ownPrices(all);
  }

  @FieldResolver(() => [ProductOptionValue])
  options(@Root() root: ProductVariant, @Ctx() ctx: Context) {
    return childRowsAhead(ctx, ProductOptionValue, 'variant_id', BY_CREATION, root.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The lowest price for one unit in the pricing context of GET /admin/variants (region_id, currency_code), price lists included; null without a context.' })
  calculatedPrice(@Root() root: ProductVariant, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return pricedField(ctx, info, root, 'calculatedPrice');
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The variant\'s own price in that context (the region\'s, else the currency\'s, without a quantity range).' })
  originalPrice(@Root() root: ProductVariant, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return pricedField(ctx, info, root, 'originalPrice');
  }

  @FieldResolver(() => Int, { nullable: true, description: 'calculatedPrice with its tax, when the context\'s region computes taxes.' })
  calculatedPriceInclTax(@Root() root: ProductVariant, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return pricedField(ctx, info, root, 'calculatedPriceInclTax');
  }

  @FieldResolver(() => Int, { nullable: true, description: 'originalPrice with its tax, when the context\'s region computes taxes.' })
  originalPriceInclTax(@Root() root: ProductVariant, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return pricedField(ctx, info, root, 'originalPriceInclTax');
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The tax on calculatedPrice, when the context\'s region computes taxes.' })
  calculatedTax(@Root() root: ProductVariant, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return pricedField(ctx, info, root, 'calculatedTax');
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The tax on originalPrice, when the context\'s region computes taxes.' })
  originalTax(@Root() root: ProductVariant, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return pricedField(ctx, info, root, 'originalTax');
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether originalPrice includes tax (its price list\'s, region\'s or currency\'s setting); null without a price.' })
  originalPriceIncludesTax(@Root() root: ProductVariant, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return pricedField(ctx, info, root, 'originalPriceIncludesTax');
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether calculatedPrice includes tax; null without a price.' })
  calculatedPriceIncludesTax(@Root() root: ProductVariant, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return pricedField(ctx, info, root, 'calculatedPriceIncludesTax');
  }

  @FieldResolver(() => String, { nullable: true, description: '`default`, or the type of the price list of calculatedPrice; null without one.' })
  @Extensions({ restOnRequest: true })
  calculatedPriceType(@Root() root: ProductVariant, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const type = pricedField(ctx, info, root, 'calculatedPriceType');
    return type instanceof Promise ? type.then((t) => t ?? null) : type ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the variant can be sold now: it allows backorders, does not manage inventory, has no inventory item, or its item is available at the locations of the sales channels.' })
  @Extensions({ restOnRequest: true })
  purchasable(@Root() root: ProductVariant, @Ctx() ctx: Context) {
    return variantPurchasable(ctx, root);
  }

  // JSON objects rather than an object type: a leaf costs nothing in the query-cost limit, so the
  // product page (where it is always null) keeps its maximum page size.
  @FieldResolver(() => [GraphQLJSONObject], { nullable: true, description: 'The rates behind the taxes, `{rate, name, code}` each: the product\'s (or its type\'s) rates in the region, else the region\'s default `{rate, name: "default", code: "default"}`.' })
  taxRates(@Root() root: ProductVariant, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return pricedField(ctx, info, root, 'taxRates');
  }

  @FieldResolver(() => Product, { nullable: true })
  product(@Root() root: ProductVariant, @Ctx() ctx: Context) {
    return rowById(ctx, Product, root.productId);
  }
}

@Resolver(() => MoneyAmount)
export class MoneyAmountResolver {
  @FieldResolver(() => Currency, { nullable: true })
  currency(@Root() root: MoneyAmount, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Currency, root.currencyCode, 'code');
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() root: MoneyAmount, @Ctx() ctx: Context) {
    // A managed entity: the region's own relations (providers) are resolved through the ORM.
    return root.regionId ? ctx.loaders.byId(Region, root.regionId) : null;
  }

  @FieldResolver(() => ProductVariant, { nullable: true })
  variant(@Root() root: MoneyAmount, @Ctx() ctx: Context) {
    return root.variantId ? rowById(ctx, ProductVariant, root.variantId) : null;
  }
}
