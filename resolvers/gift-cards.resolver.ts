import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { GiftCard } from '../src/entities/gift-cards';
import { Region } from '../src/entities/regions';
import { Order } from '../src/entities/orders';
import * as giftCards from '../src/services/gift-cards';
import { DeleteResponse } from '../schema/common';
import { CreateGiftCardInput, GiftCardList, GiftCardListArgs, UpdateGiftCardInput } from '../schema/gift-cards';

@Resolver(() => GiftCard)
export class GiftCardsResolver {
  @Query(() => GiftCardList, { description: 'Gift cards, newest first; q searches the code.' })
  giftCards(@Args() page: GiftCardListArgs, @Ctx() ctx: Context) {
    return giftCards.listGiftCards(ctx, page);
  }

  @Query(() => GiftCard)
  giftCard(@Arg('id') id: string, @Ctx() ctx: Context) {
    return giftCards.retrieveGiftCard(ctx, id);
  }

  @Mutation(() => GiftCard, { description: 'Creates a gift card with a generated code; its balance is its value.' })
  createGiftCard(@Arg('input') input: CreateGiftCardInput, @Ctx() ctx: Context) {
    return giftCards.createGiftCard(ctx, input);
  }

  @Mutation(() => GiftCard)
  updateGiftCard(@Arg('id') id: string, @Arg('input') input: UpdateGiftCardInput, @Ctx() ctx: Context) {
    return giftCards.updateGiftCard(ctx, id, input);
  }

  @Mutation(() => DeleteResponse)
  deleteGiftCard(@Arg('id') id: string, @Ctx() ctx: Context) {
    return giftCards.deleteGiftCard(ctx, id);
  }

  @FieldResolver(() => Order, { nullable: true, description: 'The order that sold the card, if one did.' })
  order(@Root() root: GiftCard, @Ctx() ctx: Context) {
    return root.orderId ? ctx.loaders.byId(Order, root.orderId) : null;
  }

  @FieldResolver(() => Region, { nullable: true, description: 'Null once the region is deleted.' })
  region(@Root() root: GiftCard, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Region, root.region.id);
  }
}
