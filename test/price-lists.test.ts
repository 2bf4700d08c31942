import { startApp, TestApp, errorType } from './helpers';
import { PriceList, PriceListStatus, PriceListType } from '../src/entities/price-lists';
import { MoneyAmount, ProductVariant } from '../src/entities/variants';
import { Product, ProductStatus } from '../src/entities/products';
import { ProductType } from '../src/entities/product-types';
import { ProductTag } from '../src/entities/product-tags';
import { ProductCollection } from '../src/entities/collections';
import { Region } from '../src/entities/regions';
import { Currency } from '../src/entities/currencies';
import { CustomerGroup } from '../src/entities/customer-groups';
import { ShippingProfile, ShippingProfileType } from '../src/entities/shipping-profiles';

let t: TestApp;
const ids = { shirt: '', mug: '', shirtS: '', shirtM: '', mugV: '', eu: '', vip: '', staff: '' };

beforeAll(async () => {
  t = await startApp();
  const em = t.em();
  const [shirt, mug] = [em.create(Product, { title: 'Shirt' }), em.create(Product, { title: 'Mug' })];
  const variant = (product: Product, title: string) => em.create(ProductVariant, { product, title });
  const [shirtS, shirtM, mugV] = [variant(shirt, 'S'), variant(shirt, 'M'), variant(mug, 'Mug')];
  const eu = Object.assign(new Region(), { name: 'EU', currency: em.getReference(Currency, 'eur'), taxRate: 0 });
  em.persist(eu);
  const [vip, staff] = [em.create(CustomerGroup, { name: 'VIP' }), em.create(CustomerGroup, { name: 'Staff' })];
  await em.flush();
  Object.assign(ids, { shirt: shirt.id, mug: mug.id, shirtS: shirtS.id, shirtM: shirtM.id, mugV: mugV.id, eu: eu.id, vip: vip.id, staff: staff.id });
});
afterAll(() => t.close());

const countLists = () => t.em().count(PriceList, {}, { filters: false });
const countPrices = () => t.em().count(MoneyAmount, {}, { filters: false });
const pricesOf = async (listId: string) =>
  (await t.em().find(MoneyAmount, { priceList: listId }, { orderBy: { amount: 'asc' } })).map((p) => [p.variantId, p.currencyCode, p.amount, p.regionId]);

function body(extra: Record<string, unknown> = {}) {
  return { name: 'Summer', description: 'Summer sale', type: 'sale', prices: [{ variant_id: ids.shirtS, currency_code: 'USD', amount: 900 }], ...extra };
}

async function create(extra: Record<string, unknown> = {}): Promise<any> {
  const res = await t.http.post('/admin/price-lists').set(t.auth).send(body(extra));
  expect([res.status, res.body.message]).toEqual([200, undefined]);
  return res.body.price_list;
}

