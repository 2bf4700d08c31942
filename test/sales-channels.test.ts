import { startApp, TestApp, errorType } from './helpers';
import { SalesChannel } from '../src/entities/sales-channels';
import { Store } from '../src/entities/store';
import { Product } from '../src/entities/products';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

const countChannels = () => t.em().count(SalesChannel, {});
let defaultId: string;

describe('the default sales channel', () => {
  it('exists from the start and is the store\'s default', async () => {
    const channels = await t.em().find(SalesChannel, {});
    expect(channels).toHaveLength(1);
    expect(channels[0]).toMatchObject({ name: 'Default Sales Channel', isDisabled: false, deletedAt: null });
    expect(channels[0].id).toMatch(/^sc_[0-9A-Z]{26}$/);
    defaultId = channels[0].id;
    const [store] = await t.em().find(Store, {});
    expect(store.defaultSalesChannelId).toBe(defaultId);
  });

  it('is on /admin/store with expand=default_sales_channel, and the flag is reported', async () => {
    const res = await t.http.get('/admin/store?expand=default_sales_channel').set(t.auth);
    expect(res.status).toBe(200);
    expect(res.body.store.default_sales_channel_id).toBe(defaultId);
    expect(res.body.store.default_sales_channel).toMatchObject({ id: defaultId, name: 'Default Sales Channel', is_disabled: false });
    expect(res.body.store.feature_flags).toContainEqual({ key: 'sales_channels', value: true });
  });

  it('cannot be deleted', async () => {
    const res = await t.http.delete(`/admin/sales-channels/${defaultId}`).set(t.auth);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ type: 'not_allowed', message: 'You cannot delete the default sales channel' });
    expect(await t.em().count(SalesChannel, { id: defaultId })).toBe(1);
    const gql = await t.gql('mutation($id: String!) { deleteSalesChannel(id: $id) { id } }', { id: defaultId });
    expect(errorType(gql)).toBe('not_allowed');
  });
});

