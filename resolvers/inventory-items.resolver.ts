import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../src/context';
import { InventoryItem, InventoryLevel } from '../src/entities/inventory-items';
import { StockLocation } from '../src/entities/stock-locations';
import { ProductVariant } from '../src/entities/variants';
import * as inventory from '../src/services/inventory-items';
import { rootFieldOf } from '../src/lib/loaders';
import { DeleteResponse } from '../schema/common';
import {
  CreateInventoryItemInput, CreateInventoryLevelInput, InventoryItemLevels, InventoryItemList, InventoryItemListArgs,
  InventoryLevelFilter, SalesChannelAvailability, UpdateInventoryItemInput, UpdateInventoryLevelInput,
} from '../schema/inventory-items';

@Resolver(() => InventoryItem)
export class InventoryItemsResolver {
  @Query(() => InventoryItemList, { description: 'Inventory items, filtered, searched (sku, title, description) and paged.' })
  inventoryItems(@Args() { filter, ...page }: InventoryItemListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return inventory.listInventoryItems(ctx, filter, page, rootFieldOf(info));
  }

  @Query(() => InventoryItem)
  inventoryItem(@Arg('id') id: string, @Ctx() ctx: Context) {
    return inventory.retrieveInventoryItem(ctx, id);
  }

  @Query(() => InventoryItemLevels, { description: 'An item\'s levels (an unknown item has none).' })
  inventoryLevels(@Arg('id') id: string, @Arg('filter', () => InventoryLevelFilter, { nullable: true }) filter: InventoryLevelFilter | undefined, @Ctx() ctx: Context) {
    return inventory.listInventoryLevels(ctx, id, filter);
  }

  @Mutation(() => InventoryItem, { description: 'Creates an item for a variant that has none.' })
  createInventoryItem(@Arg('input') input: CreateInventoryItemInput, @Ctx() ctx: Context) {
    return inventory.createInventoryItem(ctx, input);
  }

  @Mutation(() => InventoryItem)
  updateInventoryItem(@Arg('id') id: string, @Arg('input') input: UpdateInventoryItemInput, @Ctx() ctx: Context) {
    return inventory.updateInventoryItem(ctx, id, input);
  }

  @Mutation(() => DeleteResponse, { description: 'Deletes the item with its levels and reservations; its variants lose the link.' })
  deleteInventoryItem(@Arg('id') id: string, @Ctx() ctx: Context) {
    return inventory.deleteInventoryItem(ctx, id);
  }

  @Mutation(() => InventoryItem, { description: 'Stocks the item at a location.' })
  createInventoryLevel(@Arg('id') id: string, @Arg('input') input: CreateInventoryLevelInput, @Ctx() ctx: Context) {
    return inventory.createInventoryLevel(ctx, id, input);
  }

  @Mutation(() => InventoryItem)
  updateInventoryLevel(@Arg('id') id: string, @Arg('locationId') locationId: string, @Arg('input') input: UpdateInventoryLevelInput, @Ctx() ctx: Context) {
    return inventory.updateInventoryLevel(ctx, id, locationId, input);
  }

  @Mutation(() => InventoryItem, { description: 'Removes the item\'s level at a location; refused while it has reservations.' })
  deleteInventoryLevel(@Arg('id') id: string, @Arg('locationId') locationId: string, @Ctx() ctx: Context) {
    return inventory.deleteInventoryLevel(ctx, id, locationId);
  }

  @FieldResolver(() => [InventoryLevel], { description: 'Its stock per location (in a list filtered by location: at those locations).' })
  locationLevels(@Root() root: InventoryItem, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return inventory.levelsOf(ctx, root.id, rootFieldOf(info));
  }

  @FieldResolver(() => [ProductVariant], { description: 'The variants sold from it.' })
  variants(@Root() root: InventoryItem, @Ctx() ctx: Context) {
    return inventory.variantsOf(ctx, root.id);
  }

  @FieldResolver(() => Int, { description: 'The sum of its levels\' stocked quantities.' })
  async stockedQuantity(@Root() root: InventoryItem, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await inventory.quantitiesOf(ctx, root.id, rootFieldOf(info))).stocked;
  }

  @FieldResolver(() => Int, { description: 'The sum of its levels\' reserved quantities.' })
  async reservedQuantity(@Root() root: InventoryItem, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await inventory.quantitiesOf(ctx, root.id, rootFieldOf(info))).reserved;
  }
}

@Resolver(() => InventoryLevel)
export class InventoryLevelResolver {
  @FieldResolver(() => InventoryItem, { nullable: true })
  inventoryItem(@Root() root: InventoryLevel, @Ctx() ctx: Context) {
    return ctx.loaders.byId(InventoryItem, root.inventoryItemId);
  }

  @FieldResolver(() => StockLocation, { nullable: true })
  location(@Root() root: InventoryLevel, @Ctx() ctx: Context) {
    return ctx.loaders.byId(StockLocation, root.locationId);
  }
}

/** A variant's inventory (GET /admin/variants/{id}/inventory). */
@Resolver(() => ProductVariant)
export class VariantInventoryResolver {
  @FieldResolver(() => [InventoryItem], { description: 'The inventory items it is sold from.' })
  async inventory(@Root() root: ProductVariant, @Ctx() ctx: Context) {
    return (await inventory.itemsOfVariant(ctx, root.id)).map((i) => i.item);
  }

  @FieldResolver(() => [SalesChannelAvailability], { description: 'Per sales channel, how many of it the channel\'s stock locations can supply (empty without inventory items).' })
  salesChannelAvailability(@Root() root: ProductVariant, @Ctx() ctx: Context) {
    return inventory.salesChannelAvailability(ctx, root.id);
  }
}
