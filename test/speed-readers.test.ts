// The hot reads (store, regions, products) are read as raw rows by default. They must answer
// exactly what the ORM path answers: this test serves a seeded catalogue through both and compares
// the response bodies byte for byte, REST and GraphQL, and counts the statements of the fast path.
import request from 'supertest';
import { startApp, TestApp } from './helpers';
import { createServer, AegisServer } from '../src/server';

let t: TestApp;
let viaOrm: AegisServer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startApp();
  expect(t.config.rawReaders ?? true).toBe(true);
  viaOrm = await createServer(t.orm, { ...t.config, rawReaders: false }, t.databaseUrl);
  const post = async (path: string, body: unknown) => {
    const res = await t.http.post(path).set(t.auth).send(body as object);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return res.body;
  };
  // Currencies added out of alphabetical order, metadata with nested values and odd keys.
  for (const code of ['gbp', 'eur', 'dkk']) await post(`/admin/store/currencies/${code}`, {});
  await post('/admin/store', { name: 'Bench "store"', swap_link_template: 'https://x.test/{swap}', metadata: { b: 1, a: { z: [1, 'two'] }, 'é': null } });
  ids.eu = (await post('/admin/regions', { name: 'EU', currency_code: 'eur', tax_rate: 20.5, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['fr', 'de', 'dk'], metadata: { x: 1 } })).region.id;
  ids.uk = (await post('/admin/regions', { name: 'UK', currency_code: 'gbp', tax_rate: 0, payment_providers: ['manual'], fulfillment_providers: [], countries: ['gb'] })).region.id;
  ids.na = (await post('/admin/regions', { name: 'NA', currency_code: 'usd', tax_rate: 7.25, payment_providers: [], fulfillment_providers: ['manual'], countries: [], includes_tax: true })).region.id;
  ids.collection = (await post('/admin/collections', { title: 'Summer', handle: 'summer' })).collection.id;
  for (let i = 0; i < 3; i++) {
    const product = await post('/admin/products', {
      title: `Shirt ${i}`, collection_id: ids.collection, tags: [{ value: 'cotton' }, { value: `t${i}` }], type: { value: 'shirts' },
      images: [`https://img.test/${i}.png`], options: [{ title: 'Size' }],
      variants: ['S', 'M'].map((size) => ({ title: size, sku: `S${i}${size}`, prices: [{ currency_code: 'usd', amount: 1000 + i }, { region_id: ids.eu, amount: 900 }], options: [{ value: size }] })),
      metadata: { i },
    });
    ids[`product${i}`] = product.product.id;
  }
});
afterAll(async () => {
  await viaOrm.close();
  await t.close();
});

const PATHS = [
  '/admin/store', '/admin/regions', '/admin/regions?limit=2&offset=1', '/admin/regions?order=name', '/admin/regions?limit=1&offset=9',
  '/admin/regions?expand=countries', '/admin/regions?expand=', '/admin/regions?fields=name', '/admin/regions?q=u', '/admin/regions/{eu}',
  '/admin/products', '/admin/products?limit=2&offset=1', '/admin/products/{product0}', '/admin/products/{product1}?expand=variants,variants.prices',
  '/admin/products/{product2}?fields=title,handle', '/admin/products/{product1}?expand=', '/admin/products/prod_missing', '/admin/store/payment-providers',
];

it('answers the hot reads the same, byte for byte, as raw rows and through the ORM', async () => {
  for (const template of PATHS) {
    const path = template.replace(/\{(\w+)\}/g, (_, k: string) => ids[k]);
    const raw = await request(t.server.app).get(path).set(t.auth);
    const orm = await request(viaOrm.app).get(path).set(t.auth);
    expect({ path, status: raw.status }).toEqual({ path, status: path.includes('missing') ? 404 : 200 });
    expect({ path, status: orm.status }).toEqual({ path, status: raw.status });
    expect({ path, body: raw.text }).toEqual({ path, body: orm.text });
  }
});

it('answers the same GraphQL queries the same both ways', async () => {
  const queries = [
    '{ store { id name currencies { code name } defaultCurrency { code symbol } defaultSalesChannel { id name createdAt } paymentProviders { id } metadata } }',
    '{ store { name defaultCurrencyCode createdAt updatedAt } }',
    `{ product(id: "${ids.product0}") { id title variants { id sku prices { amount currencyCode } options { value } } options { title values { value } } tags { value } type { value } collection { handle } createdAt } }`,
    '{ regions(limit: 5) { count items { id name taxRate countries { iso2 region { id } } paymentProviders { id } fulfillmentProviders { id isInstalled } currency { code } createdAt } } }',
  ];
  for (const query of queries) {
    const raw = await request(t.server.app).post('/graphql').set(t.auth).send({ query });
    const orm = await request(viaOrm.app).post('/graphql').set(t.auth).send({ query });
    expect(raw.body.errors).toBeUndefined();
    expect({ query, body: raw.text }).toEqual({ query, body: orm.text });
  }
});

it('reads the store in one statement besides authentication, and a region page in one too', async () => {
  expect(await t.countQueries(() => t.http.get('/admin/store').set(t.auth))).toBe(2);
  expect(await t.countQueries(() => t.http.get('/admin/regions').set(t.auth))).toBe(2);
  // A page past the end has no row to carry the count: one statement more.
  expect(await t.countQueries(() => t.http.get('/admin/regions?offset=10').set(t.auth))).toBe(3);
});

it('answers what the raw readers read, not something empty', async () => {
  const store = (await t.http.get('/admin/store').set(t.auth)).body.store;
  expect(store.currencies.map((c: { code: string }) => c.code).sort()).toEqual(['dkk', 'eur', 'gbp', 'usd']);
  expect(store.default_sales_channel?.id).toMatch(/^sc_/);
  expect(store.payment_providers).toEqual([{ id: 'manual', is_installed: true }]);
  const eu = (await t.http.get('/admin/regions?order=name').set(t.auth)).body.regions[0];
  expect(eu.countries.map((c: { iso_2: string }) => c.iso_2).sort()).toEqual(['de', 'dk', 'fr']);
  expect(eu.currency.code).toBe('eur');
  expect(eu.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});
