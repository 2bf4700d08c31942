import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { Product, ProductOptionValue } from '../src/entities/products';
import { MoneyAmount, ProductVariant } from '../src/entities/variants';
import { Currency } from '../src/entities/currencies';
import { Region } from '../src/entities/regions';
import * as variants from '../src/services/variants';
import { BY_CREATION, childRowsAhead, rowById } from '../src/services/products';
import { ProductVariantList, ProductVariantListArgs, VariantListArgs } from '../schema/variants';

/** A variant's unit price in the request's pricing context (null without one); sync when none. */
function priceInContext(ctx: Context, variant: ProductVariant): number | null | Promise<number | null> {
  const context = variants.pricingContextOf(ctx);
  if (!context) return null;
  const prices = childRowsAhead(ctx, MoneyAmount, 'variant_id', BY_CREATION, variant.id);
  return prices instanceof Promise ? prices.then((list) => variants.calculatedAmount(list, context)) : variants.calculatedAmount(prices, context);
}

@Resolver(() => ProductVariant)
export class VariantsResolver {
  @Query(() => ProductVariantList, { description: 'Variants of all products, filtered, searched and paged.' })
  variants(@Args() { filter, ...page }: VariantListArgs, @Ctx() ctx: Context) {
    return variants.listVariants(ctx, filter, page);
  }

  @Query(() => ProductVariant)
  variant(@Arg('id') id: string, @Ctx() ctx: Context) {
    return variants.retrieveVariant(ctx, id);
  }

  @Query(() => ProductVariantList, { description: 'The variants of one product.' })
  productVariants(@Args() { productId, filter, ...page }: ProductVariantListArgs, @Ctx() ctx: Context) {
    return variants.listProductVariants(ctx, productId, filter, page);
  }

  @FieldResolver(() => [MoneyAmount])
  prices(@Root() root: ProductVariant, @Ctx() ctx: Context) {
    return childRowsAhead(ctx, MoneyAmount, 'variant_id', BY_CREATION, root.id);
  }

  @FieldResolver(() => [ProductOptionValue])
  options(@Root() root: ProductVariant, @Ctx() ctx: Context) {
    return childRowsAhead(ctx, ProductOptionValue, 'variant_id', BY_CREATION, root.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The price of one unit in the pricing context of GET /admin/variants (region_id or currency_code); null without one.' })
  calculatedPrice(@Root() root: ProductVariant, @Ctx() ctx: Context) {
    return priceInContext(ctx, root);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The price before price lists in that context; price lists are not applied, so it equals calculatedPrice.' })
  originalPrice(@Root() root: ProductVariant, @Ctx() ctx: Context) {
    return priceInContext(ctx, root);
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
