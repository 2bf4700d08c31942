import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { Currency } from '../entities/currencies';
import { FulfillmentProvider, PaymentProvider, Store, TaxProvider } from '../entities/store';
import { duplicate, invalid, notFound } from '../lib/errors';
import { mergeMetadata } from '../lib/metadata';
import type { UpdateStoreInput } from '../../schema/store';
import { serviceContributions } from '../registry';
import { SalesChannel } from '../entities/sales-channels';
import { putRead, rawReaders } from '../lib/raw-rows';
import { fromRow } from './products';

/** The providers of a standard Medusa install; registered (idempotently) at every start. */
export const BUILT_IN_PROVIDERS = { payment: ['manual'], fulfillment: ['manual'], tax: ['system'] };

export async function registerProviders(em: EntityManager): Promise<void> {
  const rows = [
    ...BUILT_IN_PROVIDERS.payment.map((id) => ['payment_provider', id]),
    ...BUILT_IN_PROVIDERS.fulfillment.map((id) => ['fulfillment_provider', id]),
    ...BUILT_IN_PROVIDERS.tax.map((id) => ['tax_provider', id]),
  ];
  for (const [table, id] of rows) {
    await em.execute(`insert into "${table}" (id, is_installed) values (?, true) on conflict (id) do update set is_installed = true`, [id]);
  }
}

/**
 * Feature flags the dashboard reads from `GET /admin/store`; true only for what Aegis serves.
 * Each service module may export its own `featureFlags`; they are gathered here.
 */
export const featureFlags: Record<string, boolean> = {
  analytics: false,
  tax_inclusive_pricing: true,
};

let allFlags: Record<string, boolean> | undefined;
export function allFeatureFlags(): Record<string, boolean> {
  allFlags ??= serviceContributions().featureFlags;
  return allFlags;
}

/** The store; `withCurrencies` loads its currencies in the same statement (a write needs them, and so does a read that answers them). */
export async function retrieveStore(ctx: Context, lock = false, withCurrencies = lock): Promise<Store> {
  const [store] = await ctx.em.find(Store, {}, { orderBy: { createdAt: 'asc' }, limit: 1, lockMode: lock ? LockMode.PESSIMISTIC_WRITE : undefined, populate: withCurrencies ? ['currencies'] : [] });
  if (!store) throw notFound('Store', 'default');
  return store;
}

/** The relations of the store the raw reader can read with it, as GraphQL fields. */
export type StoreRelation = 'currencies' | 'defaultSalesChannel' | 'paymentProviders' | 'fulfillmentProviders';

/**
 * The store row with the `wanted` relations in one statement (each a JSON column): `GET
 * /admin/store` is one query besides authentication instead of five ORM queries. The currencies
 * come in the pivot's order, as the ORM's join gives them.
 */
function storeStatement(wanted: Set<string>): string {
  const columns = ['s.*'];
  if (wanted.has('currencies') || wanted.has('defaultCurrency')) {
    columns.push(`coalesce((select json_agg(c) from "store_currencies" sc join "currency" c on c."code" = sc."currency_code" where sc."store_id" = s."id"), '[]') as "__currencies"`);
  }
  if (wanted.has('defaultSalesChannel')) {
    columns.push(`(select row_to_json(ch) from "sales_channel" ch where ch."id" = s."default_sales_channel_id" and ch."deleted_at" is null) as "__channel"`);
  }
  for (const [field, table] of [['paymentProviders', 'payment_provider'], ['fulfillmentProviders', 'fulfillment_provider']]) {
    if (wanted.has(field)) columns.push(`coalesce((select json_agg(p order by p."id") from "${table}" p), '[]') as "__${table}"`);
  }
  return `select ${columns.join(', ')} from "store" s order by s."created_at" asc limit 1`;
}

/**
 * The store for a read (`store` query): as raw rows with the relations `wanted` (the fields the
 * query selects), which its field resolvers then find without a query; through the ORM when the
 * server is configured so.
 */