describe('REST /admin/price-lists: create, get, update, delete', () => {
  let id: string;

  it('creates a price list with prices and customer groups', async () => {
    const res = await t.http.post('/admin/price-lists').set(t.auth).send(body({
      status: 'active', starts_at: '2030-01-01T00:00:00.000Z', ends_at: '2030-02-01T00:00:00.000Z', includes_tax: true,
      customer_groups: [{ id: ids.vip }],
      prices: [
        { variant_id: ids.shirtS, currency_code: 'usd', amount: 900, min_quantity: 1, max_quantity: 10 },
        { variant_id: ids.shirtM, region_id: ids.eu, amount: 950 },
      ],
    }));
    expect(res.status).toBe(200);
    const pl = res.body.price_list;
    expect(pl.id).toMatch(/^pl_[0-9A-Z]{26}$/);
    expect(pl).toMatchObject({
      name: 'Summer', description: 'Summer sale', type: 'sale', status: 'active', includes_tax: true, deleted_at: null,
      starts_at: '2030-01-01T00:00:00.000Z', ends_at: '2030-02-01T00:00:00.000Z',
    });
    expect(pl.customer_groups.map((g: any) => g.id)).toEqual([ids.vip]);
    expect(pl.prices).toHaveLength(2);
    expect(pl.prices).toEqual(expect.arrayContaining([
      expect.objectContaining({ variant_id: ids.shirtS, currency_code: 'usd', amount: 900, min_quantity: 1, max_quantity: 10, price_list_id: pl.id, region_id: null }),
      expect.objectContaining({ variant_id: ids.shirtM, currency_code: 'eur', amount: 950, region_id: ids.eu, price_list_id: pl.id }),
    ]));
    expect(pl.prices[0].id).toMatch(/^ma_/);
    id = pl.id;
    expect(await pricesOf(id)).toEqual([[ids.shirtS, 'usd', 900, null], [ids.shirtM, 'eur', 950, ids.eu]]);
    const stored = await t.em().findOneOrFail(PriceList, id, { populate: ['customerGroups'] as any });
    expect(stored.customerGroups.getItems().map((g) => g.id)).toEqual([ids.vip]);
  });

  it('applies Medusa\'s defaults', async () => {
    const pl = await create({ name: 'Plain', prices: [] });
    expect(pl).toMatchObject({ status: 'draft', type: 'sale', starts_at: null, ends_at: null, includes_tax: false, prices: [], customer_groups: [] });
    const stored = await t.em().findOneOrFail(PriceList, pl.id);
    expect([stored.status, stored.type]).toEqual([PriceListStatus.draft, PriceListType.sale]);
  });

  it('refuses bad input with 400, unknown references with 404, and writes nothing', async () => {
    const before = [await countLists(), await countPrices()];
    const bad: Record<string, unknown>[] = [
      { ...body(), name: undefined }, { ...body(), name: '' }, { ...body(), description: undefined }, { ...body(), type: undefined },
      { ...body(), type: 'clearance' }, { ...body(), status: 'paused' }, { ...body(), prices: undefined },
      body({ prices: [{ variant_id: ids.shirtS, amount: 900 }] }),
      // Medusa's XOR rule: a new price names a region or a currency, not both.
      body({ prices: [{ variant_id: ids.shirtS, region_id: ids.eu, currency_code: 'eur', amount: 900 }] }),
      body({ prices: [{ variant_id: ids.shirtS, currency_code: 'usd', amount: -1 }] }),
      body({ prices: [{ variant_id: ids.shirtS, currency_code: 'usd', amount: 1.5 }] }),
      body({ prices: [{ currency_code: 'usd', amount: 1 }] }),
      body({ prices: [{ variant_id: ids.shirtS, currency_code: 'usd', amount: 1, min_quantity: 5, max_quantity: 2 }] }),
      body({ starts_at: '2030-02-01T00:00:00Z', ends_at: '2030-01-01T00:00:00Z' }),
      body({ starts_at: 'soon' }),
      body({ customer_groups: ['cgrp_1'] }),
      body({ hacker: true }),
    ];
    for (const b of bad) {
      const res = await t.http.post('/admin/price-lists').set(t.auth).send(b);
      expect([b, res.status, res.body.type]).toEqual([b, 400, 'invalid_data']);
    }
    for (const b of [
      body({ prices: [{ variant_id: 'variant_missing', currency_code: 'usd', amount: 1 }] }),
      body({ prices: [{ variant_id: ids.shirtS, region_id: 'reg_missing', amount: 1 }] }),
      body({ prices: [{ variant_id: ids.shirtS, currency_code: 'xyz', amount: 1 }] }),
      body({ customer_groups: [{ id: 'cgrp_missing' }] }),
    ]) {
      const res = await t.http.post('/admin/price-lists').set(t.auth).send(b);
      expect([b, res.status]).toEqual([b, 404]);
    }
    // In the region and customer group services' words, as Medusa answers.
    const region = await t.http.post('/admin/price-lists').set(t.auth).send(body({ prices: [{ variant_id: ids.shirtS, region_id: 'reg_missing', amount: 1 }] }));
    expect(region.body).toEqual({ type: 'not_found', message: 'Region with reg_missing was not found' });
    const group = await t.http.post('/admin/price-lists').set(t.auth).send(body({ customer_groups: [{ id: 'cgrp_missing' }] }));
    expect(group.body).toEqual({ type: 'not_found', message: 'CustomerGroup with id cgrp_missing was not found' });
    expect([await countLists(), await countPrices()]).toEqual(before);
  });

  it('gets a price list with its prices and groups; 404 for an unknown id', async () => {
    const res = await t.http.get(`/admin/price-lists/${id}`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.price_list).toMatchObject({ id, name: 'Summer' });
    expect(res.body.price_list.prices).toHaveLength(2);
    expect(res.body.price_list.customer_groups).toEqual([expect.objectContaining({ id: ids.vip, name: 'VIP' })]);
    // Medusa 1.20's prices carry their variant, and the list of it, with the variant's columns only.
    const price = res.body.price_list.prices[0];
    expect(price.variant).toMatchObject({ id: price.variant_id });
    expect(price.variants).toEqual([price.variant]);
    expect(price.variant).not.toHaveProperty('calculated_price');
    // Medusa's handler reads no query string here.
    const asked = await t.http.get(`/admin/price-lists/${id}?expand=customer_groups&fields=name&foo=1`).set(t.auth);
    expect(asked.body).toEqual(res.body);
    const missing = await t.http.get('/admin/price-lists/pl_missing').set(t.auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'Price list with id: pl_missing was not found' });
  });

  it('updates fields, replaces groups, adds and updates prices', async () => {
    const priceId = (await t.em().findOneOrFail(MoneyAmount, { priceList: id, amount: 900 })).id;
    const res = await t.http.post(`/admin/price-lists/${id}`).set(t.auth).send({
      name: 'Summer 2', type: 'override', status: 'draft', ends_at: null, customer_groups: [{ id: ids.staff }],
      prices: [{ id: priceId, variant_id: ids.shirtS, currency_code: 'usd', amount: 800 }, { variant_id: ids.mugV, currency_code: 'usd', amount: 300 }],
    });
    expect(res.status).toBe(200);
    expect(res.body.price_list).toMatchObject({ name: 'Summer 2', type: 'override', status: 'draft', ends_at: null, description: 'Summer sale' });
    expect(res.body.price_list.customer_groups.map((g: any) => g.id)).toEqual([ids.staff]);
    expect(await pricesOf(id)).toEqual([[ids.mugV, 'usd', 300, null], [ids.shirtS, 'usd', 800, null], [ids.shirtM, 'eur', 950, ids.eu]]);
  });

  it('refuses bad updates and changes nothing', async () => {
    const before = await pricesOf(id);
    const other = await create({ name: 'Other' });
    const foreignPrice = (await t.em().findOneOrFail(MoneyAmount, { priceList: other.id })).id;
    const cases: [string, Record<string, unknown>, number][] = [
      [id, { name: '' }, 400], [id, { type: 'x' }, 400], [id, { starts_at: '2031-01-01T00:00:00Z', ends_at: '2030-01-01T00:00:00Z' }, 400],
      [id, { prices: [{ id: foreignPrice, variant_id: ids.shirtS, currency_code: 'usd', amount: 1 }] }, 404],
      [id, { customer_groups: [{ id: 'cgrp_missing' }] }, 404],
      ['pl_missing', { name: 'x' }, 404],
    ];
    for (const [target, b, status] of cases) {
      const res = await t.http.post(`/admin/price-lists/${target}`).set(t.auth).send(b);
      expect([b, res.status]).toEqual([b, status]);
    }
    expect(await pricesOf(id)).toEqual(before);
    expect((await t.em().findOneOrFail(PriceList, id)).name).toBe('Summer 2');
  });

  it('deletes softly with its prices; 404 afterwards; idempotent for a deleted or unknown id (as Medusa)', async () => {
    const doomed = await create({ name: 'Doomed' });
    const del = await t.http.delete(`/admin/price-lists/${doomed.id}`).set(t.auth);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ id: doomed.id, object: 'price-list', deleted: true });
    expect((await t.http.get(`/admin/price-lists/${doomed.id}`).set(t.auth)).status).toBe(404);
    expect((await t.em().findOneOrFail(PriceList, doomed.id, { filters: false })).deletedAt).toBeInstanceOf(Date);
    expect(await t.em().count(MoneyAmount, { priceList: doomed.id }, { filters: false })).toBe(0);
    const again = await t.http.delete(`/admin/price-lists/${doomed.id}`).set(t.auth);
    expect([again.status, again.body]).toEqual([200, { id: doomed.id, object: 'price-list', deleted: true }]);
    const unknown = await t.http.delete('/admin/price-lists/pl_missing').set(t.auth);
    expect([unknown.status, unknown.body]).toEqual([200, { id: 'pl_missing', object: 'price-list', deleted: true }]);
  });
});

