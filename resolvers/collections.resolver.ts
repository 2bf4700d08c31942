import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { ProductCollection } from '../src/entities/collections';
import { Product } from '../src/entities/products';
import * as collections from '../src/services/collections';
import { DeleteResponse } from '../schema/common';
import {
  CollectionProductsArgs, CreateProductCollectionInput, ProductCollectionList, RemovedCollectionProducts, ProductCollectionListArgs, UpdateProductCollectionInput,
} from '../schema/collections';

@Resolver(() => ProductCollection)
export class ProductCollectionsResolver {
  @Query(() => ProductCollectionList, { description: 'Product collections, filtered and paged.' })
  productCollections(@Args() { filter, ...page }: ProductCollectionListArgs, @Ctx() ctx: Context) {
    return collections.listCollections(ctx, filter, page);
  }

  @Query(() => ProductCollection)
  productCollection(@Arg('id') id: string, @Ctx() ctx: Context) {
    return collections.retrieveCollection(ctx, id);
  }

  @Mutation(() => ProductCollection)
  createProductCollection(@Arg('input') input: CreateProductCollectionInput, @Ctx() ctx: Context) {
    return collections.createCollection(ctx, input);
  }

  @Mutation(() => ProductCollection)
  updateProductCollection(@Arg('id') id: string, @Arg('input') input: UpdateProductCollectionInput, @Ctx() ctx: Context) {
    return collections.updateCollection(ctx, id, input);
  }

  @Mutation(() => DeleteResponse)
  deleteProductCollection(@Arg('id') id: string, @Ctx() ctx: Context) {
    return collections.deleteCollection(ctx, id);
  }

  @Mutation(() => ProductCollection, { description: 'Puts the products in the collection.' })
  addProductsToCollection(@Args() { id, productIds }: CollectionProductsArgs, @Ctx() ctx: Context) {
    return collections.addProductsToCollection(ctx, id, productIds);
  }

  @Mutation(() => RemovedCollectionProducts)
  removeProductsFromCollection(@Args() { id, productIds }: CollectionProductsArgs, @Ctx() ctx: Context) {
    return collections.removeProductsFromCollection(ctx, id, productIds);
  }

  @FieldResolver(() => [Product], { description: 'The live products in the collection, oldest first.' })
  products(@Root() collection: ProductCollection, @Ctx() ctx: Context) {
    return collections.productsOf(ctx, collection);
  }
}
