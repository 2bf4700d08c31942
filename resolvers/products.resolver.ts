import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../src/context';
import { Image, Product, ProductOption, ProductOptionValue } from '../src/entities/products';
import { ProductTag } from '../src/entities/product-tags';
import { ProductType } from '../src/entities/product-types';
import { MoneyAmount, ProductVariant } from '../src/entities/variants';
import { ProductCollection } from '../src/entities/collections';
import { ProductCategory } from '../src/entities/categories';
import { SalesChannel } from '../src/entities/sales-channels';
import { ShippingProfile } from '../src/entities/shipping-profiles';
import * as products from '../src/services/products';
import { DeleteResponse } from '../schema/common';
import {
  CreateProductInput, ProductList, ProductListArgs, ProductOptionDeleteResponse, ProductOptionInput,
  ProductVariantDeleteResponse, UpdateProductInput,
} from '../schema/products';
import { CreateVariantInput, UpdateVariantInput } from '../schema/variants';

/** Orders of the batched relation queries (column lists; the id breaks ties). */
export const BY_CREATION = '"created_at", "id"';
const VARIANT_ORDER = '"variant_rank", "created_at", "id"';

@Resolver(() => Product)
export class ProductsResolver {
  @Query(() => ProductList, { description: 'Products, filtered, searched and paged.' })
  products(@Args() { filter, ...page }: ProductListArgs, @Ctx() ctx: Context) {
    return products.listProducts(ctx, filter, page);
  }

  @Query(() => Product)
  product(@Arg('id') id: string, @Ctx() ctx: Context) {
    return products.retrieveProduct(ctx, id);
  }

  @Mutation(() => Product)
  createProduct(@Arg('input') input: CreateProductInput, @Ctx() ctx: Context) {
    return products.createProduct(ctx, input);
  }

  @Mutation(() => Product)
  updateProduct(@Arg('id') id: string, @Arg('input') input: UpdateProductInput, @Ctx() ctx: Context) {
    return products.updateProduct(ctx, id, input);
  }

  @Mutation(() => DeleteResponse)
  deleteProduct(@Arg('id') id: string, @Ctx() ctx: Context) {
    return products.deleteProduct(ctx, id);
  }

  @Mutation(() => Product, { description: 'Sets one metadata key; an empty value removes it.' })
  setProductMetadata(@Arg('id') id: string, @Arg('key') key: string, @Arg('value') value: string, @Ctx() ctx: Context) {
    return products.setProductMetadata(ctx, id, key, value);
  }

  @Mutation(() => Product)
  addProductOption(@Arg('id') id: string, @Arg('input') input: ProductOptionInput, @Ctx() ctx: Context) {
    return products.addProductOption(ctx, id, input);
  }

  @Mutation(() => Product)
  updateProductOption(@Arg('id') id: string, @Arg('optionId') optionId: string, @Arg('input') input: ProductOptionInput, @Ctx() ctx: Context) {
    return products.updateProductOption(ctx, id, optionId, input);
  }

  @Mutation(() => ProductOptionDeleteResponse)
  deleteProductOption(@Arg('id') id: string, @Arg('optionId') optionId: string, @Ctx() ctx: Context) {
    return products.deleteProductOption(ctx, id, optionId);
  }

  @Mutation(() => Product)
  createProductVariant(@Arg('id') id: string, @Arg('input') input: CreateVariantInput, @Ctx() ctx: Context) {
    return products.createProductVariant(ctx, id, input);
  }

  @Mutation(() => Product)
  updateProductVariant(@Arg('id') id: string, @Arg('variantId') variantId: string, @Arg('input') input: UpdateVariantInput, @Ctx() ctx: Context) {
    return products.updateProductVariant(ctx, id, variantId, input);
  }

  @Mutation(() => ProductVariantDeleteResponse)
  deleteProductVariant(@Arg('id') id: string, @Arg('variantId') variantId: string, @Ctx() ctx: Context) {
    return products.deleteProductVariant(ctx, id, variantId);
  }

