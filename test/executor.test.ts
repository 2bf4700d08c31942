// The REST executor's rules, which every route follows as Medusa v1's request handling does:
// `expand` replaces the default relations, `fields` narrows the columns, JSON bodies are typed
// strictly, path params win, REST is not refused by the GraphQL cost limit, and bad input is
// answered in class-validator's words.
import { startApp, TestApp, errorType } from './helpers';
import { Store } from '../src/entities/store';
import { CustomerGroup } from '../src/entities/customer-groups';

let t: TestApp;
let regionId: string;
beforeAll(async () => {
  t = await startApp();
  await t.http.post('/admin/store/currencies/eur').set(t.auth);
  const region = await t.http.post('/admin/regions').set(t.auth).send({
    name: 'EU', currency_code: 'eur', tax_rate: 0, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['de'],
  });
  expect(region.status).toBe(200);
  regionId = region.body.region.id;
});
afterAll(() => t.close());

const relationKeys = (region: Record<string, unknown>) =>
  ['countries', 'currency', 'payment_providers', 'fulfillment_providers'].filter((k) => k in region);

describe('expand and fields', () => {
  it('answers the default relations without expand, exactly the expanded ones with it, none for expand=', async () => {
    const defaults = await t.http.get(`/admin/regions/${regionId}`).set(t.auth);
    expect(relationKeys(defaults.body.region)).toEqual(['countries', 'currency', 'payment_providers', 'fulfillment_providers']);
    const one = await t.http.get(`/admin/regions/${regionId}?expand=countries`).set(t.auth);
    expect(one.status).toBe(200);
    expect(relationKeys(one.body.region)).toEqual(['countries']);
    expect(one.body.region).toMatchObject({ id: regionId, name: 'EU', currency_code: 'eur' });
    const none = await t.http.get(`/admin/regions/${regionId}?expand=`).set(t.auth);
    expect(relationKeys(none.body.region)).toEqual([]);
    expect(none.body.region.name).toBe('EU');
  });

  it('narrows columns with fields (plus id, and created_at on lists), keeping the defaults unless expand is given', async () => {
    const list = await t.http.get('/admin/regions?fields=name').set(t.auth);
    const [item] = list.body.regions;
    expect(Object.keys(item).filter((k) => !relationKeys(item).includes(k)).sort()).toEqual(['created_at', 'id', 'name']);
    expect(relationKeys(item)).toHaveLength(4);
    const both = await t.http.get('/admin/regions?fields=name&expand=countries').set(t.auth);
    expect(Object.keys(both.body.regions[0]).sort()).toEqual(['countries', 'created_at', 'id', 'name']);
    const single = await t.http.get(`/admin/regions/${regionId}?fields=name&expand=`).set(t.auth);
    expect(Object.keys(single.body.region).sort()).toEqual(['id', 'name']);
  });

  it('takes expand and fields as lists where Medusa does (tax rates), and refuses lists elsewhere', async () => {
    const rate = await t.http.post('/admin/tax-rates').set(t.auth).send({ code: 'VAT', name: 'VAT', region_id: regionId, rate: 19 });
    expect(rate.status).toBe(200);
    const id = rate.body.tax_rate.id;
    const asList = await t.http.get(`/admin/tax-rates/${id}?expand[]=products&expand[]=product_types&fields[]=name`).set(t.auth);
    expect(asList.status).toBe(200);
    expect(asList.body.tax_rate).toMatchObject({ id, name: 'VAT', products: [], product_types: [] });
    const asText = await t.http.get(`/admin/tax-rates/${id}?expand=products`).set(t.auth);
    expect(asText.body.tax_rate.products).toEqual([]);
    const elsewhere = await t.http.get(`/admin/regions/${regionId}?expand[]=countries`).set(t.auth);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body).toEqual({ type: 'invalid_data', message: 'expand must be a string' });
  });

  it('refuses relations that do not exist', async () => {
    const res = await t.http.get(`/admin/regions/${regionId}?expand=countries,nothing`).set(t.auth);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ type: 'invalid_data', message: 'Requested fields [nothing] are not valid' });
  });
});

