import { startApp, TestApp, errorType } from './helpers';
import { ShippingOption, ShippingOptionRequirement } from '../src/entities/shipping-options';
import { ShippingProfile, ShippingProfileType } from '../src/entities/shipping-profiles';
import { registerCalculatingProvider } from '../src/services/shipping-options';

let t: TestApp;
let usId: string;
let calcRegionId: string;
let defaultProfileId: string;
const BASE = '/admin/shipping-options';

beforeAll(async () => {
  t = await startApp();
  // A second registered provider that no region of the test offers, and one that can calculate prices.
  await t.em().getConnection().execute(`insert into fulfillment_provider (id, is_installed) values ('other', true), ('calc', true)`);
  registerCalculatingProvider('calc');
  const us = await t.http.post('/admin/regions').set(t.auth).send({ name: 'US', currency_code: 'usd', tax_rate: 0, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['us'] });
  usId = us.body.region.id;
  const calc = await t.http.post('/admin/regions').set(t.auth).send({ name: 'Calc', currency_code: 'usd', tax_rate: 0, payment_providers: [], fulfillment_providers: ['calc'], countries: ['ca'] });
  calcRegionId = calc.body.region.id;
  defaultProfileId = (await t.em().findOneOrFail(ShippingProfile, { type: ShippingProfileType.default })).id;
});
afterAll(() => t.close());

const optionCount = () => t.em().count(ShippingOption, {});
const create = (body: Record<string, unknown>) => t.http.post(BASE).set(t.auth).send(body);
const STANDARD = { name: 'Standard', region_id: '', provider_id: 'manual', data: { id: 'manual-fulfillment' }, price_type: 'flat_rate', amount: 1000 };