describe('REST price list prices', () => {
  let id: string;

  beforeAll(async () => {
    id = (await create({ name: 'Prices', prices: [{ variant_id: ids.shirtS, currency_code: 'usd', amount: 100 }] })).id;
  });

  it('adds and updates prices in batch', async () => {
    const res = await t.http.post(`/admin/price-lists/${id}/prices/batch`).set(t.auth).send({
      prices: [{ variant_id: ids.shirtM, currency_code: 'usd', amount: 200 }, { variant_id: ids.mugV, region_id: ids.eu, amount: 300 }],
    });
    expect(res.status).toBe(200);
    expect(res.body.price_list.id).toBe(id);
    expect(res.body.price_list.prices).toHaveLength(3);
    expect(await pricesOf(id)).toEqual([[ids.shirtS, 'usd', 100, null], [ids.shirtM, 'usd', 200, null], [ids.mugV, 'eur', 300, ids.eu]]);
  });

  it('updates a price by id without region or currency: it keeps its own (Medusa validates XOR only for new prices)', async () => {
    const regional = (await t.em().findOneOrFail(MoneyAmount, { priceList: id, amount: 300 })).id;
    const res = await t.http.post(`/admin/price-lists/${id}/prices/batch`).set(t.auth).send({ prices: [{ id: regional, variant_id: ids.mugV, amount: 310 }] });
    expect(res.status).toBe(200);
    expect(await pricesOf(id)).toEqual([[ids.shirtS, 'usd', 100, null], [ids.shirtM, 'usd', 200, null], [ids.mugV, 'eur', 310, ids.eu]]);
    const both = await t.http.post(`/admin/price-lists/${id}/prices/batch`).set(t.auth).send({ prices: [{ id: regional, variant_id: ids.mugV, region_id: ids.eu, currency_code: 'eur', amount: 1 }] });
    expect([both.status, both.body.type]).toEqual([400, 'invalid_data']);
    expect(await pricesOf(id)).toEqual([[ids.shirtS, 'usd', 100, null], [ids.shirtM, 'usd', 200, null], [ids.mugV, 'eur', 310, ids.eu]]);
  });

  it('replaces all prices with override', async () => {
    const keep = (await t.em().findOneOrFail(MoneyAmount, { priceList: id, amount: 100 })).id;
    const res = await t.http.post(`/admin/price-lists/${id}/prices/batch`).set(t.auth).send({
      override: true, prices: [{ id: keep, variant_id: ids.shirtS, currency_code: 'usd', amount: 110 }, { variant_id: ids.mugV, currency_code: 'usd', amount: 400 }],
    });
    expect(res.status).toBe(200);
    expect(await pricesOf(id)).toEqual([[ids.shirtS, 'usd', 110, null], [ids.mugV, 'usd', 400, null]]);
  });

  it('refuses bad batches and changes nothing', async () => {
    const before = await pricesOf(id);
    for (const [b, status] of [
      [{ prices: [{ variant_id: ids.shirtS, amount: 1 }] }, 400],
      [{ prices: [{ variant_id: ids.shirtS, currency_code: 'usd' }] }, 400],
      [{ prices: [{ variant_id: ids.shirtS, currency_code: 'usd', amount: 1 }], extra: 1 }, 400],
      [{ override: true, prices: [{ variant_id: 'variant_missing', currency_code: 'usd', amount: 1 }] }, 404],
    ] as const) {
      const res = await t.http.post(`/admin/price-lists/${id}/prices/batch`).set(t.auth).send(b);
      expect([b, res.status]).toEqual([b, status]);
    }
    expect((await t.http.post('/admin/price-lists/pl_missing/prices/batch').set(t.auth).send({ prices: [] })).status).toBe(404);
    expect(await pricesOf(id)).toEqual(before);
  });

  it('deletes prices in batch (ids of other lists untouched; the answer echoes the ids asked for, as Medusa)', async () => {
    const other = await create({ name: 'Other prices' });
    const foreign = (await t.em().findOneOrFail(MoneyAmount, { priceList: other.id })).id;
    const mine = (await t.em().findOneOrFail(MoneyAmount, { priceList: id, amount: 400 })).id;
    const res = await t.http.delete(`/admin/price-lists/${id}/prices/batch`).set(t.auth).send({ price_ids: [mine, foreign] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ids: [mine, foreign], object: 'money-amount', deleted: true });
    expect(await pricesOf(id)).toEqual([[ids.shirtS, 'usd', 110, null]]);
    expect(await t.em().count(MoneyAmount, { id: foreign })).toBe(1);
    expect((await t.http.delete(`/admin/price-lists/${id}/prices/batch`).set(t.auth).send({ price_ids: 'x', hacker: 1 })).status).toBe(400);
    expect((await t.http.delete('/admin/price-lists/pl_missing/prices/batch').set(t.auth).send({ price_ids: [mine] })).status).toBe(404);
    // Medusa's ArrayNotEmpty on price_ids and product_ids.
    const empty = await t.http.delete(`/admin/price-lists/${id}/prices/batch`).set(t.auth).send({ price_ids: [] });
    expect([empty.status, empty.body]).toEqual([400, { type: 'invalid_data', message: 'price_ids should not be empty' }]);
    const noProducts = await t.http.delete(`/admin/price-lists/${id}/products/prices/batch`).set(t.auth).send({ product_ids: [] });
    expect([noProducts.status, noProducts.body.type]).toEqual([400, 'invalid_data']);
    expect(await pricesOf(id)).toEqual([[ids.shirtS, 'usd', 110, null]]);
  });

  it('deletes the prices of products and of a variant', async () => {
    await t.http.post(`/admin/price-lists/${id}/prices/batch`).set(t.auth).send({
      prices: [{ variant_id: ids.shirtM, currency_code: 'usd', amount: 120 }, { variant_id: ids.mugV, currency_code: 'usd', amount: 130 }],
    });
    const variant = await t.http.delete(`/admin/price-lists/${id}/variants/${ids.shirtM}/prices`).set(t.auth);
    expect(variant.status).toBe(200);
    expect(variant.body).toMatchObject({ object: 'money-amount', deleted: true });
    expect(variant.body.ids).toHaveLength(1);
    expect(await pricesOf(id)).toEqual([[ids.shirtS, 'usd', 110, null], [ids.mugV, 'usd', 130, null]]);

    const product = await t.http.delete(`/admin/price-lists/${id}/products/${ids.mug}/prices`).set(t.auth);
    expect(product.status).toBe(200);
    expect(product.body.ids).toHaveLength(1);
    expect(await pricesOf(id)).toEqual([[ids.shirtS, 'usd', 110, null]]);

    await t.http.post(`/admin/price-lists/${id}/prices/batch`).set(t.auth).send({ prices: [{ variant_id: ids.mugV, currency_code: 'usd', amount: 140 }] });
    const batch = await t.http.delete(`/admin/price-lists/${id}/products/prices/batch`).set(t.auth).send({ product_ids: [ids.shirt, ids.mug] });
    expect(batch.status).toBe(200);
    expect(batch.body.ids).toHaveLength(2);
    expect(await pricesOf(id)).toEqual([]);

    // Medusa does not look the list up for these three: an unknown list has no prices to delete.
    const none = { ids: [], object: 'money-amount', deleted: true };
    const unknownVariant = await t.http.delete(`/admin/price-lists/pl_missing/variants/${ids.mugV}/prices`).set(t.auth);
    expect([unknownVariant.status, unknownVariant.body]).toEqual([200, none]);
    const unknownProduct = await t.http.delete(`/admin/price-lists/pl_missing/products/${ids.mug}/prices`).set(t.auth);
    expect([unknownProduct.status, unknownProduct.body]).toEqual([200, none]);
    const unknownBatch = await t.http.delete('/admin/price-lists/pl_missing/products/prices/batch').set(t.auth).send({ product_ids: [ids.mug] });
    expect([unknownBatch.status, unknownBatch.body]).toEqual([200, none]);
    expect((await t.http.delete(`/admin/price-lists/${id}/products/prices/batch`).set(t.auth).send({ product_ids: 5 })).status).toBe(400);
  });
});

