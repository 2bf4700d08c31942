import { startApp, TestApp, errorType } from './helpers';
import { TaxRate } from '../src/entities/tax-rates';

let t: TestApp;
let eu: string;
let us: string;
const products = ['prod_TX1', 'prod_TX2', 'prod_TX3'];
const types = ['ptyp_TX1', 'ptyp_TX2'];
let euOption: string;
let usOption: string;

/** Rows of other domains, written as SQL so the test does not depend on their services. */
async function seed(): Promise<void> {
  const sql = (q: string, params: unknown[] = []) => t.em().getConnection().execute(q, params);
  for (const id of products) await sql(`insert into "product" ("id", "title") values (?, ?)`, [id, `Product ${id}`]);
  for (const id of types) await sql(`insert into "product_type" ("id", "value") values (?, ?)`, [id, `Type ${id}`]);
  const [profile] = await sql(`select "id" from "shipping_profile" order by "created_at" limit 1`);
  const option = async (id: string, region: string) => {
    await sql(
      `insert into "shipping_option" ("id", "name", "region_id", "profile_id", "provider_id", "price_type", "amount", "data") values (?, ?, ?, ?, 'manual', 'flat_rate', 100, '{}')`,
      [id, `Option ${id}`, region, profile.id],
    );
    return id;
  };
  euOption = await option('so_TXEU', eu);
  usOption = await option('so_TXUS', us);
}

beforeAll(async () => {
  t = await startApp();
  await t.http.post('/admin/store/currencies/eur').set(t.auth);
  const region = async (name: string, currency_code: string) =>
    (await t.http.post('/admin/regions').set(t.auth).send({ name, currency_code, tax_rate: 0, payment_providers: [], fulfillment_providers: ['manual'], countries: [] })).body.region.id;
  eu = await region('EU', 'eur');
  us = await region('US', 'usd');
  await seed();
});
afterAll(() => t.close());

const countRates = () => t.em().count(TaxRate, {});
const links = async (id: string) => {
  const rate = await t.em().findOneOrFail(TaxRate, id, { populate: ['products', 'productTypes', 'shippingOptions'] });
  return {
    products: rate.products.getItems().map((p) => p.id).sort(),
    productTypes: rate.productTypes.getItems().map((p) => p.id).sort(),
    shippingOptions: rate.shippingOptions.getItems().map((p) => p.id).sort(),
  };
};