export async function readStore(ctx: Context, wanted: Set<string>): Promise<Store> {
  if (!rawReaders(ctx)) return retrieveStore(ctx, false, true);
  const [row] = await ctx.em.execute<Record<string, any>[]>(storeStatement(wanted));
  if (!row) throw notFound('Store', 'default');
  const store = fromRow(ctx, Store, row);
  if (row.__currencies) putRead(ctx, 'store.currencies', store.id, (row.__currencies as Record<string, unknown>[]).map((c) => fromRow(ctx, Currency, c)));
  if (row.__payment_provider) putRead(ctx, 'store.paymentProviders', store.id, (row.__payment_provider as Record<string, unknown>[]).map((p) => fromRow(ctx, PaymentProvider, p)));
  if (row.__fulfillment_provider) putRead(ctx, 'store.fulfillmentProviders', store.id, (row.__fulfillment_provider as Record<string, unknown>[]).map((p) => fromRow(ctx, FulfillmentProvider, p)));
  if (wanted.has('defaultSalesChannel') && store.defaultSalesChannelId) {
    ctx.loaders.primeById(SalesChannel, store.defaultSalesChannelId, row.__channel ? fromRow(ctx, SalesChannel, row.__channel) : null);
  }
  return store;
}

async function currencyOrInvalid(ctx: Context, code: string): Promise<Currency> {
  const currency = await ctx.em.findOne(Currency, { code: code.toLowerCase() });
  if (!currency) throw invalid(`Currency with code ${code} does not exist`);
  return currency;
}

/**
 * Medusa's store update: `currencies` replaces the set and must keep the default currency (unless
 * the default changes too); a new default must be one of the store's currencies.
 */
export async function updateStore(ctx: Context, input: UpdateStoreInput): Promise<Store> {
  const store = await retrieveStore(ctx, true);
  const { currencies, defaultCurrencyCode, metadata, ...plain } = input;
  Object.assign(store, Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined)));
  if (currencies) {
    const wantedDefault = (defaultCurrencyCode ?? store.defaultCurrencyCode).toLowerCase();
    if (!currencies.some((c) => c.toLowerCase() === wantedDefault)) {
      throw invalid('You are not allowed to remove default currency from store currencies without replacing it as well');
    }
    const found = [];
    for (const code of currencies) found.push(await currencyOrInvalid(ctx, code));
    store.currencies.set(found);
  }
  if (defaultCurrencyCode) {
    const code = defaultCurrencyCode.toLowerCase();
    if (!store.currencies.getItems().some((c) => c.code === code)) throw invalid(`Store does not have currency: ${defaultCurrencyCode}`);
    store.defaultCurrency = ctx.em.getReference(Currency, code);
  }
  if (metadata !== undefined) store.metadata = mergeMetadata(store.metadata, metadata);
  await ctx.em.flush();
  return store;
}

/** Medusa's answers: an unknown code is 400 `Currency X not found`, one already added is 422. */
export async function addStoreCurrency(ctx: Context, code: string): Promise<Store> {
  const currency = await ctx.em.findOne(Currency, { code: code.toLowerCase() });
  if (!currency) throw invalid(`Currency ${code} not found`);
  const store = await retrieveStore(ctx, true);
  if (store.currencies.getItems().some((c) => c.code === currency.code)) throw duplicate('Currency already added');
  store.currencies.add(currency);
  await ctx.em.flush();
  return store;
}

/**
 * Removing a currency the store does not have (or an unknown code) changes nothing, as in Medusa;
 * unlike Medusa, the default currency cannot be removed.
 */
export async function removeStoreCurrency(ctx: Context, code: string): Promise<Store> {
  const store = await retrieveStore(ctx, true);
  const currency = store.currencies.getItems().find((c) => c.code === code.toLowerCase());
  if (!currency) return store;
  if (store.defaultCurrencyCode === currency.code) {
    throw invalid('You are not allowed to remove default currency from store currencies without replacing it as well');
  }
  store.currencies.remove(currency);
  await ctx.em.flush();
  return store;
}

export const listPaymentProviders = (ctx: Context) => ctx.em.find(PaymentProvider, {}, { orderBy: { id: 'asc' } });
export const listFulfillmentProviders = (ctx: Context) => ctx.em.find(FulfillmentProvider, {}, { orderBy: { id: 'asc' } });
/**
 * The tax providers a region may name besides the built-in `system` one: as in Medusa, whose
 * system provider is the default every region falls back on and is not listed (clients offer it
 * themselves, as "System Tax Provider").
 */
export const listTaxProviders = (ctx: Context) => ctx.em.find(TaxProvider, { id: { $ne: 'system' } }, { orderBy: { id: 'asc' } });

/** The modules beside the core, as Medusa names them: inventory and stock locations are built in. */
export const MODULES = [
  { module: 'inventoryService', resolution: 'built-in' },
  { module: 'stockLocationService', resolution: 'built-in' },
];