describe('REST /admin/sales-channels', () => {
  let id: string;

  it('creates a channel', async () => {
    const res = await t.http.post('/admin/sales-channels').set(t.auth).send({ name: 'App', description: 'Mobile app', is_disabled: true });
    expect(res.status).toBe(200);
    expect(res.body.sales_channel).toMatchObject({ name: 'App', description: 'Mobile app', is_disabled: true, deleted_at: null, metadata: null });
    expect(res.body.sales_channel.id).toMatch(/^sc_[0-9A-Z]{26}$/);
    id = res.body.sales_channel.id;
    const stored = await t.em().findOneOrFail(SalesChannel, id);
    expect(stored).toMatchObject({ name: 'App', isDisabled: true });
    expect(t.events.some((e) => e.name === 'sales_channel.created' && e.data.id === id)).toBe(true);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await countChannels();
    for (const body of [{}, { name: '' }, { name: 'x', is_disabled: 'maybe' }, { name: 'x', foo: 1 }, { name: 3 }]) {
      const res = await t.http.post('/admin/sales-channels').set(t.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('invalid_data');
    }
    const upd = await t.http.post(`/admin/sales-channels/${id}`).set(t.auth).send({ name: '' });
    expect(upd.status).toBe(400);
    expect((await t.http.post(`/admin/sales-channels/${id}`).set(t.auth).send({ bar: 1 })).status).toBe(400);
    expect(await countChannels()).toBe(before);
    expect((await t.em().findOneOrFail(SalesChannel, id)).name).toBe('App');
  });

  it('gets, updates (metadata merged) and 404s', async () => {
    const got = await t.http.get(`/admin/sales-channels/${id}`).set(t.auth);
    expect(got.status).toBe(200);
    expect(got.body.sales_channel.name).toBe('App');

    // Medusa's REST bodies carry no metadata for channels (400, nothing written); GraphQL sets it, merged.
    const refused = await t.http.post(`/admin/sales-channels/${id}`).set(t.auth).send({ name: 'Not Kept', metadata: { a: 1 } });
    expect([refused.status, refused.body.message]).toEqual([400, 'property metadata should not exist']);
    await t.gql(`mutation { updateSalesChannel(id: "${id}", input: { metadata: { a: 1, b: 2 } }) { id } }`);
    await t.gql(`mutation { updateSalesChannel(id: "${id}", input: { metadata: { b: "", c: 3 } }) { id } }`);
    const upd = await t.http.post(`/admin/sales-channels/${id}`).set(t.auth).send({ name: 'Mobile', description: 'iOS and Android', is_disabled: false });
    expect(upd.status).toBe(200);
    expect(upd.body.sales_channel).toMatchObject({ name: 'Mobile', description: 'iOS and Android', is_disabled: false, metadata: { a: 1, c: 3 } });
    expect(await t.em().findOneOrFail(SalesChannel, id)).toMatchObject({ name: 'Mobile', isDisabled: false, metadata: { a: 1, c: 3 } });

    const missing = await t.http.get('/admin/sales-channels/sc_missing').set(t.auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'Sales channel with id: sc_missing was not found' });
    expect((await t.http.post('/admin/sales-channels/sc_missing').set(t.auth).send({ name: 'x' })).status).toBe(404);
  });

  it('lists with every filter, search, order, fields and paging', async () => {
    const web = (await t.http.post('/admin/sales-channels').set(t.auth).send({ name: 'Web shop', description: 'The website' })).body.sales_channel;
    const all = await t.http.get('/admin/sales-channels').set(t.auth);
    expect(all.body).toMatchObject({ count: 3, offset: 0, limit: 20 });
    expect(all.body.sales_channels.map((c: any) => c.id)).toEqual([web.id, id, defaultId]);

    const names = async (query: string) => (await t.http.get(`/admin/sales-channels?${query}`).set(t.auth)).body.sales_channels?.map((c: any) => c.name);
    expect(await names('q=WEBSITE')).toEqual(['Web shop']);
    expect(await names('q=mobile')).toEqual(['Mobile']);
    expect(await names('name=Mobile')).toEqual(['Mobile']);
    expect(await names('description=The%20website')).toEqual(['Web shop']);
    expect(await names(`id=${web.id}`)).toEqual(['Web shop']);
    expect(await names(`id[]=${web.id}&id[]=${id}&order=name`)).toEqual(['Mobile', 'Web shop']);
    expect(await names('order=-name')).toEqual(['Web shop', 'Mobile', 'Default Sales Channel']);
    expect(await names(`order=id&id[]=${web.id}&id[]=${id}`)).toEqual([id < web.id ? 'Mobile' : 'Web shop', id < web.id ? 'Web shop' : 'Mobile']);
    expect(await names('created_at[gt]=2999-01-01')).toEqual([]);
    expect((await names('created_at[lt]=2999-01-01&updated_at[gte]=2000-01-01'))).toHaveLength(3);
    expect(await names('updated_at[lt]=2000-01-01')).toEqual([]);

    const page = await t.http.get('/admin/sales-channels?order=name&limit=1&offset=1').set(t.auth);
    expect(page.body).toMatchObject({ count: 3, offset: 1, limit: 1 });
    expect(page.body.sales_channels.map((c: any) => c.name)).toEqual(['Mobile']);
    const fields = await t.http.get('/admin/sales-channels?fields=name').set(t.auth);
    // Medusa's list answers every column whatever `fields` says.
    expect(Object.keys(fields.body.sales_channels[0]).sort()).toEqual(['created_at', 'deleted_at', 'description', 'id', 'is_disabled', 'metadata', 'name', 'updated_at']);
    const small = await t.countQueries(() => t.http.get('/admin/sales-channels?limit=2').set(t.auth));
    expect(await t.countQueries(() => t.http.get('/admin/sales-channels?limit=20').set(t.auth))).toBe(small);
    expect((await t.http.get('/admin/sales-channels?foo=1').set(t.auth)).status).toBe(400);
    expect((await t.http.get('/admin/sales-channels?order=secret').set(t.auth)).status).toBe(400);
  });

  it('deletes softly; a second delete answers 200 again', async () => {
    const del = await t.http.delete(`/admin/sales-channels/${id}`).set(t.auth);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ id, object: 'sales-channel', deleted: true });
    expect((await t.em().findOneOrFail(SalesChannel, id, { filters: { softDelete: false } })).deletedAt).toBeInstanceOf(Date);
    expect((await t.http.get(`/admin/sales-channels/${id}`).set(t.auth)).status).toBe(404);
    const again = await t.http.delete(`/admin/sales-channels/${id}`).set(t.auth);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id, object: 'sales-channel', deleted: true });
    expect((await t.http.delete('/admin/sales-channels/sc_unknown').set(t.auth)).status).toBe(200);
    const deleted = await t.http.get('/admin/sales-channels?deleted_at[gt]=2000-01-01').set(t.auth);
    expect(deleted.body.sales_channels.map((c: any) => c.id)).toEqual([id]);
    expect((await t.http.get('/admin/sales-channels').set(t.auth)).body.count).toBe(2);
  });

  it('answers 401 text/plain without credentials', async () => {
    for (const [method, path] of [
      ['get', '/admin/sales-channels'], ['post', '/admin/sales-channels'], ['get', `/admin/sales-channels/${defaultId}`],
      ['post', `/admin/sales-channels/${defaultId}`], ['delete', `/admin/sales-channels/${defaultId}`],
    ] as const) {
      const res = await (t.http as any)[method](path).send({ name: 'x' });
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
      expect(res.text).toBe('Unauthorized');
    }
    expect(await t.em().count(SalesChannel, { name: 'x' })).toBe(0);
  });
});

