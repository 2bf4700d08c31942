import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../src/context';
import { ProductType } from '../src/entities/product-types';
import * as types from '../src/services/product-types';
import { listAllProductTypes } from '../src/services/products';
import { ProductTypeList, ProductTypeListArgs } from '../schema/product-types';

@Resolver(() => ProductType)
export class ProductTypesResolver {
  @Query(() => ProductTypeList, { description: 'Product types, filtered, searched and paged.' })
  productTypes(@Args() { filter, ...page }: ProductTypeListArgs, @Ctx() ctx: Context) {
    return types.listProductTypes(ctx, filter, page);
  }

  @Query(() => [ProductType], { description: 'Every product type, unpaged (the deprecated GET /admin/products/types).' })
  allProductTypes(@Ctx() ctx: Context) {
    return listAllProductTypes(ctx);
  }
}
