import { startApp, TestApp, errorType } from './helpers';
import { ShippingProfile, ShippingProfileType } from '../src/entities/shipping-profiles';
import { ShippingOption } from '../src/entities/shipping-options';
import { Product } from '../src/entities/products';

let t: TestApp;
let defaultId: string;
let giftCardId: string;
let regionId: string;
beforeAll(async () => {
  t = await startApp();
  defaultId = (await t.em().findOneOrFail(ShippingProfile, { type: ShippingProfileType.default })).id;
  giftCardId = (await t.em().findOneOrFail(ShippingProfile, { type: ShippingProfileType.gift_card })).id;
  const region = await t.http.post('/admin/regions').set(t.auth).send({ name: 'US', currency_code: 'usd', tax_rate: 0, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['us'] });
  regionId = region.body.region.id;
});
afterAll(() => t.close());

const BASE = '/admin/shipping-profiles';
const profileCount = () => t.em().count(ShippingProfile, {});

async function makeProduct(title: string): Promise<string> {
  const em = t.em();
  const product = em.create(Product, { title, handle: title.toLowerCase(), isGiftcard: false, discountable: true } as any);
  await em.flush();
  return product.id;
}

async function makeOption(name: string): Promise<string> {
  const res = await t.http.post('/admin/shipping-options').set(t.auth).send({ name, region_id: regionId, provider_id: 'manual', data: {}, price_type: 'flat_rate', amount: 100 });
  return res.body.shipping_option.id;
}

describe('REST /admin/shipping-profiles', () => {
  let profileId: string;

  it('has the default and gift card profiles from the start', async () => {
    const res = await t.http.get(BASE).set(t.auth);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['shipping_profiles']);
    // Both come from one migration statement (same created_at), so their order is not fixed.
    expect(res.body.shipping_profiles.map((p: any) => [p.id, p.type, p.name]).sort((a: string[], b: string[]) => a[1].localeCompare(b[1]))).toEqual([
      [defaultId, 'default', 'Default Shipping Profile'],
      [giftCardId, 'gift_card', 'Gift Card Profile'],
    ]);
    expect(defaultId).toMatch(/^sp_[0-9A-Z]{26}$/);
    expect((await t.http.get(`${BASE}/`).set(t.auth)).body.shipping_profiles).toHaveLength(2);
  });

  it('creates a profile with the default relations', async () => {
    const res = await t.http.post(BASE).set(t.auth).send({ name: 'Bulky', type: 'custom', metadata: { camelKey: 1 } });
    expect(res.status).toBe(200);
    expect(res.body.shipping_profile).toMatchObject({ name: 'Bulky', type: 'custom', metadata: { camelKey: 1 }, deleted_at: null });
    // Medusa's create answers the saved profile without relations.
    expect(res.body.shipping_profile).not.toHaveProperty('products');
    profileId = res.body.shipping_profile.id;
    expect((await t.em().findOneOrFail(ShippingProfile, profileId)).name).toBe('Bulky');
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await profileCount();
    for (const body of [{ name: 'x' }, { type: 'custom' }, { name: '', type: 'custom' }, { name: 'x', type: 'heavy' }, { name: 'x', type: 'custom', products: [] }, { name: 'x', type: 'custom', metadata: 1 }]) {
      const res = await t.http.post(BASE).set(t.auth).send(body);
      expect([res.status, res.body.type]).toEqual([400, 'invalid_data']);
    }
    expect(await profileCount()).toBe(before);
  });

  it('updates fields and moves products and shipping options into the profile', async () => {
    const productId = await makeProduct('Sofa');
    const optionId = await makeOption('Truck');
    expect((await t.em().findOneOrFail(ShippingOption, optionId)).profileId).toBe(defaultId);

    const res = await t.http.post(`${BASE}/${profileId}`).set(t.auth).send({ name: 'Bulky goods', metadata: { camelKey: '', b: 2 }, products: [productId], shipping_options: [optionId] });
    expect(res.status).toBe(200);
    expect(res.body.shipping_profile).toMatchObject({ name: 'Bulky goods', metadata: { b: 2 }, products: [{ id: productId, title: 'Sofa' }], shipping_options: [{ id: optionId, name: 'Truck' }] });
    expect((await t.em().findOneOrFail(Product, productId)).profileId).toBe(profileId);
    expect((await t.em().findOneOrFail(ShippingOption, optionId)).profileId).toBe(profileId);

    const got = await t.http.get(`${BASE}/${profileId}`).set(t.auth);
    expect(got.body.shipping_profile.products.map((p: any) => p.id)).toEqual([productId]);
    // Medusa's default relations are `products.profiles` and `shipping_options`.
    expect(got.body.shipping_profile.products[0].profiles).toEqual([expect.objectContaining({ id: profileId, name: 'Bulky goods', type: 'custom' })]);
    expect(res.body.shipping_profile.products[0].profiles.map((p: any) => p.id)).toEqual([profileId]);
    // Medusa's product carries `profile` beside `profiles`.
    expect(got.body.shipping_profile.products[0].profile).toMatchObject({ id: profileId });
    const typed = await t.http.post(`${BASE}/${profileId}`).set(t.auth).send({ type: 'custom' });
    expect(typed.status).toBe(200);
  });

  it('refuses bad updates with 400 and changes nothing; 404 for unknown ids', async () => {
    for (const body of [{ name: '' }, { type: 'heavy' }, { products: ['prod_missing'] }, { shipping_options: ['so_missing'] }, { products: 'x' }, { foo: 1 }]) {
      const res = await t.http.post(`${BASE}/${profileId}`).set(t.auth).send({ name: 'Changed', ...body });
      expect([res.status, res.body.type]).toEqual([400, 'invalid_data']);
    }
    const unknown = await t.http.post(`${BASE}/${profileId}`).set(t.auth).send({ products: ['prod_missing'] });
    expect(unknown.body.message).toBe('Products with ids prod_missing do not exist');
    expect((await t.em().findOneOrFail(ShippingProfile, profileId)).name).toBe('Bulky goods');
    const missing = await t.http.get(`${BASE}/sp_missing`).set(t.auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'Profile with id: sp_missing was not found' });
    expect((await t.http.post(`${BASE}/sp_missing`).set(t.auth).send({ name: 'x' })).status).toBe(404);
  });

  it('gets profiles with products and shipping options in a fixed number of queries', async () => {
    const few = await t.countQueries(() => t.gql('{ shippingProfiles { id products { id } shippingOptions { id } } }'));
    for (let i = 0; i < 5; i++) {
      const p = await t.http.post(BASE).set(t.auth).send({ name: `P${i}`, type: 'custom' });
      await t.http.post(`${BASE}/${p.body.shipping_profile.id}`).set(t.auth).send({ products: [await makeProduct(`Item${i}`)], shipping_options: [await makeOption(`O${i}`)] });
    }
    const many = await t.countQueries(() => t.gql('{ shippingProfiles { id products { id } shippingOptions { id } } }'));
    expect(many).toBe(few);
  });

  it('refuses to delete the default and gift card profiles', async () => {
    for (const id of [defaultId, giftCardId]) {
      const res = await t.http.delete(`${BASE}/${id}`).set(t.auth);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('not_allowed');
    }
    expect(await t.em().count(ShippingProfile, { id: [defaultId, giftCardId] })).toBe(2);
  });

  it('deletes softly; a second delete and an unknown id also answer 200', async () => {
    const del = await t.http.delete(`${BASE}/${profileId}`).set(t.auth);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ id: profileId, object: 'shipping_profile', deleted: true });
    expect((await t.http.get(`${BASE}/${profileId}`).set(t.auth)).status).toBe(404);
    const row = await t.em().findOneOrFail(ShippingProfile, profileId, { filters: { softDelete: false } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect((await t.http.get(BASE).set(t.auth)).body.shipping_profiles.map((p: any) => p.id)).not.toContain(profileId);
    expect((await t.http.delete(`${BASE}/${profileId}`).set(t.auth)).body).toEqual({ id: profileId, object: 'shipping_profile', deleted: true });
    expect((await t.http.delete(`${BASE}/sp_missing`).set(t.auth)).status).toBe(200);
  });

  it('lists at most 10 profiles, oldest first, as Medusa\'s service pages by default', async () => {
    const made: string[] = [];
    for (let i = 0; i < 12; i++) made.push((await t.http.post(BASE).set(t.auth).send({ name: `Many ${String(i).padStart(2, '0')}`, type: 'custom' })).body.shipping_profile.id);
    expect(await t.em().count(ShippingProfile, {})).toBeGreaterThan(10);
    const res = await t.http.get(BASE).set(t.auth);
    expect(res.body.shipping_profiles).toHaveLength(10);
    expect(res.body.shipping_profiles.slice(0, 2).map((p: any) => p.type).sort()).toEqual(['default', 'gift_card']);
    expect(res.body.shipping_profiles.map((p: any) => p.name)).not.toContain('Many 11');
    const gql = await t.gql('{ shippingProfiles { id } }');
    expect(gql.data.shippingProfiles).toHaveLength(10);
    for (const id of made) await t.http.delete(`${BASE}/${id}`).set(t.auth);
  });

  it('answers 401 text/plain without credentials', async () => {
    for (const [method, path] of [['get', BASE], ['post', BASE], ['get', `${BASE}/sp_1`], ['post', `${BASE}/sp_1`], ['delete', `${BASE}/sp_1`]] as const) {
      const res = await (t.http as any)[method](path).send({});
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
    }
  });
});

