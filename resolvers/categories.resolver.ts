import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { ProductCategory } from '../src/entities/categories';
import * as categories from '../src/services/categories';
import { Product } from '../src/entities/products';
import { DeleteResponse } from '../schema/common';
import { ProductRefsArgs } from '../schema/sales-channels';
import {
  CreateProductCategoryInput, ProductCategoryList, ProductCategoryListArgs, UpdateProductCategoryInput,
} from '../schema/categories';

@Resolver(() => ProductCategory)
export class ProductCategoriesResolver {
  @Query(() => ProductCategoryList, { description: 'Product categories by rank, filtered and paged.' })
  productCategories(@Args() { filter, includeDescendantsTree, ...page }: ProductCategoryListArgs, @Ctx() ctx: Context) {
    return categories.listCategories(ctx, filter, page, includeDescendantsTree);
  }

  @Query(() => ProductCategory)
  productCategory(
    @Arg('id') id: string,
    @Arg('includeDescendantsTree', { nullable: true, description: 'categoryChildren holds all descendants, nested.' }) includeDescendantsTree: boolean,
    @Ctx() ctx: Context,
  ) {
    return categories.retrieveCategory(ctx, id, includeDescendantsTree);
  }

  @Mutation(() => ProductCategory)
  createProductCategory(@Arg('input') input: CreateProductCategoryInput, @Ctx() ctx: Context) {
    return categories.createCategory(ctx, input);
  }

  @Mutation(() => ProductCategory)
  updateProductCategory(@Arg('id') id: string, @Arg('input') input: UpdateProductCategoryInput, @Ctx() ctx: Context) {
    return categories.updateCategory(ctx, id, input);
  }

  @Mutation(() => DeleteResponse, { description: 'Deletes a category without children; an unknown id also answers deleted.' })
  deleteProductCategory(@Arg('id') id: string, @Ctx() ctx: Context) {
    return categories.deleteCategory(ctx, id);
  }

  @Mutation(() => ProductCategory)
  addProductsToCategory(@Args() { id, productIds }: ProductRefsArgs, @Ctx() ctx: Context) {
    return categories.addProductsToCategory(ctx, id, productIds);
  }

  @Mutation(() => ProductCategory)
  removeProductsFromCategory(@Args() { id, productIds }: ProductRefsArgs, @Ctx() ctx: Context) {
    return categories.removeProductsFromCategory(ctx, id, productIds);
  }

  @FieldResolver(() => [Product], { description: 'The live products in the category, oldest first.' })
  products(@Root() category: ProductCategory, @Ctx() ctx: Context) {
    return categories.productsOf(ctx, category);
  }

  @FieldResolver(() => ProductCategory, { nullable: true })
  parentCategory(@Root() category: ProductCategory, @Ctx() ctx: Context) {
    return categories.parentOf(ctx, category);
  }

  @FieldResolver(() => [ProductCategory], { description: 'Direct children by rank (with includeDescendantsTree, each carries its own).' })
  categoryChildren(@Root() category: ProductCategory, @Ctx() ctx: Context) {
    return categories.childrenOf(ctx, category);
  }

  @FieldResolver(() => [ProductCategory], { description: 'Every category below this one, parents before children.' })
  descendants(@Root() category: ProductCategory, @Ctx() ctx: Context) {
    return categories.descendantsOf(ctx, category);
  }
}