describe('GraphQL sales channels', () => {
  const FIELDS = 'id name description isDisabled metadata deletedAt';

  it('creates, reads, updates, lists and deletes', async () => {
    const created = await t.gql(`mutation($input: CreateSalesChannelInput!) { createSalesChannel(input: $input) { ${FIELDS} } }`, { input: { name: 'POS', description: 'Shop counter' } });
    expect(created.errors).toBeUndefined();
    const id = created.data.createSalesChannel.id;
    expect(created.data.createSalesChannel).toMatchObject({ name: 'POS', isDisabled: false, metadata: null });

    const updated = await t.gql('mutation($id: String!) { updateSalesChannel(id: $id, input: { isDisabled: true, metadata: { k: "v" } }) { isDisabled metadata } }', { id });
    expect(updated.data.updateSalesChannel).toEqual({ isDisabled: true, metadata: { k: 'v' } });
    expect((await t.em().findOneOrFail(SalesChannel, id)).isDisabled).toBe(true);

    const got = await t.gql('query($id: String!) { salesChannel(id: $id) { name } }', { id });
    expect(got.data.salesChannel.name).toBe('POS');
    const list = await t.gql('{ salesChannels(filter: { name: "POS" }, limit: 5) { items { id } count offset limit } }');
    expect(list.data.salesChannels).toEqual({ items: [{ id }], count: 1, offset: 0, limit: 5 });
    const store = await t.gql('{ store { defaultSalesChannel { id name } } }');
    expect(store.data.store.defaultSalesChannel).toEqual({ id: defaultId, name: 'Default Sales Channel' });

    const deleted = await t.gql('mutation($id: String!) { deleteSalesChannel(id: $id) { id object deleted } }', { id });
    expect(deleted.data.deleteSalesChannel).toEqual({ id, object: 'sales-channel', deleted: true });
    expect(await t.em().count(SalesChannel, { id })).toBe(0);
  });

  it('reports bad input, unknown ids and missing credentials in Medusa types', async () => {
    const before = await countChannels();
    expect(errorType(await t.gql('mutation { createSalesChannel(input: { name: "" }) { id } }'))).toBe('invalid_data');
    expect(await countChannels()).toBe(before);
    expect(errorType(await t.gql('{ salesChannel(id: "sc_missing") { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('mutation { updateSalesChannel(id: "sc_missing", input: { name: "x" }) { id } }'))).toBe('not_found');
    expect((await t.gql('mutation { deleteSalesChannel(id: "sc_missing") { deleted } }')).data.deleteSalesChannel.deleted).toBe(true);
    expect(errorType(await t.gql('{ salesChannels { count } }', {}, {}))).toBe('unauthorized');
    expect(errorType(await t.gql('mutation { createSalesChannel(input: { name: "x" }) { id } }', {}, {}))).toBe('unauthorized');
    expect(await countChannels()).toBe(before);
  });
});

describe('products in a sales channel (batch)', () => {
  let channelId: string;
  let productIds: string[];
  const channelsOf = async (productId: string) =>
    (await t.em().findOneOrFail(Product, productId, { populate: ['salesChannels'] as any })).salesChannels.getItems().map((c) => c.id).sort();

  beforeAll(async () => {
    const em = t.em();
    const products = ['Shirt', 'Pants', 'Hat'].map((title) => em.create(Product, { title }));
    await em.flush();
    productIds = products.map((p) => p.id);
    channelId = (await t.http.post('/admin/sales-channels').set(t.auth).send({ name: 'Batch' })).body.sales_channel.id;
  });

  it('adds products through REST; adding one already there is harmless', async () => {
    const res = await t.http.post(`/admin/sales-channels/${channelId}/products/batch`).set(t.auth).send({ product_ids: [{ id: productIds[0] }, { id: productIds[1] }] });
    expect(res.status).toBe(200);
    expect(res.body.sales_channel).toMatchObject({ id: channelId, name: 'Batch' });
    expect(await channelsOf(productIds[0])).toEqual([channelId]);
    expect(await channelsOf(productIds[1])).toEqual([channelId]);
    const again = await t.http.post(`/admin/sales-channels/${channelId}/products/batch`).set(t.auth).send({ product_ids: [{ id: productIds[0] }] });
    expect(again.status).toBe(200);
    expect(await channelsOf(productIds[0])).toEqual([channelId]);
  });

  it('refuses unknown products, bad bodies and unknown channels, writing nothing', async () => {
    const unknown = await t.http.post(`/admin/sales-channels/${channelId}/products/batch`).set(t.auth).send({ product_ids: [{ id: productIds[2] }, { id: 'prod_missing' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ type: 'invalid_data', message: 'Products prod_missing do not exist' });
    expect(await channelsOf(productIds[2])).toEqual([]);
    for (const body of [{}, { product_ids: [productIds[2]] }, { product_ids: [{}] }, { product_ids: [{ id: productIds[2] }], x: 1 }]) {
      const res = await t.http.post(`/admin/sales-channels/${channelId}/products/batch`).set(t.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('invalid_data');
    }
    expect(await channelsOf(productIds[2])).toEqual([]);
    const missing = await t.http.post('/admin/sales-channels/sc_missing/products/batch').set(t.auth).send({ product_ids: [{ id: productIds[2] }] });
    expect(missing.status).toBe(404);
    expect((await t.http.delete('/admin/sales-channels/sc_missing/products/batch').set(t.auth).send({ product_ids: [{ id: productIds[0] }] })).status).toBe(404);
    // As Medusa, removal skips unknown products.
    expect((await t.http.delete(`/admin/sales-channels/${channelId}/products/batch`).set(t.auth).send({ product_ids: [{ id: 'prod_missing' }] })).status).toBe(200);
    // Medusa's validators accept an empty list: nothing changes, an unknown channel is still a 404.
    expect((await t.http.delete(`/admin/sales-channels/${channelId}/products/batch`).set(t.auth).send({ product_ids: [] })).status).toBe(200);
    const empty = await t.http.post(`/admin/sales-channels/${channelId}/products/batch`).set(t.auth).send({ product_ids: [] });
    expect(empty.status).toBe(200);
    expect(empty.body.sales_channel).toMatchObject({ id: channelId });
    expect((await t.http.post('/admin/sales-channels/sc_missing/products/batch').set(t.auth).send({ product_ids: [] })).status).toBe(404);
    expect(await channelsOf(productIds[2])).toEqual([]);
    expect(await channelsOf(productIds[0])).toEqual([channelId]);
  });

  it('removes products through REST', async () => {
    const res = await t.http.delete(`/admin/sales-channels/${channelId}/products/batch`).set(t.auth).send({ product_ids: [{ id: productIds[0] }, { id: productIds[2] }] });
    expect(res.status).toBe(200);
    expect(res.body.sales_channel.id).toBe(channelId);
    expect(await channelsOf(productIds[0])).toEqual([]);
    expect(await channelsOf(productIds[1])).toEqual([channelId]);
  });

  it('adds and removes through GraphQL, with Medusa error types', async () => {
    const add = await t.gql('mutation($id: String!, $p: [ProductRef!]!) { addProductsToSalesChannel(id: $id, productIds: $p) { id } }', { id: channelId, p: [{ id: productIds[2] }] });
    expect(add.data.addProductsToSalesChannel.id).toBe(channelId);
    expect(await channelsOf(productIds[2])).toEqual([channelId]);
    const remove = await t.gql('mutation($id: String!, $p: [ProductRef!]!) { removeProductsFromSalesChannel(id: $id, productIds: $p) { id } }', { id: channelId, p: [{ id: productIds[2] }] });
    expect(remove.errors).toBeUndefined();
    expect(await channelsOf(productIds[2])).toEqual([]);
    expect(errorType(await t.gql('mutation($p: [ProductRef!]!) { addProductsToSalesChannel(id: "sc_missing", productIds: $p) { id } }', { p: [{ id: productIds[2] }] }))).toBe('not_found');
    expect(errorType(await t.gql('mutation($id: String!) { addProductsToSalesChannel(id: $id, productIds: [{ id: "prod_missing" }]) { id } }', { id: channelId }))).toBe('invalid_data');
    // An empty list changes nothing (as Medusa); an unknown channel is still not_found.
    expect((await t.gql('mutation($id: String!) { addProductsToSalesChannel(id: $id, productIds: []) { id } }', { id: channelId })).data.addProductsToSalesChannel).toEqual({ id: channelId });
    expect(errorType(await t.gql('mutation { addProductsToSalesChannel(id: "sc_missing", productIds: []) { id } }'))).toBe('not_found');
    expect(errorType(await t.gql('mutation($id: String!, $p: [ProductRef!]!) { addProductsToSalesChannel(id: $id, productIds: $p) { id } }', { id: channelId, p: [{ id: productIds[2] }] }, {}))).toBe('unauthorized');
    expect(await channelsOf(productIds[2])).toEqual([]);
  });

  it('answers 401 text/plain without credentials', async () => {
    for (const method of ['post', 'delete'] as const) {
      const res = await t.http[method](`/admin/sales-channels/${channelId}/products/batch`).send({ product_ids: [{ id: productIds[2] }] });
      expect(res.status).toBe(401);
      expect(res.text).toBe('Unauthorized');
    }
    expect(await channelsOf(productIds[2])).toEqual([]);
  });
});