describe('REST price list list', () => {
  it('lists with Medusa\'s default limit, relations and every filter', async () => {
    const sale = await create({ name: 'Winter sale', description: 'cold', status: 'active', customer_groups: [{ id: ids.vip }, { id: ids.staff }] });
    const all = await t.http.get('/admin/price-lists').set(t.auth);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ offset: 0, limit: 10 });
    // As Medusa's list: no relation unless expanded, and the customer groups whenever it searches or filters by them.
    expect(all.body.price_lists[0]).not.toHaveProperty('prices');
    expect(all.body.price_lists[0]).not.toHaveProperty('customer_groups');
    const searched = await t.http.get('/admin/price-lists?q=winter').set(t.auth);
    expect(searched.body.price_lists[0].customer_groups).toHaveLength(2);
    expect(searched.body.price_lists[0]).not.toHaveProperty('prices');
    const expanded = await t.http.get('/admin/price-lists?expand=prices').set(t.auth);
    expect(expanded.body.price_lists[0]).toHaveProperty('prices');
    expect(expanded.body.price_lists[0]).not.toHaveProperty('customer_groups');
    expect((await t.http.get('/admin/price-lists?fields=name').set(t.auth)).body).toEqual({ type: 'invalid_data', message: 'property fields should not exist' });
    const names = async (query: string) => (await t.http.get(`/admin/price-lists?${query}&limit=100`).set(t.auth)).body.price_lists.map((p: any) => p.name).sort();

    expect(await names('q=winter')).toEqual(['Winter sale']);
    expect(await names('q=COLD')).toEqual(['Winter sale']);
    // Medusa's q also matches the names of the list's customer groups.
    expect(await names('q=staf')).toEqual(['Summer 2', 'Winter sale']);
    expect(await names('q=staf&status[]=active')).toEqual(['Winter sale']);
    expect(await names('q=%25')).toEqual([]);
    expect(await names('description=cold')).toEqual(['Winter sale']);
    expect(await names('name=Winter sale')).toEqual(['Winter sale']);
    expect(await names(`id=${sale.id}`)).toEqual(['Winter sale']);
    expect(await names('status[]=active')).toEqual(['Winter sale']);
    expect(await names('type[]=override')).toEqual(['Summer 2']);
    expect(await names('type[]=override&type[]=sale')).toHaveLength((await names('')).length);
    expect(await names(`customer_groups[]=${ids.vip}`)).toEqual(['Winter sale']);
    expect(await names(`customer_groups[]=${ids.vip}&customer_groups[]=${ids.staff}`)).toEqual(['Summer 2', 'Winter sale']);
    expect(await names('created_at[gt]=2999-01-01')).toEqual([]);
    expect(await names('updated_at[lt]=2999-01-01')).toHaveLength((await names('')).length);
    expect(await names('deleted_at[gt]=2000-01-01')).toEqual(['Doomed']);
    const ordered = await t.http.get('/admin/price-lists?order=name&limit=2').set(t.auth);
    expect(ordered.body.price_lists.map((p: any) => p.name)).toEqual((await names('')).slice(0, 2));
  });

  it('refuses unknown filters and values with 400', async () => {
    for (const query of ['foo=1', 'status[]=paused', 'type[]=x', 'order=description', 'created_at[gt]=never']) {
      expect([query, (await t.http.get(`/admin/price-lists?${query}`).set(t.auth)).status]).toEqual([query, 400]);
    }
    const status = await t.http.get('/admin/price-lists?status[]=paused').set(t.auth);
    expect(status.body.message).toBe('each value in status must be one of the following values: active, draft');
    // The batch deletions in Medusa's words.
    const noIds = await t.http.delete(`/admin/price-lists/pl_any/prices/batch`).set(t.auth).send({});
    expect(noIds.body).toEqual({ type: 'invalid_data', message: 'each value in price_ids must be a string, price_ids should not be empty' });
  });

  it('costs a fixed number of queries whatever the page size (prices and groups)', async () => {
    for (let i = 0; i < 20; i++) {
      await create({
        name: `Bulk ${i}`, customer_groups: [{ id: ids.vip }],
        prices: [{ variant_id: ids.shirtS, currency_code: 'usd', amount: i }, { variant_id: ids.mugV, region_id: ids.eu, amount: i }],
      });
    }
    const small = await t.countQueries(() => t.http.get('/admin/price-lists?limit=2&expand=prices,customer_groups').set(t.auth));
    const large = await t.countQueries(() => t.http.get('/admin/price-lists?limit=20&expand=prices,customer_groups').set(t.auth));
    expect(large).toBe(small);
    const page = await t.http.get('/admin/price-lists?limit=20&q=bulk&expand=prices').set(t.auth);
    expect(page.body.price_lists).toHaveLength(20);
    expect(page.body.price_lists.every((p: any) => p.prices.length === 2 && p.customer_groups.length === 1)).toBe(true);
  });
});

