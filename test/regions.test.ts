import { startApp, TestApp, errorType } from './helpers';
import { Country, Region } from '../src/entities/regions';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
  await t.http.post('/admin/store/currencies/eur').set(t.auth);
});
afterAll(() => t.close());

const countRegions = () => t.em().count(Region, {}, { filters: false });
const regionOf = async (iso2: string) => (await t.em().findOneOrFail(Country, { iso2 })).region?.id ?? null;
const EU = { name: 'Europe', currency_code: 'EUR', tax_rate: 20, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['it', 'FR'] };

async function createRegion(body: Record<string, unknown>): Promise<any> {
  const res = await t.http.post('/admin/regions').set(t.auth).send(body);
  expect(res.status).toBe(200);
  return res.body.region;
}

describe('countries from the migration', () => {
  it('has every ISO 3166-1 country, in no region', async () => {
    const em = t.em();
    expect(await em.count(Country, {})).toBe(250);
    const italy = await em.findOneOrFail(Country, { iso2: 'it' });
    expect(italy).toMatchObject({ iso3: 'ita', numCode: 380, name: 'ITALY', displayName: 'Italy', region: null });
    expect(await em.count(Country, { region: { $ne: null } })).toBe(0);
  });
});

describe('REST /admin/regions', () => {
  let eu: any;

  it('creates a region with countries and providers (default relations in the answer)', async () => {
    const res = await t.http.post('/admin/regions').set(t.auth).send({ ...EU, tax_code: 'EU-VAT', includes_tax: true });
    expect(res.status).toBe(200);
    eu = res.body.region;
    expect(eu.id).toMatch(/^reg_[0-9A-Z]{26}$/);
    expect(eu).toMatchObject({
      name: 'Europe', currency_code: 'eur', tax_rate: 20, tax_code: 'EU-VAT', includes_tax: true, automatic_taxes: true,
      gift_cards_taxable: true, tax_provider_id: null, deleted_at: null, metadata: null,
      payment_providers: [{ id: 'manual', is_installed: true }], fulfillment_providers: [{ id: 'manual', is_installed: true }],
    });
    expect(eu.countries.map((c: any) => c.iso_2).sort()).toEqual(['fr', 'it']);
    // Medusa 1.20's defaultAdminRegionRelations include the currency.
    expect(eu.currency).toEqual(expect.objectContaining({ code: 'eur', symbol: expect.any(String), symbol_native: expect.any(String), name: expect.any(String) }));
    expect(eu.countries[0]).toEqual(expect.objectContaining({ id: expect.any(Number), iso_3: expect.any(String), num_code: expect.any(Number), display_name: expect.any(String), region_id: eu.id }));
    expect(await regionOf('it')).toBe(eu.id);
    const stored = await t.em().findOneOrFail(Region, eu.id, { populate: ['paymentProviders', 'fulfillmentProviders'] });
    expect(stored.paymentProviders.getItems().map((p) => p.id)).toEqual(['manual']);
    expect(stored.fulfillmentProviders.getItems().map((p) => p.id)).toEqual(['manual']);
    expect(t.events.some((e) => e.name === 'region.created' && e.data.id === eu.id)).toBe(true);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await countRegions();
    const cases: [Record<string, unknown>, string | RegExp][] = [
      [{ ...EU, name: undefined, countries: [] }, /name/],
      [{ ...EU, countries: [], tax_rate: 101 }, 'tax_rate must not be greater than 100'],
      [{ ...EU, countries: [], tax_rate: 'high' }, /tax_rate/],
      [{ ...EU, countries: [], currency_code: 'gbp' }, 'Invalid currency code'],
      [{ ...EU, countries: [], payment_providers: ['stripe'] }, 'Payment provider not found'],
      [{ ...EU, countries: [], fulfillment_providers: ['manual', 'dhl'] }, 'Fulfillment provider not found'],
      [{ ...EU, countries: ['zz'] }, 'Invalid country code'], // not an ISO 3166-1 code: Medusa's validateCountry
      [{ ...EU, countries: ['Italy'] }, 'Invalid country code'],
      [{ ...EU, countries: [], colour: 'blue' }, 'property colour should not exist'],
      // Medusa checks countries, then providers, then the currency: the first failing check is reported.
      [{ ...EU, currency_code: 'gbp', payment_providers: ['stripe'], countries: ['zz'] }, 'Invalid country code'],
      [{ ...EU, currency_code: 'gbp', countries: [], fulfillment_providers: ['dhl'] }, 'Fulfillment provider not found'],
    ];
    for (const [body, message] of cases) {
      const res = await t.http.post('/admin/regions').set(t.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('invalid_data');
      expect(res.body.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    }
    expect(await countRegions()).toBe(before);
  });

  it('refuses a country that another region holds (422, Medusa\'s message)', async () => {
    const before = await countRegions();
    const res = await t.http.post('/admin/regions').set(t.auth).send({ ...EU, name: 'Italy', countries: ['de', 'it'] });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ type: 'duplicate_error', code: 'invalid_request_error', message: `Italy already exists in region ${eu.id}` });
    expect(await countRegions()).toBe(before);
    expect(await regionOf('de')).toBeNull();
    // Countries are checked first; a later failure (an unknown provider) still leaves them free.
    const later = await t.http.post('/admin/regions').set(t.auth).send({ ...EU, name: 'Germany', countries: ['de'], payment_providers: ['stripe'] });
    expect(later.status).toBe(400);
    expect(await regionOf('de')).toBeNull();
    expect(await countRegions()).toBe(before);
  });

  it('gets a region; 404 for an unknown id', async () => {
    const got = await t.http.get(`/admin/regions/${eu.id}`).set(t.auth);
    expect(got.status).toBe(200);
    expect(got.body.region).toMatchObject({ id: eu.id, countries: expect.any(Array), payment_providers: [{ id: 'manual' }], fulfillment_providers: [{ id: 'manual' }], currency: { code: 'eur' } });
    const expanded = await t.http.get(`/admin/regions/${eu.id}?expand=currency`).set(t.auth);
    expect(expanded.body.region.currency).toMatchObject({ code: 'eur' });
    expect(expanded.body.region).not.toHaveProperty('countries');
    // As Medusa's region routes, expand names only the default relations.
    const refused = await t.http.get(`/admin/regions/${eu.id}?expand=tax_rates`).set(t.auth);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ type: 'invalid_data', message: 'Requested fields [tax_rates] are not valid' });
    const missing = await t.http.get('/admin/regions/reg_missing').set(t.auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'Region with reg_missing was not found' });
  });

  it('updates fields, merges metadata, replaces countries (freeing the others) and providers', async () => {
    await t.http.post(`/admin/regions/${eu.id}`).set(t.auth).send({ metadata: { a: 1, b: 2 } });
    const res = await t.http.post(`/admin/regions/${eu.id}`).set(t.auth).send({
      name: 'EU', tax_rate: 19.5, automatic_taxes: false, gift_cards_taxable: false, tax_provider_id: 'system',
      countries: ['it', 'es'], payment_providers: [], currency_code: 'usd', metadata: { b: '', c: 3 },
    });
    expect(res.status).toBe(200);
    expect(res.body.region).toMatchObject({
      name: 'EU', tax_rate: 19.5, automatic_taxes: false, gift_cards_taxable: false, tax_provider_id: 'system',
      currency_code: 'usd', currency: { code: 'usd' }, metadata: { a: 1, c: 3 }, payment_providers: [], fulfillment_providers: [{ id: 'manual' }],
    });
    expect(res.body.region.countries.map((c: any) => c.iso_2).sort()).toEqual(['es', 'it']);
    expect(await regionOf('fr')).toBeNull();
    expect(await regionOf('es')).toBe(eu.id);
    const back = await t.http.post(`/admin/regions/${eu.id}`).set(t.auth).send({ payment_providers: ['manual'], currency_code: 'eur', tax_provider_id: null });
    expect(back.body.region).toMatchObject({ payment_providers: [{ id: 'manual' }], currency_code: 'eur', tax_provider_id: null });
  });

  it('refuses bad updates with 400 (nothing changed) and unknown ids with 404', async () => {
    for (const [body, message] of [
      [{ currency_code: 'gbp' }, 'Invalid currency code'],
      [{ tax_provider_id: 'avalara' }, 'Tax provider not found'],
      [{ fulfillment_providers: ['dhl'] }, 'Fulfillment provider not found'],
      [{ tax_rate: -1 }, 'tax_rate must not be less than 0'],
      [{ name: 'X', countries: ['zz'] }, 'Invalid country code'],
      [{ currency_code: 'gbp', tax_provider_id: 'avalara', countries: ['zz'] }, 'Invalid country code'],
      [{ currency_code: 'gbp', payment_providers: ['stripe'] }, 'Payment provider not found'],
    ] as const) {
      const res = await t.http.post(`/admin/regions/${eu.id}`).set(t.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(message);
    }
    const stored = await t.em().findOneOrFail(Region, eu.id);
    expect(stored.name).toBe('EU');
    expect(await regionOf('it')).toBe(eu.id);
    const missing = await t.http.post('/admin/regions/reg_missing').set(t.auth).send({ name: 'x' });
    expect(missing.status).toBe(404);
  });

  it('adds and removes a country; one held by another region is refused', async () => {
    const other = await createRegion({ ...EU, name: 'Nordics', countries: ['se'] });
    const added = await t.http.post(`/admin/regions/${other.id}/countries`).set(t.auth).send({ country_code: 'DK' });
    expect(added.status).toBe(200);
    expect(added.body.region.countries.map((c: any) => c.iso_2).sort()).toEqual(['dk', 'se']);
    expect(await regionOf('dk')).toBe(other.id);
    const again = await t.http.post(`/admin/regions/${other.id}/countries`).set(t.auth).send({ country_code: 'dk' });
    expect(again.status).toBe(200);

    const taken = await t.http.post(`/admin/regions/${other.id}/countries`).set(t.auth).send({ country_code: 'it' });
    expect(taken.status).toBe(422);
    expect(taken.body.message).toBe(`Italy already exists in region ${eu.id}`);
    expect(await regionOf('it')).toBe(eu.id);

    expect((await t.http.post(`/admin/regions/${other.id}/countries`).set(t.auth).send({ country_code: 'zz' })).status).toBe(400);
    expect((await t.http.post(`/admin/regions/${other.id}/countries`).set(t.auth).send({})).status).toBe(400);
    expect((await t.http.post('/admin/regions/reg_missing/countries').set(t.auth).send({ country_code: 'no' })).status).toBe(404);

    const removed = await t.http.delete(`/admin/regions/${other.id}/countries/dk`).set(t.auth);
    expect(removed.status).toBe(200);
    expect(removed.body.region.countries.map((c: any) => c.iso_2)).toEqual(['se']);
    expect(await regionOf('dk')).toBeNull();
    // Another region's country is not removed through this one.
    await t.http.delete(`/admin/regions/${other.id}/countries/it`).set(t.auth);
    expect(await regionOf('it')).toBe(eu.id);
    expect((await t.http.delete('/admin/regions/reg_missing/countries/se').set(t.auth)).status).toBe(404);
  });

  it('adds and removes payment and fulfillment providers; unknown providers are refused', async () => {
    const bare = await createRegion({ ...EU, name: 'Bare', payment_providers: [], fulfillment_providers: [], countries: [] });
    for (const kind of ['payment', 'fulfillment'] as const) {
      const key = `${kind}_providers`;
      const label = kind === 'payment' ? 'Payment' : 'Fulfillment';
      const added = await t.http.post(`/admin/regions/${bare.id}/${kind}-providers`).set(t.auth).send({ provider_id: 'manual' });
      expect(added.status).toBe(200);
      expect(added.body.region[key]).toEqual([{ id: 'manual', is_installed: true }]);
      expect((await t.http.post(`/admin/regions/${bare.id}/${kind}-providers`).set(t.auth).send({ provider_id: 'manual' })).body.region[key]).toHaveLength(1);

      const unknown = await t.http.post(`/admin/regions/${bare.id}/${kind}-providers`).set(t.auth).send({ provider_id: 'nope' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toBe(`${label} provider nope was not found`);
      expect((await t.http.post(`/admin/regions/${bare.id}/${kind}-providers`).set(t.auth).send({})).status).toBe(400);
      expect((await t.http.post(`/admin/regions/reg_missing/${kind}-providers`).set(t.auth).send({ provider_id: 'manual' })).status).toBe(404);

      const removed = await t.http.delete(`/admin/regions/${bare.id}/${kind}-providers/manual`).set(t.auth);
      expect(removed.status).toBe(200);
      expect(removed.body.region[key]).toEqual([]);
      expect((await t.http.delete(`/admin/regions/${bare.id}/${kind}-providers/manual`).set(t.auth)).status).toBe(200);
      expect((await t.http.delete(`/admin/regions/reg_missing/${kind}-providers/manual`).set(t.auth)).status).toBe(404);
    }
    const stored = await t.em().findOneOrFail(Region, bare.id, { populate: ['paymentProviders', 'fulfillmentProviders'] });
    expect(stored.paymentProviders.count() + stored.fulfillmentProviders.count()).toBe(0);
  });

  it('lists the fulfillment options of the region\'s providers', async () => {
    const res = await t.http.get(`/admin/regions/${eu.id}/fulfillment-options`).set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      fulfillment_options: [{ provider_id: 'manual', options: [{ id: 'manual-fulfillment' }, { id: 'manual-fulfillment-return', is_return: true }] }],
    });
    const bare = await createRegion({ ...EU, name: 'No providers', fulfillment_providers: [], countries: [] });
    expect((await t.http.get(`/admin/regions/${bare.id}/fulfillment-options`).set(t.auth)).body).toEqual({ fulfillment_options: [] });
    expect((await t.http.get('/admin/regions/reg_missing/fulfillment-options').set(t.auth)).status).toBe(404);
  });

  it('lists with search, date ranges, order, paging and fields', async () => {
    const all = await t.http.get('/admin/regions').set(t.auth);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ offset: 0, limit: 50 });
    expect(all.body.count).toBe(all.body.regions.length);
    expect(all.body.regions[0]).toHaveProperty('countries');
    expect(all.body.regions[0]).toHaveProperty('payment_providers');
    expect(all.body.regions[0].currency).toMatchObject({ code: all.body.regions[0].currency_code });

    const q = await t.http.get('/admin/regions?q=eu').set(t.auth);
    expect(q.body.regions.map((r: any) => r.id)).toEqual([eu.id]);
    expect((await t.http.get('/admin/regions?created_at[gt]=2999-01-01').set(t.auth)).body.count).toBe(0);
    expect((await t.http.get('/admin/regions?created_at[lt]=2999-01-01&updated_at[gte]=2000-01-01').set(t.auth)).body.count).toBe(all.body.count);
    expect((await t.http.get('/admin/regions?updated_at[lt]=2000-01-01').set(t.auth)).body.count).toBe(0);

    const byName = await t.http.get('/admin/regions?order=name').set(t.auth);
    const names = byName.body.regions.map((r: any) => r.name);
    expect(names).toEqual([...names].sort());
    const newest = await t.http.get('/admin/regions').set(t.auth);
    expect(newest.body.regions.at(-1).id).toBe(eu.id);

    const page = await t.http.get('/admin/regions?order=name&limit=1&offset=1').set(t.auth);
    expect(page.body).toMatchObject({ count: all.body.count, offset: 1, limit: 1 });
    expect(page.body.regions.map((r: any) => r.name)).toEqual([names[1]]);

    const fields = await t.http.get('/admin/regions?fields=name').set(t.auth);
    expect(Object.keys(fields.body.regions[0]).sort()).toEqual(['countries', 'created_at', 'currency', 'fulfillment_providers', 'id', 'name', 'payment_providers']);

    expect((await t.http.get('/admin/regions?name=EU').set(t.auth)).status).toBe(400);
    expect((await t.http.get('/admin/regions?order=tax_code').set(t.auth)).body.message).toBe('Order field tax_code is not valid');
  });

  it('costs a fixed number of SQL queries per page, with countries and providers', async () => {
    for (let i = 0; i < 4; i++) await createRegion({ ...EU, name: `Bulk ${i}`, countries: [['pt', 'nl', 'be', 'at'][i]] });
    const small = await t.countQueries(() => t.http.get('/admin/regions?limit=2').set(t.auth));
    const large = await t.countQueries(() => t.http.get('/admin/regions?limit=20').set(t.auth));
    expect(large).toBe(small);
    const gql = (limit: number) => t.countQueries(() => t.gql(`{ regions(limit: ${limit}) { items { id countries { iso2 region { id } } paymentProviders { id } fulfillmentProviders { id } currency { code } } } }`));
    expect(await gql(20)).toBe(await gql(2));
  });

  it('deletes softly, frees the countries, and answers 404 the second time', async () => {
    const doomed = await createRegion({ ...EU, name: 'Doomed', countries: ['ch'] });
    const del = await t.http.delete(`/admin/regions/${doomed.id}`).set(t.auth);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ id: doomed.id, object: 'region', deleted: true });
    expect(await regionOf('ch')).toBeNull();
    const stored = await t.em().findOneOrFail(Region, doomed.id, { filters: false });
    expect(stored.deletedAt).toBeInstanceOf(Date);
    expect((await t.http.get(`/admin/regions/${doomed.id}`).set(t.auth)).status).toBe(404);
    expect((await t.http.delete(`/admin/regions/${doomed.id}`).set(t.auth)).status).toBe(404);
    const deleted = await t.http.get('/admin/regions?deleted_at[gt]=2000-01-01').set(t.auth);
    expect(deleted.body.regions.map((r: any) => r.id)).toEqual([doomed.id]);
    // The freed country can join another region.
    expect((await t.http.post(`/admin/regions/${eu.id}/countries`).set(t.auth).send({ country_code: 'ch' })).status).toBe(200);
  });

  it('answers 401 text/plain without credentials', async () => {
    const routes = [
      ['get', '/admin/regions'], ['post', '/admin/regions'], ['get', `/admin/regions/${eu.id}`], ['post', `/admin/regions/${eu.id}`],
      ['delete', `/admin/regions/${eu.id}`], ['get', `/admin/regions/${eu.id}/fulfillment-options`],
      ['post', `/admin/regions/${eu.id}/countries`], ['delete', `/admin/regions/${eu.id}/countries/it`],
      ['post', `/admin/regions/${eu.id}/payment-providers`], ['delete', `/admin/regions/${eu.id}/payment-providers/manual`],
      ['post', `/admin/regions/${eu.id}/fulfillment-providers`], ['delete', `/admin/regions/${eu.id}/fulfillment-providers/manual`],
    ] as const;
    for (const [method, path] of routes) {
      const res = await (t.http as any)[method](path).send({});
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
      expect(res.text).toBe('Unauthorized');
    }
    expect(await regionOf('it')).toBe(eu.id);
  });
});