describe('REST /admin/tax-rates', () => {
  let reduced: any;

  it('creates a tax rate applied to products, types and shipping options', async () => {
    const res = await t.http.post('/admin/tax-rates').set(t.auth).send({
      code: 'RED', name: 'Reduced', rate: 5.5, region_id: eu, products: products.slice(0, 2), product_types: [types[0]], shipping_options: [euOption],
    });
    expect(res.status).toBe(200);
    reduced = res.body.tax_rate;
    expect(reduced.id).toMatch(/^txr_[0-9A-Z]{26}$/);
    expect(reduced).toMatchObject({ code: 'RED', name: 'Reduced', rate: 5.5, region_id: eu });
    // Medusa's default columns: no metadata, and the counts only when `fields` names them.
    for (const key of ['metadata', 'product_count', 'product_type_count', 'shipping_option_count']) expect(reduced).not.toHaveProperty(key);
    expect(reduced.products).toBeUndefined();
    expect(await links(reduced.id)).toEqual({ products: products.slice(0, 2), productTypes: [types[0]], shippingOptions: [euOption] });
  });

  it('refuses bad input (400) and unknown references (404), writing nothing', async () => {
    const before = await countRates();
    for (const body of [
      { name: 'X', region_id: eu },
      { code: 'X', region_id: eu },
      { code: 'X', name: 'X' },
      { code: 'X', name: 'X', region_id: eu, rate: 'high' },
      { code: 'X', name: 'X', region_id: eu, colour: 'red' },
    ]) {
      const res = await t.http.post('/admin/tax-rates').set(t.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('invalid_data');
    }
    const noRegion = await t.http.post('/admin/tax-rates').set(t.auth).send({ code: 'X', name: 'X', region_id: 'reg_missing' });
    expect(noRegion.status).toBe(404);
    // Medusa reports the foreign key violation of `region_id` (its exception formatter's text).
    expect(noRegion.body).toEqual({ type: 'not_found', message: 'Region with region_id reg_missing does not exist.' });
    const noProduct = await t.http.post('/admin/tax-rates').set(t.auth).send({ code: 'X', name: 'X', region_id: eu, products: ['prod_missing'] });
    expect(noProduct.status).toBe(404);
    expect(noProduct.body.message).toBe('Product with id: prod_missing was not found');
    const wrongRegion = await t.http.post('/admin/tax-rates').set(t.auth).send({ code: 'X', name: 'X', region_id: eu, shipping_options: [usOption] });
    expect(wrongRegion.status).toBe(400);
    expect(wrongRegion.body.type).toBe('not_allowed');
    expect(wrongRegion.body.message).toMatch(new RegExp(`^Shipping Option and Tax Rate must belong to the same Region to be associated. Shipping Option with id: ${usOption} belongs to Region with id: ${us}`));
    // The region check runs on the options that exist before a missing one is reported, as in Medusa.
    const wrongAndMissing = await t.http.post('/admin/tax-rates').set(t.auth).send({ code: 'X', name: 'X', region_id: eu, shipping_options: ['so_missing', usOption] });
    expect(wrongAndMissing.status).toBe(400);
    expect(wrongAndMissing.body.type).toBe('not_allowed');
    expect(await countRates()).toBe(before);
  });

  it('gets a tax rate with expand and fields; 404 for an unknown id', async () => {
    const got = await t.http.get(`/admin/tax-rates/${reduced.id}`).set(t.auth);
    expect(got.status).toBe(200);
    expect(got.body.tax_rate).toMatchObject({ id: reduced.id, code: 'RED', region_id: eu });
    const expanded = await t.http.get(`/admin/tax-rates/${reduced.id}?expand=region,products,product_types,shipping_options`).set(t.auth);
    expect(expanded.body.tax_rate.region).toMatchObject({ id: eu, name: 'EU' });
    expect(expanded.body.tax_rate.products.map((p: any) => p.id).sort()).toEqual(products.slice(0, 2));
    expect(expanded.body.tax_rate.product_types.map((p: any) => p.id)).toEqual([types[0]]);
    expect(expanded.body.tax_rate.shipping_options.map((p: any) => p.id)).toEqual([euOption]);
    const fields = await t.http.get(`/admin/tax-rates/${reduced.id}?fields=name,product_count`).set(t.auth);
    expect(fields.body.tax_rate).toEqual({ id: reduced.id, name: 'Reduced', product_count: 2 });
    expect((await t.http.get(`/admin/tax-rates/${reduced.id}?expand=owner`).set(t.auth)).status).toBe(400);
    const missing = await t.http.get('/admin/tax-rates/txr_missing').set(t.auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'TaxRate with txr_missing was not found' });
  });

  it('updates fields and replaces the linked records', async () => {
    const res = await t.http.post(`/admin/tax-rates/${reduced.id}?expand=products&fields=name,rate,code,product_count,product_type_count,shipping_option_count`).set(t.auth)
      .send({ name: 'Reduced VAT', rate: 7, products: [products[2]], product_types: [] });
    expect(res.status).toBe(200);
    expect(res.body.tax_rate.products.map((p: any) => p.id)).toEqual([products[2]]);
    expect(res.body.tax_rate).toMatchObject({ name: 'Reduced VAT', rate: 7, code: 'RED', product_count: 1, product_type_count: 0, shipping_option_count: 1 });
    expect(await links(reduced.id)).toEqual({ products: [products[2]], productTypes: [], shippingOptions: [euOption] });
    const bad = await t.http.post(`/admin/tax-rates/${reduced.id}`).set(t.auth).send({ products: ['prod_missing'] });
    expect(bad.status).toBe(404);
    expect((await t.http.post(`/admin/tax-rates/${reduced.id}`).set(t.auth).send({ name: '' })).status).toBe(400);
    const noRegion = await t.http.post(`/admin/tax-rates/${reduced.id}`).set(t.auth).send({ region_id: 'reg_missing' });
    expect(noRegion.status).toBe(404);
    expect(noRegion.body.message).toBe('Region with region_id reg_missing does not exist.');
    expect(await links(reduced.id)).toEqual({ products: [products[2]], productTypes: [], shippingOptions: [euOption] });
    expect((await t.http.post('/admin/tax-rates/txr_missing').set(t.auth).send({ name: 'x' })).status).toBe(404);
  });

  it('adds and removes products, product types and shipping options in batch', async () => {
    const cases = [
      ['products', 'products', products, 'products', 'Product with id: prod_missing was not found', 'prod_missing'],
      ['product-types', 'product_types', types, 'productTypes', 'Product type with id: ptyp_missing was not found', 'ptyp_missing'],
      ['shipping-options', 'shipping_options', [euOption], 'shippingOptions', 'Shipping Option with so_missing was not found', 'so_missing'],
    ] as const;
    for (const [path, key, ids, prop, notFoundMessage, missingId] of cases) {
      const url = `/admin/tax-rates/${reduced.id}/${path}/batch`;
      const added = await t.http.post(url).set(t.auth).send({ [key]: [...ids, ids[0]] });
      expect(added.status).toBe(200);
      expect(added.body.tax_rate.id).toBe(reduced.id);
      expect((await links(reduced.id))[prop]).toEqual([...ids].sort());

      const missing = await t.http.post(url).set(t.auth).send({ [key]: [missingId] });
      expect(missing.status).toBe(404);
      expect(missing.body.message).toBe(notFoundMessage);
      expect((await t.http.post(url).set(t.auth).send({})).status).toBe(400);
      expect((await t.http.post(url).set(t.auth).send({ [key]: 'not-a-list', extra: 1 })).status).toBe(400);
      expect((await t.http.post(`/admin/tax-rates/txr_missing/${path}/batch`).set(t.auth).send({ [key]: ids })).status).toBe(404);

      const removed = await t.http.delete(url).set(t.auth).send({ [key]: [ids[0], missingId] });
      expect(removed.status).toBe(200);
      expect((await links(reduced.id))[prop]).toEqual([...ids].slice(1).sort());
      expect((await t.http.delete(url).set(t.auth).send({})).status).toBe(400);
      expect((await t.http.delete(`/admin/tax-rates/txr_missing/${path}/batch`).set(t.auth).send({ [key]: ids })).status).toBe(404);
    }
    const wrong = await t.http.post(`/admin/tax-rates/${reduced.id}/shipping-options/batch`).set(t.auth).send({ shipping_options: [usOption] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.type).toBe('not_allowed');
  });

  it('lists with every filter, search, order, paging and expand', async () => {
    const make = (body: Record<string, unknown>) => t.http.post('/admin/tax-rates').set(t.auth).send(body);
    const zero = (await make({ code: 'ZERO', name: 'Zero', rate: 0, region_id: us })).body.tax_rate;
    const high = (await make({ code: 'HIGH', name: 'Luxury', rate: 25, region_id: eu })).body.tax_rate;
    const ids = (res: any) => res.body.tax_rates.map((r: any) => r.id).sort();
    const get = (query: string) => t.http.get(`/admin/tax-rates?${query}`).set(t.auth);

    const all = await get('');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ count: 3, offset: 0, limit: 50 });
    expect(all.body.tax_rates.map((r: any) => r.id)).toEqual([high.id, zero.id, reduced.id]);

    expect(ids(await get(`region_id=${eu}`))).toEqual([high.id, reduced.id].sort());
    expect(ids(await get(`region_id[]=${us}&region_id[]=${eu}`))).toHaveLength(3);
    expect(ids(await get(`region_id=${us},${eu}`))).toHaveLength(3);
    expect(ids(await get('code=ZERO'))).toEqual([zero.id]);
    expect(ids(await get('name=Luxury'))).toEqual([high.id]);
    expect(ids(await get('rate=25'))).toEqual([high.id]);
    expect(ids(await get('rate[gt]=0&rate[lt]=25'))).toEqual([reduced.id]);
    expect(ids(await get('rate[gte]=7&rate[lte]=25'))).toEqual([high.id, reduced.id].sort());
    expect(ids(await get('q=lux'))).toEqual([high.id]);
    expect(ids(await get('q=red'))).toEqual([reduced.id]);
    // Medusa's search looks at the name only: HIGH is a code, not a name.
    expect(ids(await get('q=HIGH'))).toEqual([]);
    expect((await get('created_at[gt]=2999-01-01')).body.count).toBe(0);
    expect((await get('created_at[lt]=2999-01-01&updated_at[gte]=2000-01-01')).body.count).toBe(3);
    expect((await get('deleted_at[gt]=2000-01-01')).body.count).toBe(0);
    expect((await get('order=rate')).body.tax_rates.map((r: any) => r.rate)).toEqual([0, 7, 25]);
    expect((await get('order=-code&limit=1&offset=1')).body).toMatchObject({ count: 3, offset: 1, limit: 1, tax_rates: [{ code: 'RED' }] });

    const expanded = await get(`expand=region,shipping_options&fields=name`);
    const first = expanded.body.tax_rates.find((r: any) => r.id === reduced.id);
    expect(Object.keys(first).sort()).toEqual(['created_at', 'id', 'name', 'region', 'shipping_options']);
    expect(first.region.id).toBe(eu);

    for (const query of ['rate=high', 'rate[between]=1', 'region=eu', 'order=metadata', 'limit=x']) expect((await get(query)).status).toBe(400);
  });

  it('costs a fixed number of SQL queries per page, with relations and counts', async () => {
    for (let i = 0; i < 3; i++) {
      await t.http.post('/admin/tax-rates').set(t.auth).send({ code: `B${i}`, name: `Bulk ${i}`, rate: i, region_id: eu, products: [products[i]], shipping_options: [euOption] });
    }
    const url = (limit: number) => `/admin/tax-rates?limit=${limit}&expand=region,products,product_types,shipping_options`;
    const small = await t.countQueries(() => t.http.get(url(2)).set(t.auth));
    const large = await t.countQueries(() => t.http.get(url(20)).set(t.auth));
    expect(large).toBe(small);
  });

  it('deletes for good (links too) and answers 200 a second time', async () => {
    const del = await t.http.delete(`/admin/tax-rates/${reduced.id}`).set(t.auth);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ id: reduced.id, object: 'tax-rate', deleted: true });
    expect(await t.em().count(TaxRate, { id: reduced.id })).toBe(0);
    const [{ n }] = await t.em().getConnection().execute(`select count(*)::int as n from "shipping_tax_rate" where "rate_id" = ?`, [reduced.id]);
    expect(n).toBe(0);
    expect((await t.http.get(`/admin/tax-rates/${reduced.id}`).set(t.auth)).status).toBe(404);
    const again = await t.http.delete(`/admin/tax-rates/${reduced.id}`).set(t.auth);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: reduced.id, object: 'tax-rate', deleted: true });
  });

  it('answers 401 text/plain without credentials', async () => {
    const id = 'txr_any';
    const routes = [
      ['get', '/admin/tax-rates'], ['post', '/admin/tax-rates'], ['get', `/admin/tax-rates/${id}`], ['post', `/admin/tax-rates/${id}`],
      ['delete', `/admin/tax-rates/${id}`],
      ...['products', 'product-types', 'shipping-options'].flatMap((p) => [['post', `/admin/tax-rates/${id}/${p}/batch`], ['delete', `/admin/tax-rates/${id}/${p}/batch`]]),
    ] as [string, string][];
    expect(routes).toHaveLength(11);
    for (const [method, path] of routes) {
      const res = await (t.http as any)[method](path).send({});
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
      expect(res.text).toBe('Unauthorized');
    }
  });
});

