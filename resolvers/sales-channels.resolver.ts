import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { SalesChannel } from '../src/entities/sales-channels';
import { Store } from '../src/entities/store';
import * as channels from '../src/services/sales-channels';
import { DeleteResponse } from '../schema/common';
import { CreateSalesChannelInput, ProductRefsArgs, SalesChannelList, SalesChannelListArgs, UpdateSalesChannelInput } from '../schema/sales-channels';

@Resolver(() => SalesChannel)
export class SalesChannelsResolver {
  @Query(() => SalesChannelList, { description: 'Sales channels, filtered and paged.' })
  salesChannels(@Args() { filter, ...page }: SalesChannelListArgs, @Ctx() ctx: Context) {
    return channels.listSalesChannels(ctx, filter, page);
  }

  @Query(() => SalesChannel)
  salesChannel(@Arg('id') id: string, @Ctx() ctx: Context) {
    return channels.retrieveSalesChannel(ctx, id);
  }

  @Mutation(() => SalesChannel)
  createSalesChannel(@Arg('input') input: CreateSalesChannelInput, @Ctx() ctx: Context) {
    return channels.createSalesChannel(ctx, input);
  }

  @Mutation(() => SalesChannel)
  updateSalesChannel(@Arg('id') id: string, @Arg('input') input: UpdateSalesChannelInput, @Ctx() ctx: Context) {
    return channels.updateSalesChannel(ctx, id, input);
  }

  @Mutation(() => SalesChannel, { description: 'Makes the products available in the channel.' })
  addProductsToSalesChannel(@Args() { id, productIds }: ProductRefsArgs, @Ctx() ctx: Context) {
    return channels.addProductsToSalesChannel(ctx, id, productIds);
  }

  @Mutation(() => SalesChannel)
  removeProductsFromSalesChannel(@Args() { id, productIds }: ProductRefsArgs, @Ctx() ctx: Context) {
    return channels.removeProductsFromSalesChannel(ctx, id, productIds);
  }

  @Mutation(() => DeleteResponse)
  deleteSalesChannel(@Arg('id') id: string, @Ctx() ctx: Context) {
    return channels.deleteSalesChannel(ctx, id);
  }
}

/** The store's default sales channel (`expand=default_sales_channel` on /admin/store). */
@Resolver(() => Store)
export class StoreSalesChannelResolver {
  @FieldResolver(() => SalesChannel, { nullable: true })
  defaultSalesChannel(@Root() store: Store, @Ctx() ctx: Context) {
    return channels.defaultSalesChannelOf(ctx, store.defaultSalesChannelId);
  }
}