  @FieldResolver(() => [ProductVariant])
  variants(@Root() root: Product, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const wanted = products.selectedFields(info);
    const nested: products.Nested[] = [];
    if (wanted.has('prices')) nested.push({ entity: MoneyAmount, fk: 'variant_id', order: BY_CREATION });
    if (wanted.has('options')) nested.push({ entity: ProductOptionValue, fk: 'variant_id', order: BY_CREATION });
    return products.childRowsWith(ctx, ProductVariant, 'product_id', VARIANT_ORDER, root.id, nested);
  }

  @FieldResolver(() => [ProductOption])
  options(@Root() root: Product, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const nested = products.selectedFields(info).has('values') ? [{ entity: ProductOptionValue, fk: 'option_id', order: BY_CREATION }] : [];
    return products.childRowsWith(ctx, ProductOption, 'product_id', BY_CREATION, root.id, nested);
  }

  @FieldResolver(() => [Image])
  images(@Root() root: Product, @Ctx() ctx: Context) {
    return products.linkedRows(ctx, Image, 'product_images', 'product_id', 'image_id', root.id);
  }

  @FieldResolver(() => [ProductTag])
  tags(@Root() root: Product, @Ctx() ctx: Context) {
    return products.linkedRows(ctx, ProductTag, 'product_tags', 'product_id', 'product_tag_id', root.id);
  }

  @FieldResolver(() => ProductType, { nullable: true })
  type(@Root() root: Product, @Ctx() ctx: Context) {
    return root.typeId ? products.rowById(ctx, ProductType, root.typeId) : null;
  }

  @FieldResolver(() => ProductCollection, { nullable: true })
  collection(@Root() root: Product, @Ctx() ctx: Context) {
    return root.collectionId ? products.rowById(ctx, ProductCollection, root.collectionId) : null;
  }

  @FieldResolver(() => [ProductCategory])
  categories(@Root() root: Product, @Ctx() ctx: Context) {
    return products.linkedRows(ctx, ProductCategory, 'product_category_product', 'product_id', 'product_category_id', root.id);
  }

  @FieldResolver(() => [SalesChannel])
  salesChannels(@Root() root: Product, @Ctx() ctx: Context) {
    return products.linkedRows(ctx, SalesChannel, 'product_sales_channel', 'product_id', 'sales_channel_id', root.id);
  }

  @FieldResolver(() => ShippingProfile, { nullable: true })
  profile(@Root() root: Product, @Ctx() ctx: Context) {
    return root.profileId ? products.rowById(ctx, ShippingProfile, root.profileId) : null;
  }

  @FieldResolver(() => [ShippingProfile], { description: 'The product\'s shipping profile as a list (Medusa\'s `profiles`).' })
  async profiles(@Root() root: Product, @Ctx() ctx: Context) {
    const profile = root.profileId ? await products.rowById(ctx, ShippingProfile, root.profileId) : null;
    return profile ? [profile] : [];
  }
}

@Resolver(() => ProductOption)
export class ProductOptionResolver {
  @FieldResolver(() => [ProductOptionValue])
  values(@Root() root: ProductOption, @Ctx() ctx: Context) {
    return products.childRowsAhead(ctx, ProductOptionValue, 'option_id', BY_CREATION, root.id);
  }

  @FieldResolver(() => Product, { nullable: true })
  product(@Root() root: ProductOption, @Ctx() ctx: Context) {
    return products.rowById(ctx, Product, root.productId);
  }
}

@Resolver(() => ProductOptionValue)
export class ProductOptionValueResolver {
  @FieldResolver(() => ProductOption, { nullable: true })
  option(@Root() root: ProductOptionValue, @Ctx() ctx: Context) {
    return products.rowById(ctx, ProductOption, root.optionId);
  }

  @FieldResolver(() => ProductVariant, { nullable: true })
  variant(@Root() root: ProductOptionValue, @Ctx() ctx: Context) {
    return products.rowById(ctx, ProductVariant, root.variantId);
  }
}
