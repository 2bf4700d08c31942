// REST documents run compiled (graphql-jit) by default. The compiled path must answer exactly
// what graphql-js answers: this test serves a seeded catalogue through both and compares the
// response bodies byte for byte.
import request from 'supertest';
import { startApp, TestApp } from './helpers';
import { createServer, AegisServer } from '../src/server';

let t: TestApp;
let interpreted: AegisServer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startApp();
  expect(t.config.restCompile ?? true).toBe(true);
  interpreted = await createServer(t.orm, { ...t.config, restCompile: false }, t.databaseUrl);
  const post = async (path: string, body: unknown) => {
    const res = await t.http.post(path).set(t.auth).send(body as object);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return res.body;
  };
  await post('/admin/store/currencies/eur', {});
  ids.region = (await post('/admin/regions', { name: 'EU', currency_code: 'eur', tax_rate: 20, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['de', 'fr'] })).region.id;
  ids.collection = (await post('/admin/collections', { title: 'Summer', handle: 'summer' })).collection.id;
  for (let i = 0; i < 4; i++) {
    const product = await post('/admin/products', {
      title: `Shirt ${i}`, collection_id: ids.collection, tags: [{ value: 'cotton' }, { value: `t${i}` }], type: { value: 'shirts' },
      images: [`https://img.test/${i}.png`], options: [{ title: 'Size' }],
      variants: ['S', 'M'].map((size) => ({ title: size, sku: `S${i}${size}`, prices: [{ currency_code: 'usd', amount: 1000 + i }, { region_id: ids.region, amount: 900 }], options: [{ value: size }] })),
      metadata: { i },
    });
    ids[`product${i}`] = product.product.id;
  }
  ids.group = (await post('/admin/customer-groups', { name: 'VIP' })).customer_group.id;
  const customer = await t.http.post('/admin/customers').set(t.auth).send({ email: 'ada@example.com', first_name: 'Ada', last_name: 'L', password: 'secret123' });
  ids.customer = customer.body.customer.id;
  await post('/admin/price-lists', { name: 'Sale', description: 'd', type: 'sale', customer_groups: [{ id: ids.group }], prices: [{ amount: 500, currency_code: 'usd', variant_id: (await t.http.get(`/admin/products/${ids.product0}`).set(t.auth)).body.product.variants[0].id }] });
  await post('/admin/discounts', { code: 'TEN', regions: [ids.region], rule: { type: 'percentage', value: 10, allocation: 'total' } });
});
afterAll(async () => {
  await interpreted.close();
  await t.close();
});

const PATHS = [
  '/admin/products', '/admin/products?limit=2&offset=1&order=title', '/admin/products?expand=variants,variants.prices&fields=title,handle',
  '/admin/products?q=Shirt&tags[]=cotton', '/admin/products/{product0}', '/admin/products/{product1}?expand=',
  '/admin/variants', '/admin/variants?region_id={region}', '/admin/collections', '/admin/collections/{collection}',
  '/admin/regions', '/admin/regions/{region}', '/admin/store', '/admin/customers', '/admin/customers/{customer}',
  '/admin/customer-groups?expand=customers', '/admin/price-lists', '/admin/discounts?expand=rule,regions', '/admin/product-tags',
  '/admin/users', '/admin/products/{missing}', '/admin/regions?limit=abc',
];

it('answers every seeded read the same, byte for byte, compiled and interpreted', async () => {
  ids.missing = 'prod_missing';
  for (const template of PATHS) {
    const path = template.replace(/\{(\w+)\}/g, (_, k: string) => ids[k]);
    const compiled = await request(t.server.app).get(path).set(t.auth);
    const plain = await request(interpreted.app).get(path).set(t.auth);
    expect({ path, status: compiled.status }).toEqual({ path, status: plain.status });
    expect({ path, body: compiled.text }).toEqual({ path, body: plain.text });
  }
});
