import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../src/context';
import { PriceList } from '../src/entities/price-lists';
import { MoneyAmount, ProductVariant } from '../src/entities/variants';
import { CustomerGroup } from '../src/entities/customer-groups';
import * as priceLists from '../src/services/price-lists';
import { rootFieldOf } from '../src/lib/loaders';
import { DeleteResponse } from '../schema/common';
import {
  CreatePriceListInput, DeletePriceListPricesInput, DeletePriceListProductsPricesInput, PriceListList, PriceListListArgs, PriceListPriceInput, PriceListPricesDeleteResponse,
  PriceListProductListArgs, UpdatePriceListInput,
} from '../schema/price-lists';
import { ProductList } from '../schema/products';
import { rowById } from '../src/services/products';

@Resolver(() => PriceList)
export class PriceListsResolver {
  @Query(() => PriceListList, { description: 'Price lists, filtered and paged.' })
  priceLists(@Args() { filter, ...page }: PriceListListArgs, @Ctx() ctx: Context) {
    return priceLists.listPriceLists(ctx, filter, page);
  }

  @Query(() => PriceList)
  priceList(@Arg('id') id: string, @Ctx() ctx: Context) {
    return priceLists.retrievePriceList(ctx, id);
  }

  @Query(() => ProductList, { description: 'The products with a variant priced in the list, filtered and paged as products are.' })
  priceListProducts(@Args() { priceListId, filter, ...page }: PriceListProductListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return priceLists.listPriceListProducts(ctx, priceListId, filter, page, rootFieldOf(info));
  }

  @Mutation(() => PriceList)
  createPriceList(@Arg('input') input: CreatePriceListInput, @Ctx() ctx: Context) {
    return priceLists.createPriceList(ctx, input);
  }

  @Mutation(() => PriceList)
  updatePriceList(@Arg('id') id: string, @Arg('input') input: UpdatePriceListInput, @Ctx() ctx: Context) {
    return priceLists.updatePriceList(ctx, id, input);
  }

  @Mutation(() => DeleteResponse)
  deletePriceList(@Arg('id') id: string, @Ctx() ctx: Context) {
    return priceLists.deletePriceList(ctx, id);
  }

  @Mutation(() => PriceList, { description: 'Adds prices to the list (updating those with an id); `override` removes the others.' })
  addPriceListPrices(
    @Arg('id') id: string,
    @Arg('prices', () => [PriceListPriceInput]) prices: PriceListPriceInput[],
    @Arg('override', () => Boolean, { nullable: true }) override: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return priceLists.addPriceListPrices(ctx, id, prices, override ?? false);
  }

  @Mutation(() => PriceListPricesDeleteResponse)
  deletePriceListPrices(@Arg('id') id: string, @Arg('input') input: DeletePriceListPricesInput, @Ctx() ctx: Context) {
    return priceLists.deletePriceListPrices(ctx, id, input.priceIds);
  }

  @Mutation(() => PriceListPricesDeleteResponse, { description: 'Deletes the list\'s prices of the variants of these products.' })
  deletePriceListProductsPrices(@Arg('id') id: string, @Arg('input') input: DeletePriceListProductsPricesInput, @Ctx() ctx: Context) {
    return priceLists.deletePriceListProductPrices(ctx, id, input.productIds);
  }

  @Mutation(() => PriceListPricesDeleteResponse, { description: 'Deletes the list\'s prices of the variants of one product.' })
  deletePriceListProductPrices(@Arg('id') id: string, @Arg('productId') productId: string, @Ctx() ctx: Context) {
    return priceLists.deletePriceListProductPrices(ctx, id, [productId]);
  }

  @Mutation(() => PriceListPricesDeleteResponse)
  deletePriceListVariantPrices(@Arg('id') id: string, @Arg('variantId') variantId: string, @Ctx() ctx: Context) {
    return priceLists.deletePriceListVariantPrices(ctx, id, variantId);
  }

  @FieldResolver(() => [MoneyAmount])
  prices(@Root() root: PriceList, @Ctx() ctx: Context) {
    return ctx.loaders.children(MoneyAmount, 'priceList', root.id, { createdAt: 'asc', id: 'asc' });
  }

  @FieldResolver(() => [CustomerGroup])
  customerGroups(@Root() root: PriceList, @Ctx() ctx: Context) {
    return ctx.loaders.relation<PriceList, CustomerGroup[]>(root, 'customerGroups');
  }
}

@Resolver(() => MoneyAmount)
export class PriceListPriceResolver {
  @FieldResolver(() => PriceList, { nullable: true, description: 'The price list the price belongs to, if any.' })
  priceList(@Root() root: MoneyAmount, @Ctx() ctx: Context) {
    return root.priceListId ? ctx.loaders.byId(PriceList, root.priceListId) : null;
  }

  @FieldResolver(() => [ProductVariant], { description: 'The price\'s variant as a list of one (Medusa 1.20 links prices to variants through a table), empty for none.' })
  async variants(@Root() root: MoneyAmount, @Ctx() ctx: Context) {
    const variant = root.variantId ? await rowById(ctx, ProductVariant, root.variantId) : null;
    return variant ? [variant] : [];
  }
}

@Resolver(() => ProductVariant)
export class PriceListVariantResolver {
  @FieldResolver(() => [MoneyAmount], {
    description: 'The variant\'s own prices and those of a price list: the one given, else the one whose products are being listed (priceListProducts); empty otherwise.',
  })
  priceListPrices(
    @Root() root: ProductVariant,
    @Arg('priceListId', () => String, { nullable: true }) priceListId: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return priceLists.variantPricesInList(ctx, root.id, priceListId, rootFieldOf(info));
  }
}
