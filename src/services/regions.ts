import { LockMode } from '@mikro-orm/core';
import type { Context } from '../context';
import { Currency } from '../entities/currencies';
import { Country, Region } from '../entities/regions';
import { FulfillmentProvider, PaymentProvider, TaxProvider } from '../entities/store';
import { AppError, duplicate, invalid } from '../lib/errors';
import { findPage, ListSpec, PageArgs, parseOrder, whereOf } from '../lib/list';
import { toSnake } from '../lib/naming';
import { putRead, rawReaders } from '../lib/raw-rows';
import { fromRow } from './products';
import { mergeMetadata } from '../lib/metadata';
import { DeleteResponse } from '../../schema/common';
import type { CreateRegionInput, FulfillmentOptions, RegionFilter, UpdateRegionInput } from '../../schema/regions';
import { retrieveStore } from './store';

const LIST: ListSpec = {
  orderable: ['name', 'createdAt', 'updatedAt'],
  searchable: ['name'],
};

/** Medusa's wording for a missing region (its region service, not the generic one). */
const regionNotFound = (id: string) => new AppError('not_found', `Region with ${id} was not found`);

/**
 * The region list. Unfiltered (the dashboard's and Medusa clients' usual request) it is read raw:
 * one statement for the page, its count and the relations `wanted` (the fields the query selects
 * under `items`); filtered, or without `wanted`, through the platform's `findPage`.
 */
export function listRegions(ctx: Context, filter: RegionFilter | undefined, args: PageArgs, wanted?: Set<string>) {
  const filtered = args.q || (filter && Object.values(filter).some((v) => v !== undefined));
  if (!wanted || filtered || !rawReaders(ctx)) return findPage(ctx, Region, whereOf(filter), args, LIST);
  return readRegionPage(ctx, args, wanted);
}

type Row = Record<string, any>;

/** The JSON columns of the raw region page, per GraphQL field: each a list of rows, in the ORM's order. */
const REGION_RELATIONS: Record<string, string> = {
  countries: `coalesce((select json_agg(c order by c."id") from "country" c where c."region_id" = r."id"), '[]')`,
  paymentProviders: `coalesce((select json_agg(p) from "region_payment_providers" rp join "payment_provider" p on p."id" = rp."provider_id" where rp."region_id" = r."id"), '[]')`,
  fulfillmentProviders: `coalesce((select json_agg(p) from "region_fulfillment_providers" rp join "fulfillment_provider" p on p."id" = rp."provider_id" where rp."region_id" = r."id"), '[]')`,
  currency: `(select row_to_json(cu) from "currency" cu where cu."code" = r."currency_code")`,
};
const RELATION_ENTITIES: Record<string, new () => object> = { countries: Country, paymentProviders: PaymentProvider, fulfillmentProviders: FulfillmentProvider };

async function readRegionPage(ctx: Context, args: PageArgs, wanted: Set<string>) {
  const order = parseOrder(args.order, LIST);
  const orderBy = [...Object.entries(order).map(([field, dir]) => `r."${toSnake(field)}" ${dir}`), ...('id' in order ? [] : ['r."id" asc'])].join(', ');
  const relations = Object.keys(REGION_RELATIONS).filter((field) => wanted.has(field));
  const columns = ['r.*', 'count(*) over () as "__count"', ...relations.map((field) => `${REGION_RELATIONS[field]} as "__${field}"`)];
  const rows = await ctx.em.execute<Row[]>(
    `select ${columns.join(', ')} from "region" r where r."deleted_at" is null order by ${orderBy} limit ? offset ?`, [args.limit, args.offset],
  );
  // A page past the end has no row to carry the count.
  const count = rows.length ? Number(rows[0].__count) : Number((await ctx.em.execute<Row[]>('select count(*) as "n" from "region" where "deleted_at" is null'))[0].n);
  const items = rows.map((row) => {
    const region = fromRow(ctx, Region, row);
    for (const field of relations) {
      const value = row[`__${field}`];
      if (field === 'currency') ctx.loaders.primeById(Currency, region.currencyCode, value ? fromRow(ctx, Currency, value) : null, 'code');
      else putRead(ctx, `region.${field}`, region.id, (value as Row[]).map((r) => fromRow(ctx, RELATION_ENTITIES[field], r)));
    }
    return region;
  });
  return { items, count, offset: args.offset, limit: args.limit };
}

export async function retrieveRegion(ctx: Context, id: string, lock = false): Promise<Region> {
  const region = await ctx.em.findOne(Region, { id }, { lockMode: lock ? LockMode.PESSIMISTIC_WRITE : undefined });
  if (!region) throw regionNotFound(id);
  return region;
}