describe('REST /admin/price-lists/{id}/products', () => {
  const p = { list: '', tee: '', cap: '', card: '', gone: '', type: '', tag: '', collection: '', capVariant: '', capOwn: '' };

  beforeAll(async () => {
    const em = t.em();
    const type = em.create(ProductType, { value: 'Headwear' });
    const tag = em.create(ProductTag, { value: 'wool' });
    const collection = em.create(ProductCollection, { title: 'Winter' });
    const tee = em.create(Product, { title: 'Tee', handle: 'tee', description: 'A cotton tee', status: ProductStatus.published });
    // As every product made through the API, the cap has the default shipping profile (Medusa then answers `profile`).
    const profile = await em.findOneOrFail(ShippingProfile, { type: ShippingProfileType.default });
    const cap = em.create(Product, { title: 'Cap', handle: 'cap', type, collection, profile });
    cap.tags.add(tag);
    const card = em.create(Product, { title: 'Card', handle: 'card', isGiftcard: true, status: ProductStatus.published });
    const gone = em.create(Product, { title: 'Gone', handle: 'gone' });
    const unpriced = em.create(Product, { title: 'Unpriced', handle: 'unpriced' });
    const variants = [tee, tee, cap, card, gone, unpriced].map((product, i) => em.create(ProductVariant, { product, title: `v${i}` }));
    await em.flush();
    Object.assign(p, { tee: tee.id, cap: cap.id, card: card.id, gone: gone.id, type: type.id, tag: tag.id, collection: collection.id });
    const list = await create({ name: 'Catalog', prices: variants.slice(0, 5).map((v) => ({ variant_id: v.id, currency_code: 'usd', amount: 100 })) });
    p.list = list.id;
    await create({ name: 'Elsewhere', prices: [{ variant_id: variants[5].id, currency_code: 'usd', amount: 1 }] });
    // The cap's variant also has a price of its own and one in another list.
    await create({ name: 'Cap elsewhere', prices: [{ variant_id: variants[2].id, currency_code: 'usd', amount: 7 }] });
    const own = em.create(MoneyAmount, { amount: 2500, currency: em.getReference(Currency, 'usd'), variant: variants[2] });
    p.capVariant = variants[2].id;
    // Deleted after being priced: a deleted product's variants can no longer be priced.
    gone.deletedAt = new Date();
    await em.flush();
    p.capOwn = own.id;
  });

  const titles = async (query = '') => {
    const res = await t.http.get(`/admin/price-lists/${p.list}/products?${query}`).set(t.auth);
    expect([query, res.status]).toEqual([query, 200]);
    return res.body.products.map((x: any) => x.title).sort();
  };

  it('lists the products priced in the list, once each, with default relations and limit', async () => {
    const res = await t.http.get(`/admin/price-lists/${p.list}/products`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: 3, offset: 0, limit: 50 });
    expect(res.body.products.map((x: any) => x.title).sort()).toEqual(['Cap', 'Card', 'Tee']);
    const cap = res.body.products.find((x: any) => x.title === 'Cap');
    for (const key of ['collection', 'images', 'options', 'profiles', 'profile', 'tags', 'type', 'variants']) expect(cap).toHaveProperty(key);
    expect(cap).not.toHaveProperty('categories');
    expect(cap.variants[0]).not.toHaveProperty('calculated_price');
    expect(cap.variants[0]).toHaveProperty('options');
    expect(cap.type.id).toBe(p.type);
    // As Medusa's handler: each variant's prices are its own and this list's (not other lists'), with their price_list.
    const prices = cap.variants[0].prices.map((x: any) => [x.amount, x.price_list_id, x.price_list?.id ?? null]).sort();
    expect(prices).toEqual([[100, p.list, p.list], [2500, null, null]]);
    expect(cap.variants[0]).not.toHaveProperty('price_list_prices');
    expect(cap.variants[0].prices.find((x: any) => x.id === p.capOwn)).toMatchObject({ currency_code: 'usd', price_list: null });
    expect(cap.variants[0].prices[0]).not.toHaveProperty('variant_id');
  });

  it('applies every product filter', async () => {
    expect(await titles('q=cotton')).toEqual(['Tee']);
    expect(await titles(`id=${p.tee}`)).toEqual(['Tee']);
    expect(await titles(`id[]=${p.tee}&id[]=${p.cap}`)).toEqual(['Cap', 'Tee']);
    expect(await titles('status[]=published')).toEqual(['Card', 'Tee']);
    expect(await titles(`collection_id[]=${p.collection}`)).toEqual(['Cap']);
    expect(await titles(`tags[]=${p.tag}`)).toEqual(['Cap']);
    expect(await titles('title=Tee')).toEqual(['Tee']);
    expect(await titles('description=A cotton tee')).toEqual(['Tee']);
    expect(await titles('handle=cap')).toEqual(['Cap']);
    expect(await titles('is_giftcard=true')).toEqual(['Card']);
    expect(await titles(`type=${p.type}`)).toEqual(['Cap']);
    expect(await titles('created_at[gt]=2999-01-01')).toEqual([]);
    expect(await titles('updated_at[lt]=2999-01-01')).toEqual(['Cap', 'Card', 'Tee']);
    expect(await titles('deleted_at[gt]=2000-01-01')).toEqual(['Gone']);
    const ordered = await t.http.get(`/admin/price-lists/${p.list}/products?order=title&limit=2&offset=1`).set(t.auth);
    expect(ordered.body).toMatchObject({ count: 3, offset: 1, limit: 2 });
    expect(ordered.body.products.map((x: any) => x.title)).toEqual(['Card', 'Tee']);
  });

  it('refuses unknown filters with 400; an unknown list has no products', async () => {
    expect((await t.http.get(`/admin/price-lists/${p.list}/products?foo=1`).set(t.auth)).status).toBe(400);
    expect((await t.http.get(`/admin/price-lists/${p.list}/products?status[]=gone`).set(t.auth)).status).toBe(400);
    // Medusa does not look the list up: an unknown list prices no product.
    const unknown = await t.http.get('/admin/price-lists/pl_missing/products').set(t.auth);
    expect([unknown.status, unknown.body]).toEqual([200, { products: [], count: 0, offset: 0, limit: 50 }]);
  });

  it('costs a fixed number of queries whatever the page size', async () => {
    // Ordered by title, the one-product page is Cap, which has every kind of relation the larger page has.
    const small = await t.countQueries(() => t.http.get(`/admin/price-lists/${p.list}/products?order=title&limit=1`).set(t.auth));
    const large = await t.countQueries(() => t.http.get(`/admin/price-lists/${p.list}/products?order=title&limit=50`).set(t.auth));
    expect(large).toBe(small);
  });

  it('answers through GraphQL', async () => {
    const res = await t.gql(`query($id: String!) { priceListProducts(priceListId: $id, filter: { isGiftcard: false }, order: "title") { items { title } count } }`, { id: p.list });
    expect(res.data.priceListProducts).toEqual({ items: [{ title: 'Cap' }, { title: 'Tee' }], count: 2 });
    expect((await t.gql(`{ priceListProducts(priceListId: "pl_missing") { count } }`)).data.priceListProducts).toEqual({ count: 0 });
    expect(errorType(await t.gql(`{ priceListProducts(priceListId: "x") { count } }`, {}, {}))).toBe('unauthorized');
    // Variants show their own prices and the listed list's; a variant query names the list itself.
    const listed = await t.gql(`query($id: String!) { priceListProducts(priceListId: $id, filter: { id: ["${p.cap}"] }) { items { variants { priceListPrices { amount priceListId } } } } }`, { id: p.list });
    expect(listed.data.priceListProducts.items[0].variants[0].priceListPrices.map((x: any) => x.amount).sort()).toEqual([100, 2500]);
    const named = await t.gql(`query($v: String!, $l: String!) { variant(id: $v) { listed: priceListPrices(priceListId: $l) { amount } none: priceListPrices { amount } } }`, { v: p.capVariant, l: p.list });
    expect(named.errors).toBeUndefined();
    expect(named.data.variant.listed.map((x: any) => x.amount).sort()).toEqual([100, 2500]);
    expect(named.data.variant.none).toEqual([]);
    // A price's variant, also as the list of it (Medusa 1.20's `variants`).
    const prices = await t.gql(`query($id: String!) { priceList(id: $id) { prices { variantId variant { id } variants { id } } } }`, { id: p.list });
    for (const price of prices.data.priceList.prices) expect([price.variant.id, price.variants.map((v: any) => v.id)]).toEqual([price.variantId, [price.variantId]]);
  });
});