describe('GraphQL tax rates', () => {
  const FIELDS = 'id code name rate regionId productCount productTypeCount shippingOptionCount region { id } products { id } productTypes { id } shippingOptions { id }';

  it('creates, reads, updates, links, lists and deletes', async () => {
    const created = await t.gql(`mutation($input: CreateTaxRateInput!) { createTaxRate(input: $input) { ${FIELDS} } }`, {
      input: { code: 'GQL', name: 'GraphQL rate', rate: 3, regionId: us, products: [products[0]] },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data.createTaxRate.id;
    expect(created.data.createTaxRate).toMatchObject({ regionId: us, region: { id: us }, products: [{ id: products[0] }], productCount: 1 });

    const updated = await t.gql(`mutation($id: String!) { updateTaxRate(id: $id, input: { rate: 4, shippingOptions: ["${usOption}"] }) { rate shippingOptionCount } }`, { id });
    expect(updated.data.updateTaxRate).toEqual({ rate: 4, shippingOptionCount: 1 });

    const linked = await t.gql(`mutation($id: String!) {
      a: addTaxRateProductTypes(id: $id, input: { productTypes: ["${types[1]}"] }) { id }
      b: removeTaxRateProducts(id: $id, input: { products: ["${products[0]}"] }) { id }
      c: addTaxRateProducts(id: $id, input: { products: ["${products[1]}"] }) { id }
      d: removeTaxRateShippingOptions(id: $id, input: { shippingOptions: ["${usOption}"] }) { id }
      e: addTaxRateShippingOptions(id: $id, input: { shippingOptions: ["${usOption}"] }) { id }
      f: removeTaxRateProductTypes(id: $id, input: { productTypes: ["${types[1]}"] }) { id }
    }`, { id });
    expect(linked.errors).toBeUndefined();
    expect(await links(id)).toEqual({ products: [products[1]], productTypes: [], shippingOptions: [usOption] });

    const got = await t.gql(`query($id: String!) { taxRate(id: $id) { ${FIELDS} } }`, { id });
    expect(got.data.taxRate).toMatchObject({ rate: 4, productCount: 1, productTypeCount: 0, shippingOptionCount: 1 });

    const list = await t.gql(`query($us: String!) { taxRates(filter: { regionId: [$us], rate: { gte: 4 } }, q: "graph") { items { id } count offset limit } }`, { us });
    expect(list.data.taxRates).toEqual({ items: [{ id }], count: 1, offset: 0, limit: 50 });
    const exact = await t.gql(`{ taxRates(filter: { rate: 4, code: "GQL", name: "GraphQL rate" }) { count } }`);
    expect(exact.data.taxRates.count).toBe(1);

    const deleted = await t.gql(`mutation($id: String!) { deleteTaxRate(id: $id) { id object deleted } }`, { id });
    expect(deleted.data.deleteTaxRate).toEqual({ id, object: 'tax-rate', deleted: true });
    expect(await t.em().count(TaxRate, { id })).toBe(0);
  });

  it('reports bad input, unknown ids and missing credentials in Medusa types', async () => {
    const before = await countRates();
    const bad = await t.gql(`mutation { createTaxRate(input: { code: "", name: "X", regionId: "${eu}" }) { id } }`);
    expect(errorType(bad)).toBe('invalid_data');
    const wrong = await t.gql(`mutation { createTaxRate(input: { code: "X", name: "X", regionId: "${eu}", shippingOptions: ["${usOption}"] }) { id } }`);
    expect(errorType(wrong)).toBe('not_allowed');
    const badRange = await t.gql(`{ taxRates(filter: { rate: { within: 3 } }) { count } }`);
    expect(badRange.errors?.[0].message).toMatch(/within is not a range bound/);
    expect(await countRates()).toBe(before);
    expect(errorType(await t.gql(`{ taxRate(id: "txr_missing") { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation { updateTaxRate(id: "txr_missing", input: {}) { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation { addTaxRateProducts(id: "txr_missing", input: { products: [] }) { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`{ taxRates { count } }`, {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql(`mutation { deleteTaxRate(id: "txr_any") { id } }`, {}, {}))).toBe('unauthorized');
    expect(await countRates()).toBe(before);
  });
});