describe('REST /admin/shipping-options', () => {
  let optionId: string;
  let minReqId: string;

  it('creates a flat-rate option in the default profile, with requirements and default relations', async () => {
    const res = await create({ ...STANDARD, region_id: usId, requirements: [{ type: 'min_subtotal', amount: 500 }, { type: 'max_subtotal', amount: 9000 }], metadata: { camelKey: 1 } });
    expect(res.status).toBe(200);
    const so = res.body.shipping_option;
    expect(so).toMatchObject({
      name: 'Standard', region_id: usId, provider_id: 'manual', profile_id: defaultProfileId, price_type: 'flat_rate', amount: 1000,
      is_return: false, admin_only: false, includes_tax: false, data: { id: 'manual-fulfillment' }, metadata: { camelKey: 1 }, deleted_at: null,
      profile: { id: defaultProfileId, type: 'default' },
      region: { id: usId },
    });
    // As Medusa 1.20's, the region comes without its providers.
    expect(so.region).not.toHaveProperty('fulfillment_providers');
    expect(so.id).toMatch(/^so_[0-9A-Z]{26}$/);
    expect(so.requirements.map((r: any) => [r.type, r.amount, r.shipping_option_id])).toEqual([['min_subtotal', 500, so.id], ['max_subtotal', 9000, so.id]]);
    expect(so.requirements[0].id).toMatch(/^sor_/);
    optionId = so.id;
    minReqId = so.requirements[0].id;
    expect(await t.em().count(ShippingOptionRequirement, { shippingOption: optionId })).toBe(2);
  });

  it('creates a calculated option when the provider can calculate, in a given profile', async () => {
    const profile = await t.http.post('/admin/shipping-profiles').set(t.auth).send({ name: 'Bulky', type: 'custom' });
    const res = await create({ name: 'Freight', region_id: calcRegionId, provider_id: 'calc', profile_id: profile.body.shipping_profile.id, data: {}, price_type: 'calculated', amount: 500, is_return: true, admin_only: true, includes_tax: true });
    expect(res.status).toBe(200);
    expect(res.body.shipping_option).toMatchObject({ price_type: 'calculated', amount: null, is_return: true, admin_only: true, includes_tax: true, profile_id: profile.body.shipping_profile.id });
  });

  it('refuses bad input and broken rules with 400; unknown region or profile with 404; writes nothing', async () => {
    const before = await optionCount();
    const bad: [Record<string, unknown>, string?][] = [
      [{ ...STANDARD, region_id: usId, provider_id: 'other' }, 'The fulfillment provider is not available in the provided region'],
      [{ ...STANDARD, region_id: usId, provider_id: 'nope' }, 'The fulfillment provider is not available in the provided region'],
      [{ ...STANDARD, region_id: usId, amount: undefined }, 'Shipping options of type `flat_rate` must have an `amount`'],
      [{ ...STANDARD, region_id: usId, amount: -1 }, 'Shipping options of type `flat_rate` must have an `amount`'],
      [{ ...STANDARD, region_id: usId, price_type: 'calculated' }, 'The fulfillment provider cannot calculate prices for this option'],
      [{ ...STANDARD, region_id: usId, requirements: [{ type: 'min_subtotal', amount: 1 }, { type: 'min_subtotal', amount: 2 }] }, 'Only one requirement of each type is allowed'],
      [{ ...STANDARD, region_id: usId, requirements: [{ type: 'max_subtotal', amount: 1 }, { type: 'min_subtotal', amount: 2 }] }, 'Max. subtotal must be greater than Min. subtotal'],
      [{ ...STANDARD, region_id: usId, price_type: 'free' }],
      [{ ...STANDARD, region_id: usId, requirements: [{ type: 'weight', amount: 1 }] }],
      [{ ...STANDARD, region_id: usId, requirements: [{ type: 'min_subtotal', amount: -5 }] }],
      [{ ...STANDARD, region_id: usId, amount: 10.5 }],
      [{ ...STANDARD, region_id: usId, data: undefined }],
      [{ ...STANDARD, region_id: usId, name: '' }],
      [{ ...STANDARD, region_id: usId, unknown: 1 }],
    ];
    for (const [body, message] of bad) {
      const res = await create(body);
      expect([res.status, res.body.type]).toEqual([400, 'invalid_data']);
      if (message) expect(res.body.message).toBe(message);
    }
    const noRegion = await create({ ...STANDARD, region_id: 'reg_missing' });
    expect(noRegion.status).toBe(404);
    expect(noRegion.body.message).toBe('Region with reg_missing was not found');
    const noProfile = await create({ ...STANDARD, region_id: usId, profile_id: 'sp_missing' });
    expect([noProfile.status, noProfile.body.message]).toEqual([404, 'Shipping_profile with profile_id sp_missing does not exist.']);
    expect(await optionCount()).toBe(before);
  });

  it('gets one and 404s for unknown ids', async () => {
    const got = await t.http.get(`${BASE}/${optionId}`).set(t.auth);
    expect(got.status).toBe(200);
    expect(got.body.shipping_option.requirements).toHaveLength(2);
    const missing = await t.http.get(`${BASE}/so_missing`).set(t.auth);
    expect(missing.status).toBe(404);
    // Medusa's own wording for shipping options has no "id:".
    expect(missing.body).toEqual({ type: 'not_found', message: 'Shipping Option with so_missing was not found' });
  });

  it('updates fields and requirements: in place by id, added, removed when left out', async () => {
    const res = await t.http.post(`${BASE}/${optionId}`).set(t.auth).send({
      name: 'Standard+', amount: 1200, admin_only: true, includes_tax: true, metadata: { camelKey: '', b: 2 },
      requirements: [{ id: minReqId, type: 'min_subtotal', amount: 700 }],
    });
    expect(res.status).toBe(200);
    expect(res.body.shipping_option).toMatchObject({ name: 'Standard+', amount: 1200, admin_only: true, includes_tax: true, metadata: { b: 2 } });
    expect(res.body.shipping_option.requirements).toEqual([expect.objectContaining({ id: minReqId, type: 'min_subtotal', amount: 700 })]);
    const live = await t.em().find(ShippingOptionRequirement, { shippingOption: optionId });
    expect(live.map((r) => [r.id, r.amount])).toEqual([[minReqId, 700]]);
    const all = await t.em().count(ShippingOptionRequirement, { shippingOption: optionId }, { filters: { softDelete: false } });
    expect(all).toBe(2);

    const added = await t.http.post(`${BASE}/${optionId}`).set(t.auth).send({ requirements: [{ id: minReqId, type: 'min_subtotal', amount: 700 }, { type: 'max_subtotal', amount: 5000 }] });
    expect(added.body.shipping_option.requirements.map((r: any) => r.type)).toEqual(['min_subtotal', 'max_subtotal']);
    const cleared = await t.http.post(`${BASE}/${optionId}`).set(t.auth).send({ requirements: [] });
    expect(cleared.body.shipping_option.requirements).toEqual([]);
    expect((await t.em().findOneOrFail(ShippingOption, optionId)).name).toBe('Standard+');
  });

  it('refuses bad updates with 400 and changes nothing; 404 for unknown ids', async () => {
    const bad: [Record<string, unknown>, string?][] = [
      [{ name: 'x' }],
      [{ requirements: [], region_id: usId }, 'property region_id should not exist'],
      [{ requirements: [], is_return: true }],
      [{ requirements: [], price_type: 'calculated' }, 'The fulfillment provider cannot calculate prices for this option'],
      [{ requirements: [], price_type: 'free' }],
      [{ requirements: [], amount: null }, 'Shipping options of type `flat_rate` must have an `amount`'],
      [{ requirements: [], amount: -3 }, 'Shipping options of type `flat_rate` must have an `amount`'],
      [{ requirements: [{ id: 'sor_missing', type: 'min_subtotal', amount: 1 }] }, 'Shipping option requirement with id sor_missing does not exist'],
      [{ requirements: [{ type: 'max_subtotal', amount: 1 }, { type: 'max_subtotal', amount: 3 }] }, 'Only one requirement of each type is allowed'],
      [{ requirements: [{ type: 'min_subtotal', amount: 10 }, { type: 'max_subtotal', amount: 3 }] }, 'Max. subtotal must be greater than Min. subtotal'],
    ];
    for (const [body, message] of bad) {
      const res = await t.http.post(`${BASE}/${optionId}`).set(t.auth).send({ name: 'Changed', ...body });
      expect([res.status, res.body.type]).toEqual([400, 'invalid_data']);
      if (message) expect(res.body.message).toBe(message);
    }
    expect((await t.em().findOneOrFail(ShippingOption, optionId)).name).toBe('Standard+');
    expect(await t.em().count(ShippingOptionRequirement, { shippingOption: optionId })).toBe(0);
    const unknown = await t.http.post(`${BASE}/so_missing`).set(t.auth).send({ requirements: [] });
    expect([unknown.status, unknown.body.message]).toEqual([404, 'Shipping Option with so_missing was not found']);
  });

  it('lists with the filters, q, order and paging (default limit 50)', async () => {
    await create({ ...STANDARD, name: 'Express', region_id: usId, amount: 3000 });
    await create({ ...STANDARD, name: 'Return label', region_id: usId, is_return: true, amount: 0, data: { id: 'manual-fulfillment-return' } });
    const all = await t.http.get(BASE).set(t.auth);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ count: 4, offset: 0, limit: 50 });
    expect(all.body.shipping_options[0]).toMatchObject({ name: 'Return label', region: { id: usId }, profile: { id: defaultProfileId }, requirements: [] });

    const names = async (query: string) => (await t.http.get(`${BASE}?${query}`).set(t.auth)).body.shipping_options.map((o: any) => o.name).sort();
    expect(await names(`region_id=${usId}`)).toEqual(['Express', 'Return label', 'Standard+']);
    expect(await names(`region_id=${calcRegionId}`)).toEqual(['Freight']);
    expect(await names('is_return=true')).toEqual(['Freight', 'Return label']);
    expect(await names('is_return=false')).toEqual(['Express', 'Standard+']);
    expect(await names('admin_only=true')).toEqual(['Freight', 'Standard+']);
    expect(await names(`admin_only=false&region_id=${usId}&is_return=false`)).toEqual(['Express']);
    expect(await names('name=Express')).toEqual(['Express']);
    expect(await names('q=STAND')).toEqual(['Standard+']);
    expect(await names(`id[]=${optionId}`)).toEqual(['Standard+']);
    expect(await names('created_at[gt]=2999-01-01')).toEqual([]);
    expect(await names('created_at[lt]=2999-01-01&updated_at[gt]=2000-01-01')).toHaveLength(4);

    const ordered = await t.http.get(`${BASE}?order=-amount&limit=2&offset=1`).set(t.auth);
    expect(ordered.body).toMatchObject({ count: 4, offset: 1, limit: 2 });
    // PostgreSQL puts the calculated option (no amount) first in a descending order.
    expect(ordered.body.shipping_options.map((o: any) => o.name)).toEqual(['Express', 'Standard+']);
    const expanded = await t.http.get(`${BASE}?expand=provider&fields=name`).set(t.auth);
    expect(expanded.body.shipping_options[0]).toEqual(expect.objectContaining({ provider: { id: 'manual', is_installed: true } }));
    expect((await t.http.get(`${BASE}?is_return=maybe`).set(t.auth)).status).toBe(400);
    expect((await t.http.get(`${BASE}?order=data`).set(t.auth)).status).toBe(400);
  });

  it('lists options with their requirements and relations in a fixed number of queries', async () => {
    for (let i = 0; i < 20; i++) await create({ ...STANDARD, name: `Bulk ${i}`, region_id: usId, requirements: [{ type: 'min_subtotal', amount: i }, { type: 'max_subtotal', amount: 100 + i }] });
    const small = await t.countQueries(() => t.http.get(`${BASE}?limit=2`).set(t.auth));
    const big = await t.countQueries(() => t.http.get(`${BASE}?limit=20`).set(t.auth));
    expect(big).toBe(small);
    const page = await t.http.get(`${BASE}?limit=20&q=Bulk`).set(t.auth);
    expect(page.body.shipping_options.every((o: any) => o.requirements.length === 2 && o.region.id)).toBe(true);
  });

  it('deletes softly; a second delete and an unknown id also answer 200', async () => {
    const del = await t.http.delete(`${BASE}/${optionId}`).set(t.auth);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ id: optionId, object: 'shipping-option', deleted: true });
    expect((await t.http.get(`${BASE}/${optionId}`).set(t.auth)).status).toBe(404);
    const row = await t.em().findOneOrFail(ShippingOption, optionId, { filters: { softDelete: false } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    const deleted = await t.http.get(`${BASE}?deleted_at[gt]=2000-01-01`).set(t.auth);
    expect(deleted.body.shipping_options.map((o: any) => o.id)).toEqual([optionId]);
    expect((await t.http.delete(`${BASE}/${optionId}`).set(t.auth)).body).toEqual({ id: optionId, object: 'shipping-option', deleted: true });
    expect((await t.http.delete(`${BASE}/so_missing`).set(t.auth)).status).toBe(200);
  });

  it('answers 401 text/plain without credentials', async () => {
    for (const [method, path] of [['get', BASE], ['post', BASE], ['get', `${BASE}/so_1`], ['post', `${BASE}/so_1`], ['delete', `${BASE}/so_1`]] as const) {
      const res = await (t.http as any)[method](path).send({});
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
    }
  });
});

