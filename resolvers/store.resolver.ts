import { Arg, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../src/context';
import { Currency } from '../src/entities/currencies';
import { FulfillmentProvider, PaymentProvider, Store, TaxProvider } from '../src/entities/store';
import * as store from '../src/services/store';
import { FeatureFlag, ModuleResolution, UpdateStoreInput } from '../schema/store';
import { readFor } from '../src/lib/raw-rows';
import { selectedUnder } from '../src/services/products';

@Resolver(() => Store)
export class StoreResolver {
  @Query(() => Store)
  store(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return store.readStore(ctx, selectedUnder(info, []));
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
    return loadedCurrencies(ctx, root) ?? ctx.loaders.relation<Store, Currency[]>(root, 'currencies');
  }

  @FieldResolver(() => Currency)
  defaultCurrency(@Root() root: Store, @Ctx() ctx: Context) {
    // Usually one of the currencies already loaded with the store.
    const loaded = loadedCurrencies(ctx, root)?.find((c) => c.code === root.defaultCurrencyCode);
    return loaded || ctx.loaders.byId(Currency, root.defaultCurrencyCode, 'code');
  }

  @FieldResolver(() => [PaymentProvider])
  paymentProviders(@Root() root: Store, @Ctx() ctx: Context) {
    return readFor<PaymentProvider[]>(ctx, 'store.paymentProviders', root.id) ?? store.listPaymentProviders(ctx);
  }

  @FieldResolver(() => [FulfillmentProvider])
  fulfillmentProviders(@Root() root: Store, @Ctx() ctx: Context) {
    return readFor<FulfillmentProvider[]>(ctx, 'store.fulfillmentProviders', root.id) ?? store.listFulfillmentProviders(ctx);
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

/** The store's currencies when they are at hand: populated on a managed store, or read with a raw one. */
function loadedCurrencies(ctx: Context, root: Store): Currency[] | undefined {
  if (root.currencies?.isInitialized()) return root.currencies.getItems();
  return readFor<Currency[]>(ctx, 'store.currencies', root.id);
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
