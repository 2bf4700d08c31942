import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { userIdOf } from '../src/context';
import { InventoryItem } from '../src/entities/inventory-items';
import { LineItem } from '../src/entities/orders';
import { Reservation } from '../src/entities/reservations';
import { StockLocation } from '../src/entities/stock-locations';
import * as reservations from '../src/services/reservations';
import { DeleteResponse } from '../schema/common';
import { CreateReservationInput, ReservationList, ReservationListArgs, UpdateReservationInput } from '../schema/reservations';

@Resolver(() => Reservation)
export class ReservationsResolver {
  @Query(() => ReservationList, { description: 'Reservations, filtered and paged.' })
  reservations(@Args() { filter, ...page }: ReservationListArgs, @Ctx() ctx: Context) {
    return reservations.listReservations(ctx, filter, page);
  }

  @Query(() => Reservation)
  reservation(@Arg('id') id: string, @Ctx() ctx: Context) {
    return reservations.retrieveReservation(ctx, id);
  }

  @Mutation(() => Reservation, { description: 'Holds a quantity of an item at a location where it is stocked; made by the signed-in user.' })
  createReservation(@Arg('input') input: CreateReservationInput, @Ctx() ctx: Context) {
    return reservations.createReservation(ctx, input, userIdOf(ctx));
  }

  @Mutation(() => Reservation)
  updateReservation(@Arg('id') id: string, @Arg('input') input: UpdateReservationInput, @Ctx() ctx: Context) {
    return reservations.updateReservation(ctx, id, input);
  }

  @Mutation(() => DeleteResponse)
  deleteReservation(@Arg('id') id: string, @Ctx() ctx: Context) {
    return reservations.deleteReservation(ctx, id);
  }

  @FieldResolver(() => InventoryItem, { nullable: true })
  inventoryItem(@Root() root: Reservation, @Ctx() ctx: Context) {
    return ctx.loaders.byId(InventoryItem, root.inventoryItemId);
  }

  @FieldResolver(() => LineItem, { nullable: true, description: 'The order line item it holds stock for, if any.' })
  lineItem(@Root() root: Reservation, @Ctx() ctx: Context) {
    return root.lineItemId ? ctx.loaders.byId(LineItem, root.lineItemId) : null;
  }

  @FieldResolver(() => StockLocation, { nullable: true })
  location(@Root() root: Reservation, @Ctx() ctx: Context) {
    return ctx.loaders.byId(StockLocation, root.locationId);
  }
}
