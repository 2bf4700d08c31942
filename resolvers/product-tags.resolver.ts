import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../src/context';
import { ProductTag } from '../src/entities/product-tags';
import * as tags from '../src/services/product-tags';
import { ProductTagList, ProductTagListArgs } from '../schema/product-tags';
import { ProductTagUsage } from '../schema/products';

@Resolver(() => ProductTag)
export class ProductTagsResolver {
  @Query(() => ProductTagList, { description: 'Product tags, filtered, searched and paged.' })
  productTags(@Args() { filter, ...page }: ProductTagListArgs, @Ctx() ctx: Context) {
    return tags.listProductTags(ctx, filter, page);
  }

  @Query(() => [ProductTagUsage], { description: 'The most used tags, with how many products carry each.' })
  productTagUsage(@Ctx() ctx: Context) {
    return tags.productTagUsage(ctx);
  }
}