describe('GraphQL shipping profiles', () => {
  it('runs every operation', async () => {
    const created = await t.gql('mutation { createShippingProfile(input: { name: "GQL", type: custom, metadata: { a: 1 } }) { id name type metadata products { id } shippingOptions { id } } }');
    expect(created.errors).toBeUndefined();
    const id = created.data.createShippingProfile.id;
    expect(created.data.createShippingProfile).toMatchObject({ type: 'custom', metadata: { a: 1 }, products: [], shippingOptions: [] });
    const upd = await t.gql('mutation($id: String!) { updateShippingProfile(id: $id, input: { name: "GQL 2" }) { name } }', { id });
    expect(upd.data.updateShippingProfile.name).toBe('GQL 2');
    const got = await t.gql('query($id: String!) { shippingProfile(id: $id) { name } }', { id });
    expect(got.data.shippingProfile.name).toBe('GQL 2');
    const list = await t.gql('{ shippingProfiles { id } }');
    expect(list.data.shippingProfiles.map((p: any) => p.id)).toContain(id);
    const del = await t.gql('mutation($id: String!) { deleteShippingProfile(id: $id) { id object deleted } }', { id });
    expect(del.data.deleteShippingProfile).toEqual({ id, object: 'shipping_profile', deleted: true });
  });

  it('reports bad input, unknown ids, protected profiles and missing credentials', async () => {
    expect((await t.gql('mutation { createShippingProfile(input: { name: "", type: custom }) { id } }')).errors).toBeDefined();
    expect(errorType(await t.gql('{ shippingProfile(id: "sp_missing") { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('mutation($id: String!) { deleteShippingProfile(id: $id) { id } }', { id: defaultId }))).toBe('not_allowed');
    expect(errorType(await t.gql('{ shippingProfiles { id } }', {}, {}))).toBe('unauthorized');
  });
});
