import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { SalesChannel } from '../src/entities/sales-channels';
import { SalesChannelLocation, StockLocation, StockLocationAddress } from '../src/entities/stock-locations';
import * as locations from '../src/services/stock-locations';
import { DeleteResponse } from '../schema/common';
import {
  CreateStockLocationInput, SalesChannelLocationArgs, StockLocationList, StockLocationListArgs, UpdateStockLocationInput,
} from '../schema/stock-locations';

@Resolver(() => StockLocation)
export class StockLocationsResolver {
  @Query(() => StockLocationList, { description: 'Stock locations, filtered, searched (by name) and paged.' })
  stockLocations(@Args() { filter, ...page }: StockLocationListArgs, @Ctx() ctx: Context) {
    return locations.listStockLocations(ctx, filter, page);
  }

  @Query(() => StockLocation)
  stockLocation(@Arg('id') id: string, @Ctx() ctx: Context) {
    return locations.retrieveStockLocation(ctx, id);
  }

  @Mutation(() => StockLocation)
  createStockLocation(@Arg('input') input: CreateStockLocationInput, @Ctx() ctx: Context) {
    return locations.createStockLocation(ctx, input);
  }

  @Mutation(() => StockLocation)
  updateStockLocation(@Arg('id') id: string, @Arg('input') input: UpdateStockLocationInput, @Ctx() ctx: Context) {
    return locations.updateStockLocation(ctx, id, input);
  }

  @Mutation(() => DeleteResponse, { description: 'Deletes the location with its inventory levels, reservations and sales-channel links.' })
  deleteStockLocation(@Arg('id') id: string, @Ctx() ctx: Context) {
    return locations.deleteStockLocation(ctx, id);
  }

  @Mutation(() => SalesChannel, { description: 'Makes the location serve the sales channel.' })
  addStockLocationToSalesChannel(@Args() { id, locationId }: SalesChannelLocationArgs, @Ctx() ctx: Context) {
    return locations.addStockLocationToSalesChannel(ctx, id, locationId);
  }

  @Mutation(() => DeleteResponse)
  removeStockLocationFromSalesChannel(@Args() { id, locationId }: SalesChannelLocationArgs, @Ctx() ctx: Context) {
    return locations.removeStockLocationFromSalesChannel(ctx, id, locationId);
  }

  @FieldResolver(() => StockLocationAddress, { nullable: true })
  address(@Root() root: StockLocation, @Ctx() ctx: Context) {
    return locations.addressOf(ctx, root);
  }

  @FieldResolver(() => [SalesChannel])
  salesChannels(@Root() root: StockLocation, @Ctx() ctx: Context) {
    return locations.salesChannelsOf(ctx, root.id);
  }
}

/** A sales channel's stock locations, as Medusa's `expand=locations` answers them (the link rows). */
@Resolver(() => SalesChannel)
export class SalesChannelLocationsResolver {
  @FieldResolver(() => [SalesChannelLocation])
  locations(@Root() root: SalesChannel, @Ctx() ctx: Context) {
    return locations.locationLinksOf(ctx, root.id);
  }
}

@Resolver(() => SalesChannelLocation)
export class SalesChannelLocationResolver {
  @FieldResolver(() => SalesChannel, { nullable: true })
  salesChannel(@Root() root: SalesChannelLocation, @Ctx() ctx: Context) {
    return ctx.loaders.byId(SalesChannel, root.salesChannelId);
  }

  @FieldResolver(() => StockLocation, { nullable: true })
  location(@Root() root: SalesChannelLocation, @Ctx() ctx: Context) {
    return ctx.loaders.byId(StockLocation, root.locationId);
  }
}