describe('GraphQL regions', () => {
  const FIELDS = 'id name currencyCode taxRate taxCode includesTax metadata countries { iso2 regionId } paymentProviders { id } fulfillmentProviders { id }';

  it('creates, reads, updates, lists, links and deletes', async () => {
    const created = await t.gql(`mutation($input: CreateRegionInput!) { createRegion(input: $input) { ${FIELDS} } }`, {
      input: { name: 'Americas', currencyCode: 'usd', taxRate: 0, paymentProviders: ['manual'], fulfillmentProviders: [], countries: ['ca'], metadata: { k: 1 } },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data.createRegion.id;
    expect(created.data.createRegion).toMatchObject({ currencyCode: 'usd', countries: [{ iso2: 'ca', regionId: id }], paymentProviders: [{ id: 'manual' }], metadata: { k: 1 } });

    const updated = await t.gql(`mutation($id: String!) { updateRegion(id: $id, input: { taxCode: "US", metadata: { k: "" } }) { taxCode metadata } }`, { id });
    expect(updated.data.updateRegion).toEqual({ taxCode: 'US', metadata: {} });

    const linked = await t.gql(`mutation($id: String!) {
      a: addRegionCountry(id: $id, countryCode: "mx") { id }
      b: removeRegionCountry(id: $id, countryCode: "ca") { id }
      c: addRegionFulfillmentProvider(id: $id, providerId: "manual") { id }
      d: removeRegionPaymentProvider(id: $id, providerId: "manual") { id }
      e: addRegionPaymentProvider(id: $id, providerId: "manual") { id }
      f: removeRegionFulfillmentProvider(id: $id, providerId: "manual") { id }
    }`, { id });
    expect(linked.errors).toBeUndefined();
    const got = await t.gql(`query($id: String!) { region(id: $id) { ${FIELDS} } regionFulfillmentOptions(id: $id) { providerId options } }`, { id });
    expect(got.data.region).toMatchObject({ countries: [{ iso2: 'mx' }], paymentProviders: [{ id: 'manual' }], fulfillmentProviders: [] });
    expect(got.data.regionFulfillmentOptions).toEqual([]);

    const list = await t.gql(`{ regions(q: "americas", filter: { createdAt: { gte: "2000-01-01" } }) { items { id } count offset limit } }`);
    expect(list.data.regions).toEqual({ items: [{ id }], count: 1, offset: 0, limit: 50 });

    const deleted = await t.gql(`mutation($id: String!) { deleteRegion(id: $id) { id object deleted } }`, { id });
    expect(deleted.data.deleteRegion).toEqual({ id, object: 'region', deleted: true });
    expect(await regionOf('mx')).toBeNull();
    expect(errorType(await t.gql(`mutation($id: String!) { deleteRegion(id: $id) { id } }`, { id }))).toBe('not_found');
  });

  it('reports bad input, unknown ids and missing credentials in Medusa types', async () => {
    const before = await countRegions();
    const input = { name: 'X', currencyCode: 'usd', taxRate: 0, paymentProviders: ['nope'], fulfillmentProviders: [], countries: [] };
    const bad = await t.gql(`mutation($input: CreateRegionInput!) { createRegion(input: $input) { id } }`, { input });
    expect(errorType(bad)).toBe('invalid_data');
    expect(bad.errors?.[0].message).toBe('Payment provider not found');
    const taken = await t.gql(`mutation($input: CreateRegionInput!) { createRegion(input: $input) { id } }`, { input: { ...input, paymentProviders: [], countries: ['it'] } });
    expect(errorType(taken)).toBe('duplicate_error');
    expect(await countRegions()).toBe(before);
    expect(errorType(await t.gql(`{ region(id: "reg_missing") { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation { updateRegion(id: "reg_missing", input: {}) { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`mutation { addRegionCountry(id: "reg_missing", countryCode: "it") { id } }`))).toBe('not_found');
    expect(errorType(await t.gql(`{ regionFulfillmentOptions(id: "reg_missing") { providerId } }`))).toBe('not_found');
    expect(errorType(await t.gql(`{ regions { count } }`, {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql(`mutation($input: CreateRegionInput!) { createRegion(input: $input) { id } }`, { input: { ...input, paymentProviders: [] } }, {}))).toBe('unauthorized');
    expect(await countRegions()).toBe(before);
  });
});
