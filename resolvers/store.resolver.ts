import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../src/context';
import { Currency } from '../src/entities/currencies';
import { FulfillmentProvider, PaymentProvider, Store, TaxProvider } from '../src/entities/store';
import * as store from '../src/services/store';
import { FeatureFlag, ModuleResolution, UpdateStoreInput } from '../schema/store';

@Resolver(() => Store)
export class StoreResolver {
  @Query(() => Store)
  store(@Ctx() ctx: Context) {
    return store.retrieveStore(ctx, false, true);
  }

  @Mutation(() => Store)
  updateStore(@Arg('input') input: UpdateStoreInput, @Ctx() ctx: Context) {
    return store.updateStore(ctx, input);
  }

  @Mutation(() => Store)
  addStoreCurrency(@Arg('code') code: string, @Ctx() ctx: Context) {
    return store.addStoreCurrency(ctx, code);
  }

  @Mutation(() => Store)
  removeStoreCurrency(@Arg('code') code: string, @Ctx() ctx: Context) {
    return store.removeStoreCurrency(ctx, code);
  }

  @FieldResolver(() => [Currency])
  currencies(@Root() root: Store, @Ctx() ctx: Context) {
    return root.currencies.isInitialized() ? root.currencies.getItems() : ctx.loaders.relation<Store, Currency[]>(root, 'currencies');
  }

  @FieldResolver(() => Currency)
  defaultCurrency(@Root() root: Store, @Ctx() ctx: Context) {
    // Usually one of the currencies already loaded with the store.
    const loaded = root.currencies.isInitialized() && root.currencies.getItems().find((c) => c.code === root.defaultCurrencyCode);
    return loaded || ctx.loaders.byId(Currency, root.defaultCurrencyCode, 'code');
  }

  @FieldResolver(() => [PaymentProvider])
  paymentProviders(@Ctx() ctx: Context) {
    return store.listPaymentProviders(ctx);
  }

  @FieldResolver(() => [FulfillmentProvider])
  fulfillmentProviders(@Ctx() ctx: Context) {
    return store.listFulfillmentProviders(ctx);
  }

  @FieldResolver(() => [FeatureFlag])
  featureFlags() {
    return Object.entries(store.allFeatureFlags()).map(([key, value]) => ({ key, value }));
  }

  @FieldResolver(() => [ModuleResolution], { description: 'Modules beside the core (inventory and stock locations, built in).' })
  modules() {
    return store.MODULES;
  }
}

/** Root queries for the registered providers (the Store type carries them as fields too). */
@Resolver()
export class ProvidersResolver {
  @Query(() => [PaymentProvider])
  paymentProviders(@Ctx() ctx: Context) {
    return store.listPaymentProviders(ctx);
  }

  @Query(() => [TaxProvider])
  taxProviders(@Ctx() ctx: Context) {
    return store.listTaxProviders(ctx);
  }
}