/** Checks run in Medusa's order (countries, providers, then the currency), so the first error reported is the same. */
export async function createRegion(ctx: Context, input: CreateRegionInput): Promise<Region> {
  const region = Object.assign(new Region(), {
    name: input.name,
    taxRate: input.taxRate,
    taxCode: input.taxCode ?? null,
    includesTax: input.includesTax ?? false,
    metadata: mergeMetadata(null, input.metadata),
  });
  await assignCountries(ctx, region, input.countries);
  region.paymentProviders.set(await providers(ctx, PaymentProvider, input.paymentProviders, 'Payment'));
  region.fulfillmentProviders.set(await providers(ctx, FulfillmentProvider, input.fulfillmentProviders, 'Fulfillment'));
  region.currency = await storeCurrency(ctx, input.currencyCode);
  ctx.em.persist(region);
  await ctx.em.flush();
  ctx.events.emit('region.created', { id: region.id });
  return region;
}

/** Lists (providers, countries) replace the region's; countries left out belong to no region again. */
export async function updateRegion(ctx: Context, id: string, input: UpdateRegionInput): Promise<Region> {
  const region = await retrieveRegion(ctx, id, true);
  const { currencyCode, taxProviderId, paymentProviders, fulfillmentProviders, countries, metadata, ...plain } = input;
  for (const [key, value] of Object.entries(plain)) {
    if (value !== undefined && (value !== null || key === 'taxCode')) (region as any)[key] = value;
  }
  // Medusa's order of checks: countries, tax provider, providers, then the currency.
  if (countries) await assignCountries(ctx, region, countries);
  if (taxProviderId !== undefined) region.taxProvider = taxProviderId ? await taxProvider(ctx, taxProviderId) : null;
  if (paymentProviders) region.paymentProviders.set(await providers(ctx, PaymentProvider, paymentProviders, 'Payment'));
  if (fulfillmentProviders) region.fulfillmentProviders.set(await providers(ctx, FulfillmentProvider, fulfillmentProviders, 'Fulfillment'));
  if (currencyCode) region.currency = await storeCurrency(ctx, currencyCode);
  if (metadata !== undefined) region.metadata = mergeMetadata(region.metadata, metadata);
  await ctx.em.flush();
  ctx.events.emit('region.updated', { id: region.id, fields: Object.keys(input).filter((k) => (input as any)[k] !== undefined) });
  return region;
}

/** Soft delete; the region's countries are freed. A deleted region is not found again (404). */
export async function deleteRegion(ctx: Context, id: string): Promise<DeleteResponse> {
  const region = await retrieveRegion(ctx, id, true);
  region.deletedAt = new Date();
  await ctx.em.nativeUpdate(Country, { region: id }, { region: null });
  await ctx.em.flush();
  ctx.events.emit('region.deleted', { id });
  return DeleteResponse.of(id, 'region');
}

/** Adding a country the region already has changes nothing; one another region holds is refused. */
export async function addRegionCountry(ctx: Context, id: string, code: string): Promise<Region> {
  const region = await retrieveRegion(ctx, id, true);
  const country = await claimableCountry(ctx, code, region.id);
  if (country.region?.id !== region.id) {
    country.region = region;
    await ctx.em.flush();
    ctx.events.emit('region.updated', { id: region.id, fields: ['countries'] });
  }
  return region;
}

/** Removing a country the region does not have changes nothing, as in Medusa. */
export async function removeRegionCountry(ctx: Context, id: string, code: string): Promise<Region> {
  const region = await retrieveRegion(ctx, id, true);
  const freed = await ctx.em.nativeUpdate(Country, { iso2: code.toLowerCase(), region: region.id }, { region: null });
  if (freed) ctx.events.emit('region.updated', { id: region.id, fields: ['countries'] });
  return region;
}

export async function addRegionPaymentProvider(ctx: Context, id: string, providerId: string): Promise<Region> {
  const region = await retrieveRegion(ctx, id, true);
  await region.paymentProviders.init();
  if (!region.paymentProviders.getItems().some((p) => p.id === providerId)) {
    region.paymentProviders.add(await providerOr404(ctx, PaymentProvider, providerId, 'Payment'));
    await ctx.em.flush();
    ctx.events.emit('region.updated', { id: region.id, fields: ['payment_providers'] });
  }
  return region;
}

export async function removeRegionPaymentProvider(ctx: Context, id: string, providerId: string): Promise<Region> {
  const region = await retrieveRegion(ctx, id, true);
  await region.paymentProviders.init();
  const current = region.paymentProviders.getItems().find((p) => p.id === providerId);
  if (current) {
    region.paymentProviders.remove(current);
    await ctx.em.flush();
    ctx.events.emit('region.updated', { id: region.id, fields: ['payment_providers'] });
  }
  return region;
}

