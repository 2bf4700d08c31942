import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { Region } from '../src/entities/regions';
import { ShippingOption, ShippingOptionPricing, ShippingOptionRequirement } from '../src/entities/shipping-options';
import { ShippingProfile } from '../src/entities/shipping-profiles';
import { FulfillmentProvider } from '../src/entities/store';
import * as options from '../src/services/shipping-options';
import { DeleteResponse } from '../schema/common';
import { CreateShippingOptionInput, ShippingOptionList, ShippingOptionListArgs, UpdateShippingOptionInput } from '../schema/shipping-options';

@Resolver(() => ShippingOption)
export class ShippingOptionsResolver {
  @Query(() => ShippingOptionList, { description: 'Shipping options, filtered and paged.' })
  shippingOptions(@Args() { filter, ...page }: ShippingOptionListArgs, @Ctx() ctx: Context) {
    return options.listShippingOptions(ctx, filter, page);
  }

  @Query(() => ShippingOption)
  shippingOption(@Arg('id') id: string, @Ctx() ctx: Context) {
    return options.retrieveShippingOption(ctx, id);
  }

  @Mutation(() => ShippingOption)
  createShippingOption(@Arg('input') input: CreateShippingOptionInput, @Ctx() ctx: Context) {
    return options.createShippingOption(ctx, input);
  }

  @Mutation(() => ShippingOption)
  updateShippingOption(@Arg('id') id: string, @Arg('input') input: UpdateShippingOptionInput, @Ctx() ctx: Context) {
    return options.updateShippingOption(ctx, id, input);
  }

  @Mutation(() => DeleteResponse, { description: 'Idempotent: an unknown or already deleted id also answers deleted.' })
  deleteShippingOption(@Arg('id') id: string, @Ctx() ctx: Context) {
    return options.deleteShippingOption(ctx, id);
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() root: ShippingOption, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Region, root.regionId);
  }

  @FieldResolver(() => ShippingProfile, { nullable: true })
  profile(@Root() root: ShippingOption, @Ctx() ctx: Context) {
    return ctx.loaders.byId(ShippingProfile, root.profileId);
  }

  @FieldResolver(() => FulfillmentProvider, { nullable: true })
  provider(@Root() root: ShippingOption, @Ctx() ctx: Context) {
    return ctx.loaders.byId(FulfillmentProvider, root.providerId);
  }

  @FieldResolver(() => ShippingOptionPricing, { description: 'The price with tax in the option\'s region (Medusa adds it to each option of the admin list).' })
  async pricing(@Root() root: ShippingOption, @Ctx() ctx: Context) {
    const [region, linked] = await Promise.all([
      ctx.loaders.byId(Region, root.regionId),
      ctx.loaders.load('shippingOptionTaxRates', (ids: readonly string[]) => options.linkedTaxRates(ctx, ids), root.id),
    ]);
    return options.optionPricing(root, region, linked);
  }

  @FieldResolver(() => [ShippingOptionRequirement])
  requirements(@Root() root: ShippingOption, @Ctx() ctx: Context) {
    // Requirements have no created_at; their ULID ids keep creation order.
    return ctx.loaders.children(ShippingOptionRequirement, 'shippingOption', root.id, { id: 'asc' });
  }
}

@Resolver(() => ShippingOptionRequirement)
export class ShippingOptionRequirementsResolver {
  @FieldResolver(() => ShippingOption, { nullable: true })
  shippingOption(@Root() root: ShippingOptionRequirement, @Ctx() ctx: Context) {
    return ctx.loaders.byId(ShippingOption, root.shippingOptionId);
  }
}
