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

const { BY_CREATION, VARIANT_ORDER } = products;

/** A product's links of one kind: as loaded with its page, or batched across the request. */
function linked<T>(ctx: Context, entity: new () => T, pivot: string, targetColumn: string, productId: string): T[] | Promise<T[]> {
  return products.loadedAhead<T[]>(ctx, products.aheadKey.links(pivot, 'product_id'), productId)
    ?? products.linkedRows(ctx, entity, pivot, 'product_id', targetColumn, productId);
}

/** A product's reference (type, collection, profile): as loaded with its page, or batched. */
function ref<T>(ctx: Context, entity: new () => T, id: string | null): T | null | Promise<T | null> {
  if (!id) return null;
  const loaded = products.loadedAhead<T | null>(ctx, products.aheadKey.row(ctx, entity), id);
  return loaded !== undefined ? loaded : products.rowById(ctx, entity, id);
}

@Resolver(() => Product)
export class ProductsResolver {
  @Query(() => ProductList, { description: 'Products, filtered, searched and paged.' })
  async products(@Args() { filter, ...page }: ProductListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const found = await products.listProducts(ctx, filter, page);
    await products.loadPageAhead(ctx, found.items, info, ['items']);
    return found;
  }

  @Query(() => Product)
  product(@Arg('id') id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return products.readProduct(ctx, id, info);
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
    const loaded = products.loadedAhead<ProductVariant[]>(ctx, products.aheadKey.children(ctx, ProductVariant, 'product_id', VARIANT_ORDER), root.id);
    if (loaded) return loaded;
    const wanted = products.selectedUnder(info, []);
    const nested: products.Nested[] = [];
    if (wanted.has('prices')) nested.push({ entity: MoneyAmount, fk: 'variant_id', order: BY_CREATION });
    if (wanted.has('options')) nested.push({ entity: ProductOptionValue, fk: 'variant_id', order: BY_CREATION });
    return products.childRowsWith(ctx, ProductVariant, 'product_id', VARIANT_ORDER, root.id, nested);
  }

  @FieldResolver(() => [ProductOption])
  options(@Root() root: Product, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const loaded = products.loadedAhead<ProductOption[]>(ctx, products.aheadKey.children(ctx, ProductOption, 'product_id', BY_CREATION), root.id);
    if (loaded) return loaded;
    const nested = products.selectedUnder(info, []).has('values') ? [{ entity: ProductOptionValue, fk: 'option_id', order: BY_CREATION }] : [];
    return products.childRowsWith(ctx, ProductOption, 'product_id', BY_CREATION, root.id, nested);
  }

  @FieldResolver(() => [Image])
  images(@Root() root: Product, @Ctx() ctx: Context) {
    return linked(ctx, Image, 'product_images', 'image_id', root.id);
  }

  @FieldResolver(() => [ProductTag])
  tags(@Root() root: Product, @Ctx() ctx: Context) {
    return linked(ctx, ProductTag, 'product_tags', 'product_tag_id', root.id);
  }

  @FieldResolver(() => ProductType, { nullable: true })
  type(@Root() root: Product, @Ctx() ctx: Context) {
    return ref(ctx, ProductType, root.typeId);
  }

  @FieldResolver(() => ProductCollection, { nullable: true })
  collection(@Root() root: Product, @Ctx() ctx: Context) {
    return ref(ctx, ProductCollection, root.collectionId);
  }

  @FieldResolver(() => [ProductCategory])
  categories(@Root() root: Product, @Ctx() ctx: Context) {
    return linked(ctx, ProductCategory, 'product_category_product', 'product_category_id', root.id);
  }

  @FieldResolver(() => [SalesChannel])
  salesChannels(@Root() root: Product, @Ctx() ctx: Context) {
    return linked(ctx, SalesChannel, 'product_sales_channel', 'sales_channel_id', root.id);
  }

  @FieldResolver(() => ShippingProfile, { nullable: true })
  profile(@Root() root: Product, @Ctx() ctx: Context) {
    return ref(ctx, ShippingProfile, root.profileId);
  }

  @FieldResolver(() => [ShippingProfile], { description: 'The product\'s shipping profile as a list (Medusa\'s `profiles`).' })
  profiles(@Root() root: Product, @Ctx() ctx: Context) {
    const profile = ref(ctx, ShippingProfile, root.profileId);
    const asList = (p: ShippingProfile | null) => (p ? [p] : []);
    return profile instanceof Promise ? profile.then(asList) : asList(profile);
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