describe('REST price lists without credentials', () => {
  it('answers 401 text/plain on every route', async () => {
    const routes: [string, string][] = [
      ['get', '/admin/price-lists'], ['post', '/admin/price-lists'], ['get', '/admin/price-lists/p'], ['post', '/admin/price-lists/p'],
      ['delete', '/admin/price-lists/p'], ['post', '/admin/price-lists/p/prices/batch'], ['delete', '/admin/price-lists/p/prices/batch'],
      ['delete', '/admin/price-lists/p/products/prices/batch'], ['delete', '/admin/price-lists/p/products/x/prices'],
      ['delete', '/admin/price-lists/p/variants/x/prices'], ['get', '/admin/price-lists/p/products'],
    ];
    const before = await countLists();
    for (const [method, path] of routes) {
      const res = await (t.http as any)[method](path).send(body());
      expect([path, res.status, res.text]).toEqual([path, 401, 'Unauthorized']);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
    }
    expect(await countLists()).toBe(before);
  });
});

describe('GraphQL price lists', () => {
  const FIELDS = 'id name description type status includesTax startsAt prices { id amount currencyCode variantId regionId priceListId priceList { id } } customerGroups { id name }';

  it('creates, reads, updates, manages prices, lists and deletes', async () => {
    const created = await t.gql(`mutation($input: CreatePriceListInput!) { createPriceList(input: $input) { ${FIELDS} } }`, {
      input: { name: 'GQL', description: 'g', type: 'override', customerGroups: [{ id: ids.vip }], prices: [{ variantId: ids.shirtS, currencyCode: 'usd', amount: 500 }] },
    });
    expect(created.errors).toBeUndefined();
    const pl = created.data.createPriceList;
    expect(pl).toMatchObject({ name: 'GQL', type: 'override', status: 'draft', customerGroups: [{ id: ids.vip, name: 'VIP' }] });
    expect(pl.prices).toEqual([expect.objectContaining({ amount: 500, currencyCode: 'usd', variantId: ids.shirtS, priceListId: pl.id, priceList: { id: pl.id } })]);

    const updated = await t.gql(`mutation($id: String!) { updatePriceList(id: $id, input: { status: active, customerGroups: [] }) { status customerGroups { id } } }`, { id: pl.id });
    expect(updated.data.updatePriceList).toEqual({ status: 'active', customerGroups: [] });
    const added = await t.gql(`mutation($id: String!) { addPriceListPrices(id: $id, prices: [{ variantId: "${ids.mugV}", regionId: "${ids.eu}", amount: 70 }]) { prices { amount currencyCode } } }`, { id: pl.id });
    expect(added.data.addPriceListPrices.prices).toHaveLength(2);
    const byVariant = await t.gql(`mutation($id: String!) { deletePriceListVariantPrices(id: $id, variantId: "${ids.mugV}") { ids object deleted } }`, { id: pl.id });
    expect(byVariant.data.deletePriceListVariantPrices.ids).toHaveLength(1);
    const byProduct = await t.gql(`mutation($id: String!) { deletePriceListProductPrices(id: $id, productId: "${ids.shirt}") { ids } }`, { id: pl.id });
    expect(byProduct.data.deletePriceListProductPrices.ids).toHaveLength(1);
    const none = await t.gql(`mutation($id: String!) { deletePriceListProductsPrices(id: $id, input: { productIds: ["${ids.shirt}"] }) { ids } }`, { id: pl.id });
    expect(none.data.deletePriceListProductsPrices.ids).toEqual([]);
    const batch = await t.gql(`mutation($id: String!) { deletePriceListPrices(id: $id, input: { priceIds: ["ma_none"] }) { ids deleted } }`, { id: pl.id });
    expect(batch.data.deletePriceListPrices).toEqual({ ids: ['ma_none'], deleted: true });

    const got = await t.gql(`query($id: String!) { priceList(id: $id) { name prices { id } } }`, { id: pl.id });
    expect(got.data.priceList).toEqual({ name: 'GQL', prices: [] });
    const list = await t.gql(`{ priceLists(q: "gql", filter: { type: [override], status: [active] }, limit: 5) { items { id } count offset limit } }`);
    expect(list.data.priceLists).toEqual({ items: [{ id: pl.id }], count: 1, offset: 0, limit: 5 });
    const byDescription = await t.gql(`{ priceLists(filter: { description: "g", type: [override] }) { items { id } } }`);
    expect(byDescription.data.priceLists.items).toEqual([{ id: pl.id }]);
    const deleted = await t.gql(`mutation($id: String!) { deletePriceList(id: $id) { id object deleted } }`, { id: pl.id });
    expect(deleted.data.deletePriceList).toEqual({ id: pl.id, object: 'price-list', deleted: true });
  });

  it('reports bad input, unknown ids and missing credentials in Medusa types', async () => {
    const before = [await countLists(), await countPrices()];
    const noCurrency = await t.gql(`mutation { createPriceList(input: { name: "x", description: "", type: sale, prices: [{ variantId: "${ids.shirtS}", amount: 1 }] }) { id } }`);
    expect(errorType(noCurrency)).toBe('invalid_data');
    expect(noCurrency.errors?.[0].message).toBe('Failed XOR relation between "region_id" and "currency_code"., Failed XOR relation between "currency_code" and "region_id".');
    expect(errorType(await t.gql(`{ priceList(id: "pl_missing") { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation { updatePriceList(id: "pl_missing", input: {}) { id } }`))).toBe('not_found');
    // Idempotent deletes, as in Medusa.
    expect((await t.gql(`mutation { deletePriceList(id: "pl_missing") { id deleted } }`)).data.deletePriceList).toEqual({ id: 'pl_missing', deleted: true });
    expect((await t.gql(`mutation { deletePriceListVariantPrices(id: "pl_missing", variantId: "variant_x") { ids } }`)).data.deletePriceListVariantPrices).toEqual({ ids: [] });
    expect(errorType(await t.gql(`mutation { deletePriceListPrices(id: "pl_missing", input: { priceIds: ["ma_x"] }) { ids } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation { deletePriceListPrices(id: "pl_missing", input: { priceIds: [] }) { ids } }`))).toBe('invalid_data');
    expect(errorType(await t.gql(`{ priceLists { count } }`, {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql(`mutation { createPriceList(input: { name: "x", description: "", type: sale, prices: [] }) { id } }`, {}, {}))).toBe('unauthorized');
    expect([await countLists(), await countPrices()]).toEqual(before);
  });
});