export async function addRegionFulfillmentProvider(ctx: Context, id: string, providerId: string): Promise<Region> {
  const region = await retrieveRegion(ctx, id, true);
  await region.fulfillmentProviders.init();
  if (!region.fulfillmentProviders.getItems().some((p) => p.id === providerId)) {
    region.fulfillmentProviders.add(await providerOr404(ctx, FulfillmentProvider, providerId, 'Fulfillment'));
    await ctx.em.flush();
    ctx.events.emit('region.updated', { id: region.id, fields: ['fulfillment_providers'] });
  }
  return region;
}

export async function removeRegionFulfillmentProvider(ctx: Context, id: string, providerId: string): Promise<Region> {
  const region = await retrieveRegion(ctx, id, true);
  await region.fulfillmentProviders.init();
  const current = region.fulfillmentProviders.getItems().find((p) => p.id === providerId);
  if (current) {
    region.fulfillmentProviders.remove(current);
    await ctx.em.flush();
    ctx.events.emit('region.updated', { id: region.id, fields: ['fulfillment_providers'] });
  }
  return region;
}

// ---------------------------------------------------------------- fulfillment options

/**
 * What each fulfillment provider offers, by provider id. Providers are registered in code; the
 * built-in `manual` provider offers what medusa-fulfillment-manual does: one option to ship and
 * one for returns.
 */
const FULFILLMENT_OPTIONS: Record<string, () => Record<string, unknown>[]> = {
  manual: () => [{ id: 'manual-fulfillment' }, { id: 'manual-fulfillment-return', is_return: true }],
};

/** Lets a fulfillment provider module declare the options it offers (`GET /admin/regions/{id}/fulfillment-options`). */
export function registerFulfillmentOptions(providerId: string, options: () => Record<string, unknown>[]): void {
  FULFILLMENT_OPTIONS[providerId] = options;
}

export async function listRegionFulfillmentOptions(ctx: Context, id: string): Promise<FulfillmentOptions[]> {
  const region = await retrieveRegion(ctx, id);
  await region.fulfillmentProviders.init();
  // A provider row whose module declares no options offers none (rather than failing the page).
  return region.fulfillmentProviders.getItems().map((p) => ({ providerId: p.id, options: FULFILLMENT_OPTIONS[p.id]?.() ?? [] }));
}

// ---------------------------------------------------------------- validation

/** The region's currency must be one of the store's currencies (Medusa: "Invalid currency code"). */
async function storeCurrency(ctx: Context, code: string): Promise<Currency> {
  const store = await retrieveStore(ctx);
  await store.currencies.init();
  const currency = store.currencies.getItems().find((c) => c.code === code.toLowerCase());
  if (!currency) throw invalid('Invalid currency code');
  return currency;
}

async function taxProvider(ctx: Context, id: string): Promise<TaxProvider> {
  const provider = await ctx.em.findOne(TaxProvider, { id });
  if (!provider) throw invalid('Tax provider not found');
  return provider;
}

/** Every id must be a registered provider; an unknown one is refused as Medusa does on create/update. */
async function providers<T extends PaymentProvider | FulfillmentProvider>(
  ctx: Context, entity: new () => T, ids: string[], kind: 'Payment' | 'Fulfillment',
): Promise<T[]> {
  const unique = [...new Set(ids)];
  const found = await ctx.em.find(entity, { id: { $in: unique } } as any);
  if (found.length !== unique.length) throw invalid(`${kind} provider not found`);
  return found as T[];
}

async function providerOr404<T extends PaymentProvider | FulfillmentProvider>(
  ctx: Context, entity: new () => T, id: string, kind: 'Payment' | 'Fulfillment',
): Promise<T> {
  const provider = await ctx.em.findOne(entity, { id } as any);
  if (!provider) throw new AppError('not_found', `${kind} provider ${id} was not found`);
  return provider as T;
}

/** A country (by ISO 2 code, any case) that is free or already the region's; locked until commit. */
async function claimableCountry(ctx: Context, code: string, regionId: string | undefined): Promise<Country> {
  if (!/^[a-z]{2}$/i.test(code)) throw invalid('Invalid country code');
  const country = await ctx.em.findOne(Country, { iso2: code.toLowerCase() }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  // The country table holds every ISO 3166-1 country, so a code it lacks is not a country code at all.
  if (!country) throw invalid('Invalid country code');
  if (country.region && country.region.id !== regionId) {
    throw duplicate(`${country.displayName} already exists in region ${country.region.id}`);
  }
  return country;
}

/** The region's countries become exactly `codes`; the ones it had and is not given are freed. */
async function assignCountries(ctx: Context, region: Region, codes: string[]): Promise<void> {
  const wanted: Country[] = [];
  for (const code of codes) wanted.push(await claimableCountry(ctx, code, region.id));
  const keep = wanted.map((c) => c.id);
  if (region.id) await ctx.em.nativeUpdate(Country, { region: region.id, id: { $nin: keep } }, { region: null });
  for (const country of wanted) country.region = region;
}