describe('JSON bodies are typed strictly at the REST door', () => {
  it('refuses a string where a list is expected and writes nothing (GraphQL keeps its own coercion)', async () => {
    const storeCurrencies = async () => (await t.em().find(Store, {}, { populate: ['currencies'] as any }))[0].currencies.getItems().map((c) => c.code).sort();
    const codes = await storeCurrencies();
    const res = await t.http.post('/admin/store').set(t.auth).send({ currencies: 'eur' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ type: 'invalid_data', message: 'currencies must be an array' });
    expect(await storeCurrencies()).toEqual(codes);

    const gql = await t.gql('mutation { updateStore(input: { currencies: "usd" }) { currencies { code } } }');
    expect(gql.errors).toBeUndefined();
    expect(gql.data.updateStore.currencies).toEqual([{ code: 'usd' }]);
  });

  it('refuses a number or an object where a string is expected, a string where an object is expected', async () => {
    for (const [body, message] of [
      [{ name: 5 }, 'name must be a string'],
      [{ name: { a: 1 } }, 'name must be a string'],
      [{ name: 'VIP', metadata: 'x' }, 'metadata must be an object'],
      [{ name: 'VIP', metadata: [1] }, 'metadata must be an object'],
    ] as const) {
      const res = await t.http.post('/admin/customer-groups').set(t.auth).send(body);
      expect({ body, status: res.status, answer: res.body }).toEqual({ body, status: 400, answer: { type: 'invalid_data', message } });
    }
    expect(await t.em().count(CustomerGroup, {})).toBe(0);
  });

  it('reports every problem at once, unknown keys first, in the order of the fields', async () => {
    const res = await t.http.post('/admin/regions').set(t.auth).send({ foo: 1, name: 7, currency_code: 'eur', tax_rate: '5', payment_providers: 'manual', fulfillment_providers: [3], countries: ['de'] });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(
      'property foo should not exist, name must be a string, tax_rate must be a number conforming to the specified constraints, '
      + 'payment_providers must be an array, each value in fulfillment_providers must be a string',
    );
  });

  it('refuses a missing required value with the wording of its type', async () => {
    const res = await t.http.post('/admin/customer-groups').set(t.auth).send({});
    expect(res.body).toEqual({ type: 'invalid_data', message: 'name must be a string' });
    const nested = await t.http.post(`/admin/customer-groups/cgrp_x/customers/batch`).set(t.auth).send({ customer_ids: ['cus_1'] });
    expect(nested.body).toEqual({ type: 'invalid_data', message: 'each value in nested property customer_ids must be either object or array' });
  });
});

describe('path params win', () => {
  it('ignores the query where Medusa reads none, and refuses a query naming a path param where it validates the query', async () => {
    const other = await t.http.post('/admin/users').set(t.auth).send({ email: 'other@example.com', password: 'secret123' });
    const mine = await t.http.get(`/admin/users/${t.admin.id}?id=${other.body.user.id}`).set(t.auth);
    expect(mine.status).toBe(200);
    expect(mine.body.user.id).toBe(t.admin.id);
    const region = await t.http.get(`/admin/regions/${regionId}?id=reg_other`).set(t.auth);
    expect(region.status).toBe(400);
    expect(region.body).toEqual({ type: 'invalid_data', message: 'property id should not exist' });
  });
});

describe('the GraphQL cost limit protects /graphql only', () => {
  it('answers large REST pages that /graphql refuses as too expensive', async () => {
    const products = await t.http.get('/admin/products?limit=1000').set(t.auth);
    expect(products.status).toBe(200);
    expect(products.body.limit).toBe(1000);
    const discounts = await t.http.get('/admin/discounts?limit=1000').set(t.auth);
    expect(discounts.status).toBe(200);
    const gql = await t.gql('{ products(limit: 1000) { items { id variants { id prices { id } options { id } } options { id values { id } } images { id } tags { id } } } }');
    expect(errorType(gql)).toBe('invalid_data');
    expect(gql.errors![0].message).toMatch(/too expensive/);
  });
});

describe('query strings', () => {
  it('answers mistyped numbers and booleans in class-validator words', async () => {
    const limit = await t.http.get('/admin/regions?limit=abc').set(t.auth);
    expect(limit.body).toEqual({ type: 'invalid_data', message: 'limit must be a number conforming to the specified constraints' });
    const unknown = await t.http.get('/admin/regions?foo=1').set(t.auth);
    expect(unknown.body).toEqual({ type: 'invalid_data', message: 'property foo should not exist' });
  });
});
