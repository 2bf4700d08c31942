import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { Product, ProductOptionValue } from '../src/entities/products';
import { MoneyAmount, ProductVariant } from '../src/entities/variants';
import { Currency } from '../src/entities/currencies';
import { Region } from '../src/entities/regions';
import * as variants from '../src/services/variants';
import { BY_CREATION, childRowsAhead, rowById } from '../src/services/products';
import { ProductVariantList, ProductVariantListArgs, VariantListArgs } from '../schema/variants';

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
