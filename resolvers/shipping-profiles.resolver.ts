import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { Product } from '../src/entities/products';
import { ShippingOption } from '../src/entities/shipping-options';
import { ShippingProfile } from '../src/entities/shipping-profiles';
import * as profiles from '../src/services/shipping-profiles';
import { DeleteResponse } from '../schema/common';
import { CreateShippingProfileInput, UpdateShippingProfileInput } from '../schema/shipping-profiles';

@Resolver(() => ShippingProfile)
export class ShippingProfilesResolver {
  @Query(() => [ShippingProfile], { description: 'The first 10 live shipping profiles, oldest first: Medusa takes no paging parameters here and answers its default page of 10.' })
  shippingProfiles(@Ctx() ctx: Context) {
    return profiles.listShippingProfiles(ctx);
  }

  @Query(() => ShippingProfile)
  shippingProfile(@Arg('id') id: string, @Ctx() ctx: Context) {
    return profiles.retrieveShippingProfile(ctx, id);
  }

  @Mutation(() => ShippingProfile)
  createShippingProfile(@Arg('input') input: CreateShippingProfileInput, @Ctx() ctx: Context) {
    return profiles.createShippingProfile(ctx, input);
  }

  @Mutation(() => ShippingProfile)
  updateShippingProfile(@Arg('id') id: string, @Arg('input') input: UpdateShippingProfileInput, @Ctx() ctx: Context) {
    return profiles.updateShippingProfile(ctx, id, input);
  }

  @Mutation(() => DeleteResponse, { description: 'Idempotent: an unknown or already deleted id also answers deleted.' })
  deleteShippingProfile(@Arg('id') id: string, @Ctx() ctx: Context) {
    return profiles.deleteShippingProfile(ctx, id);
  }

  @FieldResolver(() => [Product])
  products(@Root() root: ShippingProfile, @Ctx() ctx: Context) {
    return ctx.loaders.children(Product, 'profile', root.id);
  }

  @FieldResolver(() => [ShippingOption])
  shippingOptions(@Root() root: ShippingProfile, @Ctx() ctx: Context) {
    return ctx.loaders.children(ShippingOption, 'profile', root.id);
  }
}
