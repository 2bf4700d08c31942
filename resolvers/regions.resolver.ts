import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { readFor } from '../src/lib/raw-rows';
import { selectedUnder } from '../src/services/products';
import type { Context } from '../src/context';
import { Currency } from '../src/entities/currencies';
import { Country, Region } from '../src/entities/regions';
import { FulfillmentProvider, PaymentProvider, TaxProvider } from '../src/entities/store';
import { TaxRate } from '../src/entities/tax-rates';
import * as regions from '../src/services/regions';
import { DeleteResponse } from '../schema/common';
import { CreateRegionInput, FulfillmentOptions, RegionList, RegionListArgs, UpdateRegionInput } from '../schema/regions';

@Resolver(() => Region)
export class RegionsResolver {
  @Query(() => RegionList, { description: 'Regions, filtered and paged.' })
  regions(@Args() { filter, ...page }: RegionListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return regions.listRegions(ctx, filter, page, selectedUnder(info, ['items']));
  }

  @Query(() => Region)
  region(@Arg('id') id: string, @Ctx() ctx: Context) {
    return regions.retrieveRegion(ctx, id);
  }

  @Query(() => [FulfillmentOptions], { description: 'The options of each fulfillment provider of the region.' })
  regionFulfillmentOptions(@Arg('id') id: string, @Ctx() ctx: Context) {
    return regions.listRegionFulfillmentOptions(ctx, id);
  }

  @Mutation(() => Region)
  createRegion(@Arg('input') input: CreateRegionInput, @Ctx() ctx: Context) {
    return regions.createRegion(ctx, input);
  }

  @Mutation(() => Region)
  updateRegion(@Arg('id') id: string, @Arg('input') input: UpdateRegionInput, @Ctx() ctx: Context) {
    return regions.updateRegion(ctx, id, input);
  }

  @Mutation(() => DeleteResponse)
  deleteRegion(@Arg('id') id: string, @Ctx() ctx: Context) {
    return regions.deleteRegion(ctx, id);
  }

  @Mutation(() => Region)
  addRegionCountry(@Arg('id') id: string, @Arg('countryCode') countryCode: string, @Ctx() ctx: Context) {
    return regions.addRegionCountry(ctx, id, countryCode);
  }

  @Mutation(() => Region)
  removeRegionCountry(@Arg('id') id: string, @Arg('countryCode') countryCode: string, @Ctx() ctx: Context) {
    return regions.removeRegionCountry(ctx, id, countryCode);
  }

  @Mutation(() => Region)
  addRegionPaymentProvider(@Arg('id') id: string, @Arg('providerId') providerId: string, @Ctx() ctx: Context) {
    return regions.addRegionPaymentProvider(ctx, id, providerId);
  }

  @Mutation(() => Region)
  removeRegionPaymentProvider(@Arg('id') id: string, @Arg('providerId') providerId: string, @Ctx() ctx: Context) {
    return regions.removeRegionPaymentProvider(ctx, id, providerId);
  }

  @Mutation(() => Region)
  addRegionFulfillmentProvider(@Arg('id') id: string, @Arg('providerId') providerId: string, @Ctx() ctx: Context) {
    return regions.addRegionFulfillmentProvider(ctx, id, providerId);
  }

  @Mutation(() => Region)
  removeRegionFulfillmentProvider(@Arg('id') id: string, @Arg('providerId') providerId: string, @Ctx() ctx: Context) {
    return regions.removeRegionFulfillmentProvider(ctx, id, providerId);
  }

  @FieldResolver(() => [Country])
  countries(@Root() root: Region, @Ctx() ctx: Context) {
    return readFor<Country[]>(ctx, 'region.countries', root.id) ?? ctx.loaders.children(Country, 'region', root.id, { id: 'asc' });
  }

  @FieldResolver(() => [PaymentProvider])
  paymentProviders(@Root() root: Region, @Ctx() ctx: Context) {
    return readFor<PaymentProvider[]>(ctx, 'region.paymentProviders', root.id) ?? ctx.loaders.relation<Region, PaymentProvider[]>(root, 'paymentProviders');
  }

  @FieldResolver(() => [FulfillmentProvider])
  fulfillmentProviders(@Root() root: Region, @Ctx() ctx: Context) {
    return readFor<FulfillmentProvider[]>(ctx, 'region.fulfillmentProviders', root.id) ?? ctx.loaders.relation<Region, FulfillmentProvider[]>(root, 'fulfillmentProviders');
  }

  @FieldResolver(() => Currency)
  currency(@Root() root: Region, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Currency, root.currencyCode, 'code');
  }

  @FieldResolver(() => TaxProvider, { nullable: true })
  taxProvider(@Root() root: Region, @Ctx() ctx: Context) {
    return root.taxProviderId ? ctx.loaders.byId(TaxProvider, root.taxProviderId) : null;
  }

  @FieldResolver(() => [TaxRate])
  taxRates(@Root() root: Region, @Ctx() ctx: Context) {
    return ctx.loaders.children(TaxRate, 'region', root.id);
  }
}

@Resolver(() => Country)
export class CountryResolver {
  @FieldResolver(() => Region, { nullable: true })
  region(@Root() root: Country, @Ctx() ctx: Context) {
    return root.regionId ? ctx.loaders.byId(Region, root.regionId) : null;
  }
}