describe('GraphQL shipping options', () => {
  const FIELDS = 'id name regionId profileId providerId priceType amount isReturn adminOnly includesTax data metadata region { id } profile { type } provider { id } requirements { id type amount shippingOptionId shippingOption { id } }';

  it('runs every operation', async () => {
    const created = await t.gql(`mutation($input: CreateShippingOptionInput!) { createShippingOption(input: $input) { ${FIELDS} } }`, {
      input: { name: 'GQL', regionId: usId, providerId: 'manual', data: {}, priceType: 'flat_rate', amount: 5, requirements: [{ type: 'max_subtotal', amount: 50 }] },
    });
    expect(created.errors).toBeUndefined();
    const so = created.data.createShippingOption;
    expect(so).toMatchObject({ regionId: usId, providerId: 'manual', profile: { type: 'default' }, provider: { id: 'manual' }, requirements: [{ type: 'max_subtotal', amount: 50, shippingOption: { id: so.id } }] });

    const upd = await t.gql('mutation($id: String!, $input: UpdateShippingOptionInput!) { updateShippingOption(id: $id, input: $input) { name requirements { id amount } } }', {
      id: so.id, input: { name: 'GQL 2', requirements: [{ id: so.requirements[0].id, type: 'max_subtotal', amount: 60 }] },
    });
    expect(upd.data.updateShippingOption).toEqual({ name: 'GQL 2', requirements: [{ id: so.requirements[0].id, amount: 60 }] });

    const got = await t.gql('query($id: String!) { shippingOption(id: $id) { name } }', { id: so.id });
    expect(got.data.shippingOption.name).toBe('GQL 2');
    const list = await t.gql('query($r: [String!]) { shippingOptions(filter: { regionId: $r, isReturn: false, adminOnly: false }, q: "GQL") { count items { id } } }', { r: [usId] });
    expect(list.data.shippingOptions).toEqual({ count: 1, items: [{ id: so.id }] });

    const del = await t.gql('mutation($id: String!) { deleteShippingOption(id: $id) { id object deleted } }', { id: so.id });
    expect(del.data.deleteShippingOption).toEqual({ id: so.id, object: 'shipping-option', deleted: true });
  });

  it('reports rule errors, unknown ids and missing credentials', async () => {
    const wrong = await t.gql('mutation($input: CreateShippingOptionInput!) { createShippingOption(input: $input) { id } }', {
      input: { name: 'X', regionId: usId, providerId: 'other', data: {}, priceType: 'flat_rate', amount: 5 },
    });
    expect(errorType(wrong)).toBe('invalid_data');
    expect(errorType(await t.gql('{ shippingOption(id: "so_missing") { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('mutation { updateShippingOption(id: "so_missing", input: { requirements: [] }) { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('{ shippingOptions { count } }', {}, {}))).toBe('unauthorized');
  });
});

describe('REST /admin/shipping-options: Medusa details', () => {
  it('adds price_incl_tax, tax_rates and tax_amount to each listed option (only in the list)', async () => {
    const eu = await t.http.post('/admin/regions').set(t.auth).send({ name: 'Taxed region', currency_code: 'usd', tax_rate: 25, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['dk'] });
    const euId = eu.body.region.id;
    const plain = (await create({ ...STANDARD, name: 'Taxed', region_id: euId, amount: 1001 })).body.shipping_option;
    const inclusive = (await create({ ...STANDARD, name: 'Inclusive', region_id: euId, amount: 1250, includes_tax: true })).body.shipping_option;
    const linked = (await create({ ...STANDARD, name: 'Linked', region_id: euId, amount: 2000 })).body.shipping_option;
    expect(plain).not.toHaveProperty('price_incl_tax');
    const rate = await t.http.post('/admin/tax-rates').set(t.auth).send({ region_id: euId, name: 'Reduced', code: 'RED', rate: 10 });
    expect((await t.http.post(`/admin/tax-rates/${rate.body.tax_rate.id}/shipping-options/batch`).set(t.auth).send({ shipping_options: [linked.id] })).status).toBe(200);

    const page = await t.http.get(`${BASE}?region_id=${euId}`).set(t.auth);
    const byName = Object.fromEntries(page.body.shipping_options.map((o: any) => [o.name, o]));
    expect(byName.Taxed).toMatchObject({ amount: 1001, price_incl_tax: 1251, tax_amount: 250, tax_rates: [{ rate: 25, name: 'default', code: 'default' }] });
    expect(byName.Inclusive).toMatchObject({ amount: 1250, price_incl_tax: 1250, tax_amount: 250 });
    expect(byName.Linked).toMatchObject({ price_incl_tax: 2200, tax_amount: 200, tax_rates: [{ rate: 10, name: 'Reduced', code: 'RED' }] });
    expect(byName.Taxed).not.toHaveProperty('pricing');
    const slim = await t.http.get(`${BASE}?region_id=${euId}&fields=name`).set(t.auth);
    expect(slim.body.shipping_options[0]).toHaveProperty('price_incl_tax');

    const gql = await t.gql('query($id: String!) { shippingOption(id: $id) { pricing { priceInclTax taxAmount taxRates { rate name code } } } }', { id: linked.id });
    expect(gql.data.shippingOption.pricing).toEqual({ priceInclTax: 2200, taxAmount: 200, taxRates: [{ rate: 10, name: 'Reduced', code: 'RED' }] });

    // Without automatic taxes Medusa looks up no rate.
    await t.http.post(`/admin/regions/${euId}`).set(t.auth).send({ automatic_taxes: false });
    const manual = await t.http.get(`${BASE}?region_id=${euId}&name=Taxed`).set(t.auth);
    expect(manual.body.shipping_options[0]).toMatchObject({ price_incl_tax: 1001, tax_amount: 0, tax_rates: [] });

    const single = await t.http.get(`${BASE}/${linked.id}`).set(t.auth);
    expect(single.body.shipping_option).not.toHaveProperty('price_incl_tax');

    const small = await t.countQueries(() => t.http.get(`${BASE}?limit=1`).set(t.auth));
    const big = await t.countQueries(() => t.http.get(`${BASE}?limit=20`).set(t.auth));
    expect(big).toBe(small);
    for (const o of [plain, inclusive, linked]) await t.http.delete(`${BASE}/${o.id}`).set(t.auth);
  });

  it('answers requirements with exactly Medusa\'s columns (no created_at / updated_at)', async () => {
    const res = await create({ ...STANDARD, name: 'Columns', region_id: usId, requirements: [{ type: 'min_subtotal', amount: 1 }] });
    const [req] = res.body.shipping_option.requirements;
    expect(Object.keys(req).sort()).toEqual(['amount', 'deleted_at', 'id', 'shipping_option_id', 'type']);
    expect(req).toEqual({ id: expect.stringMatching(/^sor_/), shipping_option_id: res.body.shipping_option.id, type: 'min_subtotal', amount: 1, deleted_at: null });
    const got = await t.http.get(`${BASE}/${res.body.shipping_option.id}`).set(t.auth);
    expect(Object.keys(got.body.shipping_option.requirements[0]).sort()).toEqual(['amount', 'deleted_at', 'id', 'shipping_option_id', 'type']);
    const gql = await t.gql('query($id: String!) { shippingOption(id: $id) { requirements { createdAt } } }', { id: res.body.shipping_option.id });
    expect(gql.errors?.[0].message).toMatch(/Cannot query field "createdAt"/);
    await t.http.delete(`${BASE}/${res.body.shipping_option.id}`).set(t.auth);
  });

  it('changes the price type on update as Medusa allows: calculated drops the amount, flat rate needs one', async () => {
    const profile = await t.http.post('/admin/shipping-profiles').set(t.auth).send({ name: 'Price types', type: 'custom' });
    const made = await create({ name: 'Switch', region_id: calcRegionId, provider_id: 'calc', profile_id: profile.body.shipping_profile.id, data: {}, price_type: 'flat_rate', amount: 300 });
    const id = made.body.shipping_option.id;
    const calc = await t.http.post(`${BASE}/${id}`).set(t.auth).send({ price_type: 'calculated', requirements: [] });
    expect(calc.status).toBe(200);
    expect(calc.body.shipping_option).toMatchObject({ price_type: 'calculated', amount: null });
    const noAmount = await t.http.post(`${BASE}/${id}`).set(t.auth).send({ price_type: 'flat_rate', requirements: [] });
    expect([noAmount.status, noAmount.body.message]).toEqual([400, 'Shipping options of type `flat_rate` must have an `amount`']);
    expect((await t.em().findOneOrFail(ShippingOption, id)).priceType).toBe('calculated');
    const flat = await t.http.post(`${BASE}/${id}`).set(t.auth).send({ price_type: 'flat_rate', amount: 450, requirements: [] });
    expect(flat.body.shipping_option).toMatchObject({ price_type: 'flat_rate', amount: 450 });
    expect((await t.em().findOneOrFail(ShippingOption, id)).amount).toBe(450);
    const gql = await t.gql('mutation($id: String!) { updateShippingOption(id: $id, input: { priceType: calculated, requirements: [] }) { priceType amount } }', { id });
    expect(gql.data.updateShippingOption).toEqual({ priceType: 'calculated', amount: null });
    await t.http.delete(`${BASE}/${id}`).set(t.auth);
  });
});
